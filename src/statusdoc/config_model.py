"""The pydantic model that validates configuration files and generates their JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

State = Literal["done", "in_progress", "todo", "blocked", "cancelled"]
Severity = Literal["error", "warning", "info"]


class ConfigModel(BaseModel):
    """`[tool.statusdoc]` in pyproject.toml, or the top level of `.statusdoc.yaml`."""

    model_config = ConfigDict(extra="forbid", title="statusdoc configuration")

    select: list[str] | None = Field(None, description="Rule codes (or prefixes) to report; all when absent.")
    ignore: list[str] = Field(default_factory=list, description="Rule codes (or prefixes) never to report.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity, e.g. {SD009: warning}.")
    rounding: Literal["nearest", "floor", "org"] = Field(
        "nearest", description="How percentages round: half up, floor, or org-mode (floor, but 0<p<1 shows 1%)."
    )
    markers: dict[State, list[str]] = Field(
        default_factory=dict, description="Extra marker emoji or status words per state."
    )
    include: list[str] = Field(default_factory=lambda: ["*.md"], description="Globs of files walked in directories.")
    exclude: list[str] = Field(default_factory=list, description="Globs of files or folders never walked.")

    @field_validator("select", "ignore")
    @classmethod
    def _codes(cls, v: list[str] | None) -> list[str] | None:
        if v is None:
            return v
        for code in v:
            if not code.upper().startswith("SD"):
                raise ValueError(f"'{code}' is not a rule code (SD001…SD009)")
        return [c.upper() for c in v]
