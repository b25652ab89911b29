"""YAML -> Questionnaire: structure checked against the JSON Schema, then meaning, all errors at once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from prepcheck.engine.build import QuestionnaireBuilder
from prepcheck.engine.load_cache import ReachabilityMarks
from prepcheck.engine.model import Questionnaire
from prepcheck.engine.schema import QUESTIONNAIRE_SCHEMA
from prepcheck.engine.yaml_source import LineDict, YamlProblem, format_path, line_of, read_yaml

_STRUCTURE_VALIDATOR = Draft202012Validator(QUESTIONNAIRE_SCHEMA)
_LOADED: dict[tuple[str, bytes], Questionnaire] = {}
"""Questionnaires loaded in this process, by file name and content hash: a Questionnaire is frozen, so it is shared."""
_MAX_LOADED = 64


@dataclass(frozen=True, slots=True, order=True)
class LoadError:
    """One thing wrong with a questionnaire file: where it is and what is wrong."""

    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


class QuestionnaireError(ValueError):
    """A questionnaire that cannot be used; `errors` holds every problem found."""

    def __init__(self, errors: Sequence[LoadError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def _structure_errors(document: Any, filename: str) -> list[LoadError]:
    """Check the document against the JSON Schema; name unknown keys one by one."""
    errors: list[LoadError] = []
    for error in _STRUCTURE_VALIDATOR.iter_errors(document):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - allowed):
                known = ", ".join(sorted(allowed))
                errors.append(
                    LoadError(
                        filename, line_of(document, [*path, key]), format_path([*path, key]), f"unknown key (known keys: {known})"
                    )
                )
            continue
        if error.validator == "required" and isinstance(error.instance, dict):
            missing = [key for key in error.validator_value if key not in error.instance]
            for key in missing:
                errors.append(LoadError(filename, line_of(document, path), format_path([*path, key]), "this key is required"))
            continue
        errors.append(LoadError(filename, line_of(document, path), format_path(path), _plain_message(error)))
    return errors


def _plain_message(error: Any) -> str:
    """A shorter message than jsonschema's for the common cases."""
    if error.validator == "pattern":
        return f"{error.instance!r} is not a valid id (use lower case letters, digits and _; start with a letter)"
    if error.validator == "enum":
        return f"{error.instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return f"{error.instance!r} should be of type {error.validator_value}"
    return str(error.message)


def parse_questionnaire(text: str, filename: str = "<text>", *, search_reachability: bool = True) -> Questionnaire:
    """Load a questionnaire from YAML text; raise QuestionnaireError listing every problem.

    `search_reachability=False` skips only the search for pages, questions and actions that no answers reach, for
    content that passed it before (see ReachabilityMarks).
    """
    try:
        document = read_yaml(text, known_good=not search_reachability)
    except YamlProblem as problem:
        raise QuestionnaireError([LoadError(filename, problem.line, "(file)", problem.message)]) from None
    if not isinstance(document, LineDict):
        raise QuestionnaireError([LoadError(filename, 1, "(file)", "a questionnaire must be a mapping of keys")])
    structure = _structure_errors(document, filename)
    if structure:
        raise QuestionnaireError(structure)
    builder = QuestionnaireBuilder(document, filename)
    questionnaire = builder.build(search_reachability=search_reachability)
    if builder.errors or questionnaire is None:
        raise QuestionnaireError([LoadError(filename, line, key, message) for line, key, message in builder.errors])
    return questionnaire


def load_questionnaire(path: str | Path, marks: ReachabilityMarks | None = None) -> Questionnaire:
    """Load a questionnaire file, once per process and content; raise QuestionnaireError listing every problem.

    With `marks`, content whose reachability search passed before (in any process) is not searched again.
    """
    try:
        content = Path(path).read_bytes()
        text = content.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionnaireError([LoadError(str(path), 1, "(file)", f"cannot read the file: {error}")]) from None
    key = (str(path), hashlib.sha256(content).digest())
    loaded = _LOADED.get(key)
    if loaded is not None:
        return loaded
    searched_before = marks is not None and marks.passed(content)
    questionnaire = parse_questionnaire(text, str(path), search_reachability=not searched_before)
    if marks is not None and not searched_before:
        marks.remember(content)
    if len(_LOADED) >= _MAX_LOADED:
        _LOADED.clear()
    _LOADED[key] = questionnaire
    return questionnaire


def validate_paths(paths: Iterable[str | Path]) -> tuple[list[Questionnaire], list[LoadError]]:
    """Load every *.yaml file under the given files or folders; collect all errors of all files."""
    loaded: list[Questionnaire] = []
    errors: list[LoadError] = []
    for file_path in questionnaire_files(paths):
        try:
            loaded.append(load_questionnaire(file_path))
        except QuestionnaireError as error:
            errors.extend(error.errors)
    return loaded, errors


def questionnaire_files(paths: Iterable[str | Path]) -> list[Path]:
    """The questionnaire files named, with folders expanded to their *.yaml files (recursively)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.yaml") if p.is_file()))
        else:
            files.append(path)
    return files
