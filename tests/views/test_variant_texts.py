"""The result view shows each text in the words that fit the answers, translated under the variant's own context."""

from __future__ import annotations

import gettext
from typing import Any

from prepcheck.engine import assess, load_questionnaire
from prepcheck.i18n.catalog import Translator
from prepcheck.views.present import AssessmentPresenter
from tests.support.paths import TEST_QUESTIONNAIRES

VARIANTS = load_questionnaire(TEST_QUESTIONNAIRES / "web_variants.yaml")
NOTHING_DONE: dict[str, Any] = {"place": "mainland", "adults": 2, "meeting_place": "no", "radio_known": "no"}


class ContextShown(gettext.NullTranslations):
    """A catalog that 'translates' every text into its message context, to see which entry was asked for."""

    def pgettext(self, context: str, message: str) -> str:
        return context


def present(answers: dict[str, Any], presenter: AssessmentPresenter | None = None) -> Any:
    return (presenter or AssessmentPresenter(VARIANTS, "en")).present(assess(VARIANTS, answers))


def test_a_person_living_alone_reads_the_alone_variant_of_the_action_and_of_the_question_that_cost_points() -> None:
    view = present({**NOTHING_DONE, "adults": 1})
    meeting = next(action for action in view.actions if action.id == "agree_meeting_place")
    assert meeting.text == "Agree with family or friends where you will meet."
    assert (meeting.title, meeting.why) == ("Agree where to meet", VARIANTS.actions_by_id["agree_meeting_place"].why)
    (plan,) = view.domains
    assert plan.lost[0].question_text.startswith("Have you agreed with family or friends where to meet")


def test_a_family_reads_the_default_texts() -> None:
    view = present(NOTHING_DONE)
    assert [action.text for action in view.actions] == [
        "Sit down together and choose a place to meet.",
        "Look up your regional station on denkvooruit.nl/radio.",
    ]


def test_the_view_lists_the_sources_of_the_variant_shown_and_no_other() -> None:
    view = present({**NOTHING_DONE, "place": "bonaire", "meeting_place": "yes"})
    (radio,) = view.actions
    assert (radio.text, radio.sources) == ("Ask your island government which station to tune to.", ("C2",))
    assert [source.id for source in view.sources] == ["C2"]
    assert "97.9" not in str(view)


def test_a_variant_text_is_looked_up_under_its_own_message_context_and_an_unvaried_one_under_the_items() -> None:
    presenter = AssessmentPresenter(VARIANTS, "en")
    presenter.translator = Translator("xx", ContextShown())
    view = present({**NOTHING_DONE, "place": "curacao", "adults": 1}, presenter)
    texts = {(action.id, field): getattr(action, field) for action in view.actions for field in ("title", "text", "why")}
    assert texts[("note_radio", "text")] == "web_variants/action/note_radio/text/curacao"
    assert texts[("note_radio", "why")] == "web_variants/action/note_radio/why/islands"
    assert texts[("note_radio", "title")] == "web_variants/action/note_radio/title"
    assert texts[("agree_meeting_place", "text")] == "web_variants/action/agree_meeting_place/text/alone"
