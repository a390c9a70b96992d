"""The edges of a run: standard output that fails cleanly, and :func:`guarded`, the one place
where whatever escapes a command becomes one line on stderr and an exit code.

A bug met while one file is processed arrives here as :class:`InFile` (see
``commands._processing``), so that its line names that file; nothing module-level remembers
which file is being processed.
"""

from __future__ import annotations

import errno
import os
import sys

from statusdoc._record import record
from statusdoc.errors import CLOSED_PIPE_EXIT, OutputError, StatusdocError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TextIO

#: Errors of standard output itself (a closed pipe, a full disk): not bugs.
OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}

#: Set while a command prints a document's text (``recompute -``): a closed pipe then cuts the
#: document short, which must not pass for success the way a report cut short by ``head`` does.
DOCUMENT_TO_STDOUT: list[bool] = [False]


class InFile(Exception):
    """An unexpected error (a bug) while processing the file ``display``."""

    def __init__(self, display: str, error: BaseException) -> None:
        super().__init__(display, error)
        self.display = display
        self.error = error


def internal_error(e: BaseException, where: str = "statusdoc") -> str:
    """One line for a bug: which file, what went wrong; that file was not written."""
    detail = str(e).splitlines()[0] if str(e) else ""
    return f"{where}: internal error ({type(e).__name__}{': ' + detail if detail else ''}); not written — please report"


def guarded(call: Callable[[], int]) -> int:
    """Run a command; map what escapes it to one line on stderr and an exit code (one place)."""
    from statusdoc.rollups import from_disk

    DOCUMENT_TO_STDOUT[0] = False
    try:
        with from_disk():  # the command line reads the files a roll-up names (the library does not)
            code = call()
        _flush_stdout()  # buffered output fails here, not at exit where it would only be a warning
        return code
    except OutputError as e:
        return _output_failed(e)
    except InFile as e:
        print(internal_error(e.error, e.display), file=sys.stderr)
        return 2
    except OSError as e:
        # Files are read and written through files.py, which words its own errors: an OSError of
        # these kinds that escapes is click writing help or a usage message to standard output.
        if e.errno not in OUTPUT_ERRNOS:
            print(internal_error(e), file=sys.stderr)
            return 2
        return _output_failed(OutputError(e))
    except StatusdocError as e:
        print(e, file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("statusdoc: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: one line, never a traceback
        print(internal_error(e), file=sys.stderr)
        return 2


def _output_failed(e: OutputError) -> int:
    _discard_stdout()
    if e.closed_pipe and not DOCUMENT_TO_STDOUT[0]:
        return CLOSED_PIPE_EXIT  # `statusdoc lint | head -1`: the reader has what it wanted
    print(e, file=sys.stderr)
    return e.exit_code


def _flush_stdout() -> None:
    _CheckedOut(sys.stdout).flush()


def _discard_stdout() -> None:
    """Point file descriptor 1 at /dev/null: the interpreter flushes stdout again at exit, and that
    second failure would print a warning and change the exit code to 120."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a real file (tests capture it)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


class _CheckedOut:
    """Standard output whose write errors become :class:`OutputError` (one line and exit 2, or a
    quiet end for a closed pipe) instead of a traceback, an internal error or a silent cut."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as e:
            raise OutputError(e) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@record
class Streams:
    out: TextIO
    err: TextIO
    stdin: TextIO | None = None


def std() -> Streams:
    return Streams(_CheckedOut(sys.stdout), sys.stderr, None)  # type: ignore[arg-type]


def write_report(path: str, text: str) -> None:
    """``--output-file``: the whole report or nothing (a temporary file renamed over ``path``)."""
    write_whole(path, text, "report")


def write_whole(path: str, text: str, what: str) -> None:
    """``text`` written to ``path`` whole or not at all (a temporary file renamed over it), with
    an ordinary new file's mode; an error names ``what`` was written (`cannot write the chart`)."""
    import tempfile

    from statusdoc.errors import InputError

    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".statusdoc-{what}-", suffix=".tmp")
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # an ordinary new file's mode, not mkstemp's 0600
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as e:
        raise InputError(path, f"cannot write the {what}: {e.strerror or e}") from None
