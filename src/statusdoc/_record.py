"""A small stand-in for :func:`dataclasses.dataclass` for the classes every run builds.

``import dataclasses`` costs about 15 ms (it imports inspect, ast, dis and tokenize) and each
``@dataclass(slots=True)`` about 0.5 ms more; the lint path defines some thirty such classes, so a
pre-commit hook paid ~30 ms before reading its first line.  :func:`record` makes the same slotted
classes (``__init__``, ``__repr__``, ``__eq__``, ``__match_args__``) for a fraction of that.

Each ``__init__`` is generated as source, and compiling it was most of a record's cost (≈ 0.2 ms,
some forty records on the lint path): :mod:`statusdoc._record_inits`, written by
``python bench/record_inits.py``, holds every one of them as plain functions, compiled once into
the package's bytecode like any module; a source found there is not compiled again (one that is
not, after a record's fields changed, is compiled as before: it costs time, never a wrong record).

Type checkers see :func:`record` as a dataclass transform (PEP 681).  Pydantic needs real
dataclasses: :mod:`statusdoc.dump` builds them from ``__record_fields__`` when a command dumps the
model or writes its schema.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_: object) -> object:
        return lambda f: f


#: (module, source) of every ``__init__`` :func:`_build` made, in order: the package's are what
#: ``bench/record_inits.py`` writes out.
SOURCES: list[tuple[str, str]] = []
_inits: dict[str, Any] | None = None
_Function: Any = type(lambda: None)  # types.FunctionType, without importing types


def _written_out(src: str) -> Any:
    """The code of ``src`` from :mod:`statusdoc._record_inits`, or None."""
    global _inits
    if _inits is None:
        try:
            from statusdoc import _record_inits

            _inits = _record_inits.INITS if sys.implementation.cache_tag == _record_inits.TAG else {}
        except (ImportError, AttributeError):
            _inits = {}
    fn = _inits.get(src)
    return None if fn is None else fn.__code__


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


#: Marks a field without a default in ``__record_fields__``.
MISSING = _Missing()


class Factory:
    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[], object]) -> None:
        self.factory = factory


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is built per instance (``field(default_factory=list)``)."""
    return Factory(default_factory)  # type: ignore[return-value]


def _repr(self: Any) -> str:
    body = ", ".join(f"{n}={getattr(self, n)!r}" for n in type(self).__match_args__)
    return f"{type(self).__qualname__}({body})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = type(self).__match_args__
    return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in type(self).__match_args__))


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _build(cls: type[T], *, frozen: bool) -> type[T]:
    own = cls.__dict__
    names = [n for n, a in own.get("__annotations__", {}).items() if not str(a).startswith("ClassVar")]
    defaults = {n: own[n] for n in names if n in own}
    env: dict[str, object] = {"_MISSING": MISSING, "_set": object.__setattr__}
    params: list[str] = []
    argdefs: list[object] = []  # the parameters' defaults, for a written-out __init__
    body: list[str] = []
    for n in names:
        d = defaults.get(n, MISSING)
        if d is MISSING:
            if len(params) > len([p for p in params if "=" not in p]):
                raise TypeError(f"{cls.__name__}: field {n!r} without a default follows one with a default")
            params.append(n)
            value = n
        elif isinstance(d, Factory):
            env[f"_f_{n}"] = d.factory
            params.append(f"{n}=_MISSING")
            argdefs.append(MISSING)
            value = f"_f_{n}() if {n} is _MISSING else {n}"
        else:
            env[f"_d_{n}"] = d
            params.append(f"{n}=_d_{n}")
            argdefs.append(d)
            value = n
        body.append(f" _set(self, {n!r}, {value})" if frozen else f" self.{n} = {value}")
    src = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or " pass") + "\n"
    SOURCES.append((cls.__module__, src))
    code = _written_out(src)
    if code is None:
        exec(src, env)  # noqa: S102 - the source is built above from identifiers only
        init = env["__init__"]
    else:
        init = _Function(code, env, "__init__", tuple(argdefs) or None)
    ns = {k: v for k, v in own.items() if k not in defaults and k not in ("__dict__", "__weakref__")}
    ns["__slots__"] = tuple(names)
    if frozen:
        ns["__setattr__"] = ns["__delattr__"] = _frozen_setattr
    ns["__init__"] = init
    if "__repr__" not in own:
        ns["__repr__"] = _repr
    if "__eq__" not in own:
        ns["__eq__"] = _eq
        ns["__hash__"] = _hash if frozen else None
    ns["__match_args__"] = tuple(names)
    #: (name, annotation as written, default: MISSING, a value, or a Factory)
    ns["__record_fields__"] = tuple((n, own["__annotations__"][n], defaults.get(n, MISSING)) for n in names)
    new: type[T] = type(cls.__name__, cls.__bases__, ns)
    new.__init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return new


if TYPE_CHECKING:

    @dataclass_transform(field_specifiers=(field,))
    def record(cls: type[T], /) -> type[T]: ...

    @dataclass_transform(field_specifiers=(field,), frozen_default=True)
    def frozen_record(cls: type[T], /) -> type[T]: ...

else:

    def record(cls):
        """A slotted, mutable record with value equality (``@dataclass(slots=True)``)."""
        return _build(cls, frozen=False)

    def frozen_record(cls):
        """A slotted, immutable record, equal and hashed by value unless the class defines
        ``__eq__`` itself (``@dataclass(frozen=True, slots=True)``)."""
        return _build(cls, frozen=True)


def replace(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with some fields changed (:func:`dataclasses.replace`)."""
    names = type(obj).__match_args__  # type: ignore[attr-defined]
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(**{n: changes[n] if n in changes else getattr(obj, n) for n in names})


def field_names(cls: type) -> tuple[str, ...]:
    return cls.__match_args__  # type: ignore[attr-defined,no-any-return]
