"""assess(): answers in, Assessment out; pure and deterministic, shared by every front end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prepcheck.engine.answers import AnswerValue, Problem, convert_answers, to_document
from prepcheck.engine.model import Questionnaire
from prepcheck.engine.path import Path, compute_path
from prepcheck.engine.plan import PlannedAction, QuantityValue, compute_quantities, select_actions
from prepcheck.engine.plan_card import ChosenPlanCard, choose_plan_card
from prepcheck.engine.scoring import DomainResult, overall_score, score_domains
from prepcheck.engine.variants import ChosenVariants, assessment_variants, path_variants


@dataclass(frozen=True, slots=True)
class Context:
    """What the assessment may know beyond the answers: the language and declared context values."""

    locale: str = "en"
    variables: Mapping[str, Any] = field(default_factory=dict)


class InvalidAnswers(ValueError):
    """The answers do not fit the questionnaire; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything a front end shows: scores, levels, reasons, the plan, quantities, sources and the texts' variants."""

    questionnaire_id: str
    questionnaire_version: int
    locale: str
    score: int
    level_id: str
    domains: tuple[DomainResult, ...]
    actions: tuple[PlannedAction, ...]
    quantities: tuple[QuantityValue, ...]
    sources: tuple[str, ...]
    """The sources behind the advice in the plan, as shown (a variant may rest on its own), in the file's order."""
    answers: Mapping[str, Any]
    variants: ChosenVariants
    """Which variant of their texts the pages and questions on the path and the actions in the plan show."""
    plan_card: ChosenPlanCard | None = None
    """The fill-in plan's texts and lines for these answers; None when the questionnaire has no plan card."""

    def domain(self, domain_id: str) -> DomainResult:
        for result in self.domains:
            if result.domain_id == domain_id:
                return result
        raise KeyError(domain_id)

    def action_ids(self) -> tuple[str, ...]:
        return tuple(action.action_id for action in self.actions)

    def quantity(self, quantity_id: str) -> QuantityValue | None:
        for value in self.quantities:
            if value.quantity_id == quantity_id:
                return value
        return None


def context_values(questionnaire: Questionnaire, context: Context) -> dict[str, Any]:
    """Declared context variables with their defaults, overridden by valid values from the context."""
    values: dict[str, Any] = {}
    for variable in questionnaire.context:
        given = context.variables.get(variable.id, variable.default)
        if variable.options and given not in variable.options:
            given = variable.default
        values[variable.id] = given
    return values


def check_answers(
    questionnaire: Questionnaire, raw_answers: Any, context: Context | None = None
) -> tuple[dict[str, AnswerValue], Path, list[Problem]]:
    """Convert answers, compute the path and list every problem, including missing required answers."""
    context = context or Context()
    values, problems = convert_answers(questionnaire, raw_answers)
    path = compute_path(questionnaire, values, context_values(questionnaire, context))
    for question in path.unanswered_required():
        if question.id not in {problem.question_id for problem in problems}:
            problems.append(Problem(question.id, "missing", f"'{question.id}' needs an answer"))
    return values, path, problems


def variants_on_path(questionnaire: Questionnaire, path: Path, context: Context) -> ChosenVariants:
    """The text variants the pages and questions on the path show, also before every answer is in."""
    env: dict[str, Any] = context_values(questionnaire, context)
    env.update(path.answers)
    return path_variants(path, env)


def assess(questionnaire: Questionnaire, answers: Any, context: Context | None = None) -> Assessment:
    """Score the answers; raises InvalidAnswers with every problem when they do not fit."""
    context = context or Context()
    _, path, problems = check_answers(questionnaire, answers, context)
    if problems:
        raise InvalidAnswers(problems)
    return assess_path(questionnaire, path, context)


def assess_path(questionnaire: Questionnaire, path: Path, context: Context) -> Assessment:
    """Score an already checked path (only answers to shown questions count)."""
    env: dict[str, Any] = context_values(questionnaire, context)
    env.update(path.answers)
    quantities = compute_quantities(questionnaire, env)
    domains = score_domains(questionnaire, path.questions, path.answers, env)
    score, level_id = overall_score(questionnaire, domains)
    actions = select_actions(questionnaire, env, path.answers, quantities)
    variants = assessment_variants(questionnaire, path, [planned.action_id for planned in actions], env)
    cited = {source for planned in actions for source in variants.action_sources(questionnaire.actions_by_id[planned.action_id])}
    return Assessment(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        locale=context.locale,
        score=score,
        level_id=level_id,
        domains=domains,
        actions=actions,
        quantities=tuple(quantities.values()),
        sources=tuple(source.id for source in questionnaire.sources if source.id in cited),
        answers=to_document(path.answers),
        variants=variants,
        plan_card=choose_plan_card(questionnaire.plan_card, env),
    )
