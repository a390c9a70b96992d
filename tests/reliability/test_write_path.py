"""The write path under races, signals, long names and extended attributes (issue 18, items 2, 12, 14, 16).

Each test here failed on the code before the change it guards (checked with ``git stash``).
"""

from __future__ import annotations

import errno
import os
import re
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from statusdoc import files
from statusdoc.errors import ChangedOnDisk
from statusdoc.files import read_source, write_atomic

SRC = Path(__file__).resolve().parents[2] / "src"
TEMP_RE = re.compile(r"^\..+\.statusdoc-[0-9a-f]{8}\.tmp$")


def temps(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if TEMP_RE.match(name))


# ------------------------------------------------------------- item 2: the gap before the rename


def test_append_between_the_last_check_and_the_rename_is_given_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor appends after every check has passed, just before the rename (the hook delays
    # the rename by an append).  Before: exit 0, the append lost.  Now: their text is put back.
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"- [ ] a\n")
    src = read_source(str(path))
    real_replace = os.replace
    renames: list[str] = []

    def append_then_rename(a: str, b: str) -> None:
        if not renames:
            with open(path, "ab") as editor:
                editor.write(b"- [ ] b (typed just now)\n")
        renames.append(a)
        real_replace(a, b)

    monkeypatch.setattr(os, "replace", append_then_rename)
    with pytest.raises(ChangedOnDisk) as info:
        write_atomic(src, "- [x] a\n")
    monkeypatch.undo()
    assert (
        str(info.value) == f"{path}: changed on disk while it was being written; the other change was kept, not written"
    )
    assert path.read_bytes() == b"- [ ] a\n- [ ] b (typed just now)\n"
    assert len(renames) == 2  # ours, then theirs put back
    assert temps(tmp_path) == []


def test_a_third_writer_after_the_rename_is_not_overwritten_by_the_give_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"- [ ] a\n")
    src = read_source(str(path))
    real_replace = os.replace
    calls: list[str] = []

    def race(a: str, b: str) -> None:
        calls.append(a)
        if len(calls) == 1:
            with open(path, "ab") as editor:  # the late append: ours will be given back...
                editor.write(b"late\n")
            real_replace(a, b)
            third = tmp_path / "third.tmp"  # ...but a third writer saves first
            third.write_bytes(b"third\n")
            real_replace(third, path)
            return
        real_replace(a, b)

    monkeypatch.setattr(os, "replace", race)
    with pytest.raises(ChangedOnDisk, match="changed on disk while it was being written; not written"):
        write_atomic(src, "- [x] a\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"third\n" and len(calls) == 1
    assert temps(tmp_path) == []


def test_append_while_the_original_is_hashed_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"- [ ] a\n")
    src = read_source(str(path))
    real_digest = files._digest

    def digest_then_append(data: bytes) -> bytes:
        with open(path, "ab") as editor:
            editor.write(b"more\n")
        return real_digest(data)

    monkeypatch.setattr(files, "_digest", digest_then_append)
    with pytest.raises(ChangedOnDisk, match="changed on disk since it was read; not written"):
        write_atomic(src, "- [x] a\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"- [ ] a\nmore\n"
    assert temps(tmp_path) == []


def test_file_replaced_by_another_writer_before_the_rename_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same bytes, same size and mtime, but another inode (an editor's own atomic save).
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"- [ ] a\n")
    src = read_source(str(path))
    before = path.stat()
    real_fill = files._fill_temp

    def fill_then_replace(*args: object) -> None:
        real_fill(*args)  # type: ignore[arg-type]
        other = tmp_path / "editor.tmp"
        other.write_bytes(b"- [ ] a\n")
        os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(other, path)

    monkeypatch.setattr(files, "_fill_temp", fill_then_replace)
    with pytest.raises(ChangedOnDisk):
        write_atomic(src, "- [x] a\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"- [ ] a\n" and path.stat().st_ino != before.st_ino
    assert temps(tmp_path) == []


# ------------------------------------------------------------- item 12: cleanup on every polite signal

CHILD = r"""
import os, sys, time
from statusdoc.files import read_source, write_atomic

real_fsync = os.fsync

def fsync_then_wait(fd):
    real_fsync(fd)
    sys.stdout.write("temp file written\n")
    sys.stdout.flush()
    time.sleep(3600)  # the parent's signal ends this

os.fsync = fsync_then_wait
write_atomic(read_source(sys.argv[1]), "- [x] new text\n" * 10000)
"""


def _no_core_dumps() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT"])
def test_signal_during_a_write_leaves_no_temp_file(tmp_path: Path, signame: str) -> None:
    if signal.getsignal(getattr(signal, signame)) is signal.SIG_IGN:
        # Under nohup the child inherits SIGHUP ignored, and the write keeps it so: the signal would
        # never end the child, and the test would wait out its hour-long sleep.
        pytest.skip(f"{signame} is ignored in this process (nohup?)")
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"- [ ] old\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
        preexec_fn=_no_core_dumps,
    )
    assert proc.stdout is not None and proc.stderr is not None
    line = proc.stdout.readline()  # blocks until the temporary file exists (or the child died: b"")
    if line != b"temp file written\n":
        proc.kill()
        pytest.fail(f"child did not reach the write: {proc.communicate()[1].decode(errors='replace')}")
    assert len(temps(tmp_path)) == 1
    signum = getattr(signal, signame)
    proc.send_signal(signum)
    _, err = proc.communicate()
    assert proc.returncode == -signum, err.decode(errors="replace")  # ended as the signal ends a process
    assert temps(tmp_path) == []
    assert path.read_bytes() == b"- [ ] old\n"
    assert sorted(os.listdir(tmp_path)) == ["PROGRESS.md"]


def test_handlers_are_restored_and_ignored_signals_stay_ignored(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"old\n")
    before = {name: signal.getsignal(getattr(signal, name)) for name in files.CLEANUP_SIGNALS}
    previous_hup = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        seen: list[object] = []
        real_fsync = os.fsync

        def look(fd: int) -> None:
            seen.append(signal.getsignal(signal.SIGHUP))
            seen.append(signal.getsignal(signal.SIGTERM))
            real_fsync(fd)

        os.fsync = look  # type: ignore[assignment]
        try:
            assert write_atomic(read_source(str(path)), "new\n")
        finally:
            os.fsync = real_fsync
        assert seen[0] is signal.SIG_IGN  # nohup's choice is kept
        assert callable(seen[1]) and seen[1] is not before["SIGTERM"]  # ours while the temp file exists
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous_hup)
    assert {name: signal.getsignal(getattr(signal, name)) for name in files.CLEANUP_SIGNALS} == before


# ------------------------------------------------------------- item 14: names long in bytes


@pytest.mark.parametrize("stem", ["字" * 77, "é" * 120, "📝" * 62, "n" * 240])
def test_long_names_in_bytes_can_be_rewritten(tmp_path: Path, stem: str) -> None:
    path = tmp_path / f"{stem}.md"
    assert len(os.fsencode(path.name)) <= 255
    path.write_bytes(b"old\n")
    assert write_atomic(read_source(str(path)), "new\n")
    assert path.read_bytes() == b"new\n" and temps(tmp_path) == []


def test_temporary_name_is_cut_at_a_character_boundary(tmp_path: Path) -> None:
    stem = files._temp_stem(str(tmp_path), "字" * 77 + ".md")
    assert len(os.fsencode(stem)) + files.TEMP_OVERHEAD <= 255
    assert set(stem) == {"字"}  # whole characters only


# ------------------------------------------------------------- item 16: xattrs and ACLs kept


def _xattrs_supported(path: Path) -> bool:
    try:
        os.setxattr(path, "user.statusdoc.probe", b"1")
        os.removexattr(path, "user.statusdoc.probe")
    except OSError:
        return False
    return True


def _acl(entries: list[tuple[int, int, int]]) -> bytes:
    """A POSIX ACL as the kernel stores it in ``system.posix_acl_access`` (version 2)."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", tag, perm, ident) for tag, perm, ident in entries)


UNDEFINED = 0xFFFFFFFF
USER_OBJ, USER, GROUP_OBJ, MASK, OTHER = 0x01, 0x02, 0x04, 0x10, 0x20


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="Linux xattrs")
def test_user_xattrs_and_acl_survive_a_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"old\n")
    if not _xattrs_supported(path):
        pytest.skip("this filesystem has no user xattrs")
    os.setxattr(path, "user.origin", b"https://example.org/plan")
    os.setxattr(path, "user.empty", b"")
    acl = _acl(
        [
            (USER_OBJ, 6, UNDEFINED),
            (USER, 6, 65534),
            (GROUP_OBJ, 4, UNDEFINED),
            (MASK, 6, UNDEFINED),
            (OTHER, 4, UNDEFINED),
        ]
    )
    try:
        os.setxattr(path, "system.posix_acl_access", acl)
    except OSError as e:
        if e.errno not in (errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        acl = b""
    mode = path.stat().st_mode
    assert write_atomic(read_source(str(path)), "new\n")
    assert path.read_bytes() == b"new\n"
    assert os.getxattr(path, "user.origin") == b"https://example.org/plan"
    assert os.getxattr(path, "user.empty") == b""
    if acl:
        assert os.getxattr(path, "system.posix_acl_access") == acl
    assert path.stat().st_mode == mode
    assert temps(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="Linux xattrs")
def test_a_user_xattr_that_cannot_be_kept_stops_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "PROGRESS.md"
    path.write_bytes(b"old\n")
    if not _xattrs_supported(path):
        pytest.skip("this filesystem has no user xattrs")
    os.setxattr(path, "user.origin", b"x")
    src = read_source(str(path))

    def refuse(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "setxattr", refuse)
    with pytest.raises(files.InputError, match="not written"):
        write_atomic(src, "new\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"old\n" and temps(tmp_path) == []
