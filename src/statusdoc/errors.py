"""The errors statusdoc reports to a user: one line each, ``path[:line]: message``.

Every :class:`StatusdocError` carries the exit code the command line should end with, so the CLI
can do ``except StatusdocError as e: print(e, file=sys.stderr); raise SystemExit(e.exit_code)``.
"""

from __future__ import annotations

import errno
import os

__all__ = ["ChangedOnDisk", "ConfigError", "InputError", "OutputError", "StatusdocError", "UsageError", "printable"]


_ESCAPES: dict[int, str] = {}


def _escapes() -> dict[int, str]:
    """What :func:`printable` replaces: C0 and C1 controls (ESC starts terminal sequences, BEL
    rings, CR/LF break lines), DEL, line and paragraph separators, bidirectional overrides (text
    shown in another order than it is), and lone surrogates (a file name's undecodable byte, which
    no encoder would print: shown as the byte, ``\\xff``)."""
    if not _ESCAPES:
        for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
            _ESCAPES[c] = f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
        _ESCAPES.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"})
        for c in range(0xD800, 0xE000):
            _ESCAPES[c] = f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}"
    return _ESCAPES


def printable(text: str) -> str:
    """``text`` safe to print on one line of a terminal: every control character, line break,
    bidirectional override and lone surrogate escaped (a document's text reaches the terminal in
    messages, titles and file names)."""
    if text.isprintable():
        return text  # the common case: nothing to escape
    return text.translate(_escapes())


def _one_line(text: str) -> str:
    """``text`` with line breaks and control characters escaped: a message is always one line."""
    return printable(text)


class StatusdocError(Exception):
    """Base of statusdoc's user-facing errors.

    ``path`` is what the message shows (the path as the user gave it, or ``<stdin>``), ``line`` is
    1-based or ``None``, ``exit_code`` is what the command line exits with.
    """

    exit_code: int = 2

    def __init__(self, path: str | os.PathLike[str], message: str, *, line: int | None = None) -> None:
        self.path = os.fspath(path)
        self.message = message
        self.line = line
        super().__init__(self.path, message)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return _one_line(f"{where}: {self.message}")

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take other constructor arguments than ``args``; pickle (multiprocessing)
        # rebuilds from the attributes instead.
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


def _rebuild(cls: type[StatusdocError], args: tuple[object, ...], state: dict[str, object]) -> StatusdocError:
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class InputError(StatusdocError):
    """A file that cannot be read or written: missing, not text, not UTF-8, not permitted."""

    exit_code = 2

    def __init__(self, path: str | os.PathLike[str], reason: str, *, line: int | None = None) -> None:
        super().__init__(path, reason, line=line)

    @property
    def reason(self) -> str:
        return self.message


class ChangedOnDisk(InputError):
    """The file on disk is no longer what was read, so the new text was not written."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        reason: str = "changed on disk since it was read; not written",
    ) -> None:
        super().__init__(path, reason)


class ConfigError(StatusdocError):
    """A configuration value that is not what it should be."""

    exit_code = 2

    def __init__(
        self,
        path: str | os.PathLike[str],
        key: str,
        expected: str,
        *,
        line: int | None = None,
        got: str | None = None,
    ) -> None:
        self.key = key
        self.expected = expected
        self.got = got
        message = f"{key}: expected {expected}"
        if got is not None:
            message += f"; got {got}"
        super().__init__(path, message, line=line)


class UsageError(StatusdocError):
    """A command line that asks for something that does not exist (an unknown rule code, a line
    outside the file): exit 2 before any file is read or written, as click does for a bad option."""

    exit_code = 2

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__("statusdoc", f"{option}: {message}")


class OutputError(StatusdocError):
    """Standard output could not be written (a full disk, a closed pipe): what was printed is cut
    short, so the command must not exit 0."""

    exit_code = 2

    def __init__(self, error: OSError) -> None:
        self.errno = error.errno
        super().__init__("<stdout>", f"cannot write: {error.strerror or error}")

    @property
    def closed_pipe(self) -> bool:
        """The reader went away (``statusdoc lint | head -1``): for a report, an ordinary end."""
        return self.errno == errno.EPIPE


#: The exit code of a report whose reader closed the pipe: what a shell shows for a process that
#: SIGPIPE ended (128 + 13), as ``yes | head -1`` does.
CLOSED_PIPE_EXIT = 141
