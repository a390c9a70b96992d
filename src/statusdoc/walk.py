"""Finding documents: command-line paths expanded into the files to process, in order.

Walks are iterative, skip hidden directories, ``node_modules``, ``__pycache__`` and what
``.gitignore`` files ignore, report a directory they cannot read and go on, and take their
include/exclude globs per directory from the caller (the configuration that applies there).
"""

from __future__ import annotations

import os

from statusdoc._record import frozen_record
from statusdoc.errors import InputError, StatusdocError
from statusdoc.files import STDIN, _os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["SKIP_DIRS", "Patterns", "iter_paths"]

# Directories a walk never enters (besides hidden ones, whose names start with a dot).
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


@frozen_record
class Patterns:
    """The include and exclude globs that apply in a directory, and the directory they are
    relative to (the configuration file's)."""

    base: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


if TYPE_CHECKING:
    #: Absolute directory -> the patterns for the files and directories in it.
    PatternsFor = Callable[[str], Patterns]


def _matches(parts: list[str], pattern: str) -> bool:
    """Whether a path (its components, relative to the root) matches a glob ``pattern``.

    A pattern without ``/`` matches any one component (``CHANGELOG.md``, ``*.draft.md``,
    ``archive``); a pattern with ``/`` is anchored at the root and matches the path or one of its
    parent directories (``docs/archive``, ``docs/*.md``, ``**/old/*.md``).  ``*`` crosses ``/``.
    """
    from fnmatch import fnmatchcase

    pattern = pattern.replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    if not pattern:
        return False
    if "/" not in pattern:
        return any(fnmatchcase(p, pattern) for p in parts)
    alternatives = [pattern]
    if pattern.startswith("**/"):
        alternatives.append(pattern[3:])
    return any(fnmatchcase("/".join(parts[:k]), pat) for pat in alternatives for k in range(1, len(parts) + 1))


def _rel_parts(path: str, root: str, fallback: str) -> list[str]:
    """``path`` relative to ``root`` as components, or relative to ``fallback`` if outside root."""
    absolute = os.path.abspath(path)
    for base in (root, fallback):
        rel = os.path.relpath(absolute, base)
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return [p for p in rel.split(os.sep) if p not in ("", os.curdir)]
    return [os.path.basename(absolute)]


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


class _GitIgnores:
    """The ``.gitignore`` files that apply in one directory, deepest last (git's precedence).

    Parsed by ``pathspec`` (git's own wildmatch rules, negation, directory-only patterns), imported
    only when a ``.gitignore`` is found.  Ancestors of the walked directory count up to the
    repository root (the nearest directory holding ``.git``), with ``.git/info/exclude``.
    """

    def __init__(self, chain: tuple[tuple[str, object], ...] = ()) -> None:
        self.chain = chain

    @classmethod
    def above(cls, top: str, errors: list[StatusdocError]) -> _GitIgnores:
        """The ignores that hold in ``top`` from its ancestors inside the same repository."""
        ancestors: list[str] = []
        folder = top
        while not os.path.lexists(os.path.join(folder, ".git")):
            parent = os.path.dirname(folder)
            if parent == folder:
                return cls()  # not in a repository: only the walked tree's own .gitignore files
            folder = parent
            ancestors.append(folder)
        ignores = cls()._with(folder, os.path.join(folder, ".git", "info", "exclude"), errors)
        for ancestor in reversed(ancestors):
            ignores = ignores.entering(ancestor, errors)
        return ignores

    def entering(self, directory: str, errors: list[StatusdocError]) -> _GitIgnores:
        """These ignores plus the ``.gitignore`` of ``directory``."""
        return self._with(directory, os.path.join(directory, ".gitignore"), errors)

    def _with(self, directory: str, source: str, errors: list[StatusdocError]) -> _GitIgnores:
        lines = _read_ignore_file(source, errors)
        if not lines:
            return self
        from pathspec import GitIgnoreSpec

        return _GitIgnores((*self.chain, (directory, GitIgnoreSpec.from_lines(lines))))

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        for base, spec in reversed(self.chain):
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include  # type: ignore[attr-defined]
            if verdict is not None:
                return bool(verdict)
        return False


def _read_ignore_file(path: str, errors: list[StatusdocError]) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as e:
        errors.append(InputError(path, _os_reason(e)))
        return []


class _Walker:
    """An iterative walk (a 1,000-level tree must not exhaust the stack) that reports a directory
    it cannot read and goes on."""

    def __init__(
        self,
        top: str,
        *,
        patterns: PatternsFor,
        gitignore: bool,
        follow_links: bool,
        errors: list[StatusdocError],
    ) -> None:
        self.top = top
        self.top_abs = os.path.abspath(top)
        self.top_real = os.path.realpath(top)
        self.patterns = patterns
        self.gitignore = gitignore
        self.follow_links = follow_links
        self.errors = errors

    def display(self, parts: tuple[str, ...]) -> str:
        if self.top in (os.curdir, os.curdir + os.sep) and parts:
            return os.path.join(*parts)
        return os.path.join(self.top, *parts)

    def run(self) -> list[str]:
        found: list[tuple[str, ...]] = []
        ignores = _GitIgnores.above(self.top_abs, self.errors) if self.gitignore else _GitIgnores()
        stack: list[tuple[tuple[str, ...], _GitIgnores]] = [((), ignores)]
        while stack:
            parts, ignores = stack.pop()
            directory = os.path.join(self.top_abs, *parts)
            try:
                with os.scandir(directory) as it:
                    entries = list(it)
            except OSError as e:
                self.errors.append(InputError(self.display(parts), _os_reason(e)))
                continue
            if self.gitignore and any(entry.name == ".gitignore" for entry in entries):
                ignores = ignores.entering(directory, self.errors)
            rules = self.patterns(directory)
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                child = (*parts, name)
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:  # pragma: no cover - vanished while listed
                    continue
                if is_dir:
                    if name not in SKIP_DIRS and self._keep(entry.path, rules, ignores, is_dir=True, walked=True):
                        stack.append((child, ignores))
                elif (
                    name.endswith((".md", ".markdown"))
                    and self._is_document(entry)
                    and self._keep(entry.path, rules, ignores, is_dir=False, walked=True)
                ):
                    found.append(child)
        found.sort()
        return [self.display(parts) for parts in found]

    def _is_document(self, entry: os.DirEntry[str]) -> bool:
        """A file, or a symlink to a file inside the walked tree (or anywhere, if asked)."""
        if not entry.is_symlink():
            return True
        real = os.path.realpath(entry.path)
        if not os.path.exists(real) or os.path.isdir(real):
            return False  # dangling, or a directory: links to directories are not followed
        return self.follow_links or _inside(real, self.top_real)

    def _keep(self, path: str, rules: Patterns, ignores: _GitIgnores, *, is_dir: bool, walked: bool) -> bool:
        if self.gitignore and ignores.ignored(path, is_dir=is_dir):
            return False
        return _kept(path, rules, self.top_abs, walked=walked and not is_dir)


def _kept(path: str, rules: Patterns, fallback: str, *, walked: bool) -> bool:
    """Whether ``rules`` keep ``path``: not excluded, and (found by a walk) included."""
    parts = _rel_parts(path, rules.base, fallback)
    if any(_matches(parts, pat) for pat in rules.exclude):
        return False
    if walked and rules.include:
        return any(_matches(parts, pat) for pat in rules.include)
    return True


def iter_paths(
    args: list[str],
    *,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    root: str | os.PathLike[str] | None = None,
    patterns: PatternsFor | None = None,
    gitignore: bool = True,
    follow_links: bool = False,
    errors: list[StatusdocError] | None = None,
) -> list[str]:
    """Expand command-line paths into the documents to process, in order, without duplicates.

    A directory becomes the ``*.md`` files under it (sorted; hidden directories, hidden files,
    ``node_modules`` and ``__pycache__`` skipped; what ``.gitignore`` files ignore skipped unless
    ``gitignore`` is false; dangling symlinks skipped; directory symlinks not followed; a symlinked
    file only if it points inside the walked directory, unless ``follow_links``).  ``-`` stays
    ``-``.  A file named explicitly is kept whatever its extension, and followed if a symlink.

    ``include`` (if non-empty) narrows the files found in directories; ``exclude`` drops files and
    directories found in directories *and* files named explicitly (so a pre-commit hook honours
    it).  Patterns are matched against the path relative to ``root`` (default: the current
    directory; see :func:`_matches`).  ``patterns``, when given, replaces all three: it returns the
    patterns for each directory (the configuration that applies there, relative to its file).

    A missing path, or a directory that cannot be read, raises :class:`InputError` — or, when an
    ``errors`` list is given, is added to it and the walk goes on.
    """
    if patterns is None:
        static = Patterns(
            os.path.abspath(os.fspath(root) if root is not None else os.curdir),
            tuple(include or ()),
            tuple(exclude or ()),
        )
        patterns = lambda directory: static  # noqa: E731 - one expression, named by the parameter
    problems: list[StatusdocError] = []
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append(path)

    for arg in args:
        if arg == STDIN:
            add(arg)
        elif arg == "":
            problems.append(InputError("''", "empty path"))
        elif os.path.isdir(arg):
            walker = _Walker(arg, patterns=patterns, gitignore=gitignore, follow_links=follow_links, errors=problems)
            for path in walker.run():
                add(path)
        elif os.path.exists(arg):
            absolute = os.path.abspath(arg)
            folder = os.path.dirname(absolute)
            if _kept(arg, patterns(folder), folder, walked=False):
                add(arg)
        elif os.path.islink(arg):
            problems.append(InputError(arg, "no such file or directory (dangling symlink)"))
        else:
            problems.append(InputError(arg, "no such file or directory"))
        if problems and errors is None:
            raise problems[0]
    if errors is not None:
        errors.extend(problems)
    return out
