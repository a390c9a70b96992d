"""Issue 17, start-up: the default marker and bar glyph tables and the code pages' probe patterns
are written out (``_form_tables.py``, by ``bench/form_tables.py``) instead of built from every
glyph's forms through every code page on each run.  A written table must be exactly what the code
builds, is used only when built from the same glyphs, and anything else is still built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from statusdoc import codepages, vocabulary
from statusdoc.parser import parse
from statusdoc.vocabulary import DEFAULT, Vocabulary

ROOT = Path(__file__).resolve().parents[2]


def test_the_written_tables_are_what_the_code_builds() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "form_tables.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr + "\nrun `python bench/form_tables.py`"


def _table_state(t: codepages.FormTable) -> tuple[object, ...]:
    return (t.entries, t._lengths, t._singles, t._extendable, t._lasts, t._first and t._first.pattern, t._in_ascii)


@pytest.mark.parametrize("with_lights", [False, True])
def test_a_written_marker_table_matches_like_a_built_one(with_lights: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = vocabulary.marker_regex.__wrapped__(DEFAULT, with_lights=with_lights)  # type: ignore[attr-defined]
    monkeypatch.setattr(codepages, "_written", {})
    built = vocabulary.marker_regex.__wrapped__(DEFAULT, with_lights=with_lights)  # type: ignore[attr-defined]
    assert _table_state(loaded) == _table_state(built)
    line = "- ‚úÖ done, âœ… and ðŸ”„ 🟢 here"
    assert [(m.group(), m.start(), m.value) for m in loaded.finditer(line)] == [
        (m.group(), m.start(), m.value) for m in built.finditer(line)
    ]


_LINT_A_MOJIBAKE_DOCUMENT = """
import sys
from statusdoc import bars, codepages, linter, parser, vocabulary
doc = parser.parse("# P\\n\\n- âœ… Done [â–ˆâ–ˆâ–‘â–‘] 50%\\n- [ ] Next ðŸ”„\\n")
linter.lint(doc)
glyphs = {*vocabulary.DEFAULT.emoji, *vocabulary.DEFAULT.lights, *bars.FILLED, *bars.EMPTY, *bars.PARTIAL}
print([it.state for it in doc.items], sorted(codepages.BUILT), sorted(glyphs & set(codepages.forms)))
"""


def test_lint_path_garbles_no_glyph_for_the_default_vocabulary() -> None:
    """In a fresh process (the tables are built once per process): a mojibake document is read
    through the written tables, and no marker or bar glyph is garbled."""
    proc = subprocess.run([sys.executable, "-c", _LINT_A_MOJIBAKE_DOCUMENT], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "['done', 'todo'] [] []"


def test_a_table_built_from_other_glyphs_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale entry (the glyphs were edited since it was written) is built afresh."""
    stale = ({"zz": "done"}, codepages.form_parts({"zz": "done"}))
    monkeypatch.setattr(codepages, "_written", {"markers": ((("✔", "done"),), stale)})
    monkeypatch.setattr(codepages, "BUILT", {})
    table = vocabulary.marker_regex.__wrapped__(DEFAULT, with_lights=False)  # type: ignore[attr-defined]
    assert "zz" not in table.entries and table.entries["âœ…"] == "done"
    assert list(codepages.BUILT) == ["markers"]


def test_a_configured_vocabulary_gets_its_own_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codepages, "BUILT", {})
    vocab = Vocabulary(emoji={"🟣": "done", "⬜": "todo"})
    doc = parse("# P\n\n- 🟣 One\n- " + codepages.garble("🟣", "cp1252") + " Two\n- ⬜ Three\n", vocabulary=vocab)
    assert [it.state for it in doc.items] == ["done", "done", "todo"]
    assert "markers" in codepages.BUILT
