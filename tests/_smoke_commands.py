"""A smoke test of every command, through the typer app and the fast path, in this interpreter.

    python tests/_smoke_commands.py        # exit 0, or 1 with one line per failed command

It needs only statusdoc and its runtime dependencies (not pytest), so that ``test_lowest_deps``
can run it in a virtualenv holding the lowest versions ``pyproject.toml`` declares.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

DRIFTED = "# Plan (0/2)\n\n- [x] one\n- [x] two\n"
MOJIBAKE = "# Plan\n\n- âœ… shipped\n"
#: Runs the typer app (every option through typer) or the console script's fast path.
TYPER = "import sys; from statusdoc._cli import run; sys.argv[0] = 'statusdoc'; sys.exit(run(sys.argv[1:]))"
FAST = "import sys; from statusdoc._entry import main; sys.argv[0] = 'statusdoc'; main()"

# (entry, argv, expected exit code, text stdout must contain)
CASES: list[tuple[str, list[str], int, str]] = [
    (TYPER, ["--version"], 0, "statusdoc "),
    (TYPER, ["--help"], 0, "recompute"),
    *[
        (TYPER, [c, "--help"], 0, "Usage")
        for c in ("lint", "recompute", "show", "explain", "dump", "fix-encoding", "report", "badge")
    ],
    (TYPER, ["schema", "--help"], 0, "Usage"),
    (TYPER, ["rule", "SD001"], 0, "count-drift"),
    (TYPER, ["lint", "doc.md"], 1, "SD001"),
    (TYPER, ["lint", "--select", "SD001,SD002", "--ignore", "SD002", "-f", "json", "doc.md"], 1, '"SD001"'),
    (TYPER, ["lint", "-f", "sarif", "doc.md"], 1, '"2.1.0"'),
    (TYPER, ["lint", "-f", "github", "doc.md"], 1, "::error"),
    (TYPER, ["lint", "--select", "SD999", "doc.md"], 2, ""),
    (FAST, ["lint", "doc.md"], 1, "SD001"),
    (FAST, ["recompute", "--check", "doc.md"], 1, "would recompute"),
    (TYPER, ["recompute", "--check", "doc.md"], 1, "would recompute"),
    (TYPER, ["recompute", "--diff", "doc.md"], 1, "+# Plan (2/2)"),
    (TYPER, ["show", "doc.md"], 0, "2/2"),
    (TYPER, ["report", "doc.md"], 0, "2/2"),
    (TYPER, ["report", "-f", "json", "doc.md"], 0, '"percent": 100'),
    (TYPER, ["report", "-f", "markdown", "doc.md"], 0, "| document |"),
    (TYPER, ["report", "-f", "html", "doc.md"], 0, "<svg"),
    (TYPER, ["badge", "doc.md"], 0, "100%"),
    (TYPER, ["badge", "-f", "json", "doc.md"], 0, '"schemaVersion": 1'),
    (TYPER, ["schema", "report"], 0, '"documents"'),
    (TYPER, ["explain", "doc.md:1"], 0, "fraction"),
    (TYPER, ["dump", "doc.md"], 0, '"counters"'),
    (TYPER, ["dump", "-f", "yaml", "doc.md"], 0, "counters:"),
    (TYPER, ["schema", "document"], 0, '"properties"'),
    (TYPER, ["schema", "config"], 0, '"rounding"'),
    (TYPER, ["fix-encoding", "--check", "moji.md"], 1, "would repair"),
    (TYPER, ["fix-encoding", "--diff", "moji.md"], 1, "+- ✅ shipped"),
    (TYPER, ["fix-encoding", "moji.md"], 0, ""),
    (TYPER, ["recompute", "doc.md"], 0, ""),
    (TYPER, ["recompute", "--check", "doc.md"], 0, ""),
    (TYPER, ["fix-encoding", "--check", "moji.md"], 0, ""),
    # The configuration's errors are worded by validators of our own (pydantic's differ by version).
    (TYPER, ["lint", "bad/doc.md"], 2, "stderr:colour: expected a known key"),
]


def main() -> int:
    failed = []
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, "bad"))
        for name, text in (
            ("doc.md", DRIFTED),
            ("moji.md", MOJIBAKE),
            ("bad/doc.md", DRIFTED),
            ("bad/.statusdoc.yaml", "colour: red\n"),
        ):
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        for entry, argv, code, want in CASES:
            r = subprocess.run([sys.executable, "-c", entry, *argv], cwd=d, capture_output=True, text=True, env=env)
            if ("json" in argv or "sarif" in argv or argv[:1] == ["schema"]) and "--help" not in argv:
                try:
                    json.loads(r.stdout)
                except ValueError:
                    want = "<valid JSON>"
            if "--help" in argv and ("<list" in r.stdout or "<str>" in r.stdout or "\\[" in r.stdout):
                want = "help without type metavars or escaped brackets"
            seen = r.stderr if want.startswith("stderr:") else r.stdout
            if r.returncode != code or want.removeprefix("stderr:") not in seen or "Traceback" in r.stderr:
                tail = (r.stderr.strip().splitlines() or [""])[-1][:200]
                failed.append(f"statusdoc {' '.join(argv)}: exit {r.returncode} (want {code}, {want!r}): {tail}")
    for line in failed:
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
