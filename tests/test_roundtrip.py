"""Identity round trip: render(parse(text)) == text on every shared document and its variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdoc import parse, render
from tests.conftest import corpus_files, read, seed_files, shared_params


def variants(text: str) -> dict[str, str]:
    lf = text.replace("\r\n", "\n")
    return {
        "as-is": text,
        "crlf": lf.replace("\n", "\r\n"),
        "cr": lf.replace("\n", "\r"),
        "bom": "\ufeff" + text,
        "no-final-newline": text.rstrip("\r\n"),
        "crlf-bom-no-final": "\ufeff" + lf.replace("\n", "\r\n").rstrip("\r\n"),
    }


@pytest.mark.parametrize("path", shared_params(seed_files() + corpus_files()))
def test_shared_document_round_trips(path: Path) -> None:
    for name, text in variants(read(path)).items():
        assert render(parse(text)) == text, name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\r\n",
        "\r",
        "\ufeff",
        "no newline",
        "a\r\nb\nc\rd",
        "\t- [x] tab\t \n",
        "\x00\x01\x1b[0m",
        "- [ ] a\n\n\n",
        "```\n- [x] in fence",
        "<!-- unclosed",
        "---\nprogress: 5\n",
    ],
)
def test_edge_texts_round_trip(text: str) -> None:
    assert render(parse(text)) == text
