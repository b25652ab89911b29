"""What the two choice types share: the options key, building and checking options, and their labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prepcheck.engine.answer_types.base import AnswerValue, KeyPath, OptionLabel, Problem, RawQuestion, Reporter, Wording, problem
from prepcheck.engine.model import Option, Question
from prepcheck.engine.schema_parts import ID, POINTS, TEXT, Schema, object_schema

OPTION: Schema = object_schema(
    {
        "value": ID,
        "label": TEXT,
        "hint": TEXT,
        "points": POINTS,
        "critical": {"type": "boolean", "description": "Choosing this option caps the domain at the lowest level."},
        "exclusive": {"type": "boolean", "description": 'Multiple choice: this option cannot be combined ("none of these").'},
    },
    ["value", "label"],
)
OPTIONS: Schema = {"type": "array", "items": OPTION, "minItems": 2, "maxItems": 30}


def option_values(raw: RawQuestion) -> frozenset[str]:
    return frozenset(option["value"] for option in raw.get("options", []))


def check_has_options(type_name: str, raw: RawQuestion, path: KeyPath, report: Reporter) -> None:
    if "options" not in raw:
        report.error([*path, "options"], f"a {type_name} question needs options")


def build_choice_options(
    raw: RawQuestion, path: KeyPath, report: Reporter, *, scores: bool, exclusive_allowed: bool
) -> tuple[Option, ...]:
    """The options as written, checked: unique values, points exactly where the question scores."""
    options_raw = raw.get("options", [])
    report.unique_ids(options_raw, [*path, "options"], id_key="value")
    options = []
    for index, option in enumerate(options_raw):
        option_path = [*path, "options", index]
        if scores and "points" not in option:
            report.error(option_path, f"option '{option['value']}' needs points, because the question scores")
        if not scores and ("points" in option or option.get("critical")):
            report.error(option_path, "points and critical only make sense when the question has a domain")
        if option.get("exclusive") and not exclusive_allowed:
            report.error([*option_path, "exclusive"], "only multiple-choice options can be exclusive")
        options.append(
            Option(
                value=option["value"],
                label=option["label"],
                points=float(option["points"]) if "points" in option else None,
                critical=option.get("critical", False),
                exclusive=option.get("exclusive", False),
                hint=option.get("hint", ""),
            )
        )
    if scores and options and max((o.points or 0.0) for o in options) <= 0:
        report.error([*path, "options"], "at least one option must earn points")
    return tuple(options)


def convert_option(question: Question, raw: Any) -> tuple[AnswerValue, Problem | None]:
    """One option value of the question."""
    if not isinstance(raw, str) or raw not in question.option_values:
        return None, problem(question.id, "unknown_option", f"'{question.id}' has no option {str(raw)[:40]!r}")
    return raw, None


def written_option_labels(question: Question, words: Wording) -> tuple[OptionLabel, ...]:
    """The options with the labels and hints the questionnaire gives them, translated."""
    return tuple(
        OptionLabel(
            option.value,
            words.text("option", f"{question.id}.{option.value}", "label", option.label),
            words.text("option", f"{question.id}.{option.value}", "hint", option.hint),
            option.exclusive,
        )
        for option in question.options
    )


def chosen_labels(question: Question, values: Iterable[str], words: Wording) -> str:
    """The labels of the chosen options, in the order given, joined with commas (unknown values left out)."""
    labels = []
    for value in values:
        option = question.option(value)
        if option is not None:
            labels.append(words.text("option", f"{question.id}.{value}", "label", option.label))
    return ", ".join(labels)
