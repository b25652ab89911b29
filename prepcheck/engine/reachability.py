"""Finds pages that no answers can show and actions that no answers can trigger, by searching for a witness."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from prepcheck.engine.answer_types import answer_type
from prepcheck.engine.model import Question, Questionnaire
from prepcheck.engine.path import Path, compute_path
from prepcheck.engine.plan import compute_quantities
from prepcheck.engine.rules import NOT_APPLICABLE, Rule

Predicate = Callable[[Path, dict[str, Any]], bool]

MAX_COMBINATIONS = 20_000
"""Above this many candidate answer sets the search samples instead of trying them all."""


def _rules_naming(questionnaire: Questionnaire) -> dict[str, list[Rule]]:
    """For each name, the rules that mention it (so its boundary values can be tried)."""
    rules: list[Rule] = []
    for page in questionnaire.pages:
        rules.extend(r for r in (page.show_if,) if r is not None)
        for question in page.questions:
            rules.extend(r for r in (question.show_if, question.critical_if) if r is not None)
            rules.extend(band.rule for band in question.score_bands)
    for quantity in questionnaire.quantities:
        rules.append(quantity.formula)
        for case in quantity.cases:
            rules.extend((case.rule, case.formula))
    rules.extend(action.rule for action in questionnaire.actions)
    by_name: dict[str, list[Rule]] = {}
    for rule in rules:
        for name in rule.names:
            by_name.setdefault(name, []).append(rule)
    return by_name


def _candidates(question: Question, rules_by_name: Mapping[str, list[Rule]]) -> list[Any]:
    """A small set of answers that exercises every branch a rule can take for this question."""
    values: list[Any] = [None]
    if question.not_applicable:
        values.append(NOT_APPLICABLE)
    values.extend(answer_type(question.type).candidates(question, rules_by_name.get(question.id, [])))
    return values


class _WitnessSearch:
    """Tries answer sets over the questions a target depends on until one satisfies the target."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.rules_by_name = _rules_naming(questionnaire)
        self.quantity_names = {
            quantity.id: set(quantity.formula.names).union(*(case.rule.names | case.formula.names for case in quantity.cases))
            for quantity in questionnaire.quantities
        }
        self.context_ids = {variable.id: variable for variable in questionnaire.context}

    def dependencies(self, names: set[str]) -> set[str]:
        """The question and context ids that decide these names, including what decides their visibility."""
        result: set[str] = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name in result:
                continue
            if name in self.quantity_names:
                pending.extend(self.quantity_names[name])
                continue
            result.add(name)
            question = self.questionnaire.questions_by_id.get(name)
            if question is None:
                continue
            page = self.questionnaire.pages_by_id[question.page_id]
            for rule in (question.show_if, page.show_if):
                if rule is not None:
                    pending.extend(rule.names)
        return result

    def assignments(self, names: set[str]) -> Iterator[dict[str, Any]]:
        ordered = sorted(names)
        choices = []
        for name in ordered:
            if name in self.context_ids:
                variable = self.context_ids[name]
                choices.append(list(variable.options) or [variable.default])
            else:
                choices.append(_candidates(self.questionnaire.questions_by_id[name], self.rules_by_name))
        total = 1
        for values in choices:
            total *= len(values)
        if total <= MAX_COMBINATIONS:
            for combination in itertools.product(*choices):
                yield dict(zip(ordered, combination))
            return
        generator = random.Random(0)
        for _ in range(MAX_COMBINATIONS):
            yield {name: generator.choice(values) for name, values in zip(ordered, choices)}

    def exists(self, names: set[str], predicate: Predicate) -> bool:
        for assignment in self.assignments(self.dependencies(names)):
            answers = {k: v for k, v in assignment.items() if k not in self.context_ids and v is not None}
            context = {k: v for k, v in assignment.items() if k in self.context_ids}
            for variable in self.questionnaire.context:
                context.setdefault(variable.id, variable.default)
            path = compute_path(self.questionnaire, answers, context)
            env: dict[str, Any] = dict(context)
            env.update(path.answers)
            compute_quantities(self.questionnaire, env)
            if predicate(path, env):
                return True
        return False


def _page_shown(page_id: str) -> Predicate:
    return lambda path, env: page_id in path.page_ids


def _question_shown(question_id: str) -> Predicate:
    return lambda path, env: any(question.id == question_id for question in path.questions)


def _rule_holds(rule: Rule) -> Predicate:
    return lambda path, env: rule.holds(env)


def unreachable_pages(questionnaire: Questionnaire) -> list[str]:
    """Ids of pages that no answers can bring onto the path."""
    search = _WitnessSearch(questionnaire)
    unreachable = []
    for page in questionnaire.pages:
        rules = [page.show_if, *(question.show_if for question in page.questions)]
        if all(rule is None for rule in rules[1:]) and page.show_if is None:
            continue
        names = set().union(*(rule.names for rule in rules if rule is not None))
        if not search.exists(names, _page_shown(page.id)):
            unreachable.append(page.id)
    return unreachable


def unreachable_questions(questionnaire: Questionnaire) -> list[str]:
    """Ids of questions with a show-if that no answers can satisfy on a page that is shown."""
    search = _WitnessSearch(questionnaire)
    unreachable = []
    for page in questionnaire.pages:
        for question in page.questions:
            if question.show_if is None:
                continue
            names = set(question.show_if.names) | (set(page.show_if.names) if page.show_if else set())
            found = search.exists(names, _question_shown(question.id))
            if not found:
                unreachable.append(question.id)
    return unreachable


def unreachable_actions(questionnaire: Questionnaire) -> list[str]:
    """Ids of actions whose rule no answers can make true."""
    search = _WitnessSearch(questionnaire)
    return [action.id for action in questionnaire.actions if not search.exists(set(action.rule.names), _rule_holds(action.rule))]
