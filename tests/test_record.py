"""statusdoc._record: the dataclass stand-in the model is built from."""

from __future__ import annotations

import pytest

from statusdoc._record import field, field_names, frozen_record, record, replace


@record
class Point:
    """A point."""

    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


@frozen_record
class Key:
    a: str
    b: int = 1


def test_init_defaults_and_factories() -> None:
    p, q = Point(1), Point(x=2, y=3, tags=["t"])
    assert (p.x, p.y, p.tags, q.x, q.y, q.tags) == (1, 0, [], 2, 3, ["t"])
    p.tags.append("mine")
    assert Point(5).tags == []  # one list per instance, as default_factory promises
    assert p.norm == 1 and Point.__doc__ == "A point."


def test_slots_repr_eq() -> None:
    p = Point(1, 2)
    assert repr(p) == "Point(x=1, y=2, tags=[])"
    assert p == Point(1, 2) and p != Point(1, 3) and p != (1, 2, [])
    assert not hasattr(p, "__dict__")
    with pytest.raises(AttributeError):
        p.z = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        hash(p)
    assert field_names(Point) == ("x", "y", "tags") == Point.__match_args__


def test_frozen_is_immutable_and_hashable() -> None:
    k = Key("a")
    with pytest.raises(AttributeError):
        k.a = "b"  # type: ignore[misc]
    assert {k: 1}[Key("a", 1)] == 1 and Key("a") != Key("a", 2)


def test_replace() -> None:
    p = Point(1, 2, ["t"])
    r = replace(p, y=5)
    assert (r.x, r.y, r.tags, p.y) == (1, 5, ["t"], 2)
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(p, z=1)


def test_required_after_default_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        @record
        class Bad:
            a: int = 0
            b: int


# --- the written-out __init__ functions (statusdoc._record_inits) -----------------------------


def _all_sources() -> list[str]:
    import importlib
    import pkgutil

    import statusdoc
    from statusdoc import _record

    for mod in pkgutil.walk_packages(statusdoc.__path__, "statusdoc."):
        if mod.name not in ("statusdoc.__main__", "statusdoc.mcp_server"):
            importlib.import_module(mod.name)
    return sorted({src for module, src in _record.SOURCES if module.startswith("statusdoc.")})


def test_every_record_of_the_package_has_its_init_written_out() -> None:
    """``python bench/record_inits.py`` was run after a record last changed (a missing one only
    costs time; this says where)."""
    import sys

    from statusdoc import _record_inits

    if sys.implementation.cache_tag != _record_inits.TAG:
        pytest.skip(f"the table is for {_record_inits.TAG}")
    missing = [s.partition("\n")[0] for s in _all_sources() if s not in _record_inits.INITS]
    assert missing == [], "run `python bench/record_inits.py`"


def test_a_written_out_init_is_the_compiled_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same record, built from the table and compiled afresh, behaves the same: positional
    and keyword arguments, defaults, a factory per instance, frozen assignment refused."""
    from statusdoc import _record

    src_point = (
        "def __init__(self, x, y=_d_y, tags=_MISSING):\n self.x = x\n self.y = y\n"
        " self.tags = _f_tags() if tags is _MISSING else tags\n"
    )
    assert (__name__, src_point) in _record.SOURCES  # Point above was built from it

    def build(table: dict[str, object] | None) -> tuple[type, type]:
        monkeypatch.setattr(_record, "_inits", table)

        @record
        class P:
            x: int
            y: int = 0
            tags: list[str] = field(default_factory=list)

        @frozen_record
        class K:
            a: str
            b: int = 1

        return P, K

    compiled = build({})
    src_key = "def __init__(self, a, b=_d_b):\n _set(self, 'a', a)\n _set(self, 'b', b)\n"

    def _p(self, x, y, tags):  # type: ignore[no-untyped-def]
        self.x = x
        self.y = y
        self.tags = _f_tags() if tags is _MISSING else tags  # type: ignore[name-defined]  # noqa: F821

    def _k(self, a, b):  # type: ignore[no-untyped-def]
        _set(self, "a", a)  # type: ignore[name-defined]  # noqa: F821
        _set(self, "b", b)  # type: ignore[name-defined]  # noqa: F821

    written = build({src_point: _p, src_key: _k})
    assert written[0].__init__.__code__ is _p.__code__  # (the table was used)
    for P, K in (compiled, written):
        p, q = P(1), P(2, y=3, tags=["t"])
        assert (p.x, p.y, p.tags, q.x, q.y, q.tags) == (1, 0, [], 2, 3, ["t"])
        assert P(1).tags is not P(1).tags
        with pytest.raises(TypeError):
            P()
        k = K("a")
        assert (k.a, k.b, K("z", b=5).b) == ("a", 1, 5)
        with pytest.raises(AttributeError):
            k.a = "b"  # type: ignore[misc]


def test_a_table_for_another_python_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from statusdoc import _record, _record_inits

    monkeypatch.setattr(_record, "_inits", None)
    monkeypatch.setattr(_record_inits, "TAG", "cpython-27")
    assert _record._written_out(next(iter(_record_inits.INITS))) is None
    monkeypatch.setattr(_record, "_inits", None)  # (the next user reads the real table again)
