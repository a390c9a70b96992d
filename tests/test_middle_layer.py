"""Regression tests for facts that were computed in several places and disagreed (issue "One home
for every fact"): the configured vocabulary, a status claim's scope, the aggregate label, line
numbers under every newline convention, and the configured vocabulary's cost."""

from __future__ import annotations

from statusdoc import lint, parse, recompute, render
from statusdoc.config import Config
from statusdoc.explain import explain_document


def _config(**markers: list[str]) -> Config:
    return Config(markers=markers)  # type: ignore[arg-type]


def test_recompute_writes_the_configured_done_marker() -> None:
    # 🎉 means done only through the configuration; the status line follows the document's own 🎉.
    text = "# P\n\n**Status:** ⬜ Not Started\n\n- 🎉 Ship it\n- [x] Announce\n"
    cfg = _config(done=["🎉"])
    doc = parse(text, vocabulary=cfg.vocabulary())
    assert render(recompute(doc, config=cfg)) == text.replace("⬜ Not Started", "🎉 Complete")


def test_explain_and_lint_agree_on_a_table_rows_scope() -> None:
    text = (
        "# Plan\n\n| Part | Status |\n|---|---|\n| Backend | ✅ Complete |\n\n"
        "## Backend\n- [x] a\n- [ ] b\n\n## Frontend\n- [x] c\n"
    )
    doc = parse(text)
    [finding] = [f for f in lint(doc) if f.code == "SD004"]
    assert "1/2 done in section 'Backend'" in finding.message
    explained = explain_document(doc, line=5)
    assert "section 'Backend'" in explained and "1/2 done" in explained


def test_a_board_line_naming_no_section_is_not_the_overall_line() -> None:
    # `Installer` holds "all": it once made the line the board's overall line (rewritten to 50%).
    text = (
        "# Tools\n\n## Backend\n- [x] a\n\n## Frontend\n- [ ] b\n\n"
        "```\nBackend   [██████████] 100%\nFrontend  [░░░░░░░░░░] 0%\nInstaller [██████████] 100%\n```\n"
    )
    assert render(recompute(parse(text))) == text
    assert any(f.code == "SD009" and f.line == 12 for f in lint(parse(text)))


def test_mojibake_is_reported_on_its_line_in_a_cr_only_document() -> None:
    text = "# Plan\r\rSome text\r- [x] done âœ…\r"
    [finding] = [f for f in lint(parse(text)) if f.code == "SD008"]
    assert (finding.line, finding.column) == (4, 12)


def test_configured_vocabularies_are_built_once_per_set_of_markers() -> None:
    a, b = _config(done=["🎉"]), _config(done=["🎉"])
    assert a.vocabulary() is b.vocabulary()
    assert a.vocabulary() is not _config(done=["🥳"]).vocabulary()


def test_a_documents_repr_is_one_short_line() -> None:
    doc = parse("# P\n" + "- [x] a\n" * 5000, path="P.md")
    text = repr(doc)
    assert "\n" not in text and len(text) < 200
    assert "'P.md'" in text and "5000 items (5000 done)" in text.replace(",", "")


def test_yaml_errors_name_their_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from statusdoc.config import load_config
    from statusdoc.errors import ConfigError

    cfg = tmp_path / ".statusdoc.yaml"
    cfg.write_text("select: [SD001]\nrounding: nearest\nignore: [SD002\n", encoding="utf-8")
    try:
        load_config(str(cfg))
    except ConfigError as e:
        assert ":3" in str(e) or ":4" in str(e), str(e)
    else:
        raise AssertionError("a YAML error was accepted")


def test_markdown_extension_is_walked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from statusdoc import _cli

    (tmp_path / "a.markdown").write_text("# A (0/1)\n- [x] a\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# B (0/1)\n- [x] b\n", encoding="utf-8")
    assert _cli.run(["recompute", str(tmp_path)]) == 0
    assert (tmp_path / "a.markdown").read_text(encoding="utf-8").startswith("# A (1/1)")
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("# B (0/1)")
