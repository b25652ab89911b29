"""Every text a questionnaire shows, with the stable message context that gettext uses for it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from prepcheck.engine.model import Questionnaire, QuestionType, TextVariant


@dataclass(frozen=True, slots=True)
class Text:
    """One translatable string of a questionnaire."""

    context: str
    text: str


VARIANT_FIELDS: dict[str, tuple[str, ...]] = {
    "question": ("text", "hint"),
    "page": ("title", "intro"),
    "action": ("title", "text", "why"),
    "plan_card": ("title", "intro"),
}
"""The kinds of item whose texts may vary by the answers, and which of their texts may."""


def text_context(questionnaire_id: str, kind: str, item_id: str, field: str, variant: str | None = None) -> str:
    """The message context of a questionnaire string, e.g. 'household/question/adults/text'.

    A variant's text adds the variant's id: 'household/question/meeting_place/text/alone'.
    """
    context = f"{questionnaire_id}/{kind}/{item_id}/{field}"
    return context if variant is None else f"{context}/{variant}"


def iter_texts(questionnaire: Questionnaire) -> Iterator[Text]:
    """Yield every user-facing string of the questionnaire in file order (yes/no labels are interface text)."""
    qid = questionnaire.id

    def text(kind: str, item_id: str, field: str, value: str) -> Iterator[Text]:
        if value:
            yield Text(text_context(qid, kind, item_id, field), value)

    def variant_texts(kind: str, item_id: str, variants: tuple[TextVariant, ...]) -> Iterator[Text]:
        for variant in variants:
            for field, value in variant.texts:
                yield Text(text_context(qid, kind, item_id, field, variant.id), value)

    yield from text("questionnaire", qid, "title", questionnaire.title)
    yield from text("questionnaire", qid, "description", questionnaire.description)
    for domain in questionnaire.domains:
        yield from text("domain", domain.id, "title", domain.title)
        yield from text("domain", domain.id, "description", domain.description)
    for level in questionnaire.levels:
        yield from text("level", level.id, "title", level.title)
        yield from text("level", level.id, "description", level.description)
    for role in questionnaire.roles:
        yield from text("role", role.id, "title", role.title)
    for page in questionnaire.pages:
        yield from text("page", page.id, "title", page.title)
        yield from text("page", page.id, "intro", page.intro)
        yield from variant_texts("page", page.id, page.variants)
        for question in page.questions:
            yield from text("question", question.id, "text", question.text)
            yield from text("question", question.id, "hint", question.hint)
            yield from text("question", question.id, "unit", question.unit)
            yield from variant_texts("question", question.id, question.variants)
            if question.type is QuestionType.YES_NO:
                continue
            for option in question.options:
                yield from text("option", f"{question.id}.{option.value}", "label", option.label)
                yield from text("option", f"{question.id}.{option.value}", "hint", option.hint)
    for quantity in questionnaire.quantities:
        yield from text("quantity", quantity.id, "label", quantity.label)
        yield from text("quantity", quantity.id, "unit", quantity.unit)
    for action in questionnaire.actions:
        yield from text("action", action.id, "title", action.title)
        yield from text("action", action.id, "text", action.text)
        yield from text("action", action.id, "why", action.why)
        yield from variant_texts("action", action.id, action.variants)
    card = questionnaire.plan_card
    if card is not None:
        yield from text("plan_card", "card", "title", card.title)
        yield from text("plan_card", "card", "intro", card.intro)
        yield from variant_texts("plan_card", "card", card.variants)
        for row in card.rows:
            yield from text("plan_card_row", row.id, "text", row.text)
    for source in questionnaire.sources:
        yield from text("source", source.id, "title", source.title)
