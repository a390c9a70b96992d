"""What the counter scans share: the records a scan returns (:class:`Found`, :class:`FoundNumber`)
and the label and unit tables that give a number its role (SPEC §2.5, §4): summary labels, unit
words, the labels of plans and scores, the words after a number.  Tables and the small
functions that read them; the patterns stay beside the scans that run them
(:mod:`statusdoc.counters`), since a lazily compiled pattern replaces itself in one module only.
"""

from __future__ import annotations

from statusdoc import lang
from statusdoc._record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.model import Bar

#: Labels of a summary block whose numbers are counters (SPEC §2.5), in every language.
COUNT_LABELS: dict[str, str] = lang.COUNT_LABELS
#: Unit words that name items or sections (SPEC §4, rule 3), in every language.
ITEM_UNITS = lang.ITEM_UNITS
SECTION_UNITS = lang.SECTION_UNITS
UNITS = ITEM_UNITS | SECTION_UNITS


@record
class FoundNumber:
    """One number of a counter found in a line (offsets relative to the line)."""

    start: int
    end: int
    value: float
    role: str
    decimals: int = 0


@record
class Found:
    """A counter found in a line: offsets are relative to the line."""

    kind: str
    start: int
    end: int
    numbers: list[FoundNumber]
    label: str | None = None
    unit: str | None = None
    bar: Bar | None = None
    #: Counts only if its list item turns out to have status children (a bare `(2/4)`).
    weak: bool = False


def foreign_labels() -> dict[str, set[str]]:
    """Every other language's summary labels, by role (English's are written out below)."""
    english = lang.english("LABELS")
    out: dict[str, set[str]] = {"percent": set(), "done": set(), "total": set()}
    for word, role in COUNT_LABELS.items():
        if role in out and word not in english:
            out[role].add(word)
    return out


FOREIGN_LABELS = foreign_labels()
#: Every other language's words after a number that count one state (`, 2 en curso`).
FOREIGN_COUNTS = set(lang.STATE_COUNT_WORDS) - set(lang.english("STATE_COUNTS"))

#: Labels whose numbers are plans, targets or scores, never progress.
STOP_LABELS = frozenset(
    "target targets goal goals expected expectation estimate estimated estimation eta confidence threshold "
    "budget coverage weight weighting score rating grade benchmark baseline".split()
)


_ROLES: dict[str, tuple[str, str | None] | None] = {}


def label_role(label: str) -> tuple[str, str | None] | None:
    """(role, unit) for a summary label made of a counting word and at most a unit word."""
    if label in _ROLES:
        return _ROLES[label]
    if len(_ROLES) > 4096:
        _ROLES.clear()  # labels repeat; a document of distinct ones must not grow this
    role = _ROLES[label] = read_label_role(label)
    return role


def read_label_role(label: str) -> tuple[str, str | None] | None:
    w = " ".join(label.lower().split())
    if w in COUNT_LABELS:
        return COUNT_LABELS[w], None
    for word, role in COUNT_LABELS.items():
        if w.startswith(word + " "):
            rest = w[len(word) + 1 :]
            if rest in UNITS:
                return role, rest
        if w.endswith(" " + word):
            rest = w[: -len(word) - 1]
            if rest in UNITS:
                return role, rest
    return None


def after_role(word: str | None) -> str:
    """The role of a number a progress word follows: `started`, `remaining` (`left`, `restantes`),
    `in_progress`, else `done` (`passed`, `checked` and `progress` included).

    >>> after_role("left"), after_role("erledigt"), after_role("in progress"), after_role(None)
    ('remaining', 'done', 'in_progress', 'done')
    """
    if word is None:
        return "done"
    w = lang.norm(word)
    role = "in_progress" if w == "in progress" else lang.AFTER_WORDS.get(w, "done")
    return role if role in ("started", "remaining", "in_progress") else "done"


def stopped(label: str | None) -> bool:
    return label is not None and label.split()[0].lower() in STOP_LABELS
