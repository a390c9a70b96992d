"""The lint rules: stable codes, names, default severities and their documentation (SPEC §6)."""

from __future__ import annotations

from statusdoc._record import frozen_record, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import Severity


#: Where the project's documentation lives (SARIF's informationUri; each rule's helpUri is an
#: anchor in the rule reference, docs/rules.md, which ``statusdoc rule`` also prints).
DOCS_URL = "https://pypi.org/project/statusdoc/"
RULES_URL = "https://github.com/statusdoc/statusdoc/blob/main/docs/rules.md"


@frozen_record
class Rule:
    code: str
    name: str
    severity: Severity
    finds: str
    example: str
    fix: str

    @property
    def url(self) -> str:
        """The rule's section of docs/rules.md (GitHub's anchor for ``## SD001 `count-drift` (error)``)."""
        return f"{RULES_URL}#{self.code.lower()}-{self.name}-{self.severity}"


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "SD001",
            "count-drift",
            "error",
            "A count, fraction, total or remaining number that differs from the checklist items.",
            "`**Total Files:** 38` over 36 items",
            "`statusdoc recompute` rewrites the number in place.",
        ),
        Rule(
            "SD002",
            "percent-drift",
            "error",
            "A percentage that differs from the share of items done (rounded at the document's precision).",
            "`**Completed:** 22 (47%)` where 22 of 36 is 61%",
            "`statusdoc recompute` rewrites the percentage.",
        ),
        Rule(
            "SD003",
            "bar-drift",
            "error",
            "A progress bar whose fill differs from the share of items done.",
            "`[███░░░░░░░] 27%` over 9 of 23 done",
            "`statusdoc recompute` redraws the bar in the same width and glyphs.",
        ),
        Rule(
            "SD004",
            "status-drift",
            "error",
            "A status marker, status line or heading word that contradicts the items of its scope.",
            "`**Status:** ⬜ Not Started` over criteria that are all ✅",
            "`statusdoc recompute` rewrites marker-plus-word claims; free-form claims need a person.",
        ),
        Rule(
            "SD005",
            "item-contradiction",
            "warning",
            "An item whose marker contradicts its own text.",
            "`- ✅ Development Environment: Not Set Up`",
            "Change the marker or the text by hand.",
        ),
        Rule(
            "SD006",
            "duplicate-item-state",
            "warning",
            "The same item text in two places with different states.",
            "`- [ ] /api/pause` in Phase 05 and `- ✅ /api/pause` in Phase 06",
            "Make the two agree, or reword one of them.",
        ),
        Rule(
            "SD007",
            "summary-contradiction",
            "error",
            "A summary block that contradicts itself (Total ≠ Completed + Remaining).",
            "`Total: 10`, `Completed: 4`, `Remaining: 5`",
            "`statusdoc recompute` rewrites all three from the items.",
        ),
        Rule(
            "SD008",
            "mojibake",
            "warning",
            "Text that was saved through the wrong code page (✅ shows as `âœ…`).",
            "`## âœ… Completed` (UTF-8 read as Windows-1252)",
            "`statusdoc fix-encoding` repairs it and reports what cannot be known.",
        ),
        Rule(
            "SD009",
            "unbound-counter",
            "info",
            "A counter that could not be bound to any items, so it is left alone.",
            "`**Progress:** 3/5` in a document with no checklist",
            "Add `<!-- statusdoc: scope=<slug> -->` or `<!-- statusdoc: ignore -->`.",
        ),
    )
}


#: Rule names (``count-drift``) to codes: a name is accepted wherever a code is.
BY_NAME: dict[str, str] = {r.name: r.code for r in RULES.values()}

#: What a rule selector may be, in the words of error messages.
KNOWN_SELECTORS = "a rule code (SD001-SD009), a code prefix (SD00) or a rule name (count-drift): see statusdoc rule"


class UnknownRule(ValueError):
    """A value that names no rule.  ``expected`` says what would have: the fix, when only the case
    is wrong; otherwise what a selector may be."""

    def __init__(self, value: str, expected: str) -> None:
        self.value = value
        self.expected = expected
        super().__init__(f"unknown rule {value!r}; expected {expected}")


def _selects(value: str) -> bool:
    return value.startswith("SD") and any(code.startswith(value) for code in RULES)


def _unknown(value: str, expected: str = KNOWN_SELECTORS) -> UnknownRule:
    if value.upper() != value and _selects(value.upper()):
        return UnknownRule(value, f"{value.upper()} (codes are upper case)")
    if value.lower() != value and value.lower() in BY_NAME:
        return UnknownRule(value, f"{value.lower()} (names are lower case)")
    return UnknownRule(value, expected)


def rule_selector(value: str) -> str:
    """The code or code prefix that ``value`` (a code, prefix or name) selects.

    Raises :class:`UnknownRule` when it selects no rule: an unknown code must not pass silently
    (``--select SD999`` would report nothing, and CI would pass)."""
    v = value.strip()
    if v in BY_NAME:
        return BY_NAME[v]
    if _selects(v):
        return v
    raise _unknown(v)


def rule_code(value: str) -> str:
    """The code of exactly one rule, given its code or name (a prefix names no single rule)."""
    v = value.strip()
    if v in RULES:
        return v
    if v in BY_NAME:
        return BY_NAME[v]
    raise _unknown(v, "a rule code (SD001-SD009) or a rule name (count-drift)")


def rule_for(value: str) -> Rule:
    """The rule a code or a name stands for (:class:`UnknownRule` when none)."""
    return RULES[rule_code(value)]


@record
class Finding:
    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    #: The replacement text recompute would write, when it can fix the finding.
    fix: str | None = None

    @property
    def name(self) -> str:
        return RULES[self.code].name

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
        }


def rule_markdown(r: Rule) -> str:
    """One rule's section of the reference: what ``statusdoc rule CODE`` prints."""
    return "\n".join(
        [
            f"## {r.code} `{r.name}` ({r.severity})",
            "",
            r.finds,
            "",
            f"Example: {r.example}",
            "",
            f"Fix: {r.fix}",
            "",
            f'Silence: `<!-- statusdoc-disable-next-line {r.code} -->`, or `ignore = ["{r.code}"]` in the config.',
            "",
        ]
    )


def rules_markdown() -> str:
    """The rule reference, generated into docs/rules.md."""
    out = [
        "# statusdoc lint rules",
        "",
        "Generated from `src/statusdoc/rules.py` (`tests/test_schemas.py` fails when stale; regenerate with "
        "`STATUSDOC_REGEN=1 pytest tests/test_schemas.py`).",
        "",
    ]
    out += [rule_markdown(r) for r in RULES.values()]
    return "\n".join(out)
