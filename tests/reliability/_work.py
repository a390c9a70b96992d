"""Deterministic "work" for the slow-input tests: Python lines run plus regex steps.

Wall and CPU time on a busy 2-core machine are noise; these counts are not.

* **Lines**: ``sys.settrace`` counts every line statusdoc's own modules execute.
* **Regex steps**: the engine's backtracking is C code that no tracer sees, so every module-level
  pattern of the modules under test is replaced, for the duration of a measurement, by a proxy
  that still returns ``re``'s own result but also replays the call through :class:`Steps`, a
  small backtracking matcher over ``re``'s parse tree that counts the positions it visits.  It
  backtracks as ``sre`` does (greedy, lazy and possessive repeats, atomic groups, look-arounds,
  back-references; no memoisation), so a pattern that is quadratic for ``sre`` is quadratic here,
  and the proxy checks that both agree on every match, so the count is of the same search.

C string methods (``str.find``, ``in``) count as the one line that calls them: the blind spot is
a C-level scan repeated per line, which no regex in statusdoc needs to be.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from types import FrameType, ModuleType
from typing import Any

import statusdoc
from statusdoc._regex import _Lazy

SRC = str(Path(statusdoc.__file__).resolve().parent)


class OverBudget(Exception):
    """More work than the measurement allows: the input is processed super-linearly."""


class Counter:
    def __init__(self, budget: int | None = None) -> None:
        self.lines = 0
        self.steps = 0
        self.budget = budget

    @property
    def work(self) -> int:
        return self.lines + self.steps

    def add_steps(self, k: int) -> None:
        self.steps += k
        self.check()

    def check(self) -> None:
        if self.budget is not None and self.lines + self.steps > self.budget:
            raise OverBudget(f"over {self.budget:,} lines and regex steps")


# --- the step-counting matcher ----------------------------------------------------------------

_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN}
Cont = Callable[[int], "int | None"]


class Steps:
    """Match one compiled pattern's parse tree as ``sre`` does, counting steps in ``counter``."""

    def __init__(self, pattern: re.Pattern[str], counter: Counter) -> None:
        self.tree = P.parse(pattern.pattern, pattern.flags)
        self.ic = bool(pattern.flags & re.IGNORECASE)
        self.counter = counter
        self.s = ""
        self.groups: dict[int, tuple[int, int]] = {}

    # one character against one item
    def char_ok(self, op: Any, av: Any, c: str) -> bool:
        if op is C.LITERAL:
            return self.same(c, chr(av))
        if op is C.NOT_LITERAL:
            return not self.same(c, chr(av))
        if op is C.ANY:
            return c != "\n"
        if op is C.IN:
            negate = False
            hit = False
            for iop, iav in av:
                if iop is C.NEGATE:
                    negate = True
                elif iop is C.LITERAL:
                    hit = hit or self.same(c, chr(iav))
                elif iop in (C.RANGE, C.RANGE_UNI_IGNORE):
                    lo, hi = iav
                    hit = hit or any(lo <= ord(x) <= hi for x in self.variants(c))
                elif iop is C.CATEGORY:
                    hit = hit or _category(iav, c)
                else:
                    raise NotImplementedError(iop)
            return hit != negate
        raise NotImplementedError(op)

    def same(self, c: str, lit: str) -> bool:
        return c == lit or (self.ic and (c.lower() == lit.lower() or c.upper() == lit.upper()))

    def variants(self, c: str) -> tuple[str, ...]:
        return (c, c.lower(), c.upper()) if self.ic else (c,)

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.s) and (self.s[i].isalnum() or self.s[i] == "_")

    def at(self, code: Any, pos: int) -> bool:
        s = self.s
        if code in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return pos == 0
        if code is C.AT_END:
            return pos == len(s) or (pos == len(s) - 1 and s[pos] == "\n")
        if code is C.AT_END_STRING:
            return pos == len(s)
        if code is C.AT_BOUNDARY:
            return self.word(pos - 1) != self.word(pos)
        if code is C.AT_NON_BOUNDARY:
            return self.word(pos - 1) == self.word(pos)
        raise NotImplementedError(code)

    def seq(self, items: Any, i: int, pos: int, k: Cont) -> int | None:
        self.counter.add_steps(1)
        if i == len(items):
            return k(pos)
        op, av = items[i]

        def nxt(p: int) -> int | None:
            return self.seq(items, i + 1, p, k)

        s = self.s
        if op in _SINGLE:
            return nxt(pos + 1) if pos < len(s) and self.char_ok(op, av, s[pos]) else None
        if op is C.AT:
            return nxt(pos) if self.at(av, pos) else None
        if op is C.BRANCH:
            for alt in av[1]:
                r = self.seq(alt, 0, pos, nxt)
                if r is not None:
                    return r
            return None
        if op is C.SUBPATTERN:
            group, _, _, sub = av

            def close(q: int) -> int | None:
                if group is None:
                    return nxt(q)
                old = self.groups.get(group)
                self.groups[group] = (pos, q)
                r = nxt(q)
                if r is None:
                    if old is None:
                        self.groups.pop(group, None)
                    else:
                        self.groups[group] = old
                return r

            return self.seq(sub, 0, pos, close)
        if op is C.ATOMIC_GROUP:
            e = self.seq(av, 0, pos, lambda q: q)
            return None if e is None else nxt(e)
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                ok = self.seq(sub, 0, pos, lambda q: q) is not None
            else:
                width = sub.getwidth()[0]
                start = pos - width
                ok = start >= 0 and self.seq(sub, 0, start, lambda q: q if q == pos else None) is not None
            return nxt(pos) if ok == (op is C.ASSERT) else None
        if op is C.GROUPREF:
            if av not in self.groups:
                return None
            a, b = self.groups[av]
            ref = s[a:b]
            self.counter.add_steps(len(ref))
            if s.startswith(ref, pos) or (self.ic and s[pos : pos + len(ref)].lower() == ref.lower()):
                return nxt(pos + len(ref))
            return None
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return self.repeat(op, av, pos, nxt)
        raise NotImplementedError(op)

    def repeat(self, op: Any, av: Any, pos: int, nxt: Cont) -> int | None:
        lo, hi, sub = av
        s = self.s
        if len(sub) == 1 and sub[0][0] in _SINGLE:
            # One character per round (sre's REPEAT_ONE): read the run once, then give back.
            sop, sav = sub[0]
            m = 0
            while m < hi and pos + m < len(s) and self.char_ok(sop, sav, s[pos + m]):
                m += 1
            self.counter.add_steps(m + 1)
            if m < lo:
                return None
            if op is C.POSSESSIVE_REPEAT:
                return nxt(pos + m)
            order = range(m, lo - 1, -1) if op is C.MAX_REPEAT else range(lo, m + 1)
            for c in order:
                self.counter.add_steps(1)
                r = nxt(pos + c)
                if r is not None:
                    return r
            return None
        if op is C.POSSESSIVE_REPEAT:
            count, p = 0, pos
            while count < hi:
                e = self.seq(sub, 0, p, lambda q: q)
                if e is None or e == p:
                    break
                count, p = count + 1, e
            return nxt(p) if count >= lo else None

        def rounds(count: int, p: int) -> int | None:
            self.counter.add_steps(1)

            def again(q: int) -> int | None:
                return None if q == p and count >= lo else rounds(count + 1, q)

            if op is C.MIN_REPEAT:
                if count >= lo:
                    r = nxt(p)
                    if r is not None:
                        return r
                return self.seq(sub, 0, p, again) if count < hi else None
            if count < hi:
                r = self.seq(sub, 0, p, again)
                if r is not None:
                    return r
            return nxt(p) if count >= lo else None

        return rounds(0, pos)

    # the calls a pattern object offers
    def match_at(self, s: str, pos: int, *, full: bool = False, endpos: int | None = None) -> tuple[int, int] | None:
        self.s = s if endpos is None else s[:endpos]
        self.groups = {}
        end = self.seq(list(self.tree), 0, pos, (lambda q: q if q == len(self.s) else None) if full else (lambda q: q))
        return None if end is None else (pos, end)

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        stop = len(s) if endpos is None else endpos
        for start in range(pos, stop + 1):
            found = self.match_at(s, start, endpos=endpos)
            if found is not None:
                return found
        return None

    def iterate(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
        stop = len(s) if endpos is None else endpos
        start = pos
        last_empty = -1
        while start <= stop:
            found = self.match_at(s, start, endpos=endpos)
            if found is None or (found[0] == found[1] == last_empty):
                start += 1
                continue
            yield found
            if found[1] == found[0]:
                last_empty = found[1]
            start = found[1]


def _category(code: Any, c: str) -> bool:
    table = {
        C.CATEGORY_DIGIT: c.isdecimal(),
        C.CATEGORY_NOT_DIGIT: not c.isdecimal(),
        C.CATEGORY_SPACE: c.isspace(),
        C.CATEGORY_NOT_SPACE: not c.isspace(),
        C.CATEGORY_WORD: c.isalnum() or c == "_",
        C.CATEGORY_NOT_WORD: not (c.isalnum() or c == "_"),
    }
    if code not in table:
        raise NotImplementedError(code)
    return table[code]


class CountingPattern:
    """Stands for a compiled pattern: ``re``'s result, with the search replayed and counted."""

    def __init__(self, rx: re.Pattern[str], counter: Counter) -> None:
        self.rx = rx
        self.steps = Steps(rx, counter)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rx, name)

    def _agree(self, got: re.Match[str] | None, counted: tuple[int, int] | None) -> None:
        assert (got.span() if got else None) == counted, (self.rx.pattern, got, counted)

    def match(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        got = self.rx.match(s, pos) if endpos is None else self.rx.match(s, pos, endpos)
        self._agree(got, self.steps.match_at(s, pos, endpos=endpos))
        return got

    def fullmatch(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        got = self.rx.fullmatch(s, pos) if endpos is None else self.rx.fullmatch(s, pos, endpos)
        self._agree(got, self.steps.match_at(s, pos, full=True, endpos=endpos))
        return got

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        got = self.rx.search(s, pos) if endpos is None else self.rx.search(s, pos, endpos)
        self._agree(got, self.steps.search(s, pos, endpos))
        return got

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        got = list(self.rx.finditer(s, pos) if endpos is None else self.rx.finditer(s, pos, endpos))
        assert [m.span() for m in got] == list(self.steps.iterate(s, pos, endpos)), self.rx.pattern
        return iter(got)

    def findall(self, s: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        list(self.finditer(s, pos, endpos))
        return self.rx.findall(s, pos) if endpos is None else self.rx.findall(s, pos, endpos)

    def sub(self, repl: Any, s: str, count: int = 0) -> str:
        list(self.finditer(s))
        return self.rx.sub(repl, s, count)


# --- measuring ------------------------------------------------------------------------------


def _patterns(module: ModuleType) -> dict[str, re.Pattern[str]]:
    out = {}
    for name, value in vars(module).items():
        if isinstance(value, _Lazy):
            value = re.compile(value._pattern, value._flags)
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            out[name] = value
    return out


@contextmanager
def counting(modules: list[ModuleType], budget: int | None = None) -> Iterator[Counter]:
    """Count the lines statusdoc runs and the regex steps of ``modules``' patterns."""
    counter = Counter(budget)
    saved = {(m, name): vars(m)[name] for m in modules for name in _patterns(m)}
    for m in modules:
        for name, rx in _patterns(m).items():
            setattr(m, name, CountingPattern(rx, counter))

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            counter.lines += 1
            if not counter.lines & 1023:
                counter.check()
        return local

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(SRC) else None

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 100_000))
    sys.settrace(trace)
    try:
        yield counter
    finally:
        sys.settrace(None)
        sys.setrecursionlimit(old_limit)
        for (m, name), value in saved.items():
            setattr(m, name, value)


def work(run: Callable[[], object], modules: list[ModuleType], budget: int | None = None) -> int:
    """Lines plus regex steps of one call of ``run`` (raises :class:`OverBudget`)."""
    with counting(modules, budget) as c:
        run()
    return c.work


def lint_and_recompute(text: str) -> None:
    """What a hook runs on a document: parse, lint, recompute and render."""
    from statusdoc import lint, parse, recompute, render

    doc = parse(text)
    lint(doc)
    render(recompute(doc))


def scaling(
    build: Callable[[int], str],
    n: int,
    modules: list[ModuleType],
    *,
    base_budget: int,
    ratio: int = 12,
    run: Callable[[str], object] = lint_and_recompute,
) -> float:
    """Work of ``run`` at 10n over work at n (the 10n run stops at ``ratio`` times the first: the
    test fails fast on super-linear code instead of running for minutes)."""
    import pytest

    run(build(n))  # first-use costs (pattern compilation, tables) out of the way
    base = work(lambda: run(build(n)), modules, budget=base_budget)
    try:
        big = work(lambda: run(build(10 * n)), modules, budget=ratio * base)
    except OverBudget:
        pytest.fail(f"10x the input took more than {ratio}x the work ({base:,} at n={n})")
    return big / base
