"""The model as JSON or YAML, and the JSON Schemas, through pydantic (imported only here)."""

from __future__ import annotations

import functools
import json
from typing import Any

from statusdoc.model import Document


@functools.cache
def _mirrors() -> dict[type, Any]:
    """The model's classes as real dataclasses, which pydantic can validate and serialise.

    The model is built from :func:`statusdoc._record.record` classes to keep start-up cheap;
    their ``__record_fields__`` say everything :func:`dataclasses.make_dataclass` needs.
    """
    import dataclasses
    import sys
    import types

    from statusdoc import _record, _types, model

    mod = types.ModuleType("statusdoc._model_dataclasses")
    mod.__dict__.update(vars(_types))  # the annotations name the literal types (State, Role, ...)
    sys.modules[mod.__name__] = mod
    out: dict[type, Any] = {}
    for cls in vars(model).values():
        if not (isinstance(cls, type) and "__record_fields__" in vars(cls)):
            continue
        fields: list[Any] = []
        for name, ann, default in vars(cls)["__record_fields__"]:
            if default is _record.MISSING:
                fields.append((name, ann))
            elif isinstance(default, _record.Factory):
                fields.append((name, ann, dataclasses.field(default_factory=default.factory)))
            else:
                fields.append((name, ann, dataclasses.field(default=default)))
        mirror = dataclasses.make_dataclass(
            cls.__name__, fields, namespace={"__doc__": cls.__doc__, "__module__": mod.__name__}, slots=True
        )
        setattr(mod, cls.__name__, mirror)
        out[cls] = mirror
    return out


def _mirror(obj: Any) -> Any:
    if isinstance(obj, (list, tuple)):  # (a leaf item's children are the shared empty tuple)
        return [_mirror(x) for x in obj]
    cls = _mirrors().get(type(obj))
    if cls is None:
        return obj
    return cls(**{name: _mirror(getattr(obj, name)) for name in type(obj).__match_args__})


@functools.cache
def _adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(_mirrors()[Document])


def to_data(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = _adapter().dump_python(_mirror(doc), mode="json")
    data.pop("text", None)
    data.pop("edits", None)
    # Conveniences the reader of a dump looks for first.
    lines = {
        "items": [n.span.line for n in doc.items],
        "sections": [n.span.line for n in doc.sections],
        "counters": [n.span.line for n in doc.counters],
    }
    for key, numbers in lines.items():
        for entry, line in zip(data[key], numbers, strict=True):
            entry["line"] = line
    data["done"] = sum(1 for it in doc.items if it.is_leaf and it.state == "done")
    data["total"] = sum(1 for it in doc.items if it.is_leaf and it.state != "cancelled")
    return data


def dump_document(doc: Document, fmt: str = "json") -> str:
    data = to_data(doc)
    if fmt == "yaml":
        import io

        from ruamel.yaml import YAML

        y = YAML()
        y.default_flow_style = False
        buf = io.StringIO()
        y.dump(data, buf)
        return buf.getvalue()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema(which: str) -> dict[str, Any]:
    if which == "config":
        from statusdoc.config_model import ConfigModel

        return ConfigModel.model_json_schema()
    if which == "report":
        from statusdoc.report_model import ReportModel

        return ReportModel.model_json_schema(mode="serialization")
    out: dict[str, Any] = _adapter().json_schema(mode="serialization")
    out["title"] = "statusdoc document model"
    # The conveniences to_data adds: 1-based line on items, sections and counters, document totals.
    line = {"type": "integer", "minimum": 1, "description": "1-based line, as editors show it"}
    for name in ("Item", "Section", "Counter"):
        out["$defs"][name]["properties"]["line"] = line
        out["$defs"][name]["required"].append("line")
    out["properties"].pop("text", None)
    out["properties"].pop("edits", None)
    out["required"] = [r for r in out["required"] if r != "text"]
    out["properties"]["done"] = {"type": "integer", "description": "leaf items done"}
    out["properties"]["total"] = {"type": "integer", "description": "leaf items, cancelled left out"}
    out["required"] += ["done", "total"]
    return out


def schema_json(which: str) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
