"""The pydantic model that validates configuration files and generates their JSON Schema.

Every check that can fail says what was expected in the user's words (``one of nearest, floor,
org``), not pydantic's: :func:`statusdoc.config.load_config` shows that text after ``expected``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from statusdoc.rules import UnknownRule, rule_code, rule_selector

State = Literal["done", "in_progress", "todo", "blocked", "cancelled"]
Severity = Literal["error", "warning", "info"]
RoundingMode = Literal["nearest", "floor", "org"]


def _one_of(choices: Any) -> BeforeValidator:
    """Checks a value against a Literal's choices first, worded ``one of a, b, c``; the Literal
    still types the field and gives the schema its enum."""
    allowed = get_args(choices)

    def check(v: object) -> object:
        if v not in allowed:
            raise ValueError(f"one of {', '.join(allowed)}")
        return v

    return BeforeValidator(check)


def _selector(v: object) -> str:
    if not isinstance(v, str):
        raise ValueError("a rule code (SD001), a code prefix (SD00) or a rule name (count-drift)")
    try:
        return rule_selector(v)
    except UnknownRule as e:
        raise ValueError(e.expected) from None


Selector = Annotated[str, BeforeValidator(_selector)]


class RollupEntry(BaseModel):
    """One roll-up: the counters in a section of a document count the items of other files."""

    model_config = ConfigDict(extra="forbid", title="roll-up")

    document: str = Field(description="The summary document, relative to the configuration file's directory.")
    section: str = Field(description="The slug of the section whose counters roll up (as `scope=` names it).")
    files: Annotated[list[str], Field(min_length=1)] = Field(
        description="Globs of the files whose items they count, relative to the configuration file's directory."
    )


class ConfigModel(BaseModel):
    """`[tool.statusdoc]` in pyproject.toml, or the top level of `.statusdoc.yaml`."""

    model_config = ConfigDict(extra="forbid", title="statusdoc configuration")

    select: list[Selector] | None = Field(
        None, description="Rule codes, code prefixes or rule names to report; all when absent."
    )
    ignore: list[Selector] = Field(
        default_factory=list, description="Rule codes, code prefixes or rule names never to report."
    )
    severity: dict[str, Annotated[Severity, _one_of(Severity)]] = Field(
        default_factory=dict, description="Per-rule severity (rule code or name), e.g. {SD009: warning}."
    )
    rounding: Annotated[RoundingMode, _one_of(RoundingMode)] = Field(
        "nearest", description="How percentages round: half up, floor, or org-mode (floor, but 0<p<1 shows 1%)."
    )
    markers: dict[Annotated[State, _one_of(State)], list[str]] = Field(
        default_factory=dict, description="Extra marker emoji or status words per state."
    )
    include: list[str] = Field(
        default_factory=lambda: ["*.md", "*.markdown"], description="Globs of files walked in directories."
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files or folders never walked.")
    rollups: list[RollupEntry] = Field(
        default_factory=list,
        description="Roll-ups across files: the counters of a document's section count the items of other files.",
    )

    @field_validator("severity")
    @classmethod
    def _severity_keys(cls, v: dict[str, Severity]) -> dict[str, Severity]:
        # A key that names no rule would never match a finding: the setting would be ignored.
        out: dict[str, Severity] = {}
        for key, level in v.items():
            try:
                out[rule_code(key)] = level
            except UnknownRule as e:
                raise ValueError(f"{e.expected} as the key, not {key!r}") from None
        return out

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        # pydantic's own wording ("Extra inputs are not permitted") says nothing of what would do.
        if isinstance(data, dict):
            for key in data:
                if key not in cls.model_fields:
                    raise _unknown_key(str(key), data[key], list(cls.model_fields))
        return data


def _unknown_key(key: str, value: object, known: list[str]) -> ValidationError:
    """The error for a key the configuration does not have, located at that key (a validator's
    ValueError would be located at the top level)."""
    hint = f"{key.lower()} (keys are lower case)" if key.lower() in known else f"a known key ({', '.join(known)})"
    return ValidationError.from_exception_data(
        "statusdoc configuration",
        [InitErrorDetails(type=PydanticCustomError("unknown_key", hint), loc=(key,), input=value)],
    )
