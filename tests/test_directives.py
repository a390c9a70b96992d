"""Every inline directive form, in lint and in recompute."""

from __future__ import annotations

import pytest

from statusdoc import lint, parse, recompute, render

BODY = "- [x] a\n- [ ] b\n"


def codes(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint(parse(text)) if f.code != "SD009"]


def test_without_directives_both_lines_drift() -> None:
    text = "# T\n**Total:** 3\n**Done:** 0\n" + BODY
    assert codes(text) == [(2, "SD001"), (3, "SD001")]


@pytest.mark.parametrize(
    ("text", "silenced", "reported"),
    [
        ("# T\n<!-- statusdoc-disable-next-line SD001 -->\n**Total:** 3\n**Done:** 0\n", {3}, {4}),
        ("# T\n**Total:** 3 <!-- statusdoc-disable-line -->\n**Done:** 0\n", {2}, {3}),
        (
            "# T\n<!-- statusdoc-disable SD001 -->\n**Total:** 3\n<!-- statusdoc-enable SD001 -->\n**Done:** 0\n",
            {3},
            {5},
        ),
        ("# T\n<!-- statusdoc-disable -->\n**Total:** 3\n<!-- statusdoc-enable -->\n**Done:** 0\n", {3}, {5}),
        ("<!-- statusdoc-disable-file SD001 -->\n# T\n**Total:** 3\n**Done:** 0\n", {3, 4}, set()),
        ("# T\n<!-- statusdoc: ignore -->\n**Total:** 3\n**Done:** 0\n", {3}, {4}),
        ("# T\n<!-- statusdoc-disable-next-line SD002 -->\n**Total:** 3\n**Done:** 0\n", set(), {3, 4}),
    ],
)
def test_directive_forms(text: str, silenced: set[int], reported: set[int]) -> None:
    text += BODY
    lines = {ln for ln, code in codes(text) if code == "SD001"}
    assert lines == reported
    new = render(recompute(parse(text)))
    for ln, (old, now) in enumerate(zip(text.splitlines(), new.splitlines(), strict=True), 1):
        if ln in silenced:
            assert old == now, "a silenced line is not rewritten either"
        if ln in reported:
            assert old != now


def test_scope_directive_binds_to_the_named_section() -> None:
    text = (
        "# Doc\n<!-- statusdoc: scope=backend-api -->\n**Progress:** 0/9 tasks completed\n\n"
        "## Backend API\n- [x] a\n- [x] b\n\n## Frontend\n- [ ] c\n"
    )
    new = render(recompute(parse(text)))
    assert "**Progress:** 2/2 tasks completed" in new
    without = text.replace("<!-- statusdoc: scope=backend-api -->\n", "")
    assert "**Progress:** 2/3 tasks completed" in render(recompute(parse(without)))


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("<!-- statusdoc-disable-line SD001 --> **Total:** 3", ["disable-line"]),
        ("<!-- statusdoc-disable-next-line SD001 -->", ["disable-next-line"]),
        ("<!-- statusdoc: ignore --> text <!-- statusdoc-disable-line -->", ["ignore", "disable-line"]),
    ],
)
def test_a_directive_is_read_once(line: str, kinds: list[str]) -> None:
    # A comment with text after it on its line was read twice: by the comment and by the line.
    doc = parse("# T\n" + line + "\n" + BODY)
    assert [d.kind for d in doc.directives] == kinds
    assert {d.span.line for d in doc.directives} == {2}
