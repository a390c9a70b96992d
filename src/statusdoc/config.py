"""Configuration: `[tool.statusdoc]` in pyproject.toml or `.statusdoc.yaml`, found upwards.

The nearest directory holding either wins; when one directory holds both, `.statusdoc.yaml`
wins (it exists only for statusdoc, pyproject.toml is shared).  Files are validated by the
pydantic model in :mod:`statusdoc.config_model`, imported only when a file is found.
"""

from __future__ import annotations

import os

from statusdoc._record import field, field_names, record
from statusdoc.errors import ConfigError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from statusdoc._types import Rounding, Severity
    from statusdoc.rules import Finding
    from statusdoc.vocabulary import Vocabulary


@record
class Config:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rounding: Rounding = "nearest"
    #: Extra marker emoji and words per state: {"done": ["🟩", "Shipped"]}.
    markers: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: ["*.md"])
    exclude: list[str] = field(default_factory=list)
    #: The file this came from, for messages.
    source: str | None = None

    def filter(self, findings: list[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if self.select is not None and not any(f.code.startswith(s) for s in self.select):
                continue
            if any(f.code.startswith(s) for s in self.ignore):
                continue
            if f.code in self.severity:
                f.severity = self.severity[f.code]
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
        from statusdoc.vocabulary import DEFAULT, Vocabulary

        emoji = dict(DEFAULT.emoji)
        words = dict(DEFAULT.words)
        for state, entries in self.markers.items():
            for e in entries:
                if e.isascii():
                    words[" ".join(e.lower().split())] = state  # type: ignore[assignment]
                else:
                    emoji[e] = state  # type: ignore[assignment]
        return Vocabulary(checkboxes=dict(DEFAULT.checkboxes), emoji=emoji, lights=dict(DEFAULT.lights), words=words)


#: Vocabularies built from configured markers, by their markers (see ``Config.vocabulary``).
_VOCABULARIES: dict[tuple[tuple[str, tuple[str, ...]], ...], Vocabulary] = {}

# os.path rather than pathlib: importing pathlib costs ~5 ms on every run of a pre-commit hook.


def find_config_file(start: str | os.PathLike[str]) -> str | None:
    """The nearest `.statusdoc.yaml`, or `pyproject.toml` with a `[tool.statusdoc]` table, at or
    above ``start`` (a file or a directory)."""
    s = os.fspath(start)
    folder = os.path.realpath(s if os.path.isdir(s) else os.path.dirname(s) or os.curdir)
    while True:
        y = os.path.join(folder, ".statusdoc.yaml")
        if os.path.isfile(y):
            return y
        p = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(p) and "[tool.statusdoc" in _read_text(p, errors="replace"):
            return p
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _read_text(path: str, errors: str = "strict") -> str:
    with open(path, encoding="utf-8", errors=errors) as f:
        return f.read()


def read_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    path = os.fspath(path)
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), "(file)", "a readable UTF-8 file", got=str(e)) from None
    if os.path.basename(path) == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(str(path), "(file)", "valid TOML", got=str(e)) from None
        section = data.get("tool", {}).get("statusdoc", {})
        if not isinstance(section, dict):
            raise ConfigError(str(path), "tool.statusdoc", "a table")
        return section
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(text)
    except YAMLError as e:
        raise ConfigError(str(path), "(file)", "valid YAML", got=str(e).splitlines()[0]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "(top level)", "a mapping")
    return data


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
            str(path), key, err["msg"].removeprefix("Value error, "), got=repr(err.get("input"))
        ) from None
    data = model.model_dump(exclude_unset=True)
    cfg = Config(**{k: v for k, v in data.items() if k in set(field_names(Config))})
    cfg.source = str(path)
    return cfg


_CACHE: dict[str, Config] = {}


def config_for(target: str | os.PathLike[str] | None) -> Config:
    """The configuration that applies to a file (the default when none is found)."""
    if target is None:
        target = os.getcwd()
    found = find_config_file(target)
    if found is None:
        return Config()
    if found not in _CACHE:
        _CACHE[found] = load_config(found)
    return _CACHE[found]
