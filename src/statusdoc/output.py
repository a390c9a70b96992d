"""Finding formats: text, json, github workflow commands, SARIF 2.1.0."""

from __future__ import annotations

from statusdoc.rules import RULES, Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

FORMATS = ("text", "json", "github", "sarif")
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def write_findings(findings: list[Finding], fmt: str, out: TextIO, *, color: bool = False) -> None:
    if fmt in ("json", "sarif"):
        import json  # only here: its import compiles six regexes, ~2 ms a run

    if fmt == "json":
        json.dump([f.as_dict() for f in findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "github":
        for f in findings:
            level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
            msg = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            path = f.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
            out.write(f"::{level} file={path},line={f.line},col={f.column},title={f.code}::{msg}\n")
    elif fmt == "sarif":
        json.dump(sarif(findings), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for f in findings:
            code = f"{_COLORS[f.severity]}{f.code}\033[0m" if color else f.code
            out.write(f"{f.path}:{f.line}:{f.column}: {code} {f.message}\n")


def sarif(findings: list[Finding]) -> dict[str, object]:
    from statusdoc import __version__

    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.finds},
            "fullDescription": {"text": f"{r.finds} Example: {r.example}"},
            "help": {"text": r.fix},
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
                        "artifactLocation": {"uri": f.path},
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
                        "informationUri": "https://pypi.org/project/statusdoc/",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
