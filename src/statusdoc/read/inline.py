"""Masking inside a line: code spans, comments, link targets and URLs blanked out, every offset kept.

Each reader stands for a pattern the engine would backtrack through (issue 18: a line of 1 KB of
backticks took 14 s to mask, the patterns' own reading kept in each docstring);
``tests/reliability/test_slow_inputs.py`` holds each equal to its pattern.
"""

from __future__ import annotations

from statusdoc import _regex
from statusdoc._regex import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

#: A link target (possessive: giving back a character can never let the rest match).
_LINK_TARGET = lazy(globals(), "_LINK_TARGET", r"\]\([^)\s]*+(?:\s++\"[^\"]*+\")?\)")


_LINK_RUN = lazy(globals(), "_LINK_RUN", r"[^)\s]*+")


_URL = lazy(globals(), "_URL", r"(?:https?|ftp)://\S+|<[a-z]+://[^>]*>", _regex.IGNORECASE)


def mask(line: str) -> str:
    """Blank out code spans, comments, link targets and URLs, keeping every offset."""

    def blank(m: re.Match[str]) -> str:
        return "\0" * (m.end() - m.start())

    if "`" in line:
        line = blank_spans(line, code_spans(line), 0)
    if "<!--" in line:
        line = blank_spans(line, comment_spans(line), 0)
    if "](" in line:
        line = blank_spans(line, link_targets(line), 1)
    if "://" in line:
        line = _URL.sub(blank, line)
    return line


def blank_spans(line: str, spans: list[tuple[int, int]], keep: int) -> str:
    """``line`` with each span blanked (NULs) after its first ``keep`` characters."""
    if not spans:
        return line
    parts = []
    pos = 0
    for a, b in spans:
        parts.append(line[pos : a + keep])
        parts.append("\0" * (b - a - keep))
        pos = b
    parts.append(line[pos:])
    return "".join(parts)


def segments(line: str) -> list[tuple[int, int]]:
    """The stretches of ``line`` between newlines (a setext title spans several lines)."""
    if "\n" not in line:
        return [(0, len(line))]
    out = []
    start = 0
    for part in line.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


def code_spans(line: str) -> list[tuple[int, int]]:
    """The matches of ``(`+)(?:(?!\\1).)+?\\1`` (left to right, as ``sub`` finds them).

    From a run of k backticks the pattern opens with j of them, j = k first, and closes at the
    first later run of at least j (the content may not start with j backticks, so for j < k
    it needs 2j > k).  With M the longest later run on the line, a start matches exactly when
    2M > k, with j = min(k, M); a start that cannot open moves one backtick on (k - 1).
    """
    out: list[tuple[int, int]] = []
    for s, e in segments(line):
        runs: list[list[int]] = []  # [start, length]
        i = line.find("`", s, e)
        while i >= 0:
            j = i
            while j < e and line[j] == "`":
                j += 1
            runs.append([i, j - i])
            i = line.find("`", j, e)
        later = [0] * len(runs)  # the longest run after each one
        for r in range(len(runs) - 2, -1, -1):
            later[r] = max(later[r + 1], runs[r + 1][1])
        r = 0
        p, k = runs[0] if runs else (0, 0)
        while r < len(runs) and later[r]:
            m = later[r]
            skip = max(0, k - 2 * m + 1)
            p, k = p + skip, k - skip
            j = min(k, m)
            t = r + 1
            while runs[t][1] < j:
                t += 1
            q = runs[t][0]
            out.append((p, q + j))
            if runs[t][1] > j:  # the closing backticks were a prefix of a longer run
                r, p, k = t, q + j, runs[t][1] - j
            else:
                r = t + 1
                if r < len(runs):
                    p, k = runs[r]
    return out


def comment_spans(line: str) -> list[tuple[int, int]]:
    """The matches of ``<!--.*?-->``: from each opening to the first `-->` after it on its line;
    one without a closing leaves none for the rest of the line."""
    out = []
    for s, e in segments(line):
        pos = s
        while (i := line.find("<!--", pos, e)) >= 0:
            j = line.find("-->", i + 4, e)
            if j < 0:
                break
            out.append((i, j + 3))
            pos = j + 3
    return out


def link_targets(line: str) -> list[tuple[int, int]]:
    """The matches of ``_LINK_TARGET``.  A `](` whose target fails where its run of target
    characters ends fails for every `](` inside that run too (the rest is read from the same
    place), so the search goes on from there instead of reading the run again."""
    out = []
    pos = 0
    while (i := line.find("](", pos)) >= 0:
        m = _LINK_TARGET.match(line, i)
        if m:
            out.append((i, m.end()))
            pos = m.end()
        else:
            run = _LINK_RUN.match(line, i + 2)  # (always matches, if only the empty run)
            pos = max(i + 1, run.end() if run else i + 2)
    return out
