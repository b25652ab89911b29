"""The versioned JSON document stored for one response."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

DOCUMENT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class ResponseDocument:
    """Which questionnaire (and version) was answered, in which language, the answers and the revision."""

    questionnaire_id: str
    questionnaire_version: int
    language: str
    answers: dict[str, Any] = field(default_factory=dict)
    revision: int = 0
    updated: datetime = field(default_factory=lambda: datetime.now(UTC))
    previous: dict[str, Any] | None = None
    """For a re-check: last time's scores and what could not be carried over (see prepcheck.web.recheck)."""
    counted: bool = False
    """Whether this check's result was added to its tenant's statistics (once, when the result was first shown)."""

    def with_answers(self, answers: dict[str, Any]) -> ResponseDocument:
        """A new revision with these answers."""
        return replace(self, answers=answers, revision=self.revision + 1, updated=datetime.now(UTC))

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": DOCUMENT_FORMAT,
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            "language": self.language,
            "answers": self.answers,
            "revision": self.revision,
            "updated": self.updated.isoformat(),
        }
        if self.previous is not None:
            data["previous"] = self.previous
        if self.counted:
            data["counted"] = True
        return json.dumps(data, separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ResponseDocument:
        data = json.loads(text)
        if data.get("format") != DOCUMENT_FORMAT:
            raise ValueError(f"unknown response document format {data.get('format')!r}")
        return cls(
            questionnaire_id=data["questionnaire"]["id"],
            questionnaire_version=int(data["questionnaire"]["version"]),
            language=data["language"],
            answers=dict(data["answers"]),
            revision=int(data["revision"]),
            updated=datetime.fromisoformat(data["updated"]),
            previous=data.get("previous"),
            counted=data.get("counted") is True,
        )
