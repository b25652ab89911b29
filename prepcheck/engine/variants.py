"""Texts that vary by the answers: read from the file at load, and chosen for one set of answers."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from prepcheck.engine.answer_types.base import Reporter
from prepcheck.engine.model import Action, Questionnaire, TextVariant
from prepcheck.engine.path import Path
from prepcheck.engine.rules import Rule
from prepcheck.engine.texts import VARIANT_FIELDS

KeyPath = Sequence[str | int]
RuleParser = Callable[[str, KeyPath], Rule | None]
"""Parses a variant's rule with the names its item's own rule may use, reporting what is wrong (None then)."""


def read_variants(
    kind: str,
    raw: Mapping[str, Any],
    path: KeyPath,
    parse: RuleParser,
    reporter: Reporter,
    source_ids: Collection[str] = (),
) -> tuple[TextVariant, ...]:
    """The `variants` of a page, question or action (kind), every problem reported with its key path."""
    raw_variants = raw.get("variants", [])
    reporter.unique_ids(raw_variants, [*path, "variants"])
    fields = VARIANT_FIELDS[kind]
    variants = []
    for index, variant in enumerate(raw_variants):
        at = [*path, "variants", index]
        rule = parse(variant["if"], [*at, "if"])
        texts = tuple((name, variant[name]) for name in fields if name in variant)
        sources = tuple(variant["sources"]) if "sources" in variant else None
        for s_index, source in enumerate(sources or ()):
            if source not in source_ids:
                reporter.error([*at, "sources", s_index], f"unknown source '{source}'")
        if not texts and sources is None:
            can_give = " or ".join((*fields, "sources") if kind == "action" else fields)
            reporter.error([*at, "id"], f"variant '{variant['id']}' changes nothing: give its {can_give}")
        if rule is not None:
            variants.append(TextVariant(variant["id"], rule, texts, sources))
    return tuple(variants)


@dataclass(frozen=True, slots=True)
class HoldingVariants:
    """The variants of one page, question or action whose rules hold, in the file's order.

    Each text comes from the first of them that gives it, and an action's sources likewise; what none of them
    gives stays the item's own.
    """

    variants: tuple[TextVariant, ...]

    def giving(self, field: str) -> TextVariant | None:
        """The variant whose text this field shows, or None: the item's own text."""
        return next((variant for variant in self.variants if variant.text(field) is not None), None)

    def sources(self, own: tuple[str, ...]) -> tuple[str, ...]:
        """The sources the advice rests on as shown: the first holding variant's that names some, else its own."""
        return next((variant.sources for variant in self.variants if variant.sources is not None), own)


def holding(variants: tuple[TextVariant, ...], env: Mapping[str, Any]) -> HoldingVariants | None:
    """The variants whose rules hold for these answers, or None when none does: the item shows its own texts."""
    held = tuple(variant for variant in variants if variant.rule.holds(env))
    return HoldingVariants(held) if held else None


_NONE: Mapping[str, HoldingVariants] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ChosenVariants:
    """The holding variants of each page, question and action for one set of answers; one not listed shows its own."""

    pages: Mapping[str, HoldingVariants] = field(default_factory=lambda: _NONE)
    questions: Mapping[str, HoldingVariants] = field(default_factory=lambda: _NONE)
    actions: Mapping[str, HoldingVariants] = field(default_factory=lambda: _NONE)

    def page(self, page_id: str) -> HoldingVariants | None:
        return self.pages.get(page_id)

    def question(self, question_id: str) -> HoldingVariants | None:
        return self.questions.get(question_id)

    def action(self, action_id: str) -> HoldingVariants | None:
        return self.actions.get(action_id)

    def action_sources(self, action: Action) -> tuple[str, ...]:
        """The sources the action's advice rests on as shown (a variant may name its own)."""
        held = self.actions.get(action.id)
        return held.sources(action.sources) if held is not None else action.sources


class _Varied(Protocol):
    """A page, question or action: an id and its variants."""

    @property
    def id(self) -> str: ...

    @property
    def variants(self) -> tuple[TextVariant, ...]: ...


def _chosen(items: Iterable[_Varied], env: Mapping[str, Any]) -> Mapping[str, HoldingVariants]:
    chosen = {item.id: held for item in items if item.variants and (held := holding(item.variants, env)) is not None}
    return MappingProxyType(chosen) if chosen else _NONE


def path_variants(path: Path, env: Mapping[str, Any]) -> ChosenVariants:
    """The variants of the pages and questions on the path; env holds the context values and the path's answers.

    Their rules only read earlier pages (the loader checks this), so the answers further on cannot change them.
    """
    return ChosenVariants(pages=_chosen((shown.page for shown in path.pages), env), questions=_chosen(path.questions, env))


def assessment_variants(
    questionnaire: Questionnaire, path: Path, action_ids: Sequence[str], env: Mapping[str, Any]
) -> ChosenVariants:
    """The path's variants and those of the actions in the plan; env holds the answers, context values and quantities."""
    on_path = path_variants(path, env)
    actions = (questionnaire.actions_by_id[action_id] for action_id in action_ids)
    return ChosenVariants(on_path.pages, on_path.questions, _chosen(actions, env))
