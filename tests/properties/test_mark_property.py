"""`mark` over generated documents (issue 15): the result is "edit the marker by hand, then
recompute", and only the marker and counter or claim spans change."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from strategies import documents

from statusdoc import parse, recompute, render
from statusdoc.marking import MarkError, mark
from statusdoc.model import Document
from statusdoc.vocabulary import STATES

SCALE = float(os.environ.get("STATUSDOC_PROPERTY_SCALE", "1"))
GEN = settings(
    deadline=None,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    max_examples=int(100 * SCALE),
)


def _spans(doc: Document, *, shift_from: int = -1, delta: int = 0) -> list[tuple[int, int]]:
    """Where a recompute may write: counters, status claims, headings (trailing markers), in the
    original text's offsets (spans after ``shift_from`` move back by ``delta``)."""
    raw = [c.span for c in doc.counters] + [sl.span for sl in doc.status_lines] + [s.span for s in doc.sections]
    out = []
    for s in raw:
        a, b = s.start, s.end
        if a >= shift_from >= 0:
            a, b = a - delta, b - delta
        out.append((a, b))
    tables = [(tb.span.start, tb.span.end) for tb in doc.tables]
    return out + tables  # an aligned table may re-pad its cells


@GEN
@given(documents(), st.data())
def test_mark_is_hand_edit_then_recompute(text: str, data: st.DataObject) -> None:
    doc = parse(text)
    leaves = [it for it in doc.items if it.is_leaf and it.marker_span is not None and it.kind != "progress"]
    if not leaves:
        event("no markable item")
        return
    item = data.draw(st.sampled_from(leaves))
    state = data.draw(st.sampled_from(STATES))
    try:
        result = mark(doc, str(item.line), state)
    except MarkError as e:
        # The only refusal for a leaf: its text decides its state (struck through, a legend).
        assert "reads as" in str(e), e
        event("refused: text decides the state")
        return
    if item.state == state:
        assert result.edits == [], "an item already in that state changes nothing"
        event("already in state")
        return
    ms = item.marker_span
    assert ms is not None
    # A table row's cell word goes with its emoji (`⬜ Not Started` → `✅ Complete`): the marker's
    # edit then reaches over the word; any other edit of a marker is the marker alone.
    [marker_edit] = [
        e
        for e in result.edits
        if e.start == ms.start and (e.end == ms.end or (item.kind == "table_row" and e.end > ms.end))
    ]
    # The marker keeps the item's syntax: a checkbox stays a checkbox, an emoji an emoji.
    if item.marker.startswith("["):
        assert marker_edit.new[0] == "[" and marker_edit.new[2] == "]" and len(marker_edit.new) == 3
    hand = text[: ms.start] + marker_edit.new + text[marker_edit.end :]
    hand_doc = parse(hand)
    [after] = [it for it in hand_doc.items if it.marker_span is not None and it.marker_span.start == ms.start]
    assert after.state == state
    # The property: mark == edit the marker by hand, then recompute.
    new = render(result)
    assert new == render(recompute(hand_doc))
    # Bytes outside the marker and the counter / claim spans are unchanged.
    delta = len(marker_edit.new) - len(marker_edit.old)
    allowed = _spans(doc) + _spans(hand_doc, shift_from=ms.start + len(marker_edit.new), delta=delta)
    for e in result.edits:
        if e is marker_edit:
            continue
        assert any(a <= e.start and e.end <= b for a, b in allowed), f"edit outside any counter or claim: {e}"
    pos_t = pos_r = 0
    for e in sorted(result.edits, key=lambda e: e.start):
        seg = text[pos_t : e.start]
        assert new[pos_r : pos_r + len(seg)] == seg
        pos_r += len(seg) + len(e.new)
        pos_t = e.end
    assert new[pos_r:] == text[pos_t:]
