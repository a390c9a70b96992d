"""`statusdoc report` (issue 19): totals that agree with `show`, the walk of `lint`, text, JSON
(against its schema), Markdown (parsed with markdown-it-py), errors per file, and stdout failures."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from statusdoc import _entry, badge, parse, report, report_html
from statusdoc.config import _CACHE
from statusdoc.dump import schema_json
from statusdoc.report import Row, document_report, document_row, top_sections
from statusdoc.show import rows as show_rows
from tests.conftest import CORPUS, EXAMPLES, ROOT, corpus_files, read, seed_files, shared_params
from tests.test_cli_conventions import STATUSDOC, closed_pipe

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("STATUSDOC_REGEN") == "1"


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    _CACHE.clear()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _entry.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("module", [report, report_html, badge], ids=lambda m: m.__name__)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted and not result.failed


# ------------------------------------------------------------------ what is counted

TOP_SECTIONS = {
    # document -> the titles of its top-level sections
    "a title over the parts": ("# Plan\n## A\n- [x] a\n## B\n- [ ] b\n", ["A", "B"]),
    "two outer headings": ("# A\n- [x] a\n# B\n- [ ] b\n", ["A", "B"]),
    "a title over one part": ("# Plan\n## A\n- [x] a\n", []),
    "a lone heading": ("# Plan\n- [x] a\n- [ ] b\n", []),
    "a lone heading and items before it": ("- [ ] first\n# Plan\n- [x] a\n", ["Plan"]),
    "no headings": ("- [x] a\n", []),
    "sections without items left out": ("# Plan\n## Notes\ntext\n## A\n- [x] a\n## B\n- [ ] b\n", ["A", "B"]),
    "history left out": ("# Plan\n## A\n- [x] a\n## B\n- [ ] b\n## Changelog\n- [x] old\n", ["A", "B"]),
    "only cancelled items left out": ("# Plan\n## A\n- [x] a\n## B\n- [~] b\n## C\n- [ ] c\n", ["A", "C"]),
    "subsections stay inside": ("# Plan\n## A\n### A.1\n- [x] a\n### A.2\n- [ ] b\n## B\n- [ ] c\n", ["A", "B"]),
    "a title over a lone part descends further": (
        "# Plan\n## Only\n### X\n- [x] a\n### Y\n- [ ] b\n",
        ["X", "Y"],
    ),
}


@pytest.mark.parametrize("case", list(TOP_SECTIONS))
def test_top_sections(case: str) -> None:
    text, titles = TOP_SECTIONS[case]
    doc = parse(text)
    assert [doc.sections[k].title for k in top_sections(doc)] == titles


def test_section_rows_count_their_subsections() -> None:
    doc = parse("# Plan\n## A\n- [x] a\n### A.1\n- [ ] b\n- [x] c\n## B\n- [ ] d\n")
    r = document_report(doc, "p.md")
    assert [(s.title, s.done, s.total, s.line, s.level) for s in r.sections] == [("A", 2, 3, 2, 2), ("B", 0, 1, 7, 2)]
    assert (r.row.done, r.row.total) == (2, 4)


PERCENTS = {
    # (done, total, weighted) -> (percent, filled cells of 20)
    "nothing counts": ((0, 0, 0.0), (None, 0)),
    "none done": ((0, 4, 0.0), (0, 0)),
    "all done": ((4, 4, 4.0), (100, 20)),
    "half": ((1, 2, 1.0), (50, 10)),
    "almost all is not 100": ((199, 200, 199.0), (99, 19)),
    "a little is not 0": ((1, 300, 1.0), (1, 1)),
    "half up": ((1, 8, 1.0), (13, 3)),
    "progress items weigh their share": ((0, 2, 0.6), (30, 6)),
}


@pytest.mark.parametrize("case", list(PERCENTS))
def test_percent_and_bar(case: str) -> None:
    (done, total, weighted), (pct, cells) = PERCENTS[case]
    row = Row("x", done, total, weighted)
    assert row.percent == pct
    assert report.bar_cells(row, 20) == cells
    assert report.text_bar(row) == "█" * cells + "░" * (20 - cells)


@given(st.integers(0, 400), st.integers(0, 400))
def test_percent_says_done_only_when_done(done: int, extra: int) -> None:
    row = Row("x", done, done + extra, float(done))
    if not row.total:
        assert row.percent is None and report.bar_cells(row, 20) == 0
        return
    assert row.percent is not None
    assert (row.percent == 100) == (extra == 0) == (report.bar_cells(row, 20) == 20)
    assert (row.percent == 0) == (done == 0) == (report.bar_cells(row, 20) == 0)


# ------------------------------------------------------------------ report and show agree


def _agree(path: Path, display: str) -> None:
    doc = parse(read(path), path=display)
    mine, shown = document_row(doc), show_rows(doc)[0]
    assert (mine.done, mine.total, mine.weighted) == (shown.done, shown.total, shown.weighted)


@pytest.mark.parametrize("path", shared_params(seed_files() + corpus_files()))
def test_report_totals_equal_show_on_the_seeds_and_corpus(path: Path | None) -> None:
    assert path is not None
    _agree(path, path.name)


@pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is not available")
def test_one_row_per_corpus_document_with_shows_totals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "report", "--format", "json", str(CORPUS))
    assert code == 0
    data = json.loads(out)
    assert [d["path"] for d in data["documents"]] == [str(p) for p in corpus_files()]
    for d in data["documents"]:
        shown = show_rows(parse(read(Path(d["path"])), path=d["path"]))[0]
        assert (d["done"], d["total"]) == (shown.done, shown.total), d["path"]


def test_report_and_show_print_the_same_totals_for_every_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both commands end to end over examples/: the files' rows (depth 0) name the same counts."""
    monkeypatch.chdir(EXAMPLES)  # short names: `show` shortens a long one with `…`
    code, shown, _ = cli(capsys, "show", ".")
    assert code == 0
    show_totals = {}
    for line in shown.splitlines():
        if (m := re.match(r"(\S+)\s+(?:\[[█░]+\]\s+)?(\d+)/(\d+) ", line)) and m[1] != "total":
            show_totals[m[1]] = (int(m[2]), int(m[3]))
    code, out, _ = cli(capsys, "report", "--format", "json", ".")
    assert code == 0
    data = json.loads(out)
    report_totals = {d["path"]: (d["done"], d["total"]) for d in data["documents"]}
    assert len(report_totals) == len(list(EXAMPLES.rglob("*.md"))) == len(show_totals)
    assert report_totals == show_totals
    assert (data["total"]["done"], data["total"]["total"]) == tuple(map(sum, zip(*report_totals.values(), strict=True)))


# ------------------------------------------------------------------ text


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_bytes(actual.encode("utf-8"))
    assert read(path) == actual


def test_text_report_of_the_examples(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = cli(capsys, "report", "examples")
    assert (code, err) == (0, "")
    check_golden("report.examples.txt", out)
    lines = out.splitlines()
    assert lines[-1].startswith(f"total ({len(list(EXAMPLES.rglob('*.md')))} documents)")
    # Aligned: every bar starts in the same terminal column (a CJK character takes two).
    from statusdoc.show import cells

    def bar_column(line: str) -> int:
        return cells(line[: line.index("█") if "█" in line else line.index("░")])

    assert len({bar_column(line) for line in lines}) == 1


def test_one_line_per_document_then_its_sections(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# B\n## One\n- [x] a\n## Two\n- [ ] b\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n- [x] a\n", encoding="utf-8")
    code, out, _ = cli(capsys, "report", str(tmp_path / "b.md"), str(tmp_path / "a.md"))
    assert code == 0
    titles = [re.split(r"\s+[█░]", line)[0] for line in out.splitlines()]
    assert titles == [str(tmp_path / "a.md"), str(tmp_path / "b.md"), "  One", "  Two", "total (2 documents)"]


def test_colour_on_a_terminal_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text("# Plan [red]x[/red]\n## A\n- [x] a\n## B [link=http://x]y\n- [ ] b\n", encoding="utf-8")
    plain = cli(capsys, "report", str(doc))[1]
    coloured = cli(capsys, "report", "--color", "always", str(doc))[1]
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain, "the same text, only coloured"
    assert "B [link=http://x]y" in plain, "titles are text, never markup"


def test_control_characters_in_titles_are_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("# T\n## A\x1b[2J\n- [x] a\n## B\n- [ ] b\n", encoding="utf-8")
    for fmt in report.FORMATS:
        out = cli(capsys, "report", "-f", fmt, str(tmp_path))[1]
        assert "\x1b" not in out and "\\x1b" in out, fmt


# ------------------------------------------------------------------ json


def test_report_schema_file_is_current() -> None:
    path = ROOT / "schemas" / "report.schema.json"
    assert read(path) == schema_json("report"), f"regenerate with: statusdoc schema report > {path.name}"


def test_json_validates_against_the_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    (tmp_path / "ex" / "broken.md").write_bytes(b"# Broken \xff\n- [x] a\n")
    (tmp_path / "ex" / "empty.md").write_text("# Nothing to count\n", encoding="utf-8")
    code, out, _ = cli(capsys, "report", "--format", "json", str(tmp_path / "ex"))
    assert code == 2
    data = json.loads(out)
    jsonschema.validate(data, json.loads(schema_json("report")))
    assert [e["path"] for e in data["errors"]] == [str(tmp_path / "ex" / "broken.md")]
    empty = next(d for d in data["documents"] if d["path"].endswith("empty.md"))
    assert (empty["total"], empty["percent"], empty["sections"]) == (0, None, [])
    assert data["total"]["documents"] == len(data["documents"]) == len(list(EXAMPLES.rglob("*.md"))) + 1


def test_schema_rejects_what_the_model_forbids() -> None:
    schema = json.loads(schema_json("report"))
    good = {
        "documents": [],
        "total": {"documents": 0, "done": 0, "total": 0, "weighted": 0, "percent": None},
        "errors": [],
    }
    jsonschema.validate(good, schema)
    for bad in ({**good, "extra": 1}, {**good, "total": {**good["total"], "percent": 101}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


# ------------------------------------------------------------------ markdown


def _table_rows(markdown: str) -> list[list[str]]:
    """The cells (their inline text) of the first table markdown-it-py finds, header first."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = [t.type for t in tokens]
    assert "table_open" in kinds, "no table"
    rows: list[list[str]] = []
    for t in tokens[kinds.index("table_open") : kinds.index("table_close")]:
        if t.type == "tr_open":
            rows.append([])
        elif t.type == "inline":
            rows[-1].append("".join(c.content for c in t.children or []))
    return rows


def test_markdown_is_a_table_with_a_row_per_document_section_and_total(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(capsys, "report", "--format", "markdown", "examples")
    assert code == 0
    check_golden("report.examples.md", out)
    data = json.loads(cli(capsys, "report", "--format", "json", "examples")[1])
    rows = _table_rows(out)
    assert rows[0] == ["document", "progress", "done", "%"]
    assert len(rows) == 1 + len(data["documents"]) + sum(len(d["sections"]) for d in data["documents"]) + 1
    assert all(len(r) == 4 for r in rows)
    by_path = {r[0]: r for r in rows}
    for d in data["documents"]:
        percent = "-" if d["percent"] is None else f"{d['percent']}%"  # nothing to count: no percentage
        assert by_path[d["path"]][2:] == [f"{d['done']}/{d['total']}", percent]
        assert by_path[d["path"]][1] == report.text_bar(Row("", d["done"], d["total"], d["weighted"]), 10)
    assert rows[-1][0] == f"total ({len(list(EXAMPLES.rglob('*.md')))} documents)"


def test_markdown_titles_stay_text_in_their_cell(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nasty = "A | B _u_ \\x [link](x) <b>html</b> `code` ~~s~~ &amp; $x$"
    (tmp_path / "d.md").write_text(f"# T\n## {nasty}\n- [x] a\n## Other\n- [ ] b\n", encoding="utf-8")
    rows = _table_rows(cli(capsys, "report", "-f", "markdown", str(tmp_path))[1])
    assert all(len(r) == 4 for r in rows)
    assert rows[2][0] == "\u2003" + nasty


def test_markdown_lists_the_files_not_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# G\n- [x] a\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"# B\x00\n")
    code, out, err = cli(capsys, "report", "-f", "markdown", str(tmp_path))
    assert code == 2 and "bad.md" in err and err.count("\n") == 1
    assert "Not read (1 file):" in out and "good.md" in out


# ------------------------------------------------------------------ the walk, errors, output


def test_walks_like_lint(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    for name in ("kept.md", "ignored.md", "excluded/x.md", ".hidden/h.md", "node_modules/n.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("# D\n- [x] a\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (tmp_path / ".statusdoc.yaml").write_text("exclude: ['excluded/']\n", encoding="utf-8")
    code, out, _ = cli(capsys, "report", "--format", "json")
    assert code == 0
    assert [d["path"] for d in json.loads(out)["documents"]] == ["kept.md"]
    out = cli(capsys, "report", "--format", "json", "--no-gitignore")[1]
    assert [d["path"] for d in json.loads(out)["documents"]] == ["ignored.md", "kept.md"]


def test_an_unreadable_file_is_one_line_and_the_rest_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text("# A\n- [x] a\n", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"# B\n- [x] \xe9t\xe9\n")
    (tmp_path / "c.md").write_text("# C\n- [ ] c\n", encoding="utf-8")
    code, out, err = cli(capsys, "report", str(tmp_path), str(tmp_path / "missing.md"))
    assert code == 2
    assert len(err.splitlines()) == 2 and "b.md" in err and "missing.md" in err and "Traceback" not in err
    assert [line.split()[0] for line in out.splitlines()] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "c.md"),
        "total",
    ]


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"# P\n- [x] a\n- [ ] b\n")))
    code, out, _ = cli(capsys, "report", "-f", "json", "-")
    assert code == 0 and json.loads(out)["documents"][0]["path"] == "<stdin>"


def test_output_file_is_written_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n- [x] a\n", encoding="utf-8")
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, _ = cli(capsys, "report", "-f", "html", "-o", str(target), str(tmp_path / "a.md"))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"], "no temporary file left"


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "report", "--format", "yaml", ".")
    assert code == 2 and out == "" and "--format" in err


BIG = "# Plan (0/1)\n- [x] a\n" + "".join(f"## Step {i} (0/1)\n- [x] item {i}\n" for i in range(3000))


def _run_to(stdout: int, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Many documents, so that the report is larger than a pipe's buffer."""
    for k in range(40):
        (tmp_path / f"d{k:02}.md").write_text(BIG[: 2000 + 50 * k], encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [str(STATUSDOC), *args, str(tmp_path)], stdout=stdout, stderr=subprocess.PIPE, text=True, env=env
    )


OUTPUTS = [["report"], ["report", "-f", "json"], ["report", "-f", "markdown"], ["report", "-f", "html"]]
OUTPUTS += [["badge"], ["badge", "-f", "json"]]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_into_a_closed_pipe_ends_quietly(args: list[str], tmp_path: Path) -> None:
    w = closed_pipe()
    try:
        r = _run_to(w, args, tmp_path)
    finally:
        os.close(w)
    assert (r.returncode, r.stderr) == (141, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_into_a_full_disk_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        r = _run_to(full.fileno(), args, tmp_path)
    assert (r.returncode, r.stderr) == (2, "<stdout>: cannot write: No space left on device\n")


def test_json_weighted_is_rounded() -> None:
    rep = report.build([report.DocumentReport("a.md", Row("a.md", 0, 2, 0.1 + 0.2))])
    data = json.loads(report.json_text(rep))
    assert data["documents"][0]["weighted"] == 0.3 and data["total"]["weighted"] == 0.3


@pytest.mark.parametrize("command", ["report", "badge"])
def test_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = cli(capsys, command, "--help")
    assert code == 0 and out.startswith(f"Usage: statusdoc {command} [OPTIONS] ")
    assert "<list[str]>" not in out and "<str>" not in out and "[path]" not in out, out
    flat = " ".join(out.split())
    if command == "report":
        assert "[PATH]..." in out and "Default: the current directory." in flat
        assert "text (default), json, markdown or html" in flat
    else:
        assert "statusdoc badge [OPTIONS] PATH" in out and "svg (default) or json" in flat


FAST_CASES = [
    ["report", "{dir}"],
    ["report", "--format", "json", "{dir}"],
    ["report", "-f", "markdown", "{doc}"],
    ["report", "--format=html", "{doc}"],
    ["report", "--color=never", "-v", "{dir}"],
    ["report", "-o", "{dir}/out.txt", "{doc}"],
    ["report", "{missing}", "{doc}"],
    ["report", "--no-gitignore", "--", "{doc}"],
]


@pytest.mark.parametrize("case", FAST_CASES, ids=[" ".join(c) for c in FAST_CASES])
def test_the_console_scripts_fast_path_matches_typer(
    case: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdoc import _cli

    monkeypatch.setenv("NO_COLOR", "1")
    shutil.copy(EXAMPLES / "progress.md", tmp_path / "p.md")
    shutil.copy(EXAMPLES / "tables.md", tmp_path / "t.md")
    args = [a.format(dir=tmp_path, doc=tmp_path / "p.md", missing=tmp_path / "missing.md") for a in case]
    assert _entry._parse_fast(args) is not None, "this case should take the fast path"
    fast_rc = _entry.run(args)
    fast = capsys.readouterr()
    written = (tmp_path / "out.txt").read_bytes() if (tmp_path / "out.txt").exists() else None
    slow_rc = _cli.run(args)
    slow = capsys.readouterr()
    assert (fast_rc, fast.out, fast.err) == (slow_rc, slow.out, slow.err)
    assert written is None or written == (tmp_path / "out.txt").read_bytes()
    assert fast.out or written


@pytest.mark.parametrize("args", [["report", "-f", "yaml", "x"], ["report", "--color", "sometimes"], ["report", "-x"]])
def test_what_the_fast_path_does_not_know_goes_to_typer(args: list[str]) -> None:
    assert _entry._parse_fast(args) is None
