"""Issue 17: ``checks.percent`` rounds in integers (no ``decimal`` on the lint path); it must write
exactly what the ``Decimal`` version wrote, kept here as the oracle."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from statusdoc.checks import percent


def decimal_percent(fraction: float, decimals: int, rounding: str, *, complete: bool, any_done: bool) -> str:
    q = Decimal(1).scaleb(-decimals)
    raw = Decimal(repr(fraction * 100))
    p = raw.quantize(q, rounding=ROUND_HALF_UP if rounding == "nearest" else ROUND_FLOOR)
    if rounding == "org" and 0 < raw < 1:
        p = Decimal(1).quantize(q)
    hundred = Decimal(100).quantize(q)
    if p >= hundred and not complete:
        p = hundred - q
    if p <= 0 and any_done:
        p = q
    return format(p, "f")


counts = st.integers(min_value=0, max_value=5000)
fractions = st.one_of(
    st.builds(lambda d, t: d / max(t, d, 1), counts, counts),
    st.builds(lambda d, t: 1 - d / max(t, d, 1), counts, counts),
    st.floats(min_value=-2, max_value=2, allow_nan=False),
    st.floats(min_value=-1e-6, max_value=1e-6, allow_nan=False),
)


@given(
    fractions,
    st.sampled_from([0, 0, 1, 2, 3, 5]),
    st.sampled_from(["nearest", "floor", "org"]),
    st.booleans(),
    st.booleans(),
)
@example(0.125, 1, "floor", False, True)
@example(0.005, 0, "nearest", False, False)  # half up: 0.5 -> 1
@example(0.00005, 2, "nearest", False, False)  # half up at two places
@example(-0.0, 2, "nearest", True, False)  # Decimal's negative zero
@example(-1e-9, 0, "floor", True, False)  # floor of a negative value
@example(2 / 3, 1, "org", False, True)
@example(0.004, 0, "org", False, False)  # 0 < value < 1 shows as 1
def test_percent_writes_what_decimal_wrote(
    fraction: float, decimals: int, rounding: str, complete: bool, any_done: bool
) -> None:
    want = decimal_percent(fraction, decimals, rounding, complete=complete, any_done=any_done)
    assert percent(fraction, decimals, rounding, complete=complete, any_done=any_done) == want  # type: ignore[arg-type]
