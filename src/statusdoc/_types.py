"""The model's and the rules' literal types, in one place.

Imported only by type checkers (``if TYPE_CHECKING:``) and by :mod:`statusdoc.dump`, which hands
them to pydantic: the lint path never imports :mod:`typing` (about 3 ms a run).
"""

from __future__ import annotations

from typing import Literal

State = Literal["done", "in_progress", "todo", "blocked", "cancelled"]
Severity = Literal["error", "warning", "info"]
Rounding = Literal["nearest", "floor", "org"]
#: The binding rule that decided a counter's items.
Rule = Literal["directive", "label", "unit", "position", "board", "unbound", "history", "ignored"]
Context = Literal["heading", "paragraph", "list_item", "table_cell", "board", "front_matter", "status_line"]
CounterKind = Literal["fraction", "percent", "number", "state_count", "bar"]
#: What a number in a counter stands for.
Role = Literal[
    "done",
    "total",
    "remaining",
    "in_progress",
    "started",
    "todo",
    "blocked",
    "percent",
    "percent_remaining",
    "filled",
]
ItemKind = Literal["checkbox", "emoji", "progress", "table_row"]

__all__ = ["Context", "CounterKind", "ItemKind", "Literal", "Role", "Rounding", "Rule", "Severity", "State"]
