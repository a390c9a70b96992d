"""Reading documents with clear errors, and writing them atomically (finding them in
directories is :mod:`statusdoc.walk`'s; ``iter_paths`` and ``Patterns`` are still importable
from here).

Text is decoded as strict UTF-8 with no newline translation: CRLF, CR, mixed line endings, a
missing final newline and a byte-order mark all survive a read/write round trip byte for byte.

Writes go to a temporary file next to the target (``.NAME.statusdoc-XXXXXXXX.tmp``), which is
given the original's owner, mode, xattrs and ACL, flushed, fsynced and renamed over the target; the
directory is then fsynced.  A change on disk since the file was read is refused, and one that lands
between the last check and the rename is put back and reported (see :func:`write_atomic` for the
window that remains).  A temporary file is removed on any error, ``KeyboardInterrupt``, SIGTERM,
SIGHUP or SIGQUIT; only a hard kill (SIGKILL, power loss) can leave a stale ``.*.statusdoc-*.tmp``
behind, and the target is then still the old or the new text, whole.

"""

from __future__ import annotations

import errno
import os
import stat
import sys

from statusdoc._record import frozen_record

try:  # what hashlib.blake2b is, without hashlib's OpenSSL import (≈ 4 ms on every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

from statusdoc.errors import ChangedOnDisk, InputError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO, TextIO

    from statusdoc.walk import Patterns, iter_paths

__all__ = ["Fingerprint", "Patterns", "SourceFile", "iter_paths", "read_source", "write_atomic"]

STDIN = "-"
STDIN_DISPLAY = "<stdin>"
TEMP_MARK = ".statusdoc-"
TEMP_SUFFIX = ".tmp"


@frozen_record
class Fingerprint:
    """What the file on disk was when it was read: size, mtime, a hash of its bytes, and (from
    :func:`read_source`) the device, inode and ctime that tell a replaced or touched file."""

    size: int
    mtime_ns: int
    digest: bytes
    dev: int = 0
    ino: int = 0
    ctime_ns: int = 0

    def identity(self) -> tuple[int, int, int, int, int]:
        return self.dev, self.ino, self.size, self.mtime_ns, self.ctime_ns


@frozen_record
class SourceFile:
    """A document as read: ``path`` is ``None`` for stdin; ``display`` is what messages show."""

    path: str | None
    display: str
    text: str
    fingerprint: Fingerprint | None = None


# --------------------------------------------------------------------------------------- reading


def _digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=16).digest()


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of byte ``offset``; ``\\r\\n``, ``\\r`` and ``\\n`` end lines."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return line, offset - start + 1


def _decode(data: bytes, display: str) -> str:
    """``data`` as text, or an :class:`InputError` saying why it is not UTF-8 text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
        raise InputError(display, "is UTF-16 or UTF-32 (byte-order mark); convert it to UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, _ = _line_col(data, nul)
        raise InputError(display, f"is binary, not text (NUL byte at offset {nul})", line=line)
    try:
        return data.decode("utf-8")  # not utf-8-sig: a BOM is kept, and written back
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        bad = " ".join(f"0x{b:02x}" for b in data[e.start : e.end])
        raise InputError(
            display,
            f"is not valid UTF-8 (byte {bad} at column {col}, offset {e.start}); convert it to UTF-8",
            line=line,
        ) from None


def _os_reason(e: OSError, *, writing: bool = False) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(e, NotADirectoryError):
        return "no such file (a component of the path is not a directory)"
    if isinstance(e, PermissionError):
        return "permission denied" + ("; not written" if writing else "")
    reason = e.strerror or str(e)
    return (f"cannot write: {reason}; not written") if writing else f"cannot read: {reason}"


def _read_bytes(path: str, display: str) -> tuple[bytes, os.stat_result]:
    try:
        # A FIFO or a device named like a document would block open() or never end: look first.
        pre = os.stat(path)
        if stat.S_ISDIR(pre.st_mode):
            raise InputError(display, "is a directory, not a file")
        if not stat.S_ISREG(pre.st_mode):
            raise InputError(display, "is not a regular file")
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):  # pragma: no cover - open() refuses on Linux
                raise InputError(display, "is a directory, not a file")
            data = f.read()
            st = os.fstat(f.fileno())
    except OSError as e:
        raise InputError(display, _os_reason(e)) from None
    return data, st


def read_source(path_arg: str, *, stdin: BinaryIO | TextIO | None = None) -> SourceFile:
    """Read one document: a file path, or ``-`` for stdin (``stdin`` defaults to ``sys.stdin``).

    Raises :class:`InputError` (exit code 2) with a one-line message naming the file when it is
    missing, a directory, unreadable, binary (NUL byte) or not UTF-8 (with line and offset).
    """
    if path_arg == STDIN:
        stream: BinaryIO | TextIO = sys.stdin if stdin is None else stdin
        raw = getattr(stream, "buffer", stream)  # bytes, so that no newline is translated
        try:
            got: bytes | str = raw.read()
        except OSError as e:
            raise InputError(STDIN_DISPLAY, _os_reason(e)) from None
        if isinstance(got, str):  # a text stream without a binary buffer (e.g. io.StringIO)
            try:
                got.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates from errors="surrogateescape"
                raise InputError(STDIN_DISPLAY, "is not valid UTF-8") from None
            if "\x00" in got:
                raise InputError(STDIN_DISPLAY, "is binary, not text (NUL character)")
            text = got
        else:
            text = _decode(got, STDIN_DISPLAY)
        return SourceFile(path=None, display=STDIN_DISPLAY, text=text)
    if path_arg == "":
        raise InputError("''", "empty path")
    data, st = _read_bytes(path_arg, path_arg)
    text = _decode(data, path_arg)
    return SourceFile(
        path=path_arg,
        display=path_arg,
        text=text,
        fingerprint=Fingerprint(st.st_size, st.st_mtime_ns, _digest(data), st.st_dev, st.st_ino, st.st_ctime_ns),
    )


# --------------------------------------------------------------------------------------- writing

#: Signals that end a process politely: the temporary file is removed before the process ends the
#: way the signal would have ended it (SIGINT is Python's KeyboardInterrupt, handled by ``finally``).
CLEANUP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGQUIT")
#: Bytes the temporary name adds to the file's own: "." + TEMP_MARK + 8 hex digits + TEMP_SUFFIX.
TEMP_OVERHEAD = 1 + len(TEMP_MARK) + 8 + len(TEMP_SUFFIX)


class _Signalled(BaseException):
    """A cleanup signal arrived while a temporary file existed (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _identity(st: os.stat_result) -> tuple[int, int, int, int, int]:
    """What changes when anyone writes, truncates, replaces or touches a file.

    ctime cannot be set back by ``utime``, so a same-size edit that restores the mtime still shows;
    an edit within the same clock tick that keeps the size does not (the hash then catches it, if
    it lands before the hash is taken).
    """
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _read_fd(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _temp_stem(directory: str, name: str) -> str:
    """``name`` cut (at a character boundary) so that the temporary name fits NAME_MAX *bytes*."""
    try:
        name_max = os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no pathconf
        name_max = 255
    budget = min(name_max if name_max > 0 else 255, 255) - TEMP_OVERHEAD
    encoded = os.fsencode(name)
    if len(encoded) <= budget:
        return name
    # "ignore" drops the character the cut went through (and any byte that was not text).
    return encoded[:budget].decode(sys.getfilesystemencoding(), "ignore")


def _create_temp(directory: str, name: str) -> tuple[int, str]:
    """Create and open (exclusively, mode 0600) a fresh temporary file in ``directory``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    stem = _temp_stem(directory, name)
    for _ in range(100):
        tmp = os.path.join(directory, f".{stem}{TEMP_MARK}{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "could not create a unique temporary file", directory)


def _fsync_dir(directory: str) -> None:
    """Make the rename durable; best effort, since the file is already in place."""
    try:
        dfd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass  # some filesystems refuse fsync on a directory (EINVAL); the write has happened
    finally:
        os.close(dfd)


def _must_keep(attr: str) -> bool:
    """Extended attributes whose loss would lose the user's data: their own, and POSIX ACLs.

    Others (``security.*`` labels, ``trusted.*``) are copied where permitted; the system gives
    the new file its own label otherwise.
    """
    return attr.startswith("user.") or attr.startswith("system.posix_acl")


def _copy_xattrs(src_fd: int, dst_fd: int) -> None:
    """Copy the original's extended attributes (and with them its ACL) onto the temporary file."""
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(src_fd)
    except OSError as e:
        if e.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return  # the filesystem has none
        raise
    for attr in names:
        try:
            os.setxattr(dst_fd, attr, os.getxattr(src_fd, attr))
        except OSError:
            if _must_keep(attr):
                raise
            # e.g. security.selinux set by policy: the new file has the directory's default


def _fill_temp(fd: int, st: os.stat_result, original_fd: int, data: bytes) -> None:
    """Give the temporary file the original's owner, mode, xattrs and ACL, then ``data``, fsynced."""
    import contextlib

    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        # If not permitted, the new file belongs to whoever writes it.
        with contextlib.suppress(OSError):
            os.fchown(fd, st.st_uid, st.st_gid)
    os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits
    _copy_xattrs(original_fd, fd)  # after chmod: the ACL's mask is the group bits
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _install_signal_cleanup() -> dict[int, object]:
    """Make the cleanup signals raise :class:`_Signalled`, so that ``finally`` removes the temp file.

    Returns the handlers to restore.  Signals the process ignores (``nohup``) stay ignored; outside
    the main thread handlers cannot be set, and nothing changes.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    saved: dict[int, object] = {}
    for name in CLEANUP_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - not POSIX
            continue
        previous = signal.getsignal(signum)
        if previous is signal.SIG_IGN:
            continue
        saved[signum] = previous
        signal.signal(signum, handler)
    return saved


def _restore_signals(saved: dict[int, object]) -> None:
    import signal

    for signum, previous in saved.items():
        signal.signal(signum, previous)  # type: ignore[arg-type]


def _redeliver(signum: int, display: str) -> InputError:
    """End the process as the signal would have (its earlier handler, or the default action)."""
    import signal

    signal.raise_signal(signum)
    # Still here: an earlier Python handler chose to carry on.
    return InputError(display, f"interrupted by {signal.Signals(signum).name}; not written")


class _Replacement:
    """One atomic replacement of ``target``: the original held open, a temporary file, the checks."""

    def __init__(self, src: SourceFile, target: str, expected: Fingerprint) -> None:
        self.display = src.display
        self.target = target
        self.directory, self.name = os.path.split(target)
        self.expected = expected
        self.original = -1  # the original file, held open to see late changes to it
        self.seen: tuple[int, ...] = ()
        self.placed: tuple[int, int] = (-1, -1)  # device and inode of the file we put in place

    def open_original(self) -> os.stat_result:
        try:
            self.original = os.open(self.target, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise ChangedOnDisk(self.display, "was deleted since it was read; not written") from None
        except OSError as e:
            raise InputError(self.display, _os_reason(e, writing=True)) from None
        st = os.fstat(self.original)
        self.seen = _identity(st)
        if self.expected.ino:
            unchanged = self.seen == self.expected.identity()
        else:  # a fingerprint made by hand: held to its size and mtime only
            unchanged = (st.st_size, st.st_mtime_ns) == (self.expected.size, self.expected.mtime_ns)
        if not unchanged:
            raise ChangedOnDisk(self.display)
        return st

    def verify(self) -> None:
        """The original's bytes are still what was read; as late as the hash allows."""
        data = _read_fd(self.original)
        if _digest(data) != self.expected.digest or _identity(os.fstat(self.original)) != self.seen:
            raise ChangedOnDisk(self.display)

    def still_original(self) -> bool:
        """Right before the rename: the bytes are what was read, and the path still names the
        original, which nobody has touched since (a few system calls, not a hash, from the rename)."""
        self.verify()
        return self._at_path() == _identity(os.fstat(self.original)) == self.seen

    def still_ours(self) -> bool:
        """Right before putting their text back: the path still names the file we put there."""
        return self._at_path()[:2] == self.placed

    def _at_path(self) -> tuple[int, ...]:
        try:
            return _identity(os.stat(self.target))
        except FileNotFoundError:
            return ()

    def touched_late(self) -> bool:
        """After the rename: whether someone wrote to the original between the check and the rename.

        Not the ctime: the rename itself changes it (the original lost its name).  A write moves
        the mtime, unless it lands in the clock tick of the last change before ours.
        """
        return _identity(os.fstat(self.original))[:4] != self.seen[:4]

    def close(self) -> None:
        if self.original >= 0:
            import contextlib

            with contextlib.suppress(OSError):
                os.close(self.original)
            self.original = -1


def _put_in_place(rep: _Replacement, st: os.stat_result, data: bytes, *, check: Callable[[], bool]) -> None:
    """Write ``data`` to a temporary file beside the target and rename it over the target, if
    ``check()`` still holds right before the rename (else :class:`ChangedOnDisk`)."""
    import contextlib

    display, directory = rep.display, rep.directory
    fd = -1
    tmp: str | None = None
    try:
        try:
            fd, tmp = _create_temp(directory, rep.name)
        except PermissionError:
            raise InputError(display, f"directory {directory} is not writable; not written") from None
        except OSError as e:
            raise InputError(display, _os_reason(e, writing=True)) from None
        try:
            _fill_temp(fd, st, rep.original, data)
            placed = os.fstat(fd)
            fd, opened = -1, fd
            os.close(opened)
        except OSError as e:
            raise InputError(display, _os_reason(e, writing=True)) from None
        try:
            unchanged = check()
        except OSError as e:
            raise InputError(display, _os_reason(e)) from None
        if not unchanged:
            raise ChangedOnDisk(display)
        try:
            os.replace(tmp, rep.target)
        except OSError as e:
            raise InputError(display, _os_reason(e, writing=True)) from None
        tmp = None
        rep.placed = (placed.st_dev, placed.st_ino)
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _give_back(rep: _Replacement) -> ChangedOnDisk:
    """Someone wrote to the original between the last check and the rename: put their text back.

    Their bytes are still in the original (held open); they replace ours, by the same atomic
    rename, and the command reports the file as not written.  If yet another writer has replaced
    ours meanwhile, theirs stands.
    """
    theirs = _read_fd(rep.original)
    try:
        _put_in_place(rep, os.fstat(rep.original), theirs, check=rep.still_ours)
    except ChangedOnDisk:
        return ChangedOnDisk(rep.display, "changed on disk while it was being written; not written")
    except InputError as e:
        return ChangedOnDisk(
            rep.display, f"changed on disk while it was being written, and the other change was lost ({e.reason})"
        )
    return ChangedOnDisk(
        rep.display, "changed on disk while it was being written; the other change was kept, not written"
    )


def write_atomic(src: SourceFile, new_text: str) -> bool:
    """Replace ``src``'s file with ``new_text`` atomically; return whether it wrote.

    Nothing is written when ``new_text == src.text``.  A symlink is followed: its target is
    replaced and the link stays a link.  The file's mode, extended attributes and POSIX ACL (and,
    where permitted, owner and group) are kept; a hard link to the file is not (the file is
    replaced, not rewritten in place: other names keep the old text).

    The original is held open from before the temporary file is written until after the rename.
    Its bytes are compared with what was read, then its device, inode, size, mtime and ctime right
    before the rename, and once more after it: a write that lands in the microseconds between that
    last check and the rename is put back (their text, not ours) and reported.  What remains: a
    writer that *replaces* the file (rename) in those microseconds loses its text, and one that
    keeps writing to the old file after the rename writes to a file no longer in the directory.

    Raises :class:`InputError` (exit code 2) for stdin, a read-only file, an unwritable directory
    or a failed write, and :class:`ChangedOnDisk` when the file is no longer what was read.  In
    every case the file is left as it was (or as the other writer left it) and no temporary file
    remains, also on SIGTERM, SIGHUP, SIGQUIT and SIGINT.
    """
    if new_text == src.text:
        return False
    if src.path is None:
        raise InputError(src.display, "cannot be rewritten in place (write to stdout instead)")
    if src.fingerprint is None:
        raise InputError(src.display, "was not read with read_source(); not written")
    display = src.display
    target = os.path.realpath(src.path)
    directory = os.path.dirname(target)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        raise ChangedOnDisk(display, "was deleted since it was read; not written") from None
    except OSError as e:
        raise InputError(display, _os_reason(e, writing=True)) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(display, "is not a regular file; not written")
    # os.replace() in a writable directory would succeed over a read-only file; refuse instead.
    # The mode check also holds for root, for whom os.access() always says yes.
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:
        raise InputError(display, "is read-only; not written")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise InputError(display, f"directory {directory} is not writable; not written")
    data = new_text.encode("utf-8")

    rep = _Replacement(src, target, src.fingerprint)
    saved = _install_signal_cleanup()
    try:
        st = rep.open_original()
        _put_in_place(rep, st, data, check=rep.still_original)
        if rep.touched_late():
            raise _give_back(rep)
    except _Signalled as sig:
        rep.close()
        _restore_signals(saved)
        saved = {}
        raise _redeliver(sig.signum, display) from None
    finally:
        rep.close()
        _restore_signals(saved)
    _fsync_dir(directory)
    return True


def __getattr__(name: str) -> object:
    """``iter_paths`` and ``Patterns`` from :mod:`statusdoc.walk`, where they moved (imported only
    when asked for: the walk is not on every command's path)."""
    if name in ("iter_paths", "Patterns", "SKIP_DIRS"):
        from statusdoc import walk

        return getattr(walk, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
