"""English: the words statusdoc has always read (SPEC §2.5, §3); the first word of each state is the
one a rewrite writes when the document gives no example of its own."""

CODE = "en"
#: Summary labels and the role of their number (`**Completed:** 12`).
LABELS = {
    "total": "total",
    "completed": "done",
    "complete": "done",
    "done": "done",
    "finished": "done",
    "remaining": "remaining",
    "left": "remaining",
    "pending": "todo",
    "todo": "todo",
    "in progress": "in_progress",
    "started": "started",
    "progress": "percent",
    "blocked": "blocked",
    "not started": "todo",
}
#: The label of a status line (`**Status:** ✅ Done`).
STATUS_LABELS = ("status",)
#: State words, as a status line, a table cell or a heading states them.
STATES = {
    "done": ("Complete", "completed", "done", "implemented"),
    "in_progress": ("In Progress", "wip", "partial", "current"),
    "todo": ("Not Started", "pending", "todo", "planned", "queued"),
    "blocked": ("Blocked", "missing", "failed", "broken"),
    "cancelled": ("Cancelled", "canceled", "dropped", "won't do"),
}
#: Words after a number that make it count progress (`3/4 done`, `2 remaining`), and their role.
AFTER = {
    "complete": "done",
    "completed": "done",
    "done": "done",
    "finished": "done",
    "remaining": "remaining",
    "left": "remaining",
    "started": "started",
    "passed": "passed",
    "checked": "checked",
    "progress": "done",
}
#: Words after a number that count items in one state (`, 3 in progress`).
STATE_COUNTS = {
    "in progress": "in_progress",
    "done": "done",
    "complete": "done",
    "completed": "done",
    "remaining": "remaining",
    "blocked": "blocked",
    "pending": "todo",
    "started": "started",
    "todo": "todo",
}
#: Words of a board line or table row that speaks for the whole (`Overall`, `TOTAL`).
AGGREGATE = ("overall", "total", "all")
#: Unit words that name items, and those that name sections (SPEC §4, rule 3).
UNITS = (
    "task tasks item items file files todo todos checkbox checkboxes box boxes check checks step steps "
    "subtask subtasks deliverable deliverables feature features story stories criteria criterion"
).split()
SECTION_UNITS = (
    "stage stages phase phases section sections milestone milestones batch batches sprint sprints epic epics "
    "module modules part parts week weeks"
).split()
#: Frequent words of running text, by which a document's language is told (none of them a state).
HINTS = "the and of to is are for with this that be will not from".split()
