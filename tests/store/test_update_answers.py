"""Saving one page's answers: merged into the newest stored answers, never over another page's nor twice."""

from __future__ import annotations

from datetime import timedelta

import pytest

from prepcheck.store import AnswersChanged, ResponseDocument, ResponseStore, StoredResponse

FIRST_PAGE = {"adults": 2, "pets": 1}


@pytest.fixture()
def store(database_url: str) -> ResponseStore:
    return ResponseStore(database_url, b"p" * 32, timedelta(days=30))


@pytest.fixture()
def started(store: ResponseStore) -> StoredResponse:
    """A response whose first page is answered."""
    return store.create(ResponseDocument("all_features", 1, "en").with_answers(dict(FIRST_PAGE)))


def test_two_pages_saved_from_two_stale_copies_keep_both_pages_answers(store: ResponseStore, started: StoredResponse) -> None:
    first_tab, second_tab = store.load(started.response_id), store.load(started.response_id)
    saved_first = store.update_answers(started.response_id, {"water_litres": 4}, first_tab)
    saved_second = store.update_answers(started.response_id, {"radio": "none", "channels": ["paper_list"]}, second_tab)
    both = {**FIRST_PAGE, "water_litres": 4, "radio": "none", "channels": ["paper_list"]}
    assert saved_second.document.answers == both
    assert store.load(started.response_id).document.answers == both
    # Each page was saved once: the second one's lost race saved nothing before it merged again.
    assert saved_first.document.revision == started.document.revision + 1
    assert store.load(started.response_id).document.revision == started.document.revision + 2


def test_what_update_answers_returns_is_what_a_later_save_can_build_on(store: ResponseStore, started: StoredResponse) -> None:
    saved = store.update_answers(started.response_id, {"water_litres": 4}, started)
    again = store.update_answers(started.response_id, {"water_litres": 6}, saved)
    assert again.document.revision == saved.document.revision + 1
    assert store.load(started.response_id).document.answers == {**FIRST_PAGE, "water_litres": 6}


def test_a_page_changed_by_another_save_is_not_overwritten(store: ResponseStore, started: StoredResponse) -> None:
    first_tab, second_tab = store.load(started.response_id), store.load(started.response_id)
    store.update_answers(started.response_id, {"adults": 3}, first_tab)
    with pytest.raises(AnswersChanged) as changed:
        store.update_answers(started.response_id, {"adults": 5}, second_tab)
    assert changed.value.latest.document.answers["adults"] == 3
    assert store.load(started.response_id).document.answers["adults"] == 3


def test_an_answer_sent_as_none_is_cleared_and_the_others_stay(store: ResponseStore, started: StoredResponse) -> None:
    store.update_answers(started.response_id, {"pets": None}, started)
    assert store.load(started.response_id).document.answers == {"adults": 2}
