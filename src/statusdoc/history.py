"""`statusdoc history`: a document's done/total/percent at every commit that changed it.

Each version is read from git as it was (``git log --follow``, then ``git show COMMIT:PATH``) and
counted with the one rule ``show`` and the MCP summary use (:func:`statusdoc.checks.tally` over the
document's leaf items outside history sections).  A version that is not text (a NUL byte, not
UTF-8) is reported on its own line and skipped; it never stops the others.  A file outside a git
repository, or no git at all, is one line naming the file (exit 2, :mod:`statusdoc.errors`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from typing import TextIO

from statusdoc._record import record
from statusdoc.errors import InputError, UsageError, printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

FORMATS = ("text", "csv", "json")
_BAR = 30

#: Settings that would change what `git log` prints (a signature line, colour, quoted names).
_GIT = ("git", "-c", "log.showSignature=false", "-c", "color.ui=never", "-c", "core.quotepath=off")


@record
class Version:
    """The document at one commit: its counts, or why that version was skipped."""

    commit: str
    date: str
    path: str
    done: int = 0
    total: int = 0
    weighted: float = 0.0
    error: str | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.weighted / self.total) if self.total else 0


def _git(args: list[str], cwd: str, display: str) -> bytes:
    """Standard output of a git command; its first line of complaint as an :class:`InputError`."""
    try:
        proc = subprocess.run([*_GIT, *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError(display, "history needs git, which is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(display, f"git: {why[0] if why else 'failed'}")
    return proc.stdout


def _repository(path: str, display: str) -> tuple[str, str]:
    """(repository root, the file's path relative to it) for a file inside a git work tree."""
    if not os.path.isfile(path):
        what = "is a directory; history reads one file" if os.path.isdir(path) else "no such file"
        raise InputError(display, what)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        proc = subprocess.run([*_GIT, "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError(display, "history needs git, which is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        if why and "not a git repository" not in why[0]:
            raise InputError(display, f"git: {why[0]}")  # a repository git refuses (dubious ownership)
        raise InputError(display, "is not inside a git repository; history reads the file's commits")
    root = os.fsdecode(proc.stdout.rstrip(b"\n"))
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    return root, rel.replace(os.sep, "/")


def _since_args(since: str | None, root: str) -> list[str]:
    """``--since REV`` (commits after it) or ``--since DATE`` (anything git's date parser reads)."""
    if since is None:
        return []
    proc = subprocess.run(
        [*_GIT, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{since}^{{commit}}"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if proc.returncode == 0:
        return [f"{proc.stdout.decode().strip()}..HEAD"]
    if not _looks_like_date(since):
        raise UsageError("--since", f"'{since}' is neither a commit of this repository nor a date (YYYY-MM-DD)")
    # A bare date is that day's start: git would otherwise take the current time of day.
    return [f"--since={since} 00:00:00" if len(since) == 10 and since[4] == "-" else f"--since={since}"]


def _looks_like_date(text: str) -> bool:
    """A date or date-time git reads the same way everywhere (ISO 8601), or a relative one.

    >>> _looks_like_date("2026-11-30"), _looks_like_date("2 weeks ago"), _looks_like_date("main~3")
    (True, True, False)
    """
    from datetime import datetime

    try:
        datetime.fromisoformat(text)
        return True
    except ValueError:
        words = text.split()
        return len(words) == 3 and words[0].isdigit() and words[2] == "ago"


def commits(root: str, rel: str, since: str | None, display: str) -> list[tuple[str, str, str]]:
    """(commit, ISO date, path in that commit) for every commit that changed the file, oldest first,
    following renames.  Commits that deleted it are left out: there is no version to read."""
    out = _git(
        ["log", "--follow", "--diff-filter=d", "-z", "--name-only", "--format=%x1e%H%x1f%cI", *_since_args(since, root)]
        + ["--", rel],
        root,
        display,
    )
    found = []
    for record_ in out.split(b"\x1e")[1:]:
        head, _, names = record_.partition(b"\x00")
        sha, _, date = head.decode().strip().partition("\x1f")
        paths = [n for n in names.strip(b"\n\x00").split(b"\x00") if n.strip(b"\n")]
        # A rename lists the new name; the file is what this commit holds under it.
        path = os.fsdecode(paths[-1].strip(b"\n")) if paths else rel
        found.append((sha, date.strip(), path))
    found.reverse()
    return found


def _version(root: str, sha: str, date: str, path: str, display: str) -> Version:
    """The document as it was at ``sha``, counted; a version that is not text carries its error."""
    from statusdoc.config import config_for
    from statusdoc.files import _decode
    from statusdoc.parser import parse
    from statusdoc.tally import document_tally

    data = _git(["show", f"{sha}:{path}"], root, display)
    try:
        text = _decode(data, f"{display}@{sha[:7]}")
    except InputError as e:
        return Version(sha, date, path, error=e.message if e.line is None else f"line {e.line}: {e.message}")
    cfg = config_for(os.path.join(root, path))
    doc = parse(text, path=path, vocabulary=cfg.vocabulary())
    t = document_tally(doc)
    return Version(sha, date, path, t.done, t.total, t.weighted)


def history(path: str, *, since: str | None = None) -> list[Version]:
    """Every version of the document at ``path``, oldest first (skipped ones carry ``error``)."""
    display = path
    root, rel = _repository(path, display)
    found = commits(root, rel, since, display)
    if not found and since is None:
        raise InputError(display, "no commit holds this file (it is not tracked by git yet)")
    return [_version(root, sha, date, p, display) for sha, date, p in found]


def combined(paths: Sequence[str], err: TextIO) -> list[tuple[str, int, int]]:
    """The total of several documents over time, for ``report --format html --history``: a point
    (date, done, total) at every commit that changed one of them, each document counted as it was
    at its latest version by then (before its first commit it counts nothing).  A document git does
    not hold, and a version that cannot be read, is said on ``err`` and left out of the chart."""
    from datetime import datetime

    events: list[tuple[datetime, int, str, int, int]] = []
    for i, path in enumerate(paths):
        try:
            versions = history(path)
        except InputError as e:
            print(f"{e}; left out of the history chart", file=err)
            continue
        for v in versions:
            if v.error is None:
                events.append((datetime.fromisoformat(v.date), i, v.date, v.done, v.total))
    events.sort(key=lambda e: (e[0], e[1]))
    latest: dict[int, tuple[int, int]] = {}
    points: list[tuple[str, int, int]] = []
    for when, i, date, done, total in events:
        latest[i] = (done, total)
        point = (date, sum(d for d, _ in latest.values()), sum(t for _, t in latest.values()))
        if points and datetime.fromisoformat(points[-1][0]) == when:
            points[-1] = point  # one commit that changed several documents: one point
        else:
            points.append(point)
    return points


# --- output -------------------------------------------------------------------------------


def _chart(v: Version, most: int) -> str:
    """A row of the terminal chart: done as filled cells, the rest of the total as empty ones, the
    whole scaled to the largest total, so that the chart shows scope growing as well as work done."""
    if most == 0:
        return ""
    total = round(_BAR * v.total / most)
    done = min(total, round(_BAR * v.done / most))
    if v.done and not done:
        done = 1
    return "█" * done + "░" * (total - done)


def write_text(versions: list[Version], out: TextIO) -> None:
    ok = [v for v in versions if v.error is None]
    most = max((v.total for v in ok), default=0)
    width = max((len(f"{v.done}/{v.total}") for v in ok), default=3)
    for v in ok:
        counts = f"{v.done}/{v.total}"
        out.write(f"{v.date[:10]}  {v.commit[:7]}  {counts:>{width}}  {v.percent:3d}%  {_chart(v, most)}".rstrip())
        out.write("\n")


def write_csv(versions: list[Version], out: TextIO) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["commit", "date", "path", "done", "total", "percent"])
    for v in versions:
        if v.error is None:
            w.writerow([v.commit, v.date, v.path, v.done, v.total, v.percent])
    out.write(buf.getvalue())


def as_json(versions: list[Version]) -> dict[str, object]:
    return {
        "versions": [
            {"commit": v.commit, "date": v.date, "path": v.path, "done": v.done, "total": v.total, "percent": v.percent}
            for v in versions
            if v.error is None
        ],
        "skipped": [
            {"commit": v.commit, "date": v.date, "path": v.path, "error": v.error} for v in versions if v.error
        ],
    }


def run(*, path: str, since: str | None, fmt: str, svg: str | None, out: TextIO, err: TextIO) -> int:
    """The command: rows on ``out``, one line per skipped version on ``err``; exit 0."""
    if fmt not in FORMATS:
        raise UsageError("--format", f"'{fmt}' is not one of {', '.join(FORMATS)}")
    versions = history(path, since=since)
    for v in versions:
        if v.error is not None:
            print(printable(f"{path}@{v.commit[:7]} ({v.path}): skipped: {v.error}"), file=err)
    if fmt == "json":
        out.write(json.dumps(as_json(versions), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(versions, out)
    else:
        write_text(versions, out)
    if svg is not None:
        from statusdoc._streams import write_whole
        from statusdoc.svgchart import burndown

        points = [(v.date, v.done, v.total) for v in versions if v.error is None]
        write_whole(svg, burndown(points, title=f"{os.path.basename(path)}: done and total"), "chart")
    return 0
