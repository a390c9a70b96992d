"""Issue 17, import cost: linting a clean 20 KB status file imports nothing it does not need.

Counted, not timed: a fresh interpreter runs the console script's lint path on a clean document
(no findings, UTF-8 markers, no mojibake) and reports ``sys.modules``.  Each module listed here
cost milliseconds of start-up that a pre-commit hook paid on every commit.
"""

from __future__ import annotations

import ast
import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from statusdoc import codepages

#: Modules a clean file's lint does not need, and what needed them before.
NOT_ON_THE_LINT_PATH = {
    "decimal": "percentages were rounded through Decimal (checks.percent): integers now",
    "_decimal": "(decimal's C part)",
    "numbers": "(imported by decimal)",
    "dataclasses": "the records are statusdoc._record's",
    "typing": "annotations are strings; typing only under TYPE_CHECKING",
    "hashlib": "files.py takes blake2b from _blake2",
    "json": "the text output does not need it",
    "pydantic": "only dump and schemas validate",
    "typer": "the fast entry point parses lint's options",
    "rich": "(typer's)",
    "statusdoc.dump": "only the dump command",
    "statusdoc.encoding_repair": "only fix-encoding",
    "re": "patterns come from statusdoc._regex's written-out code, flags and escape are its own",
    "enum": "(imported by re)",
    "functools": "statusdoc._memo.cache; re and contextlib imported it",
    "contextlib": "rollups.from_disk is a class",
    "statusdoc.writing": "lint without --fix writes nothing",
    "statusdoc.parser": "the reader is statusdoc.read; parser.py is the library's name for it",
    "array": "offsets of a document below statusdoc.lines.COMPACT_FROM are kept in lists",
    "collections": "(imported by array; linter counts repeated item keys with it only when a chunk has some)",
    "math": "a bar's fill is rounded with `// 1`",
}

#: Of those, what a file with findings (lint reports drifted numbers) does not need either.
NOT_ON_THE_LINT_PATH_WITH_FINDINGS = ("decimal", "re", "enum", "functools", "contextlib", "array", "math")


#: Single-byte code pages: their codecs are not loaded (the decode tables are written out).
CODEPAGE_CODECS = ("encodings.cp1252", "encodings.cp1254", "encodings.mac_roman", "encodings.latin_1")


def clean_status_document() -> str:
    """About 20 KB: a header whose numbers hold, 10 stages of 3 steps of 10 items, ✅ markers."""
    body: list[str] = []
    done = total = 0
    for s in range(1, 11):
        body += [f"## Stage {s}: Work package {s}", ""]
        for t in range(1, 4):
            d = 10 if s <= 6 else 4
            body += [f"### Step {s}.{t} ({d}/10)" + (" ✅" if d == 10 else ""), ""]
            for k in range(10):
                mark = "x" if k < d else " "
                body.append(f"- [{mark}] Implement the ledger schema, part {k + 1} of step {s}.{t}")
            body.append("")
            done, total = done + d, total + 10
    head = [
        "# Project status",
        "",
        f"**Progress:** {done}/{total} tasks completed ({done * 100 // total}%)",
        "",
    ]
    return "\n".join(head + body) + "\n"


PROBE = """
import sys
from statusdoc._entry import main
sys.argv = ["statusdoc", "lint", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    code = e.code
else:
    code = 0
modules = sorted(sys.modules)
sys.__stderr__.write(repr((code, modules)) + "\\n")
"""


def lint_modules(path: Path, *flags: str) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *flags, str(path)], capture_output=True, text=True, check=False, timeout=600
    )
    code, modules = ast.literal_eval(proc.stderr.strip().splitlines()[-1])
    return code, set(modules)


def test_the_clean_document_is_clean_and_about_20_kb(tmp_path: Path) -> None:
    text = clean_status_document()
    assert 15_000 < len(text.encode()) < 25_000
    path = tmp_path / "STATUS.md"
    path.write_text(text, encoding="utf-8")
    code, _ = lint_modules(path)
    assert code == 0


def test_lint_of_a_clean_file_imports_none_of_the_listed_modules(tmp_path: Path) -> None:
    path = tmp_path / "STATUS.md"
    path.write_text(clean_status_document(), encoding="utf-8")
    _, modules = lint_modules(path)
    assert sorted(set(NOT_ON_THE_LINT_PATH) & modules) == []


def test_lint_without_the_cache_does_not_import_it(tmp_path: Path) -> None:
    path = tmp_path / "STATUS.md"
    path.write_text(clean_status_document(), encoding="utf-8")
    assert "statusdoc.cache" in lint_modules(path)[1]  # (the default: the probe reaches it)
    assert "statusdoc.cache" not in lint_modules(path, "--no-cache")[1]


def test_lint_with_findings_imports_none_of_them_either(tmp_path: Path) -> None:
    # Numbers that drift are compared and reported (numbers_check._same_number, output.short on a
    # long quoted heading) without Decimal or re.
    path = tmp_path / "STATUS.md"
    text = clean_status_document().replace("(76%)", "(50%)").replace("Work package 1", "Work package 1 " + "x" * 80)
    path.write_text(text, encoding="utf-8")
    code, modules = lint_modules(path)
    assert code == 1
    assert sorted(set(NOT_ON_THE_LINT_PATH_WITH_FINDINGS) & modules) == []


def test_lint_of_a_clean_file_loads_no_code_page_codec(tmp_path: Path) -> None:
    path = tmp_path / "STATUS.md"
    path.write_text(clean_status_document(), encoding="utf-8")
    _, modules = lint_modules(path)
    assert sorted(set(CODEPAGE_CODECS) & modules) == []


def test_mojibake_is_still_read_without_the_codecs(tmp_path: Path) -> None:
    """A Windows-1252 document (`✅` as `âœ…`) is read as one: its progress line is still checked."""
    path = tmp_path / "STATUS.md"
    text = clean_status_document().replace("✅", "\u00e2\u0153\u2026").replace("(76%)", "(50%)")
    path.write_text(text, encoding="utf-8")
    code, modules = lint_modules(path)
    assert code == 1
    assert sorted(set(CODEPAGE_CODECS) & modules) == []


@pytest.mark.parametrize("codepage", ["cp1252", "mac_roman", "cp1254", "latin-1"])
def test_the_written_out_tables_are_the_codecs(codepage: str) -> None:
    """What ``decode_table`` made through the codec before (an undefined byte as its C1 control)."""
    decoded = codecs.decode(bytes(range(256)), codepage, errors="surrogateescape")
    want = tuple(chr(ord(c) - 0xDC00) if "\udc80" <= c <= "\udcff" else c for c in decoded)
    assert codepages.decode_table(codepage) == want
    undefined = set()
    for b in range(256):
        try:
            codecs.decode(bytes([b]), codepage)
        except UnicodeDecodeError:
            undefined.add(b)
    if codepage == "mac_roman":
        undefined.add(0xF0)  # U+F8FF, the Apple logo: routinely dropped
    assert codepages.undefined_bytes(codepage) == frozenset(undefined)


COMPILE_PROBE = """
import sys
import re._compiler as compiler
compiled = []
original = compiler.compile
def counting(p, flags=0):
    compiled.append(p)
    return original(p, flags)
compiler.compile = counting
from statusdoc._entry import main
sys.argv = ["statusdoc", "lint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.__stderr__.write(repr(compiled) + "\\n")
"""


def test_lint_of_a_clean_file_compiles_almost_no_pattern(tmp_path: Path) -> None:
    """The engine code of the fixed patterns is written out (``statusdoc._regex``): a clean file's
    lint compiled 34 patterns in Python before, ≈ 7 ms; what is left is built from the
    vocabulary."""
    from statusdoc import _regex, _regex_codes

    if _regex.engine() != _regex_codes.ENGINE:
        pytest.skip(f"the written-out code is for {_regex_codes.ENGINE}")
    path = tmp_path / "STATUS.md"
    path.write_text(clean_status_document(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", COMPILE_PROBE, str(path)], capture_output=True, text=True, check=False, timeout=600
    )
    compiled = ast.literal_eval(proc.stderr.strip().splitlines()[-1])
    assert len(compiled) <= 3, compiled


def _garble_byte_by_byte(text: str, codepage: str, drop_undefined: bool) -> str:
    """``codepages.garble`` as it was written before it went through ``str.translate``."""
    table = codepages.decode_table(codepage)
    lost = codepages.undefined_bytes(codepage) if drop_undefined else frozenset()
    return "".join(table[b] for b in text.encode("utf-8") if b not in lost)


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(codepages.CODEPAGES),
    st.booleans(),
)
@example("✅ — 🔄 \uf8ff", "mac_roman", True)
@example("\x81\x8d✅", "cp1252", True)
def test_garble_through_translate_is_garble_byte_by_byte(text: str, codepage: str, drop: bool) -> None:
    assert codepages.garble(text, codepage, drop_undefined=drop) == _garble_byte_by_byte(text, codepage, drop)
