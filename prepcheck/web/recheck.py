"""Re-check, a year later: last time's answers travel with the user (a file, or a link with the code after '#').

- The result page offers the answers file (`your-answers.json`) and shows the re-check link.
- The plan PDF prints the same link with its QR code (see `recheck_link`, `prepcheck.report.qr`).
- `/<questionnaire>/recheck` takes the code back: pasted (code, link or the file's text) or as the uploaded file;
  a small script with a CSP nonce reads `location.hash` and posts it, so the code never appears in a URL the
  server sees. A valid code starts a new response pre-filled with the answers that still fit; last time's scores
  and what was left out are kept in the new response's document (`previous`), next to its answers.
- The new result then shows, per domain, what changed since last time.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, url_for
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response as BaseResponse

from prepcheck.engine import Questionnaire
from prepcheck.engine.recheck_code import Change, DecodedCode, RecheckCodeError, Snapshot, compare, decode_code
from prepcheck.store import ResponseDocument
from prepcheck.views.present import AssessmentPresenter
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import Journey, Unfinished, finished_journey, load_journey, locale, questionnaire_or_404, store
from prepcheck.web.security import TOKEN_FIELD, FormBinding, TokenExpired, TokenInvalid, check_form_token, form_token, printable
from prepcheck.web.translate import _

blueprint = Blueprint("recheck", __name__)

RECHECK_PAGE = "recheck"
CODE_FIELD = "code"
FILE_FIELD = "answers_file"
FILE_KIND = "prepcheck-answers"
FILE_FORMAT = 1
MAX_PASTE_CHARS = 20_000
MAX_FILE_BYTES = 48 * 1024


class RecheckInputError(Exception):
    """What the user sent holds no code we can read; `reason` picks the message, `field` the form field."""

    def __init__(self, reason: str, field: str = CODE_FIELD) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field


# ---------------------------------------------------------------------------------------------------------------
# The link, the code and the file


@dataclass(frozen=True, slots=True)
class RecheckOffer:
    """What the result page shows for next time."""

    link: str
    file_url: str
    file_name: str


def result_offer(journey: Journey) -> RecheckOffer:
    return RecheckOffer(journey.recheck_link(), journey.url("recheck.answers_file"), _file_name(journey.questionnaire))


def _file_name(questionnaire: Questionnaire) -> str:
    return f"prepcheck-answers-{questionnaire.id}-{dt.date.today().isoformat()}.json"


@blueprint.get("/<questionnaire_id>/<response_id>/your-answers.json")
def answers_file(questionnaire_id: str, response_id: str) -> Response:
    """The answers file: the re-check code (what is read back) plus the same answers and scores in plain JSON."""
    journey = finished_journey(questionnaire_id, response_id, Unfinished.NOT_FOUND)
    snapshot = Snapshot.of(journey.assessment)
    content = {
        "kind": FILE_KIND,
        "format": FILE_FORMAT,
        "questionnaire": {"id": journey.questionnaire.id, "version": journey.questionnaire.version},
        "language": journey.context.locale,
        "made_on": dt.date.today().isoformat(),
        "recheck_code": journey.recheck_code,
        "recheck_link": journey.recheck_link(),
        "answers": journey.assessment.answers,
        "result": {
            "score": snapshot.score,
            "level": snapshot.level,
            "domains": {domain: {"score": score, "level": level} for domain, (score, level) in snapshot.domains.items()},
        },
    }
    body = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{_file_name(journey.questionnaire)}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def code_from_text(text: str) -> str:
    """The code in what was pasted: the code itself, a link holding it after '#', or the answers file's text."""
    text = text.strip()
    if text.startswith("{"):
        return code_from_file(text.encode("utf-8"), CODE_FIELD)
    if "#" in text:
        text = text.rsplit("#", 1)[1]
    return text


def code_from_file(data: bytes, field: str = FILE_FIELD) -> str:
    """The code in an answers file; anything else is refused with a plain reason."""
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RecheckInputError("not_an_answers_file", field) from None
    if not isinstance(content, dict) or not isinstance(content.get("recheck_code"), str):
        raise RecheckInputError("not_an_answers_file", field)
    return str(content["recheck_code"])


def _uploaded(storage: FileStorage | None) -> bytes | None:
    if storage is None or not storage.filename:
        return None
    data = storage.stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise RecheckInputError("not_an_answers_file", FILE_FIELD)
    return data


# ---------------------------------------------------------------------------------------------------------------
# Coming back


def _error_message(reason: str, questionnaire_title: str) -> str:
    messages = {
        "empty": _("Paste your re-check code, or choose your answers file"),
        "not_a_code": _(
            "This is not a re-check code. Paste the code or the link from your action plan, or choose your answers file"
        ),
        "too_long": _("This is much longer than a re-check code. Paste only the code or the link"),
        "damaged": _(
            "This code is damaged: some characters are missing or changed. Copy the whole code again, or use your answers file"
        ),
        "newer_format": _("This code was made by a newer version of this check and cannot be read here"),
        "other_questionnaire": _(
            "This code belongs to another check, not to “%(title)s”. Open the check you did last time and use the code there",
            title=questionnaire_title,
        ),
        "not_an_answers_file": _(
            "This file is not a prepcheck answers file. Choose the file you downloaded from your result, or paste the code"
        ),
        "timed_out": _("This page was open for too long. Send your code again"),
    }
    return messages.get(reason, messages["damaged"])


def _title(questionnaire: Questionnaire) -> str:
    return AssessmentPresenter(questionnaire, locale()).text("questionnaire", questionnaire.id, "title", questionnaire.title)


def _render_form(questionnaire: Questionnaire, entered: str = "", error: RecheckInputError | None = None) -> tuple[str, int]:
    token = form_token(FormBinding("", f"{RECHECK_PAGE}:{questionnaire.id}", 0))
    title = _title(questionnaire)
    message = _error_message(error.reason, title) if error else None
    return (
        render_template(
            "recheck.html",
            questionnaire_id=questionnaire.id,
            questionnaire_title=title,
            entered=entered,
            error=message,
            error_field=error.field if error else None,
            token=token,
            back_url=url_for("landing.index"),
        ),
        422 if error else 200,
    )


@blueprint.get("/<questionnaire_id>/recheck")
def recheck_form(questionnaire_id: str) -> tuple[str, int]:
    """The way back: a form for the code or the file; with JavaScript the code after '#' is sent for you."""
    return _render_form(questionnaire_or_404(questionnaire_id))


@blueprint.post("/<questionnaire_id>/recheck")
def recheck(questionnaire_id: str) -> BaseResponse | tuple[str, int]:
    """Read the code, start a new response with the answers that still fit, and go into the check."""
    questionnaire = questionnaire_or_404(questionnaire_id)
    entered = printable(request.form.get(CODE_FIELD, ""))[:MAX_PASTE_CHARS]
    try:
        check_form_token(request.form.get(TOKEN_FIELD), "", f"{RECHECK_PAGE}:{questionnaire.id}")
    except TokenExpired:
        return _render_form(questionnaire, entered, RecheckInputError("timed_out"))
    except TokenInvalid:
        raise ProblemPage(400, back=url_for("recheck.recheck_form", questionnaire_id=questionnaire.id)) from None
    field = CODE_FIELD
    try:
        uploaded = _uploaded(request.files.get(FILE_FIELD))
        if uploaded is not None:
            field = FILE_FIELD
            code = code_from_file(uploaded)
        else:
            code = code_from_text(entered)
        decoded = decode_code(questionnaire, code)
    except RecheckInputError as error:
        return _render_form(questionnaire, entered, error)
    except RecheckCodeError as error:
        return _render_form(questionnaire, entered, RecheckInputError(error.reason, field))
    journey = _start_from(questionnaire, decoded)
    if decoded.notes:
        return redirect(journey.url("recheck.from_last_time"), code=303)
    return redirect(journey.next_url(), code=303)


def _start_from(questionnaire: Questionnaire, decoded: DecodedCode) -> Journey:
    """A new response holding the answers that still fit, last time's scores and the notes on what was left out."""
    previous = {
        "version": decoded.version,
        "snapshot": decoded.previous.as_json() if decoded.previous is not None else None,
        "notes": [[note.question_id, note.code] for note in decoded.notes],
    }
    document = ResponseDocument(questionnaire.id, questionnaire.version, locale(), previous=previous)
    stored = store().create(document.with_answers(dict(decoded.answers)))
    return load_journey(questionnaire.id, stored.response_id)


def _note_texts(journey: Journey, notes: list[Any]) -> list[str]:
    """The notes in plain words, with the questions' texts; removed questions are counted, not named."""
    presenter = journey.presenter
    texts: list[str] = []
    removed = 0
    for entry in notes:
        if not isinstance(entry, list) or len(entry) != 2:
            continue
        question_id, code = entry
        question = journey.questionnaire.questions_by_id.get(question_id) if isinstance(question_id, str) else None
        if code == "other_version":
            texts.insert(0, _("The check has changed since last time. Your answers that still fit were filled in."))
        elif code == "question_removed" or question is None:
            removed += 1
        elif code == "options_removed":
            text = presenter.text("question", question.id, "text", question.text, journey.variants.question(question.id))
            texts.append(
                _(
                    "“%(question)s”: some choices you made last time no longer exist. Your other choices were filled in.",
                    question=text,
                )
            )
        else:
            text = presenter.text("question", question.id, "text", question.text, journey.variants.question(question.id))
            texts.append(
                _(
                    "“%(question)s”: your answer from last time no longer fits this question, so it was left out. "
                    "Answer it again.",
                    question=text,
                )
            )
    if removed:
        texts.append(
            _("Questions from last time that are no longer asked: %(count)s. Their answers were left out.", count=removed)
        )
    return texts


@blueprint.get("/<questionnaire_id>/<response_id>/from-last-time")
def from_last_time(questionnaire_id: str, response_id: str) -> str:
    """What was filled in from last time and, in plain words, what was left out."""
    journey = load_journey(questionnaire_id, response_id)
    previous = journey.stored.document.previous
    if not previous:
        raise ProblemPage(404)
    return render_template(
        "recheck_notes.html",
        journey=journey,
        filled=len(journey.stored.document.answers),
        notes=_note_texts(journey, list(previous.get("notes") or [])),
        next_url=journey.next_url(),
    )


# ---------------------------------------------------------------------------------------------------------------
# What changed


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One row of the 'since last time' table, every cell in words."""

    title: str
    before: str
    now: str
    change: str
    direction: str
    overall: bool = False


@dataclass(frozen=True, slots=True)
class ChangesView:
    summary: str
    rows: tuple[ChangeRow, ...]


def _level_titles(journey: Journey) -> dict[str, str]:
    presenter = journey.presenter
    return {level.id: presenter.text("level", level.id, "title", level.title) for level in journey.questionnaire.levels}


def _cell(levels: dict[str, str], score: int | None, level: str | None) -> str:
    if score is None:
        return _("Not scored")
    title = levels.get(level or "", level or "")
    return _("%(level)s, %(score)s", level=title, score=score)


def _change_text(change: Change) -> str:
    delta = change.score_change or 0
    texts = {
        "better": _("Better (+%(points)s)", points=delta),
        "worse": _("Worse (−%(points)s)", points=-delta),
        "same": _("Same"),
        "new": _("New: not scored last time"),
        "gone": _("Not scored this time"),
    }
    return texts[change.direction]


def _summary(change: Change) -> str:
    if change.direction == "better":
        return _("Your overall score went up from %(before)s to %(after)s.", before=change.score_before, after=change.score_after)
    if change.direction == "worse":
        return _(
            "Your overall score went down from %(before)s to %(after)s.", before=change.score_before, after=change.score_after
        )
    return _("Your overall score stayed at %(score)s.", score=change.score_after)


def changes_since_last_time(journey: Journey) -> ChangesView | None:
    """Per domain, last time's level and score next to today's; None without last time's scores."""
    previous = journey.stored.document.previous
    snapshot = Snapshot.from_json(previous.get("snapshot")) if isinstance(previous, dict) else None
    if snapshot is None:
        return None
    comparison = compare(snapshot, journey.assessment)
    levels = _level_titles(journey)
    presenter = journey.presenter
    domains = journey.questionnaire.domains_by_id
    rows = [
        ChangeRow(
            _("Overall"),
            _cell(levels, comparison.overall.score_before, comparison.overall.level_before),
            _cell(levels, comparison.overall.score_after, comparison.overall.level_after),
            _change_text(comparison.overall),
            comparison.overall.direction,
            overall=True,
        )
    ]
    for change in comparison.domains:
        domain = domains.get(change.domain_id or "")
        title = (
            presenter.text("domain", domain.id, "title", domain.title)
            if domain is not None
            else _("An area no longer in this check")
        )
        rows.append(
            ChangeRow(
                title,
                _cell(levels, change.score_before, change.level_before),
                _cell(levels, change.score_after, change.level_after),
                _change_text(change),
                change.direction,
            )
        )
    return ChangesView(_summary(comparison.overall), tuple(rows))
