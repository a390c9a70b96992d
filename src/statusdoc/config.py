"""Configuration: `[tool.statusdoc]` in pyproject.toml or `.statusdoc.yaml`, found upwards.

The nearest directory holding either wins; when one directory holds both, `.statusdoc.yaml`
wins (it exists only for statusdoc, pyproject.toml is shared).  The search stops at the
repository root, and a file owned by another user is skipped: a configuration can silence
findings, so it must come from the project or from whoever runs statusdoc.  Files are validated by the
pydantic model in :mod:`statusdoc.config_model`, imported only when a file is found.
"""

from __future__ import annotations

import os

from statusdoc._record import field, field_names, frozen_record, record
from statusdoc.errors import ConfigError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from statusdoc._types import Rounding, Severity
    from statusdoc.rules import Finding
    from statusdoc.vocabulary import Vocabulary
    from statusdoc.walk import Patterns


@record
class Config:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rounding: Rounding = "nearest"
    #: Extra marker emoji and words per state: {"done": ["🟩", "Shipped"]}.
    markers: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: ["*.md", "*.markdown"])
    exclude: list[str] = field(default_factory=list)
    #: Roll-ups across files (statusdoc.rollups): {document, section, files} each.
    rollups: list[dict[str, Any]] = field(default_factory=list)
    #: The file this came from, for messages.
    source: str | None = None

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """The findings this configuration keeps, with its severities: new findings, the given
        ones untouched (a caller may hold them under another configuration)."""
        from statusdoc._record import replace

        out = []
        for f in findings:
            if self.select is not None and not any(f.code.startswith(s) for s in self.select):
                continue
            if any(f.code.startswith(s) for s in self.ignore):
                continue
            if f.code in self.severity and f.severity != self.severity[f.code]:
                f = replace(f, severity=self.severity[f.code])
            out.append(f)
        return out

    def vocabulary(self) -> Vocabulary | None:
        """The vocabulary with this config's markers, one per distinct set of markers: the
        vocabulary's patterns are cached per instance, so 300 files share one build."""
        if not self.markers:
            return None
        key = tuple(sorted((state, tuple(entries)) for state, entries in self.markers.items()))
        got = _VOCABULARIES.get(key)
        if got is None:
            got = _VOCABULARIES[key] = self._build_vocabulary()
        return got

    def _build_vocabulary(self) -> Vocabulary:
        from statusdoc import lang
        from statusdoc.vocabulary import DEFAULT, Vocabulary

        emoji = dict(DEFAULT.emoji)
        words = dict(DEFAULT.words)
        for state, entries in self.markers.items():
            for e in entries:
                # A word has letters (`Shipped`, `Livré`, `已交付`); a marker has none (`🎉`).
                if any(ch.isalpha() for ch in e):
                    words[lang.norm(e)] = state  # type: ignore[assignment]
                else:
                    emoji[e] = state  # type: ignore[assignment]
        return Vocabulary(checkboxes=dict(DEFAULT.checkboxes), emoji=emoji, lights=dict(DEFAULT.lights), words=words)


#: Vocabularies built from configured markers, by their markers (see ``Config.vocabulary``).
_VOCABULARIES: dict[tuple[tuple[str, tuple[str, ...]], ...], Vocabulary] = {}

# os.path rather than pathlib: importing pathlib costs ~5 ms on every run of a pre-commit hook.

#: The longest value a configuration error quotes: a value built by YAML aliases can be gigabytes.
MAX_QUOTED = 200


@frozen_record
class ConfigChoice:
    """Which configuration file applies to a path (``None``: the defaults), and why."""

    path: str | None
    reason: str


@record
class RunOptions:
    """What the command line asked for beyond the command's own arguments (``--verbose``,
    ``--no-gitignore``); set once per run by the CLI, read by the walk and by :func:`config_for`."""

    verbose: bool = False
    gitignore: bool = True


OPTIONS = RunOptions()


def set_options(*, verbose: bool = False, gitignore: bool = True) -> None:
    OPTIONS.verbose = verbose
    OPTIONS.gitignore = gitignore
    _REPORTED.clear()


def _folder_of(start: str | os.PathLike[str]) -> str:
    s = os.fspath(start)
    return os.path.realpath(s if os.path.isdir(s) else os.path.dirname(s) or os.curdir)


def _candidate(folder: str) -> str | None:
    """The configuration file in ``folder``: `.statusdoc.yaml`, else a pyproject.toml with a table."""
    y = os.path.join(folder, ".statusdoc.yaml")
    if os.path.isfile(y):
        return y
    p = os.path.join(folder, "pyproject.toml")
    if os.path.isfile(p) and "[tool.statusdoc" in _read_text(p, errors="replace"):
        return p
    return None


def _untrusted(path: str) -> str | None:
    """Why ``path`` is not to be trusted, or ``None``: like git's safe.directory, a configuration
    that can silence findings counts only when it belongs to whoever runs statusdoc."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows has no uids
        return None
    owner = os.stat(path).st_uid
    if owner == os.geteuid():
        return None
    return f"owned by uid {owner}, not by you (uid {os.geteuid()})"


def _is_repository_root(folder: str) -> bool:
    return os.path.lexists(os.path.join(folder, ".git"))  # a directory, or a worktree's file


@record
class _Search:
    found: str | None
    ignored: list[str]
    stopped_at: str


def _search(folder: str, memo: dict[str, str | None] | None = None) -> _Search:
    """Look for a configuration from ``folder`` upwards, up to the repository root (or ``/``).

    ``memo`` (folder -> what applies there) spares a walk the same climb for every directory.
    """
    visited: list[str] = []
    ignored: list[str] = []
    found: str | None = None
    while True:
        if memo is not None and folder in memo:
            found = memo[folder]
            break
        visited.append(folder)
        path = _candidate(folder)
        if path is not None:
            problem = _untrusted(path)
            if problem is None:
                found = path
                break
            ignored.append(f"{path} ({problem})")
        parent = os.path.dirname(folder)
        if _is_repository_root(folder) or parent == folder:
            break
        folder = parent
    if memo is not None:
        for v in visited:
            memo[v] = found
    return _Search(found, ignored, folder)


def find_config_file(start: str | os.PathLike[str]) -> str | None:
    """The nearest `.statusdoc.yaml`, or `pyproject.toml` with a `[tool.statusdoc]` table, at or
    above ``start`` (a file or a directory), not above the repository root, owned by the user."""
    return _search(_folder_of(start)).found


def explain_config(start: str | os.PathLike[str] | None = None) -> ConfigChoice:
    """The configuration file that applies to ``start`` (default: the current directory) and why,
    in words (what ``--verbose`` prints)."""
    folder = _folder_of(os.getcwd() if start is None else start)
    search = _search(folder)
    where = "the repository root" if _is_repository_root(search.stopped_at) else "the filesystem root"
    if search.found is not None:
        reason = f"the nearest configuration at or above {folder}"
    else:
        reason = f"no configuration between {folder} and {where} {search.stopped_at}; defaults apply"
    if search.ignored:
        reason += "; ignored " + ", ".join(search.ignored)
    return ConfigChoice(search.found, reason)


def _read_text(path: str, errors: str = "strict") -> str:
    with open(path, encoding="utf-8", errors=errors) as f:
        return f.read()


def read_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    path = os.fspath(path)
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), "(file)", "a readable UTF-8 file", got=_quoted(str(e))) from None
    if os.path.basename(path) == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(str(path), "(file)", "valid TOML", got=_quoted(str(e))) from None
        section = data.get("tool", {}).get("statusdoc", {})
        if not isinstance(section, dict):
            raise ConfigError(str(path), "tool.statusdoc", "a table")
        return section
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="safe")
    try:
        _refuse_aliases(yaml, text, path)
        data = yaml.load(text)
    except YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(str(path), "(file)", "valid YAML", line=line, got=_quoted(str(problem))) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "(top level)", "a mapping")
    return data


def _refuse_aliases(yaml: Any, text: str, path: str) -> None:
    """Refuse ``*alias`` references before anything is built from them.

    A few hundred bytes of nested aliases ("billion laughs") expand to gigabytes once loaded; a
    configuration has no need of them.  The parser's events are read without building anything.
    """
    from ruamel.yaml.events import AliasEvent

    for event in yaml.parse(text):
        if isinstance(event, AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            raise ConfigError(
                str(path), "(file)", "no YAML aliases (*name)", line=line, got=_quoted(f"*{event.anchor}")
            )


def _quoted(text: str) -> str:
    """``text``, cut to :data:`MAX_QUOTED` characters: an error line stays a line."""
    if len(text) <= MAX_QUOTED:
        return text
    return f"{text[:MAX_QUOTED]}… ({len(text):,} characters)"


def load_config(path: str | os.PathLike[str]) -> Config:
    from pydantic import ValidationError

    from statusdoc.config_model import ConfigModel

    raw = read_config_file(path)
    try:
        model = ConfigModel.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(x) for x in err["loc"]) or "(top level)"
        raise ConfigError(
            str(path),
            _quoted(key),
            _quoted(err["msg"].removeprefix("Value error, ")),
            got=_quoted(repr(err.get("input"))),
        ) from None
    data = model.model_dump(exclude_unset=True)
    cfg = Config(**{k: v for k, v in data.items() if k in set(field_names(Config))})
    cfg.source = str(path)
    return cfg


_CACHE: dict[str, Config] = {}
#: Configuration files already named on stderr in this run (``--verbose``).
_REPORTED: set[str | None] = set()


def _load(found: str) -> Config:
    if found not in _CACHE:
        _CACHE[found] = load_config(found)
    return _CACHE[found]


def _report(target: str | os.PathLike[str]) -> None:
    """Under ``--verbose``: which configuration applies, and why, once per configuration."""
    import sys

    choice = explain_config(target)
    if choice.path in _REPORTED:
        return
    _REPORTED.add(choice.path)
    used = choice.path if choice.path is not None else "no configuration file"
    print(f"statusdoc: {os.fspath(target)}: using {used} ({choice.reason})", file=sys.stderr)


def config_for(target: str | os.PathLike[str] | None) -> Config:
    """The configuration that applies to a file (the default when none is found)."""
    if target is None:
        target = os.getcwd()
    if OPTIONS.verbose:
        _report(target)
    found = find_config_file(target)
    if found is None:
        return Config()
    return _load(found)


def _spelled_from(directory: str, real: str, ancestor: str) -> str:
    """``ancestor`` (of ``real``, the resolved ``directory``) spelled as a walk from ``directory``
    spells paths, which may run through a symlink: the walk matches paths as it spells them."""
    rel = os.path.relpath(real, ancestor)
    levels = 0 if rel == os.curdir else rel.count(os.sep) + 1
    return os.path.normpath(os.path.join(directory, *[os.pardir] * levels))


def patterns_by_directory() -> Callable[[str], Patterns]:
    """For a walk: each directory's include/exclude globs, from the configuration that applies
    there, relative to that configuration's own directory (not the current one)."""
    from statusdoc.walk import Patterns

    memo: dict[str, str | None] = {}
    reals: dict[str, str] = {}
    default = Config()
    made: dict[tuple[str | None, str], Patterns] = {}

    def resolved(directory: str) -> str:
        # realpath() checks every component: once per directory, a 1,000-level tree took minutes.
        parent, name = os.path.split(directory)
        known = reals.get(parent)
        real = os.path.join(known, name) if known is not None and not os.path.islink(directory) else None
        reals[directory] = real or os.path.realpath(directory)
        return reals[directory]

    def patterns(directory: str) -> Patterns:
        real = resolved(directory)
        found = _search(real, memo).found
        base = directory if found is None else _spelled_from(directory, real, os.path.dirname(found))
        key = (found, base)
        if key not in made:
            cfg = default if found is None else _load(found)
            made[key] = Patterns(base, tuple(cfg.include), tuple(cfg.exclude))
        return made[key]

    return patterns
