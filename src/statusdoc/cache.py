"""Lint results per file, kept between runs: a file already linted is not parsed again.

An entry is keyed on everything a file's findings depend on: the file's bytes (the hash
:func:`statusdoc.files.read_source` takes anyway), the path as messages show it, the effective
configuration (every field but the file it came from), statusdoc's version and a stamp of its
own code (the size and mtime of each module, so that an edited checkout never reads results of
the code it had before).  A change to any of them is a different key, so a stale entry is never
read; it only ages out.

Where: ``$STATUSDOC_CACHE_DIR``, else ``$XDG_CACHE_HOME/statusdoc``, else
``~/.cache/statusdoc``; ``lint --no-cache`` reads and writes nothing.  Safe under concurrent
runs: an entry is written to a temporary file and renamed into place, so a reader sees a whole
entry or none; a missing, unreadable, truncated or malformed entry is a miss, never an error;
a cache that cannot be written is simply not written.  Bounded: after a run that added entries,
the oldest are removed once there are more than :data:`MAX_ENTRIES`.
"""

from __future__ import annotations

import os

from statusdoc import _regex
from statusdoc._record import field_names
from statusdoc._regex import lazy

try:  # hashlib.blake2b without hashlib's OpenSSL import (see files.py)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.config import Config
    from statusdoc.files import SourceFile
    from statusdoc.rules import Finding

ENV_DIR = "STATUSDOC_CACHE_DIR"
#: The entries' format; a new one starts a new folder, and the old one ages out with its files.
LAYOUT = "lint-1"
MAX_ENTRIES = 20_000
#: Pruning keeps this share of MAX_ENTRIES, so that it runs once in many runs, not on every one.
KEEP_SHARE = 0.8
#: A temporary file older than this was left by a killed run.
STALE_TEMP_SECONDS = 3600
_TEMP = ".tmp-"


def default_directory() -> str | None:
    """The cache's folder: ``$STATUSDOC_CACHE_DIR``, ``$XDG_CACHE_HOME/statusdoc`` or
    ``~/.cache/statusdoc`` (None when there is no home to put it in)."""
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is to be ignored
        return os.path.join(xdg, "statusdoc")
    home = os.path.expanduser("~")
    if home == "~":
        return None
    return os.path.join(home, ".cache", "statusdoc")


_STAMP: list[str] = []


def code_stamp() -> str:
    """statusdoc's version and the size and mtime of each of its modules (once per process)."""
    if not _STAMP:
        from statusdoc import __version__

        package = os.path.dirname(os.path.abspath(__file__))
        h = blake2b(__version__.encode(), digest_size=16)
        for folder, dirs, names in os.walk(package):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(folder, name))
                    h.update(f"{os.path.relpath(folder, package)}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
        _STAMP.append(h.hexdigest())
    return _STAMP[0]


def config_digest(cfg: Config) -> str:
    """Every field of the configuration but the file it came from (two projects with the same
    settings share entries).  A field added later is in the digest without a change here."""
    values = [(name, getattr(cfg, name)) for name in field_names(type(cfg)) if name != "source"]
    return blake2b(repr(values).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _reads_other_files(src: SourceFile, cfg: Config) -> bool:
    """Whether the findings may depend on other files: a roll-up (a `statusdoc: rollup` directive,
    or the configuration's ``rollups``) counts the items of the files it names, whose contents no
    key holds.  Such a document is linted every time (a cached answer once stayed green after a
    phase file changed)."""
    return bool(cfg.rollups) or "rollup" in src.text


class ResultCache:
    """Findings per file under ``root``; see the module's documentation."""

    def __init__(self, root: str) -> None:
        self.folder = os.path.join(root, LAYOUT)
        self.stamp = code_stamp()
        self.hits = self.misses = self.stored = 0

    def key(self, src: SourceFile, cfg: Config) -> str | None:
        """The entry for ``src`` under ``cfg``; None for what is not cached (stdin)."""
        if src.fingerprint is None or _reads_other_files(src, cfg):
            return None
        h = blake2b(digest_size=20)
        for part in (self.stamp, config_digest(cfg), src.display):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        h.update(src.fingerprint.digest)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:] + ".entry")

    def get(self, key: str, display: str) -> list[Finding] | None:
        """The findings stored under ``key`` (with ``display`` as their path), or None."""
        try:
            with open(self._path(key), "rb") as f:
                data = f.read()
            found = _findings(data, display)
        except OSError:
            found = None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, findings: list[Finding]) -> None:
        """Store ``findings`` under ``key``: whole or not at all, and never an error."""
        data = _entry(findings).encode("utf-8", "surrogatepass")
        path = self._path(key)
        folder = os.path.dirname(path)
        tmp = os.path.join(folder, f"{_TEMP}{os.getpid()}-{os.urandom(4).hex()}")
        try:
            os.makedirs(folder, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except OSError:
            _unlink(tmp)
            return
        self.stored += 1

    def prune(self, limit: int = MAX_ENTRIES) -> int:
        """Remove the oldest entries once there are more than ``limit`` (and temporary files a
        killed run left); return how many were removed.  Another run removing the same files
        at the same time is harmless."""
        import time

        entries: list[tuple[int, str]] = []
        now = time.time()
        removed = 0
        try:
            shards = [e.path for e in os.scandir(self.folder) if e.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for shard in shards:
            try:
                with os.scandir(shard) as it:
                    for e in it:
                        try:
                            mtime = e.stat(follow_symlinks=False).st_mtime_ns
                        except OSError:
                            continue
                        if e.name.startswith(_TEMP):
                            if now - mtime / 1e9 > STALE_TEMP_SECONDS:
                                removed += _unlink(e.path)
                        else:
                            entries.append((mtime, e.path))
            except OSError:
                continue
        if len(entries) <= limit:
            return removed
        entries.sort()
        for _, path in entries[: len(entries) - int(limit * KEEP_SHARE)]:
            removed += _unlink(path)
        return removed


def _unlink(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1


#: An entry: this header, one line per finding, and END (a cut entry lacks it).  Text, not JSON:
#: importing json costs a pre-commit run ≈ 2 ms, and an entry is read on every run.
HEADER = "statusdoc lint cache 1\n"
END = "end\n"
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = lazy(globals(), "_ESCAPED", r"\\(.)", _regex.DOTALL)
_NEEDS_ESCAPE = lazy(globals(), "_NEEDS_ESCAPE", r"[\\\t\n\r]")


def _escape(text: str) -> str:
    r"""``text`` on one field of one line.

    >>> _escape("a\tb\\n")
    'a\\tb\\\\n'
    """
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def _unescape(field: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group(1)], field)  # an unknown escape: KeyError


def _entry(findings: list[Finding]) -> str:
    rows = [
        f"{f.line}\t{f.column}\t{f.code}\t{f.severity}\t{'-' if f.fix is None else '+' + _escape(f.fix)}"
        f"\t{_escape(f.message)}\n"
        for f in findings
    ]
    return HEADER + "".join(rows) + END


def _findings(data: bytes, display: str) -> list[Finding] | None:
    """The findings of an entry, or None if it is not a whole, well-formed entry."""
    from statusdoc.rules import RULES, Finding

    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    if not (text.startswith(HEADER) and text.endswith(END)):
        return None
    out = []
    body = text[len(HEADER) : -len(END)]
    # split("\n"), not splitlines(): a message may hold U+2028 or a form feed, escaped by nothing.
    for row in body.split("\n")[:-1] if body else []:
        fields = row.split("\t")
        if len(fields) != 6:
            return None
        line, column, code, severity, fix, message = fields
        if not (line.isdigit() and column.isdigit() and code in RULES and severity in ("error", "warning", "info")):
            return None
        if fix != "-" and not fix.startswith("+"):
            return None
        try:
            fixed = None if fix == "-" else _unescape(fix[1:])
            out.append(Finding(display, int(line), int(column), code, severity, _unescape(message), fixed))  # type: ignore[arg-type]
        except KeyError:
            return None
    return out
