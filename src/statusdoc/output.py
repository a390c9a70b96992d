"""Finding formats: text, json, github workflow commands, SARIF 2.1.0; colour; the summary line.

A document's text reaches these outputs (titles in messages, file names): the human formats escape
control characters (:func:`statusdoc.errors.printable`), the JSON ones escape what JSON leaves raw.
"""

from __future__ import annotations

import os

from statusdoc import _memo
from statusdoc._regex import lazy
from statusdoc.errors import printable
from statusdoc.rules import DOCS_URL, RULES, Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import TextIO

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def visible(findings: list[Finding], *, show_info: bool) -> tuple[list[Finding], int]:
    """The findings a text report lists, and how many info findings it leaves out."""
    if show_info:
        return findings, 0
    shown = [f for f in findings if f.severity != "info"]
    return shown, len(findings) - len(shown)


def write_findings(
    findings: list[Finding],
    fmt: str,
    out: TextIO,
    *,
    color: bool = False,
    statistics: bool = False,
) -> None:
    if fmt in ("json", "sarif"):
        import json  # only here: its import compiles six regexes, ~2 ms a run

    if statistics:
        rows = _statistics(findings)
        if fmt == "json":
            out.write(_json_text(json.dumps([{"code": c, "name": n, "count": k} for k, c, n in rows], indent=2)))
        else:
            out.writelines(f"{k:>6}  {c}  {n}\n" for k, c, n in rows)
    elif fmt == "json":
        out.write(_json_text(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)))
    elif fmt == "github":
        out.writelines(_github(f) for f in findings)
    elif fmt == "sarif":
        out.write(_json_text(json.dumps(sarif(findings), ensure_ascii=False, indent=2)))
    else:
        out.writelines(_text(f, color) for f in findings)


#: A quoted excerpt (a heading, an item's text) longer than a reader needs to recognise it.
#: (An opening quote follows a blank, a bracket or the start: the stretch between two excerpts,
#: `'A'); not rewritten: … section 'B'`, is not one.)
_LONG_QUOTE = lazy(globals(), "_LONG_QUOTE", r"(?:(?<=[\s(\[])|^)'([^'\n]{48})[^'\n]{2,}'(?!\w)")


def short(message: str) -> str:
    """``message`` with each long quoted excerpt cut to its first 48 characters and an ellipsis:
    a finding stays about one line however long the heading it quotes (JSON keeps it whole).

    >>> short("in section 'A'); not rewritten: it equals the 3 items of section 'Backend' itself")
    "in section 'A'); not rewritten: it equals the 3 items of section 'Backend' itself"
    >>> short("heading of section '" + "x" * 60 + "'") == "heading of section '" + "x" * 48 + "…'"
    True
    """
    # (a function, not the template r"'\1…'": a template makes the engine import re)
    return _LONG_QUOTE.sub(_cut_quote, message) if "'" in message else message


def _cut_quote(m: re.Match[str]) -> str:
    return f"'{m.group(1)}…'"


def _text(f: Finding, color: bool) -> str:
    code, severity = f.code, str(f.severity)
    if color:
        code, severity = f"{_BOLD}{code}{_RESET}", f"{_COLORS[f.severity]}{severity}{_RESET}"
    return f"{printable(f.path)}:{f.line}:{f.column}: {code} {severity}: {printable(short(f.message))}\n"


def _github(f: Finding) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
    # Workflow-command escaping first (%, CR, LF; in properties also : and ,), so that a line break
    # in a file name is still the file's name; then the terminal's, for what is left.
    msg = printable(_workflow_escape(short(f.message)))
    path = printable(_workflow_escape(f.path).replace(",", "%2C").replace(":", "%3A"))
    return f"::{level} file={path},line={f.line},col={f.column},title={f.code}::{msg}\n"


def _workflow_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _json_text(text: str) -> str:
    """JSON with the characters it may leave raw escaped: C1 controls (0x9b is a terminal's CSI),
    DEL, U+2028/U+2029 and lone surrogates.  They occur only inside strings, so ``\\uXXXX`` is the same value."""
    if not text.isprintable():
        text = text.translate(_json_escapes())
    return text + "\n"


@_memo.cache
def _json_escapes() -> dict[int, str]:
    # Built on first need: 2,000 entries are a millisecond of every lint's start-up otherwise.
    # Lone surrogates too: a file name's undecodable byte, which UTF-8 cannot encode raw.
    return {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), 0x2028, 0x2029, *range(0xD800, 0xE000)]}


def _statistics(findings: list[Finding]) -> list[tuple[int, str, str]]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.code] = counts.get(f.code, 0) + 1
    return sorted(((k, c, RULES[c].name) for c, k in counts.items()), key=lambda r: (-r[0], r[1]))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(findings: list[Finding], *, files: int, hidden_info: int = 0, fixed: int = 0) -> str:
    """``Found 12 problems (9 errors, 3 warnings) in 4 files.``, with what --fix fixed and how many
    info findings were left out; empty when there is nothing to say."""
    parts = []
    if findings:
        by = [_plural(sum(f.severity == s for f in findings), s) for s in ("error", "warning", "info")]
        kinds = ", ".join(b for b in by if not b.startswith("0 "))
        in_files = len({f.path for f in findings})
        parts.append(f"Found {_plural(len(findings), 'problem')} ({kinds}) in {_plural(in_files, 'file')}")
    elif fixed or hidden_info:
        parts.append(f"No problems in {_plural(files, 'file')}")
    if fixed:
        parts.append(f"fixed {_plural(fixed, 'file')}")
    if hidden_info:
        parts.append(f"{hidden_info} info hidden (--show-info)")
    return "; ".join(parts) + "." if parts else ""


def artifact_uri(path: str) -> str:
    """A path as a SARIF artifact URI: relative, ``/``-separated, percent-encoded (a space is
    ``%20``, a ``#`` would otherwise start a fragment); absolute paths become ``file://`` URIs."""
    from urllib.parse import quote

    # Undecodable bytes of a file name travel as surrogates: encode them back to those bytes.
    raw = path.replace(os.sep, "/").encode("utf-8", "surrogateescape")
    if raw.startswith(b"/"):
        return "file://" + quote(raw)
    return quote(raw)


def sarif(findings: list[Finding]) -> dict[str, object]:
    from statusdoc import __version__

    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.finds},
            "fullDescription": {"text": f"{r.finds} Example: {r.example}"},
            "help": {"text": r.fix},
            "helpUri": r.url,
            "defaultConfiguration": {"level": {"info": "note"}.get(r.severity, r.severity)},
        }
        for r in RULES.values()
    ]
    index = {code: k for k, code in enumerate(RULES)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": {"info": "note"}.get(f.severity, f.severity),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "statusdoc",
                        "version": __version__,
                        "informationUri": DOCS_URL,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
