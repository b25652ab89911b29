"""Texts that vary by the answers: each text comes from the first holding variant that gives it; only what is shown is cited."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from prepcheck.engine import Context, assess, check_answers, load_questionnaire
from prepcheck.engine.assess import variants_on_path
from prepcheck.engine.texts import iter_texts
from prepcheck.i18n.extract import extract_questionnaire
from tests.support.paths import TEST_QUESTIONNAIRES

VARIANTS_FILE = TEST_QUESTIONNAIRES / "web_variants.yaml"
VARIANTS = load_questionnaire(VARIANTS_FILE)

NOTHING_DONE: dict[str, Any] = {"place": "mainland", "adults": 2, "meeting_place": "no", "radio_known": "no"}


def chosen(answers: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The ids of the variants that hold, per item."""
    variants = assess(VARIANTS, answers).variants
    return {
        f"{kind}/{item_id}": tuple(variant.id for variant in held.variants)
        for kind, items in (("page", variants.pages), ("question", variants.questions), ("action", variants.actions))
        for item_id, held in items.items()
    }


def giving(answers: dict[str, Any], kind: str, item_id: str, field: str) -> str | None:
    """The id of the variant whose text this field shows, or None for the item's own."""
    variants = assess(VARIANTS, answers).variants
    held = {"page": variants.page, "question": variants.question, "action": variants.action}[kind](item_id)
    variant = held.giving(field) if held is not None else None
    return variant.id if variant is not None else None


def test_a_household_no_variant_fits_sees_the_items_own_texts() -> None:
    assert chosen(NOTHING_DONE) == {}


def test_a_person_living_alone_gets_the_alone_variant_of_the_page_the_question_and_the_action() -> None:
    assert chosen({**NOTHING_DONE, "adults": 1}) == {
        "page/plan_page": ("alone",),
        "question/meeting_place": ("alone",),
        "action/agree_meeting_place": ("alone",),
    }


def test_a_text_comes_from_the_first_holding_variant_that_gives_it() -> None:
    on_curacao, on_bonaire = {**NOTHING_DONE, "place": "curacao"}, {**NOTHING_DONE, "place": "bonaire"}
    assert chosen(on_curacao)["question/radio_known"] == ("curacao", "islands")
    assert giving(on_curacao, "question", "radio_known", "hint") == "curacao"
    assert giving(on_bonaire, "question", "radio_known", "hint") == "islands"
    assert giving(on_curacao, "action", "note_radio", "text") == "curacao"


def test_a_text_the_first_holding_variant_leaves_out_comes_from_a_later_one_or_stays_the_items_own() -> None:
    on_curacao = {**NOTHING_DONE, "place": "curacao"}
    assert giving(on_curacao, "question", "radio_known", "text") == "islands"
    assert giving(on_curacao, "action", "note_radio", "why") == "islands"
    assert giving(on_curacao, "action", "note_radio", "title") is None


def test_an_action_not_in_the_plan_has_no_variant_chosen() -> None:
    assert "action/agree_meeting_place" not in chosen({**NOTHING_DONE, "adults": 1, "meeting_place": "yes"})


def test_the_first_holding_variant_with_sources_replaces_the_actions_sources_in_the_assessment() -> None:
    assert assess(VARIANTS, NOTHING_DONE).sources == ("S1", "S2")
    assert assess(VARIANTS, {**NOTHING_DONE, "place": "bonaire", "meeting_place": "yes"}).sources == ("C2",)
    assert assess(VARIANTS, {**NOTHING_DONE, "place": "curacao"}).sources == ("S2", "C1")


def test_a_variant_does_not_change_the_score_the_level_or_the_plan() -> None:
    together, alone = assess(VARIANTS, NOTHING_DONE), assess(VARIANTS, {**NOTHING_DONE, "adults": 1})
    assert (alone.score, alone.level_id, alone.action_ids()) == (together.score, together.level_id, together.action_ids())


def test_the_pages_variants_are_known_before_the_later_pages_are_answered() -> None:
    _, path, _ = check_answers(VARIANTS, {"place": "bonaire", "adults": 1})
    variants = variants_on_path(VARIANTS, path, Context())
    page, radio = variants.page("plan_page"), variants.question("radio_known")
    assert page is not None and [variant.id for variant in page.variants] == ["alone"]
    assert radio is not None and [variant.id for variant in radio.variants] == ["islands"]


def test_each_variant_text_has_its_own_message_context_made_of_the_items_and_the_variants_id() -> None:
    contexts = [text.context for text in iter_texts(VARIANTS)]
    assert "web_variants/question/meeting_place/text/alone" in contexts
    assert "web_variants/question/radio_known/hint/islands" in contexts
    assert "web_variants/page/plan_page/intro/alone" in contexts
    assert "web_variants/action/note_radio/text/curacao" in contexts


def test_the_catalog_extractor_finds_the_same_texts_in_the_same_order_and_tells_translators_when_each_is_shown() -> None:
    extracted = list(extract_questionnaire(BytesIO(VARIANTS_FILE.read_bytes()), {}, (), {}))
    in_the_file = [text.context for text in iter_texts(VARIANTS) if "/level/" not in text.context]  # levels: defaults
    assert [context for _, _, (context, _), _ in extracted] == in_the_file
    comments = {context: comment for _, _, (context, _), [comment] in extracted}
    assert comments["web_variants/action/note_radio/text/islands"] == (
        "action text, variant 'islands', shown when: place != 'mainland'"
    )
