"""Hypothesis strategies that write realistic Markdown status documents (SPEC §2, §9).

``clean_documents()`` builds an LF, UTF-8 document out of the constructs of SPEC §2: a title,
ATX and setext headings nested 2-4 deep, checklists with every checkbox and bullet kind nested with
2/3/4-space or tab indents, emoji items, headings with fractions and trailing markers, status and
progress lines, summary blocks, progress boards in fences, status tables, HTML comments and
statusdoc directives, YAML front matter, fenced code holding checkboxes, a dated log section,
progress items, and prose whose numbers are not counters.  The counters are computed from the
generated items and then, at random, made to drift.

``dialects()`` / ``apply_dialect()`` then rewrite the document the way files are found in the wild:
LF / CRLF / mixed line endings, a BOM, no final newline, trailing spaces and two-space hard breaks,
trailing tabs, and mojibake (UTF-8 read as cp1252, Mac Roman or cp1254).  ``documents()`` draws both.

``markdownish_text()`` is the weaker, ``st.text()``-based strategy for the pure round trip: lines
of Markdown-ish fragments mixed with arbitrary text and arbitrary line endings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hypothesis import strategies as st

from statusdoc.codepages import garble

# --- cheap draws: strategies built once, not on every draw ---------------------------------


@functools.cache
def _sampled(options: tuple) -> st.SearchStrategy:
    return st.sampled_from(options)


@functools.cache
def _ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(lo, hi)


_BOOL = st.booleans()


def pick(draw, options):
    return draw(_sampled(tuple(options)))


def num(draw, lo: int, hi: int) -> int:
    return draw(_ints(lo, hi))


def flip(draw) -> bool:
    return draw(_BOOL)


# --- vocabulary -----------------------------------------------------------------------------

CHECKBOXES = {
    "[ ]": "todo",
    "[x]": "done",
    "[X]": "done",
    "[-]": "in_progress",
    "[/]": "in_progress",
    "[~]": "cancelled",
    "[!]": "blocked",
}
EMOJI = {
    "✅": "done",
    "⬜": "todo",
    "🔄": "in_progress",
    "❌": "blocked",
    "✔️": "done",
    "🚧": "in_progress",
    "⏳": "todo",
    "🟢": "done",
    "🟡": "in_progress",
}
BULLETS = ["-", "*", "+", "1.", "1)"]
INDENTS = ["  ", "   ", "    ", "\t"]
STATE_WORD = {
    "done": ["Complete", "COMPLETE", "Done", "Implemented", "Completed"],
    "in_progress": ["In Progress", "IN PROGRESS", "WIP", "Partial"],
    "todo": ["Not Started", "Pending", "TODO", "Planned"],
    "blocked": ["Blocked", "Failed"],
}
STATE_MARK = {"done": "✅", "in_progress": "🔄", "todo": "⬜", "blocked": "❌"}

TASKS = [
    "Initialize Git repository",
    "Create .gitignore for Rust, Node, Docker",
    "Create README.md with project overview",
    "Create workspace directory structure",
    "Set up CI pipeline (GitHub Actions)",
    "Write unit tests for `parser.rs`",
    "Add budget alerts at 50%/80%/100% monthly thresholds.",
    "Configure PostgreSQL 15 with 2 replicas",
    "Implement JWT auth — access + refresh tokens",
    "Document API endpoints → OpenAPI 3.1",
    "**Core Data Structures**: `Node`, `Edge`",
    "Migrate 3/4 legacy services",
    "Benchmark: p99 <100ms at 1000+ concurrent players",
    "Review PR #42 (2 approvals)",
    "~~Drop MySQL support~~",
    "Set up Docker Compose (5 services)",
    "Deploy to staging",
    "Add i18n (en, de, fr)",
    "Refactor config loader",
    "Fix flaky test in `auth_test.go`",
    "Write the “getting started” guide…",
    "Development Environment: Not Set Up",
    "Add [metrics](https://example.com/grafana/50%25) dashboard",
    "Keep 99.9% uptime target documented",
    "Verify `- [ ] nested` markdown escaping",
]
PHASES = [
    "Foundation & Infrastructure",
    "Database Schema & Migrations",
    "Authentication Service",
    "User Service",
    "Frontend Auth & Profile",
    "Territory & Badge Services",
    "Course Service (LMS)",
    "Forum Service & IPFS",
    "Translation & Matrix Services",
    "Testing, Documentation & Deployment",
    "Repository & Project Structure",
    "Docker Infrastructure Setup",
    "Rust Backend Foundation",
    "Log Shipping via `journalctl | vector`",
]
PREFIXES = ["Phase", "Stage", "Step", "Milestone", "Sprint", ""]
PROSE = [
    "Response times must stay <100ms for 95% of requests.",
    "**Availability:** 99.9% target",
    "**Test Coverage:** 0%",
    "Supports 1000+ concurrent players on 4 nodes.",
    "**Total Backend Implementation**: ~3,500+ lines",
    "**Completed:** N/A",
    "**Phase Duration:** 6-9 months",
    "**Sprint Dates:** November 4 - November 18, 2025",
    "See [the 3/4 plan](docs/plan-3/4.md) and `50% done` in code.",
    "> **Note:** 50% of the budget is spent; see <https://example.com/100%>.",
    "Latency budget: 250 ms, error rate < 0.1%.",
    "We moved 12 of 40 endpoints last week — about a third.",
    "Ratio 16/9 screens only; version 2.0/3.1 compatible.",
    "The team is “mostly” done… ≈ 80% by gut feeling",
    "**Team Members:** Henrik, Ana",
    "Owner: @ops-team · Reviewer: @lead",
    "Filter with `grep -E 'a|b'` before counting; 3/4 of the logs are noise.",
]
DATES = ["November 4, 2025", "Nov 18, 2025", "2025-11-04", "March 3rd, 2026", "4 December 2025"]
BAR_GLYPHS = [("█", "░"), ("▓", "░"), ("■", "□"), ("=", "-"), ("#", "."), ("🟩", "⬜")]


_TASK_WORDS = st.lists(
    st.sampled_from(
        [
            "add",
            "fix",
            "api",
            "db",
            "auth",
            "cache",
            "docs",
            "retry",
            "queue",
            "flag",
            "ui",
            "cli",
            "3",
            "of",
            "12",
            "v2",
            "—",
            "naïve",
            "✓",
            "🐛",
        ]
    ),
    min_size=1,
    max_size=6,
)
_SERVER_NAMES = st.lists(
    st.sampled_from(["Login Server", "Zone Server", "Chat Gateway", "Matchmaker", "Asset CDN"]),
    min_size=1,
    max_size=3,
    unique=True,
)
_FENCE_BODY = st.lists(
    st.sampled_from(
        [
            "- [ ] not an item inside a fence",
            "- [x] nor this one",
            "- ✅ fenced emoji",
            "**Progress:** 1/9 tasks completed (11%)",
            "echo '50% done'",
            "## 1/2 heading in code",
            "",
        ]
    ),
    min_size=1,
    max_size=4,
)
_PROSE_LINES = st.lists(st.sampled_from(PROSE), min_size=1, max_size=3)
_EXTRAS = st.lists(st.sampled_from(["status", "progress", "prose", "fence", "comment", "summary"]), max_size=3)
_FM_KEYS = st.lists(
    st.sampled_from(["progress", "total", "completed", "remaining", "owner"]), min_size=1, max_size=4, unique=True
)
_ENDINGS = st.lists(st.sampled_from(["\n", "\r\n", "\r\n", "\r"]), min_size=2, max_size=7)
_TRAILING = st.lists(st.sampled_from(["", "", "", "", " ", "  ", "\t", " \t"]), min_size=1, max_size=9)


@dataclass
class Tally:
    done: int = 0
    total: int = 0  # cancelled left out

    def add(self, other: Tally) -> None:
        self.done += other.done
        self.total += other.total

    @property
    def state(self) -> str:
        if not self.total:
            return "todo"
        if self.done == self.total:
            return "done"
        return "in_progress" if self.done else "todo"


# --- numbers with drift ---------------------------------------------------------------------


def drifted(draw, value: int, *, lo: int = 0, hi: int = 60) -> int:
    """The true value most of the time, a wrong one otherwise."""
    if num(draw, 0, 99) < 60:
        return value
    return num(draw, lo, max(lo, hi))


def pct_of(t: Tally) -> int:
    return round(100 * t.done / t.total) if t.total else 0


def bar_text(draw, t: Tally, *, bracket: bool = True) -> str:
    fg, eg = pick(draw, BAR_GLYPHS)
    width = pick(draw, [10, 10, 20, 8, 12])
    filled = round(width * t.done / t.total) if t.total else 0
    filled = max(0, min(width, drifted(draw, filled, hi=width)))
    partial = ""
    if fg == "█" and 0 < filled < width and num(draw, 0, 9) == 0:
        partial = pick(draw, "▏▎▍▌▋▊▉")
        body = fg * (filled - 1) + partial + eg * (width - filled)
    else:
        body = fg * filled + eg * (width - filled)
    if fg in "=#":
        bracket = True  # ASCII bars need their brackets
    return f"[{body}]" if bracket else body


# --- items ----------------------------------------------------------------------------------


@st.composite
def task_text(draw) -> str:
    if num(draw, 0, 4) == 0:
        words = draw(_TASK_WORDS)
        return " ".join(words).capitalize()
    return pick(draw, TASKS)


@st.composite
def checklist(draw, depth: int = 0, max_depth: int = 3) -> tuple[list[str], Tally]:
    """A (possibly nested) list of status items; returns lines relative to indent 0 and the leaf tally."""
    kind = pick(draw, ["checkbox", "checkbox", "emoji", "mixed"])
    bullet = pick(draw, BULLETS)
    indent = pick(draw, INDENTS)
    n = num(draw, 1, 4 if depth == 0 else 3)
    lines: list[str] = []
    tally = Tally()
    for k in range(n):
        b = bullet if not bullet[0].isdigit() else f"{k + 1}{bullet[-1]}"
        sep = pick(draw, [" ", " ", " ", "  "])
        use_emoji = kind == "emoji" or (kind == "mixed" and flip(draw))
        if use_emoji:
            marker = pick(draw, list(EMOJI))
            state = EMOJI[marker]
        else:
            marker = pick(draw, list(CHECKBOXES))
            state = CHECKBOXES[marker]
        text = draw(task_text())
        if text.startswith("~~"):
            state = "cancelled"
        child_tally = None
        if depth + 1 < max_depth and num(draw, 0, 5) == 0:
            # A plain list item whose counter speaks about the items nested under it.
            sub, child_tally = draw(checklist(depth=depth + 1, max_depth=max_depth))
            name = pick(draw, ["**Backend**", "Frontend", "**Stage 1:** Setup", "Docs"])
            d, n_ = drifted(draw, child_tally.done), drifted(draw, child_tally.total, lo=1)
            lines.append(
                f"{b}{sep}"
                + pick(
                    draw,
                    [
                        f"{name} ({d}/{n_})",
                        f"{name}: {d}/{n_} tasks done",
                        f"{name} - {drifted(draw, pct_of(child_tally), hi=100)}% complete",
                    ],
                )
            )
            lines.extend(indent + x for x in sub)
            tally.add(child_tally)
            continue
        lines.append(f"{b}{sep}{marker} {text}")
        if depth + 1 < max_depth and num(draw, 0, 3) == 0:
            sub, child_tally = draw(checklist(depth=depth + 1, max_depth=max_depth))
            lines.extend(indent + s for s in sub)
        elif num(draw, 0, 7) == 0:
            lines.append(indent + pick(draw, ["- Note: uses 4 workers", "- see #123", "  continuation of the item"]))
        if child_tally is not None:  # a parent with status children: counts count its leaves
            tally.add(child_tally)
        elif state != "cancelled":
            tally.total += 1
            tally.done += state == "done"
    return lines, tally


@st.composite
def progress_items(draw) -> tuple[list[str], Tally]:
    """`#### 🔄 **IN PROGRESS**` with `- **Login Server**: 60% - …` lines (SPEC §2.3)."""
    names = draw(_SERVER_NAMES)
    lines = []
    for name in names:
        p = pick(draw, [0, 10, 45, 60, 100])
        lines.append(f"- **{name}**: {p}% - {pick(draw, ['basic auth', 'load tested', 'design only'])}")
    return lines, Tally()


# --- blocks ---------------------------------------------------------------------------------


@st.composite
def status_line(draw, t: Tally) -> str:
    state = t.state if num(draw, 0, 2) else pick(draw, list(STATE_MARK))
    style = num(draw, 0, 5)
    word = pick(draw, STATE_WORD[state])
    if style == 0:
        return f"**Status:** {STATE_MARK[state]} {word}"
    if style == 1:
        return f"**Status:** {word}"
    if style == 2:
        return f"- **Status:** {STATE_MARK[state]} {word}"
    if style == 3:
        return f"Status: {STATE_MARK[state]} {word} ({pick(draw, DATES)})"
    if style == 4:
        return f"**Status:** {STATE_MARK[state]} FRAMEWORK COMPLETE + INTEGRATION READY"
    return f"**Current Status:** {word}"


@st.composite
def progress_line(draw, t: Tally) -> str:
    d, n, p = drifted(draw, t.done), drifted(draw, t.total, lo=1), drifted(draw, pct_of(t), hi=100)
    style = num(draw, 0, 5)
    if style == 0:
        return f"**Progress:** {d}/{n} tasks completed ({p}%)"
    if style == 1:
        return f"Progress: {p}%"
    if style == 2:
        return f"**Progress:** {p}% ({d}/{n} items done)"
    if style == 3:
        return f"{bar_text(draw, t)} {p}% complete"
    if style == 4:
        return f"**Progress:** {p}% ({drifted(draw, 1, hi=5)}/{drifted(draw, 3, hi=5)} stages started)"
    return f"**Progress:** {p}.{num(draw, 0, 9)}% complete"


@st.composite
def summary_block(draw, t: Tally) -> list[str]:
    bullet = pick(draw, ["", "", "- "])
    unit = pick(draw, ["Tasks", "Files", "Items", ""])
    total, done = drifted(draw, t.total, lo=1), drifted(draw, t.done)
    rem = drifted(draw, t.total - t.done)
    p = drifted(draw, pct_of(t), hi=100)
    lines = [f"{bullet}**Total{' ' + unit if unit else ''}:** {total}", f"{bullet}**Completed:** {done} ({p}%)"]
    if flip(draw):
        lines.append(f"{bullet}**In Progress:** {drifted(draw, 0, hi=5)}")
    lines.append(f"{bullet}**Remaining:** {rem}{' ' + unit.lower() if unit else ''}")
    return lines


@st.composite
def board(draw, phases: list[tuple[str, Tally]]) -> list[str]:
    fence = pick(draw, ["```", "```text", "~~~"])
    total = Tally()
    rows = []
    pad = max((len(name) for name, _ in phases), default=10) + 2
    fg, eg = pick(draw, BAR_GLYPHS[:3])
    for name, t in phases:
        total.add(t)
        width = 10
        filled = round(width * t.done / t.total) if t.total else 0
        filled = max(0, min(width, drifted(draw, filled, hi=width)))
        rows.append(
            f"{(name + ':').ljust(pad)} [{fg * filled}{eg * (width - filled)}] {drifted(draw, pct_of(t), hi=100)}%"
        )
    if flip(draw):
        rows.append(f"{'Overall'.ljust(pad)} [{fg * 3}{eg * 7}] {drifted(draw, pct_of(total), hi=100)}%")
    if flip(draw):
        rows.insert(0, "")
    if flip(draw):  # seed 004's unlabelled top line
        rows.insert(
            0,
            f"[{fg * 3}{eg * 17}] {drifted(draw, pct_of(total), hi=100)}% Complete "
            f"({drifted(draw, 0, hi=3)}/{len(phases)} stages complete, {drifted(draw, 1, hi=3)} in progress)",
        )
    return [fence, *rows, fence[:3]]


@st.composite
def status_table(draw, phases: list[tuple[str, Tally]]) -> list[str]:
    padded = flip(draw)
    rows = [["Phase", "Status", "Tasks", "Progress"]]
    for name, t in phases:
        state = t.state if num(draw, 0, 3) else pick(draw, list(STATE_MARK))
        status = pick(draw, [STATE_MARK[state], STATE_MARK[state] + " " + STATE_WORD[state][0], STATE_WORD[state][0]])
        rows.append(
            [name, status, f"{drifted(draw, t.done)}/{drifted(draw, t.total)}", f"{drifted(draw, pct_of(t), hi=100)}%"]
        )
    if flip(draw):
        rows.append(["Unplanned cleanup", pick(draw, ["✅", "⬜", "🔄"]), "-", "-"])
    if flip(draw):
        rows.append(["**Total**", "", "7/12", "58%"])
    widths = [max(len(r[k]) for r in rows) for k in range(4)]

    def fmt(r: list[str]) -> str:
        if padded:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
        return "| " + " | ".join(r) + " |"

    delim = "|" + "|".join("-" * (w + 2) for w in widths) + "|" if padded else "|---|:---:|---|---:|"
    return [fmt(rows[0]), delim, *(fmt(r) for r in rows[1:])]


@st.composite
def checkbox_table(draw) -> tuple[list[str], Tally]:
    t = Tally()
    lines = ["| Done | Task |", "|------|------|"]
    for _ in range(num(draw, 1, 3)):
        cb = pick(draw, ["[ ]", "[x]", "[-]"])
        t.total += 1
        t.done += cb == "[x]"
        lines.append(f"| {cb} | {pick(draw, TASKS[:8])} |")
    return lines, t


@st.composite
def code_fence(draw) -> list[str]:
    fence = pick(draw, ["```", "````", "~~~"])
    lang = pick(draw, ["", "markdown", "md", "bash"])
    body = draw(_FENCE_BODY)
    return [fence + lang, *body, fence]


@st.composite
def comment(draw, t: Tally) -> list[str]:
    kind = num(draw, 0, 4)
    if kind == 0:
        return ["<!-- TODO: update to 3/4 tasks completed (75%) -->"]
    if kind == 1:
        return ["<!--", "- [ ] hidden item", "**Progress:** 0/9 tasks completed (0%)", "-->"]
    if kind == 2:
        return ["<!-- statusdoc: ignore -->", f"**Progress:** {num(draw, 0, 9)}/{num(draw, 1, 9)} tasks completed"]
    if kind == 3:
        return [
            "<!-- statusdoc-disable-next-line SD001 -->",
            f"**Progress:** {drifted(draw, t.done)}/{drifted(draw, t.total, lo=1)} tasks completed",
        ]
    return [f"**Completed:** {drifted(draw, t.done)} <!-- statusdoc-disable-line SD001 -->"]


@st.composite
def prose(draw) -> list[str]:
    return draw(_PROSE_LINES)


def _title_for(draw, index: int, level: int) -> str:
    prefix = pick(draw, PREFIXES)
    name = pick(draw, PHASES)
    if not prefix:
        return name
    number = f"{index}" if prefix != "Step" else f"{index}.{num(draw, 1, 4)}"
    return f"{prefix} {number}: {name}"


@st.composite
def heading_line(draw, level: int, title: str, t: Tally) -> list[str]:
    deco = num(draw, 0, 7)
    text = title
    if deco == 1 and t.total:
        text = f"{title} ({drifted(draw, t.done)}/{drifted(draw, t.total, lo=1)})"
    elif deco == 2 and t.total:
        text = f"{title} ({drifted(draw, t.done)}/{drifted(draw, t.total, lo=1)})"
        if t.state == "done" or num(draw, 0, 4) == 0:
            text += " ✅"
    elif deco == 3:
        text = f"{title} ✅" if t.state == "done" or flip(draw) else title
    elif deco == 4:
        state = t.state if flip(draw) else pick(draw, list(STATE_MARK))
        text = (
            f"{STATE_MARK[state]} {STATE_WORD[state][1 if state in ('done', 'in_progress') else 0].upper()} ({title})"
        )
    elif deco == 5 and t.total:
        text = pick(
            draw,
            [
                f"{title} ({drifted(draw, pct_of(t), hi=100)}% Complete)",
                f"{title} - {drifted(draw, pct_of(t), hi=100)}% Complete",
            ],
        )
    elif deco == 6:
        text = f"**{title}**"
    elif deco == 7:
        text = f"{pick(draw, ['📋', '🎯', '🚀', '🔴'])} {title}"
    if level <= 2 and num(draw, 0, 3) == 0:
        under = ("=" if level == 1 else "-") * num(draw, 3, max(3, len(text)))
        if num(draw, 0, 5) == 0:  # a setext heading's text may span lines
            return ["Notes on", text, under]
        return [text, under]
    closing = " " + "#" * level if num(draw, 0, 9) == 0 else ""
    return [f"{'#' * level} {text}{closing}"]


@st.composite
def section(draw, level: int, index: int, max_level: int = 4) -> tuple[list[str], Tally, str]:
    """A section: heading, body blocks, subsections.  Returns (lines, leaf tally, title)."""
    title = _title_for(draw, index, level)
    body: list[list[str]] = []
    own = Tally()
    n_lists = num(draw, 0, 2)
    for _ in range(n_lists):
        lines, t = draw(checklist(max_depth=num(draw, 1, 4)))
        body.append(lines)
        own.add(t)
    if num(draw, 0, 6) == 0:
        lines, t = draw(checkbox_table())
        body.append(lines)
        own.add(t)
    subs: list[tuple[list[str], Tally, str]] = []
    if level < max_level:
        for k in range(num(draw, 0, 2 if level <= 2 else 1)):
            subs.append(draw(section(level + 1, k + 1, max_level)))
    total = Tally(own.done, own.total)
    for _, t, _ in subs:
        total.add(t)
    extras = draw(_EXTRAS)
    pre: list[list[str]] = []
    for e in extras:
        if e == "status":
            pre.append([draw(status_line(total))])
        elif e == "progress":
            line = draw(progress_line(total))
            pre.append([("> " + line) if num(draw, 0, 5) == 0 else line])
        elif e == "prose":
            body.append(draw(prose()))
        elif e == "fence":
            body.append(draw(code_fence()))
        elif e == "comment":
            body.append(draw(comment(total)))
        elif e == "summary":
            pre.append(draw(summary_block(total)))
    blocks = pre + body
    if not blocks and not subs and flip(draw):
        blocks.append(draw(prose()))
    out = draw(heading_line(level, title, total))
    # Status/summary lines often sit right under the heading with no blank line in between.
    tight = flip(draw)
    for bi, b in enumerate(blocks):
        if not (tight and bi == 0 and b in pre):
            out.append("")
        out.extend(b)
    for lines, _, _ in subs:
        out.append("")
        out.extend(lines)
    return out, total, title


@st.composite
def log_section(draw) -> list[str]:
    out = [pick(draw, ["## 📝 Recent Activity Log", "## Changelog", "## History"])]
    for _ in range(num(draw, 1, 2)):
        out += [
            "",
            f"### {pick(draw, DATES)}",
            f"- 📊 Progress: {num(draw, 0, 99)}% of Stage 1 complete ({num(draw, 0, 9)}/33 tasks)",
            f"- ✅ {pick(draw, TASKS[:6])}",
            f"- [x] {pick(draw, TASKS[6:12])}",
        ]
    return out


@st.composite
def in_progress_block(draw) -> list[str]:
    lines, _ = draw(progress_items())
    return [pick(draw, ["#### 🔄 **IN PROGRESS**", "### 🚧 WIP", "### ⬜ Not Started"]), "", *lines]


@st.composite
def front_matter(draw, t: Tally) -> list[str]:
    lines = ["---", "title: Implementation Status"]
    keys = draw(_FM_KEYS)
    for k in keys:
        v = {
            "progress": drifted(draw, pct_of(t), hi=100),
            "total": drifted(draw, t.total, lo=1),
            "completed": drifted(draw, t.done),
            "remaining": drifted(draw, t.total - t.done),
        }.get(k)
        if v is None:
            lines.append(f"{k}: ops-team  # who to ask")
        else:
            lines.append(f"{k}: {v}" + ("  # percent" if k == "progress" and flip(draw) else ""))
    lines.append("---")
    return lines


@st.composite
def clean_documents(draw) -> str:
    """A realistic LF status document in clean UTF-8, numbers drifting at random."""
    top_level = pick(draw, [2, 2, 3])
    n_sections = num(draw, 1, 3)
    sections = [draw(section(top_level, k + 1)) for k in range(n_sections)]
    doc_tally = Tally()
    for _, t, _ in sections:
        doc_tally.add(t)
    phases = [(title, t) for _, t, title in sections]

    out: list[str] = []
    if num(draw, 0, 4) == 0:
        out += draw(front_matter(doc_tally))
    title = pick(
        draw,
        [
            "Phase 1 MVP - Implementation Status",
            "Project Roadmap",
            "IMPLEMENTATION_STATUS",
            "Migration Progress 📊",
            "tasks",
        ],
    )
    if num(draw, 0, 3) == 0:
        out += [title, "=" * len(title)]
    else:
        out += [f"# {title}"]
    head: list[list[str]] = []
    if flip(draw):
        head.append(
            [
                f"**Last Updated:** {pick(draw, DATES)}",
                "**Current Status:** In Progress",
                draw(progress_line(doc_tally)),
            ]
        )
    if flip(draw):
        head.append([draw(status_line(doc_tally))])
    if num(draw, 0, 2) == 0:
        head.append(draw(summary_block(doc_tally)))
    if num(draw, 0, 2) == 0:
        head.append([f"## {pick(draw, ['📊 Overall Progress', 'Progress Board'])}", "", *draw(board(phases))])
    if num(draw, 0, 2) == 0:
        head.append([f"## {pick(draw, ['Phase Overview', 'Milestones'])}", "", *draw(status_table(phases))])
    if num(draw, 0, 3) == 0:
        head.append(draw(prose()))
    for b in head:
        out += ["", *b]
    if num(draw, 0, 4) == 0:
        out += ["", "---"]
    for lines, _, _ in sections:
        out += ["", *lines]
    if num(draw, 0, 3) == 0:
        out += ["", *draw(in_progress_block())]
    if num(draw, 0, 2) == 0:
        out += ["", *draw(log_section())]
    return "\n".join(out) + "\n"


# --- dialects -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DialectSpec:
    newline: str  # "lf", "crlf", "mixed"
    endings: tuple[str, ...]  # per-line endings used when mixed
    bom: bool
    final_newline: bool
    trailing: tuple[str, ...]  # per-line trailing whitespace (cycled)
    codepage: str | None


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def garble_runs(text: str, codepage: str) -> str:
    """Every non-ASCII run of ``text`` as it reads after its UTF-8 went through ``codepage``."""
    return _NON_ASCII.sub(lambda m: garble(m.group(), codepage), text)


@st.composite
def dialects(draw) -> DialectSpec:
    newline = pick(draw, ["lf", "crlf", "mixed"])
    endings = tuple(draw(_ENDINGS)) if newline == "mixed" else ()
    trailing = tuple(draw(_TRAILING))
    return DialectSpec(
        newline=newline,
        endings=endings,
        bom=flip(draw),
        final_newline=num(draw, 0, 3) > 0,
        trailing=trailing,
        codepage=pick(draw, [None, None, "cp1252", "mac_roman", "cp1254"]),
    )


def apply_dialect(text: str, spec: DialectSpec) -> str:
    """Rewrite an LF document (ending in a newline) in ``spec``'s dialect."""
    assert "\r" not in text
    if spec.codepage:
        text = garble_runs(text, spec.codepage)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for k, line in enumerate(lines):
        if line.strip():  # whitespace-only lines keep their blankness either way; skip them for clarity
            line += spec.trailing[k % len(spec.trailing)]
        if spec.newline == "lf":
            eol = "\n"
        elif spec.newline == "crlf":
            eol = "\r\n"
        else:
            eol = spec.endings[k % len(spec.endings)]
        if eol.startswith("\n") and not line and out and out[-1].endswith("\r"):
            eol = "\r"  # `\r` + `\n` of an empty line would read as one CRLF: a different document
        out.append(line + eol)
    if not spec.final_newline and out:
        out[-1] = out[-1].rstrip("\r\n")
    body = "".join(out)
    return ("\ufeff" if spec.bom else "") + body


@st.composite
def documents(draw) -> str:
    """A generated status document in a random dialect."""
    return apply_dialect(draw(clean_documents()), draw(dialects()))


# --- the weak strategy ----------------------------------------------------------------------

FRAGMENTS = [
    "# ",
    "## ",
    "### Step 1.1: Repo (4/4) ✅",
    "- [ ] ",
    "- [x] ",
    "  - [X] ",
    "\t* [-] ",
    "1. [/] ",
    "1) [~] ",
    "+ [!] ",
    "- ✅ ",
    "- ⬜ ",
    "- 🔄 ",
    "- ❌ ",
    "**Status:** 🔄 In Progress",
    "**Progress:** 3/9 tasks completed (33%)",
    "**Total Tasks:** 12",
    "**Completed:** 5 (42%)",
    "**Remaining:** 7 tasks",
    "```",
    "~~~",
    "Phase 1: Name   [███░░░░░░░] 30%",
    "Overall [██░░] 50%",
    "| Phase 1 | ✅ | 3/3 | 100% |",
    "|---|---|---|---|",
    "<!-- statusdoc: ignore -->",
    "<!-- statusdoc-disable-next-line SD001 -->",
    "<!--",
    "-->",
    "---",
    "===",
    "progress: 40",
    "total: 5",
    "### November 4, 2025",
    "(3/5)",
    "27%",
    "[====------]",
    "âœ…",
    "‚úÖ",
    "ðŸ”„",
    "â–ˆâ–‘",
    "\ufeff",
    "  ",
    "\t",
    "`",
    "**",
    "<100ms",
    "|",
    "-",
    "`a|b`",
    "\n---\n",
]


def markdownish_text() -> st.SearchStrategy[str]:
    """Lines glued from Markdown-ish fragments and arbitrary text, with arbitrary line endings."""
    piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8))
    line = st.lists(piece, max_size=5).map("".join)
    eol = st.sampled_from(["\n", "\r\n", "\r", "\n\n", ""])
    return st.lists(st.tuples(line, eol), max_size=25).map(lambda ps: "".join(a + b for a, b in ps))
