"""The questionnaires the app offers: every *.yaml at the top of the questionnaire folder, loaded once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from prepcheck.engine import Questionnaire, load_questionnaire
from prepcheck.engine.load_cache import ReachabilityMarks


class QuestionnaireRegistry(Mapping[str, Questionnaire]):
    """Loaded questionnaires by id; a broken file stops start-up with all its errors."""

    def __init__(self, questionnaires: list[Questionnaire]) -> None:
        by_id: dict[str, Questionnaire] = {}
        for questionnaire in questionnaires:
            if questionnaire.id in by_id:
                first = by_id[questionnaire.id].path
                raise ValueError(f"two questionnaires have the id '{questionnaire.id}': {first} and {questionnaire.path}")
            by_id[questionnaire.id] = questionnaire
        self._by_id = MappingProxyType(by_id)

    @classmethod
    def from_folder(
        cls, folder: Path, *, include_tests: bool = False, marks: ReachabilityMarks | None = None
    ) -> QuestionnaireRegistry:
        """Load the folder's questionnaires (and those under test/ when asked)."""
        files = sorted(folder.glob("*.yaml"))
        if include_tests:
            files += sorted((folder / "test").glob("*.yaml"))
        return cls([load_questionnaire(path, marks) for path in files])

    def __getitem__(self, questionnaire_id: str) -> Questionnaire:
        return self._by_id[questionnaire_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)
