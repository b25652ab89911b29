"""The API's own response views: what it sends beyond the result view (the re-check code, what changed)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Annotated

from prepcheck.views.documents import SchemaHint
from prepcheck.views.model import ComparisonView, ResultView

RecheckCode = Annotated[str, SchemaHint(pattern="^[A-Za-z0-9_-]+$")]


@dataclass(frozen=True, slots=True)
class AssessmentResponse(ResultView):
    """The assessment as the result page shows it, with its re-check code and, given last time's, what changed."""

    recheck_code: RecheckCode
    since_last_time: ComparisonView | None

    @classmethod
    def of(cls, view: ResultView, recheck_code: str, since_last_time: ComparisonView | None) -> AssessmentResponse:
        shown = {field.name: getattr(view, field.name) for field in fields(ResultView)}
        return cls(**shown, recheck_code=recheck_code, since_last_time=since_last_time)
