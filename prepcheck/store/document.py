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

    def with_answers(self, answers: dict[str, Any]) -> ResponseDocument:
        """A new revision with these answers."""
        return replace(self, answers=answers, revision=self.revision + 1, updated=datetime.now(UTC))

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": DOCUMENT_FORMAT,
                "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
                "language": self.language,
                "answers": self.answers,
                "revision": self.revision,
                "updated": self.updated.isoformat(),
            },
            separators=(",", ":"),
            sort_keys=True,
        )

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
        )
