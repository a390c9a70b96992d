"""`statusdoc explain`: what each counter and claim is bound to, and why."""

from __future__ import annotations

from statusdoc import certainty
from statusdoc.checks import Evaluator, compatible, tally
from statusdoc.model import Document

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import Rounding
    from statusdoc.vocabulary import Vocabulary


def explain_document(
    doc: Document, *, line: int | None = None, rounding: Rounding = "nearest", vocabulary: Vocabulary | None = None
) -> str:
    ev = Evaluator(doc, rounding=rounding, vocabulary=vocabulary)
    fixes: dict[int, list[str]] = {}
    for check in ev.checks():
        if check.counter is not None:
            fixes.setdefault(check.counter, []).append(f"{check.found!r} -> {check.computed!r}")
    out: list[str] = []
    path = doc.path or "<text>"
    for ci, c in enumerate(doc.counters):
        if line is not None and c.line != line:
            continue
        b = ev.bindings[ci]
        head = f"{path}:{c.line}:{c.span.column}: {c.kind} {c.text!r}"
        if not b.bound:
            out.append(f"{head}\n  {b.rule}: {b.reason}\n")
            continue
        t = ev.scope_tally(b)  # a roll-up's is of other files' items
        lines = [
            head,
            f"  bound by {b.rule}: {b.reason}",
            f"  counts {t.total} items: {t.done} done, {t.in_progress} in progress, {t.todo} todo, {t.blocked} blocked",
        ]
        if b.sections:
            lines.append(f"  sections: {', '.join(str(doc.sections[s].line) for s in b.sections)} (lines)")
        q = certainty.Question(ev, ci, c, b, t)
        for why in certainty.evidence(q):
            lines.append(f"  evidence: {why}")
        decision = ev.claim_decision(c)
        if ci in fixes:
            verb = "rewrites" if decision.action == "rewrite" else f"{decision.action}s, not rewritten: {decision.why}"
            lines.append(f"  found vs computed: {'; '.join(fixes[ci])} ({verb})")
        else:
            lines.append("  found = computed")
        out.append("\n".join(lines) + "\n")
    for sl in doc.status_lines:
        if line is not None and sl.line != line:
            continue
        scope = ev.status_scope(sl)
        if scope is None or not scope[1]:
            out.append(f"{path}:{sl.line}: status line claims {sl.claimed}\n  unbound: no items in its scope\n")
            continue
        si, items = scope
        t = tally(doc, items)
        where = "the document" if si is None else f"section '{ev.title(si)}' (line {doc.sections[si].line})"
        agrees = "agrees" if compatible(sl.claimed, t.state) else "contradicts"
        out.append(
            f"{path}:{sl.line}: status line claims {sl.claimed}\n  bound to {where}\n"
            f"  items say {t.state} ({t.done}/{t.total} done): the claim {agrees}"
            f"{'; free-form claim: lint only' if sl.free_form else ''}\n"
        )
    if line is not None:
        out += _findings_on(doc, line, rounding)
    if not out:
        return f"{path}{':' + str(line) if line else ''}: no counters or claims\n"
    return "\n".join(out)


#: The rules about items and claims rather than counters: explain shows their findings on a line.
_ITEM_RULES = ("SD004", "SD005", "SD006")


def _findings_on(doc: Document, line: int, rounding: Rounding) -> list[str]:
    """What lint says on ``line`` about status claims and items (SD004-SD006), which the counter
    bindings above do not show."""
    from statusdoc.config import Config
    from statusdoc.linter import lint
    from statusdoc.rules import RULES

    found = [f for f in lint(doc, config=Config(rounding=rounding)) if f.line == line and f.code in _ITEM_RULES]
    return [
        f"{f.path}:{f.line}:{f.column}: {f.code} {RULES[f.code].name} ({f.severity})\n  {f.message}\n" for f in found
    ]


def line_count(text: str) -> int:
    """How many lines ``text`` has, as an editor numbers them (a final newline ends the last line).

    >>> line_count("a\\rb\\r"), line_count("a\\r\\nb"), line_count("a\\n\\n")
    (2, 2, 2)
    """
    if not text:
        return 0
    from statusdoc.lines import LineIndex

    # Every newline convention: a CR-only file has as many lines as its CRs say.
    return len(LineIndex(text)) - (1 if text.endswith(("\n", "\r")) else 0)
