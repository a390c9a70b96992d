"""The JSON Schemas in schemas/ are generated from the models; stale ones fail here."""

from __future__ import annotations

import json

import jsonschema
import pytest

from statusdoc import parse
from statusdoc.dump import schema_json, to_data
from tests.conftest import EXAMPLES, ROOT, read


@pytest.mark.parametrize("which", ["document", "config"])
def test_schema_file_is_current(which: str) -> None:
    path = ROOT / "schemas" / f"{which}.schema.json"
    assert read(path) == schema_json(which), f"regenerate with: statusdoc schema {which} > {path.name}"


def test_dumps_validate_against_the_document_schema() -> None:
    schema = json.loads(schema_json("document"))
    for src in sorted(EXAMPLES.glob("*.md")):
        data = to_data(parse(read(src), path=src.name))
        jsonschema.validate(data, schema)


def test_config_schema_rejects_unknown_keys() -> None:
    schema = json.loads(schema_json("config"))
    jsonschema.validate({"ignore": ["SD009"], "rounding": "floor"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rounding": "sideways"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"colour": "red"}, schema)


def test_rule_docs_are_current() -> None:
    import os

    from statusdoc.rules import RULES, rules_markdown

    path = ROOT / "docs" / "rules.md"
    if os.environ.get("STATUSDOC_REGEN") == "1":
        path.write_text(rules_markdown(), encoding="utf-8")
    text = read(path)
    assert text == rules_markdown()
    for code in RULES:
        assert f"## {code} " in text
