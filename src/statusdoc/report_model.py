"""The pydantic model of ``statusdoc report --format json``: the output is this model dumped, and
``schemas/report.schema.json`` is generated from it (``statusdoc schema report``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# The counts every row has, as field types (not a base class: a base's fields would come first in
# the output, before the path or title that names the row).
Done = Annotated[int, Field(ge=0, description="items done")]
Total = Annotated[int, Field(ge=0, description="items counted (cancelled and open optional items left out)")]
Weighted = Annotated[float, Field(ge=0, description="done plus the stated share of progress items (60% adds 0.6)")]
Percent = Annotated[
    int | None,
    Field(
        ge=0,
        le=100,
        description="weighted / total, rounded half up; never 100 unless all done, never 0 when anything is; "
        "null when nothing counts",
    ),
]


class SectionModel(BaseModel):
    """A top-level section of a document (beneath a lone title heading: that heading's sections)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(description="the heading's text, markers and emphasis stripped, mojibake repaired")
    line: int = Field(ge=1, description="1-based line of the heading")
    level: int = Field(ge=1, le=6, description="heading level")
    done: Done
    total: Total
    weighted: Weighted
    percent: Percent


class DocumentModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="the path as walked or given ('<stdin>' for -)")
    done: Done
    total: Total
    weighted: Weighted
    percent: Percent
    sections: list[SectionModel]


class TotalModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: int = Field(ge=0, description="documents reported")
    done: Done
    total: Total
    weighted: Weighted
    percent: Percent


class FailureModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    message: str = Field(description="why the file was not read (as printed on stderr)")


class ReportModel(BaseModel):
    """statusdoc report: progress per document, its top-level sections, and the total."""

    model_config = ConfigDict(extra="forbid", title="statusdoc report")

    documents: list[DocumentModel] = Field(description="sorted by path")
    total: TotalModel
    errors: list[FailureModel] = Field(description="files that could not be read (the command exits 2)")
