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
