"""Counters against their items (SPEC §5): the numbers a counter states (counts, percentages)
and the bars it draws, each computed from its binding's tally and written in the document's own
form (digits, bar glyphs, code page).  Functions of the one :class:`~statusdoc.checks.Evaluator`,
which calls :func:`counter_checks` from ``checks()``."""

from __future__ import annotations

from statusdoc import codepages
from statusdoc.bars import PARTIAL
from statusdoc.tally import Check, Tally

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import Rounding
    from statusdoc.binding import Binding
    from statusdoc.checks import Evaluator
    from statusdoc.model import Counter, Number


def percent(fraction: float, decimals: int, rounding: Rounding, *, complete: bool, any_done: bool) -> str:
    """Round half up (or floor) at the document's precision, then clamp (SPEC §5); the digits as
    written, ``decimals`` after the point.

    Exactly what :mod:`decimal` made of ``repr(fraction * 100)`` (negative zero included), in
    integers: ``decimal`` is a 2 ms import the lint path otherwise does not need.

    >>> percent(2 / 3, 1, "nearest", complete=False, any_done=True)
    '66.7'
    >>> percent(0.999, 0, "nearest", complete=False, any_done=True)
    '99'
    >>> percent(0.0004, 0, "floor", complete=False, any_done=True)
    '1'
    >>> percent(0.125, 1, "floor", complete=False, any_done=True)
    '12.5'
    """
    negative, digits, exp = _exact_decimal(fraction * 100)  # |value| is digits / 10**exp
    scale, one = 10**decimals, 10**exp
    # In units of 10**-decimals: |value| * scale cut to a whole number, and what is left over.
    whole, rest = divmod(digits * scale, one)
    if (2 * rest >= one) if rounding == "nearest" else (rest and negative):
        whole += 1  # half up is away from zero; floor of a negative value is away from zero
    if negative:
        whole = -whole
    if rounding == "org" and not negative and 0 < digits < one:
        whole = scale  # 0 < value < 1 shows as 1
    hundred = 100 * scale
    if whole >= hundred and not complete:
        whole = hundred - 1
    if whole <= 0 and any_done:
        whole = 1
    if whole == 0 and negative:
        return "-" + _fixed(0, decimals)  # (Decimal's negative zero, as it was written before)
    return _fixed(whole, decimals)


def _exact_decimal(x: float) -> tuple[bool, int, int]:
    """``x``'s shortest decimal form (``repr``) as ``(negative, digits, exp)``: ``|x| == digits /
    10**exp``.

    >>> _exact_decimal(12.5), _exact_decimal(1e-05), _exact_decimal(-3e+20), _exact_decimal(-0.0)
    ((False, 125, 1), (False, 1, 5), (True, 300000000000000000000, 0), (True, 0, 1))
    """
    text = repr(x)
    negative = text.startswith("-")
    mantissa, _, e = text.lstrip("-").partition("e")
    int_part, _, frac = mantissa.partition(".")
    digits = int(int_part + frac)
    exp = len(frac) - int(e or 0)
    if exp < 0:
        return negative, digits * 10**-exp, 0
    return negative, digits, exp


def _fixed(units: int, decimals: int) -> str:
    """``units`` × 10**-decimals written with ``decimals`` places (``format(Decimal, "f")``).

    >>> _fixed(5, 2), _fixed(1234, 1), _fixed(7, 0), _fixed(-5, 2)
    ('0.05', '123.4', '7', '-0.05')
    """
    if decimals <= 0:
        return str(units)
    sign, body = ("-", str(-units)) if units < 0 else ("", str(units))
    body = body.rjust(decimals + 1, "0")
    return f"{sign}{body[:-decimals]}.{body[-decimals:]}"


def bar_fill(fraction: float, width: int, *, complete: bool, any_done: bool, partial: bool) -> float:
    cells = fraction * width
    # Half up, in eighths where the document draws partial blocks.
    # (`x // 1` is floor(x) as a float: math's import is a dlopen on every run for this one line)
    filled = (cells * 8 + 0.5) // 1 / 8 if partial else (cells + 0.5) // 1
    if any_done and filled <= 0:
        filled = 1.0 if not partial else 1 / 8
    if not complete and filled >= width:
        filled = width - (1.0 if not partial else 1 / 8)
    return filled


def expected(ev: Evaluator, c: Counter, n: Number, b: Binding, t: Tally) -> tuple[str, str] | None:
    """(code, new text) for one number of a counter, or None when nothing is computed."""
    role = n.role
    by_sections = ev.counts_sections(c, b)
    if role in ("percent", "percent_remaining"):
        frac = t.fraction if role == "percent" else 1 - t.fraction
        p = percent(
            frac,
            n.decimals,
            ev.rounding,
            complete=(t.done == t.total) if role == "percent" else t.weighted == 0,
            any_done=t.weighted > 0 if role == "percent" else t.done < t.total,
        )
        return "SD002", p
    if role == "filled":
        return None
    if by_sections:
        counts = ev.section_counts(b)
        value = counts.get(role)
    else:
        value = _tally_value(t, role)
    if value is None:
        return None
    return "SD001", str(value)


def _tally_value(t: Tally, role: str) -> int | None:
    """What the items say a number of ``role`` is (None for a role no tally answers)."""
    if role in ("done", "total", "in_progress", "todo", "blocked"):
        return getattr(t, role)  # type: ignore[no-any-return]
    if role == "remaining":
        return t.total - t.done
    if role == "started":
        return t.done + t.in_progress
    return None


def counter_checks(ev: Evaluator) -> list[Check]:
    out: list[Check] = []
    for ci, c in enumerate(ev.doc.counters):
        b = ev.bindings[ci]
        if not b.bound:
            continue
        t = ev.bound_tally(b)
        if t.total == 0:
            continue
        found = bar_check(ev, ci, c, t) if c.kind == "bar" else number_checks(ev, ci, c, b, t)
        if found:
            decision = ev.claim_decision(c)
            if decision.action == "ignore":
                continue
            if decision.action == "report":
                for ch in found:
                    ch.fixable = False
                    ch.message += f"; not rewritten: {decision.why}"
            out.extend(found)
    return out


def number_checks(ev: Evaluator, ci: int, c: Counter, b: Binding, t: Tally) -> list[Check]:
    out = []
    for n in c.numbers:
        exp = expected(ev, c, n, b, t)
        if exp is None:
            continue
        code, new = exp
        old = ev.doc.text[n.span.start : n.span.end]
        if _same_number(old, new):
            continue
        new = in_digits_of(new, old)
        what = {"SD002": "percentage", "SD001": _role_name(n.role)}[code]
        pct = "%" if code == "SD002" else ""
        msg = f"{what} says {old}{pct}, items say {new}{pct} ({t.done:g}/{t.total} done; {b.reason})"
        out.append(_number_check(code, n, old, new, msg, ci))
    return out


def bar_check(ev: Evaluator, ci: int, c: Counter, t: Tally) -> list[Check]:
    bar = c.bar
    assert bar is not None
    partial = bool(bar.partial_glyphs) or any(g in ev.doc.dialect.bar_glyphs for g in PARTIAL)
    complete = t.done == t.total
    filled = bar_fill(t.fraction, bar.width, complete=complete, any_done=t.weighted > 0, partial=partial)
    if abs(filled - bar.filled) < 1e-9:
        return []
    n = c.numbers[0]
    old = ev.doc.text[n.span.start : n.span.end]
    new = draw_bar(ev, bar.filled_glyph, bar.empty_glyph, bar.width, filled, old)
    if new is None or new == old:
        return []
    msg = (
        f"bar shows {_cells(bar.filled)}/{bar.width}, items say {_cells(filled)}/{bar.width} ({t.done}/{t.total} done)"
    )
    return [_number_check("SD003", n, old, new, msg, ci)]


def draw_bar(ev: Evaluator, fg: str, eg: str, width: int, filled: float, old: str) -> str | None:
    fg = fg or glyph_like(ev, "filled", eg)
    eg = eg or glyph_like(ev, "empty", fg)
    if not fg or not eg:
        return None
    whole = int(filled)
    rest = filled - whole
    part = ""
    if rest > 0:
        part = codepages.encode_for(PARTIAL[max(0, min(6, round(rest * 8) - 1))], ev.cp)
    empties = width - whole - (1 if part else 0)
    return fg * whole + part + eg * empties


def glyph_like(ev: Evaluator, kind: str, other: str) -> str:
    """A bar glyph the document uses elsewhere, for a bar that shows none of that kind (once per
    document and glyph: it reads every counter)."""
    return ev.once(("glyph like", kind, other), lambda: _glyph_like(ev, kind, other))


def _glyph_like(ev: Evaluator, kind: str, other: str) -> str:
    from statusdoc.bars import EMPTY, FILLED

    pairs = {"█": "░", "▓": "░", "■": "□", "🟩": "⬜", "=": "-", "#": "-"}
    for c in ev.doc.counters:
        if c.bar and c.bar.filled_glyph and c.bar.empty_glyph:
            if kind == "filled" and c.bar.empty_glyph == other:
                return c.bar.filled_glyph
            if kind == "empty" and c.bar.filled_glyph == other:
                return c.bar.empty_glyph
    plain_other = unform(other, FILLED + EMPTY)
    for f, e in pairs.items():
        if kind == "filled" and e == plain_other:
            return f if f.isascii() else codepages.encode_for(f, ev.cp)
        if kind == "empty" and f == plain_other:
            return e if e.isascii() else codepages.encode_for(e, ev.cp)
    return ""


def _number_check(code: str, n: Number, old: str, new: str, message: str, counter: int) -> Check:
    """A fixable check that rewrites one number's (or one bar's) span."""
    return Check(code, n.span.line, n.span.column, n.span.start, n.span.end, old, new, message, True, counter)


def in_digits_of(new: str, old: str) -> str:
    """``new`` written with the digits ``old`` uses (full-width, Arabic-Indic, …), so that a
    rewrite keeps the document's own form.

    >>> in_digits_of("12", "０"), in_digits_of("7.5", "٣"), in_digits_of("3", "2")
    ('１２', '٧.٥', '3')
    """
    for ch in old:
        if ch.isdigit() and not ch.isascii():
            import unicodedata

            zero = ord(ch) - unicodedata.digit(ch)
            return "".join(chr(zero + int(d)) if d.isdigit() else d for d in new)
    return new


def _same_number(old: str, new: str) -> bool:
    """Whether two numerals name the same number (`1,000` and `1000`, `50.0` and `50`).

    >>> _same_number("1,000", "1000"), _same_number("50.0", "50"), _same_number("05", "5.5")
    (True, True, False)
    >>> _same_number("３３", "33"), _same_number("1e2", "100")
    (True, True)
    """
    if old == new:
        return True
    a, b = _numeral(old.replace(",", "")), _numeral(new)
    if a is not None and b is not None:
        return a == b
    # Not plain digits: as Decimal reads it (rare, so its 2 ms import is paid only then).
    from decimal import Decimal

    try:
        return Decimal(old.replace(",", "")) == Decimal(new)
    except ArithmeticError:
        return False


def _numeral(s: str) -> tuple[int, str] | None:
    """``digits[.digits]`` (any script's digits) as (integer part, fraction's digits without
    trailing zeros), the form in which equal numbers are equal; None for anything else."""
    whole, _, frac = s.partition(".")
    if not (whole or frac) or (whole and not whole.isdecimal()) or (frac and not frac.isdecimal()):
        return None
    return int(whole or "0"), "".join(str(int(d)) for d in frac).rstrip("0")


def _role_name(role: str) -> str:
    return {
        "done": "done count",
        "total": "total",
        "remaining": "remaining count",
        "in_progress": "in-progress count",
        "started": "started count",
        "todo": "todo count",
        "blocked": "blocked count",
    }.get(role, role)


def _cells(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def unform(glyph: str, glyphs: tuple[str, ...]) -> str:
    for g in glyphs:
        if glyph in codepages.forms(g):
            return g
    return glyph
