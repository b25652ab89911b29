"""Domain scores, critical caps, level gates, the overall level and the explanation of lost points."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from prepcheck.engine.answers import AnswerValue
from prepcheck.engine.model import Level, Question, Questionnaire, QuestionType
from prepcheck.engine.rules import NOT_APPLICABLE


class LostPoints(NamedTuple):
    """One answer that cost its domain points: how many of the domain's 100."""

    question_id: str
    answer: Any
    points_lost: float


class Cap(NamedTuple):
    """A critical answer that holds its domain down to the lowest level."""

    domain_id: str
    question_id: str
    level_id: str


class DomainResult(NamedTuple):
    """A domain's score, level and the reasons for them."""

    domain_id: str
    score: int
    level_id: str
    uncapped_score: int
    caps: tuple[Cap, ...]
    failed_gate: str | None
    lost: tuple[LostPoints, ...]
    not_applicable: tuple[str, ...]
    applies: bool
    failed_overall_gate: str | None = None
    """The lowest level that an answer in this domain keeps the overall result from reaching, if any."""


def earned_points(question: Question, value: AnswerValue, env: Mapping[str, Any]) -> float | None:
    """Points for one answer, or None when the answer drops out of the score (not applicable)."""
    if value is NOT_APPLICABLE or value is None:
        return None
    if question.type is QuestionType.NUMBER:
        for band in question.score_bands:
            if band.rule.evaluate(env) is True:
                return band.points
        return 0.0
    points = question.option_points
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return min(sum(points.get(item, 0.0) for item in value), question.max_points)
    # "Don't know" was given the points of "no" when the questionnaire loaded: never better than "no".
    return points.get(value, 0.0)


def is_critical(question: Question, value: AnswerValue, env: Mapping[str, Any]) -> bool:
    """Whether this answer caps its domain ("don't know" is critical wherever "no" is)."""
    if value is None:
        return False
    if question.critical_if is not None and question.critical_if.holds(env):
        return True
    if not question.critical_values:
        return False
    if isinstance(value, frozenset):
        return not value.isdisjoint(question.critical_values)
    return value in question.critical_values


def level_for(levels: tuple[Level, ...], score: float) -> int:
    """The index of the highest level whose minimum the score reaches."""
    index = 0
    for position, level in enumerate(levels):
        if score >= level.min_score:
            index = position
    return index


def _clamp_to_level(levels: tuple[Level, ...], score: int, level_index: int) -> int:
    """Keep the score below the next level's minimum so that score and level agree."""
    if level_index + 1 < len(levels):
        return min(score, levels[level_index + 1].min_score - 1)
    return score


def score_domain(
    questionnaire: Questionnaire,
    domain_id: str,
    questions: tuple[Question, ...],
    answers: Mapping[str, AnswerValue],
    env: Mapping[str, Any],
) -> DomainResult:
    """Score one domain from its shown questions."""
    levels = questionnaire.levels
    weighted_total = 0.0
    weighted_earned = 0.0
    shortfalls: list[tuple[Question, AnswerValue, float]] = []
    not_applicable: list[str] = []
    caps: list[Cap] = []
    lowest_failed_gate: int | None = None
    lowest_failed_overall: int | None = None
    for question in questions:
        value = answers.get(question.id)
        if value is None:
            continue
        if value is NOT_APPLICABLE:
            not_applicable.append(question.id)
            continue
        maximum = question.max_points
        if question.scores_by_option:
            points = question.option_points.get(value, 0.0)  # the common case, kept inline for speed
        else:
            points = earned_points(question, value, env)  # type: ignore[assignment]
        if points is None or maximum <= 0:
            continue
        weight = question.weight
        weighted_total += weight
        if points < maximum:
            weighted_earned += weight * points / maximum
            shortfalls.append((question, value, weight * (maximum - points) / maximum))
            if question.gate is not None:
                gate_index = questionnaire.level_index(question.gate)
                lowest_failed_gate = gate_index if lowest_failed_gate is None else min(lowest_failed_gate, gate_index)
            if question.overall_gate is not None:
                gate_index = questionnaire.level_index(question.overall_gate)
                lowest_failed_overall = gate_index if lowest_failed_overall is None else min(lowest_failed_overall, gate_index)
        else:
            weighted_earned += weight
        if question.may_cap and is_critical(question, value, env):
            caps.append(Cap(domain_id=domain_id, question_id=question.id, level_id=levels[0].id))
    if weighted_total == 0:
        return DomainResult(domain_id, 0, levels[0].id, 0, (), None, (), tuple(not_applicable), applies=False)
    raw_score = round(100 * weighted_earned / weighted_total)
    level_index = level_for(levels, raw_score)
    if caps:
        level_index = 0
    if lowest_failed_gate is not None:
        level_index = min(level_index, max(lowest_failed_gate - 1, 0))
    score = _clamp_to_level(levels, raw_score, level_index)
    lost = tuple(
        sorted(
            (LostPoints(question.id, value, round(100 * missed / weighted_total, 1)) for question, value, missed in shortfalls),
            key=lambda item: -item.points_lost,
        )
    )
    return DomainResult(
        domain_id=domain_id,
        score=score,
        level_id=levels[level_index].id,
        uncapped_score=raw_score,
        caps=tuple(caps),
        failed_gate=levels[lowest_failed_gate].id if lowest_failed_gate is not None else None,
        lost=lost,
        not_applicable=tuple(not_applicable),
        applies=True,
        failed_overall_gate=levels[lowest_failed_overall].id if lowest_failed_overall is not None else None,
    )


def score_domains(
    questionnaire: Questionnaire, shown: tuple[Question, ...], answers: Mapping[str, AnswerValue], env: Mapping[str, Any]
) -> tuple[DomainResult, ...]:
    """Score every domain of the questionnaire, in file order, from the shown questions."""
    by_domain: dict[str, list[Question]] = {domain.id: [] for domain in questionnaire.domains}
    for question in shown:
        if question.domain is not None:
            by_domain[question.domain].append(question)
    return tuple(
        score_domain(questionnaire, domain_id, tuple(questions), answers, env) for domain_id, questions in by_domain.items()
    )


def overall_score(questionnaire: Questionnaire, domains: tuple[DomainResult, ...]) -> tuple[int, str]:
    """Weighted mean of the applying domains; the level is at most one above the weakest, and below a failed overall gate."""
    levels = questionnaire.levels
    applying = [result for result in domains if result.applies]
    if not applying:
        return 0, levels[0].id
    total_weight = sum(questionnaire.domains_by_id[result.domain_id].weight for result in applying)
    score = round(sum(questionnaire.domains_by_id[result.domain_id].weight * result.score for result in applying) / total_weight)
    weakest = min(questionnaire.level_index(result.level_id) for result in applying)
    level_index = min(level_for(levels, score), weakest + 1)
    for result in applying:
        if result.failed_overall_gate is not None:
            level_index = min(level_index, max(questionnaire.level_index(result.failed_overall_gate) - 1, 0))
    return _clamp_to_level(levels, score, level_index), levels[level_index].id
