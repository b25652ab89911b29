"""A questionnaire as JSON for other front ends: every text translated, every rule as its source text."""

from __future__ import annotations

from typing import Any

from prepcheck.config import DEFAULT_LOCALE, SUPPORTED_LOCALES
from prepcheck.engine import Questionnaire
from prepcheck.engine.answer_types import Wording, answer_type, option_labels
from prepcheck.engine.model import NOT_APPLICABLE_VALUE, Page, Question, TextVariant
from prepcheck.engine.rules import Rule
from prepcheck.engine.variants import HoldingVariants
from prepcheck.i18n.wording import CatalogWording
from prepcheck.views.present import AssessmentPresenter

RULE_LANGUAGE = "prepcheck-rules/1"
"""Names the rule language of docs/questionnaire-format.md, so a front end can tell which one it must evaluate."""


def _source(rule: Rule | None) -> str | None:
    return rule.source if rule is not None else None


def summarise(questionnaire: Questionnaire, locale: str) -> dict[str, Any]:
    """The list entry: id, version, title, description, audience and languages."""
    texts = AssessmentPresenter(questionnaire, locale)
    q = questionnaire
    return {
        "id": q.id,
        "version": q.version,
        "title": texts.text("questionnaire", q.id, "title", q.title),
        "description": texts.text("questionnaire", q.id, "description", q.description),
        "audience": q.audience.value,
        "languages": list(SUPPORTED_LOCALES),
        "default_language": DEFAULT_LOCALE,
        "href": f"/api/v1/questionnaires/{q.id}",
    }


def _options(words: Wording, question: Question) -> list[dict[str, Any]]:
    return [
        {"value": option.value, "label": option.label, "hint": option.hint, "exclusive": option.exclusive}
        for option in option_labels(question, words)
    ]


def _variants(
    texts: AssessmentPresenter, kind: str, item_id: str, defaults: dict[str, str], variants: tuple[TextVariant, ...]
) -> list[dict[str, Any]]:
    """Each variant with its rule and the texts it gives, translated (None: that text comes from elsewhere)."""
    return [
        {
            "id": variant.id,
            "if": variant.rule.source,
            **{
                field: texts.text(kind, item_id, field, default, HoldingVariants((variant,)))
                if variant.text(field) is not None
                else None
                for field, default in defaults.items()
            },
        }
        for variant in variants
    ]


def _question(words: Wording, question: Question, texts: AssessmentPresenter) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type.value,
        "text": words.text("question", question.id, "text", question.text),
        "hint": words.text("question", question.id, "hint", question.hint),
        "unit": words.text("question", question.id, "unit", question.unit),
        "options": _options(words, question),
        **answer_type(question.type).limits(question),
        "optional": question.optional,
        "not_applicable": question.not_applicable,
        "show_if": _source(question.show_if),
        "domain": question.domain,
        "variants": _variants(texts, "question", question.id, {"text": question.text, "hint": question.hint}, question.variants),
    }


def _page(words: Wording, page: Page, texts: AssessmentPresenter) -> dict[str, Any]:
    return {
        "id": page.id,
        "title": words.text("page", page.id, "title", page.title),
        "intro": words.text("page", page.id, "intro", page.intro),
        "show_if": _source(page.show_if),
        "variants": _variants(texts, "page", page.id, {"title": page.title, "intro": page.intro}, page.variants),
        "questions": [_question(words, question, texts) for question in page.questions],
    }


def describe(questionnaire: Questionnaire, locale: str) -> dict[str, Any]:
    """Everything a front end needs to ask the questions and follow the path, in one language."""
    texts = AssessmentPresenter(questionnaire, locale)
    words = CatalogWording(texts)
    q = questionnaire
    return {
        **summarise(q, locale),
        "lang": locale,
        "rule_language": RULE_LANGUAGE,
        "not_applicable_value": NOT_APPLICABLE_VALUE,
        "domains": [
            {
                "id": domain.id,
                "title": texts.text("domain", domain.id, "title", domain.title),
                "description": texts.text("domain", domain.id, "description", domain.description),
                "weight": domain.weight,
            }
            for domain in q.domains
        ],
        "levels": [
            {
                "id": level.id,
                "title": texts.text("level", level.id, "title", level.title),
                "description": texts.text("level", level.id, "description", level.description),
                "min_score": level.min_score,
            }
            for level in q.levels
        ],
        "context": [
            {"id": variable.id, "type": variable.kind, "options": list(variable.options), "default": variable.default}
            for variable in q.context
        ],
        "pages": [_page(words, page, texts) for page in q.pages],
    }
