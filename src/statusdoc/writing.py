"""What the writing commands (`recompute`, `fix-encoding`, `lint --fix`) do with a document once
they know its new text: print it (stdin), show it as a patch, report it (``--check``) or write
it atomically.  The loop over the files is ``commands._rewrite_each``; this is its body.
"""

from __future__ import annotations

from statusdoc._record import frozen_record
from statusdoc._streams import DOCUMENT_TO_STDOUT
from statusdoc.errors import StatusdocError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from statusdoc._streams import Streams
    from statusdoc.config import Config
    from statusdoc.files import SourceFile
    from statusdoc.model import Document


@frozen_record
class Rewrite:
    """What a writing command makes of one document.  The new text is built only when it is
    needed (``--check`` on a 5 MB document would otherwise hold a second copy)."""

    #: Whether the new text differs from the document's.
    changed: bool
    new_text: Callable[[], str]
    #: stderr, once written: ``recomputed PATH (3 changes)``; empty: say nothing.
    done: str = ""
    #: stdout under ``--check`` (not ``--diff``), for a document that would change.
    would: tuple[str, ...] = ()
    #: stderr first, whatever happens next (runs whose bytes were lost).
    notes: tuple[str, ...] = ()
    #: stderr right before the write (runs repaired by a guess).
    before_write: tuple[str, ...] = ()
    #: The parse the rewrite came from, when the command goes on with it (``lint --fix``).
    doc: Document | None = None


@frozen_record
class Rewritten:
    """A document through the write loop (not refused): whether it changed (written, or would be)."""

    src: SourceFile
    cfg: Config
    rewrite: Rewrite
    changed: bool


def write_one(
    src: SourceFile,
    cfg: Config,
    rw: Rewrite,
    s: Streams,
    failures: list[StatusdocError],
    check: bool,
    diff: bool,
    stdin_to_stdout: bool,
) -> Rewritten | None:
    """One document's new text printed (stdin, when ``stdin_to_stdout``), shown as a patch
    (``diff``), reported (``check``) or written; None when the write was refused (the error is
    in ``failures`` and on stderr)."""
    from statusdoc.files import write_atomic

    s.err.writelines(line + "\n" for line in rw.notes)
    if src.path is None and not (check or diff):
        if stdin_to_stdout:
            DOCUMENT_TO_STDOUT[0] = True
            s.out.write(rw.new_text())
        return Rewritten(src, cfg, rw, False)
    if not rw.changed:
        return Rewritten(src, cfg, rw, False)
    if diff:
        s.out.write(unified_diff(src, rw.new_text()))
    if check or diff:
        if not diff:
            s.out.writelines(line + "\n" for line in rw.would)
        return Rewritten(src, cfg, rw, True)
    s.err.writelines(line + "\n" for line in rw.before_write)
    try:
        write_atomic(src, rw.new_text())
    except StatusdocError as e:
        print(e, file=s.err)
        failures.append(e)
        return None
    if rw.done:
        print(rw.done, file=s.err)
    return Rewritten(src, cfg, rw, True)


def _patch_lines(text: str) -> list[str]:
    """``text`` split after each LF only, as patch and git apply read it (str.splitlines would also
    split at CR, form feed, U+2028 and others, and the patch would not apply)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(src: SourceFile, new: str) -> str:
    """The patch from ``src`` to ``new``, as ``git apply`` takes it."""
    import difflib

    name = src.display
    out = []
    for line in difflib.unified_diff(_patch_lines(src.text), _patch_lines(new), f"a/{name}", f"b/{name}"):
        # A last line without a newline needs the marker patch and git apply expect after it.
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
