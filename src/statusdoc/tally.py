"""What items count to: the tally of a list of items, the one rule every command uses (SPEC §5),
whether a claimed state agrees with it, and the :class:`Check` a comparison yields.  Apart from
:mod:`statusdoc.checks` so that the checks of numbers (:mod:`statusdoc.numbers_check`) and of
claims (:mod:`statusdoc.claims_check`) import them without importing the evaluator."""

from __future__ import annotations

from statusdoc._record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State
    from statusdoc.model import Document


@record
class Check:
    """A value the document states that differs from the value computed from its items."""

    code: str
    line: int
    column: int
    start: int
    end: int
    found: str
    computed: str
    message: str
    #: Whether recompute rewrites it (free-form claims are left for a person).
    fixable: bool
    counter: int | None = None


@record
class Tally:
    done: int
    total: int
    weighted: float
    in_progress: int
    todo: int
    blocked: int

    @property
    def fraction(self) -> float:
        return self.weighted / self.total if self.total else 0.0

    @property
    def state(self) -> State:
        if self.total == 0:
            return "todo"
        if self.done == self.total:
            return "done"
        if self.done or self.in_progress or self.weighted:
            return "in_progress"
        if self.blocked == self.total:
            return "blocked"
        return "todo"


def compatible(claimed: State, computed: State) -> bool:
    """Whether a claimed state agrees with the state the items give.

    >>> compatible("in_progress", "todo")  # a bucket of work begun, nothing ticked yet
    True
    >>> compatible("blocked", "in_progress")  # blocked work is unfinished work
    True
    >>> compatible("done", "in_progress")
    False
    """
    if claimed == computed:
        return True
    if claimed == "in_progress":
        return computed == "todo"
    if claimed == "blocked":
        return computed in ("todo", "in_progress")
    return False


def lines_tally(done: float, total: float) -> Tally:
    """A tally standing for what a board's lines say (their sum), for its total line."""
    d, n = int(done), int(total)
    return Tally(d, n, float(done), 0, n - d, 0)


def tally(doc: Document, items: list[int]) -> Tally:
    done = total = ip = todo = blocked = 0
    weighted = 0.0
    for i in items:
        it = doc.items[i]
        if it.state == "cancelled" or (it.optional and it.state != "done"):
            continue
        total += 1
        if it.state == "done":
            done += 1
            weighted += 1
        else:
            if it.fraction is not None:
                weighted += it.fraction
            if it.state == "in_progress":
                ip += 1
            elif it.state == "todo":
                todo += 1
            elif it.state == "blocked":
                blocked += 1
    return Tally(done, total, weighted, ip, todo, blocked)


def document_leaves(doc: Document) -> list[int]:
    """What a document counts as a whole (`show`'s first row, `report`, `history`, a roll-up's
    files): its leaf items outside history sections."""
    return [i for i, it in enumerate(doc.items) if it.is_leaf and not it.history]


def document_tally(doc: Document) -> Tally:
    """The tally of :func:`document_leaves`."""
    return tally(doc, document_leaves(doc))
