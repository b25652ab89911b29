"""Re-check codes: last time's answers (and scores) in a short, versioned, checksummed, URL-safe text.

Layout of format 1, before base64url (no padding):

    byte 0        format version (1)
    bytes 1..n-4  raw DEFLATE of compact JSON [questionnaire id, questionnaire version, answers, snapshot | null]
    last 4 bytes  CRC-32 of everything before it, big-endian

Answers are keyed by question id, not by position, so a code made for an older questionnaire version still
finds the questions that remain; ids also let the notes name what was dropped.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prepcheck.engine import Assessment, Context, InvalidAnswers, Questionnaire, compute_path
from prepcheck.engine.answers import convert_answer, convert_answers, to_document
from prepcheck.engine.assess import context_values
from prepcheck.engine.model import QuestionType
from prepcheck.engine.utf8 import is_utf8_text

FORMAT_VERSION = 1
MAX_CODE_LENGTH = 8000
MAX_PAYLOAD_BYTES = 64 * 1024
_CHECKSUM_BYTES = 4


class RecheckCodeError(ValueError):
    """A re-check code that cannot be read; `reason` is a stable code, the message is plain language."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a result showed: the overall and per-domain scores and levels (applying domains only)."""

    score: int
    level: str
    domains: Mapping[str, tuple[int, str]]

    @classmethod
    def of(cls, assessment: Assessment) -> Snapshot:
        domains = {d.domain_id: (d.score, d.level_id) for d in assessment.domains if d.applies}
        return cls(assessment.score, assessment.level_id, domains)

    def as_json(self) -> list[Any]:
        return [self.score, self.level, {key: list(value) for key, value in self.domains.items()}]

    @staticmethod
    def from_json(raw: Any) -> Snapshot | None:
        """The inverse of as_json(); None when `raw` is not in that shape."""
        return _snapshot(raw)


@dataclass(frozen=True, slots=True)
class Note:
    """Something decoding changed: an answer dropped or trimmed, or a version difference."""

    question_id: str | None
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class DecodedCode:
    """Everything a code holds, after fitting its answers to the current questionnaire."""

    questionnaire_id: str
    version: int
    answers: dict[str, Any]
    notes: tuple[Note, ...]
    previous: Snapshot | None = None


def encode(
    questionnaire: Questionnaire, answers: Mapping[str, Any], assessment: Assessment | None = None, context: Context | None = None
) -> str:
    """A re-check code for the shown questions' answers (raises InvalidAnswers if any does not fit; gaps are fine)."""
    values, problems = convert_answers(questionnaire, answers)
    if problems:
        raise InvalidAnswers(problems)
    # Answers on an abandoned branch are ignored everywhere, so they are not carried into next year either.
    shown = compute_path(questionnaire, values, context_values(questionnaire, context or Context())).answers
    return _pack(questionnaire.id, questionnaire.version, to_document(shown), assessment)


def assessment_code(assessment: Assessment) -> str:
    """The re-check code of a scored check: its answers on the path and its scores, as the assessment holds them."""
    return _pack(assessment.questionnaire_id, assessment.questionnaire_version, assessment.answers, assessment)


def _pack(questionnaire_id: str, version: int, shown: Mapping[str, Any], assessment: Assessment | None) -> str:
    """Format 1 (see the module docstring) of answers already fitted to the path, in document form."""
    snapshot = Snapshot.of(assessment).as_json() if assessment is not None else None
    document = [questionnaire_id, version, dict(shown), snapshot]
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytes([FORMAT_VERSION]) + compressor.compress(text) + compressor.flush()
    packed = body + zlib.crc32(body).to_bytes(_CHECKSUM_BYTES, "big")
    return base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def recheck_link(site_root: str, language: str, questionnaire_id: str, code: str) -> str:
    """`<site>/<lang>/<questionnaire>/recheck#<code>`: browsers never send the part after '#', so no log sees it."""
    return f"{site_root.rstrip('/')}/{language}/{questionnaire_id}/recheck#{code}"


def decode(questionnaire: Questionnaire, code: str) -> tuple[dict[str, Any], list[Note]]:
    """The answers that still fit the questionnaire, and notes on what was dropped; raises RecheckCodeError."""
    decoded = decode_code(questionnaire, code)
    return decoded.answers, list(decoded.notes)


def decode_code(questionnaire: Questionnaire, code: str) -> DecodedCode:
    """Like decode(), with the code's questionnaire version and the scores it was made with."""
    questionnaire_id, version, raw_answers, raw_snapshot = _unpack(code)
    if questionnaire_id != questionnaire.id:
        raise RecheckCodeError("other_questionnaire", f"This code was made for the '{questionnaire_id}' check, not for this one.")
    notes: list[Note] = []
    if version != questionnaire.version:
        notes.append(
            Note(
                None,
                "other_version",
                f"This code was made for version {version} of the check; this is version {questionnaire.version}.",
            )
        )
    answers = _fit_answers(questionnaire, raw_answers, notes)
    return DecodedCode(questionnaire_id, version, answers, tuple(notes), _snapshot(raw_snapshot))


def _damaged() -> RecheckCodeError:
    return RecheckCodeError(
        "damaged",
        "This code is damaged: some characters are missing or changed. Copy the whole code again, or use the answers file.",
    )


def _unpack(code: str) -> tuple[str, int, Mapping[str, Any], Any]:
    if not isinstance(code, str) or not code.strip():
        raise RecheckCodeError("empty", "There is no code. Paste the whole re-check code.")
    text = "".join(code.split()).rstrip("=")
    if len(text) > MAX_CODE_LENGTH:
        raise RecheckCodeError("too_long", "This is much longer than a re-check code. Paste only the code.")
    if not text.isascii() or not all(c.isalnum() or c in "-_" for c in text):
        raise RecheckCodeError("not_a_code", "This is not a re-check code: it has characters that a code never has.")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise _damaged() from error
    if len(packed) < 1 + _CHECKSUM_BYTES + 2:
        raise _damaged()
    body, checksum = packed[:-_CHECKSUM_BYTES], packed[-_CHECKSUM_BYTES:]
    if zlib.crc32(body).to_bytes(_CHECKSUM_BYTES, "big") != checksum:
        raise _damaged()
    if body[0] != FORMAT_VERSION:
        raise RecheckCodeError("newer_format", "This code was made by a newer version of prepcheck and cannot be read here.")
    try:
        decompressor = zlib.decompressobj(-15)
        text_bytes = decompressor.decompress(body[1:], MAX_PAYLOAD_BYTES)
        if decompressor.unconsumed_tail:
            raise _damaged()
        document = json.loads(text_bytes.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _damaged() from error
    if not is_utf8_text(document):  # prepcheck never makes such a code: it could not have encoded the text
        raise _damaged()
    valid = (
        isinstance(document, list)
        and len(document) == 4
        and isinstance(document[0], str)
        and type(document[1]) is int
        and isinstance(document[2], dict)
    )
    if not valid:
        raise _damaged()
    return document[0], document[1], document[2], document[3]


def _fit_answers(questionnaire: Questionnaire, raw_answers: Mapping[str, Any], notes: list[Note]) -> dict[str, Any]:
    """Keep each answer whose question still exists and whose value is still valid; note every other one."""
    kept: dict[str, Any] = {}
    for question_id, raw in raw_answers.items():
        question = questionnaire.questions_by_id.get(question_id)
        if question is None:
            notes.append(
                Note(
                    question_id, "question_removed", f"The question '{question_id}' is no longer asked; its answer was left out."
                )
            )
            continue
        if question.type is QuestionType.MULTIPLE_CHOICE and isinstance(raw, list):
            known = [value for value in raw if isinstance(value, str) and value in question.option_values]
            if known and len(known) < len(raw):
                notes.append(
                    Note(
                        question_id, "options_removed", f"Some options of '{question_id}' no longer exist; the others were kept."
                    )
                )
                raw = known
        value, problem = convert_answer(question, raw)
        if problem is not None:
            notes.append(
                Note(
                    question_id,
                    "answer_no_longer_valid",
                    f"The answer to '{question_id}' no longer fits the question; it was left out.",
                )
            )
            continue
        kept[question_id] = to_document({question_id: value})[question_id]
    return kept


def _snapshot(raw: Any) -> Snapshot | None:
    """The stored scores, or None when absent or not in the expected shape (they are only shown, never trusted)."""
    try:
        score, level, domains = raw
        parsed = {str(key): (int(value[0]), str(value[1])) for key, value in domains.items()}
        if type(score) is not int or not isinstance(level, str):
            return None
        return Snapshot(score, level, parsed)
    except (TypeError, ValueError, AttributeError, IndexError, KeyError):
        return None


@dataclass(frozen=True, slots=True)
class Change:
    """One domain (or the whole check, with id None) before and after."""

    domain_id: str | None
    score_before: int | None
    score_after: int | None
    level_before: str | None
    level_after: str | None
    score_change: int | None = field(init=False)
    direction: str = field(init=False)
    """'better', 'worse', 'same', 'new' (not scored before) or 'gone' (not scored now)."""

    def __post_init__(self) -> None:
        before, after = self.score_before, self.score_after
        delta = after - before if before is not None and after is not None else None
        object.__setattr__(self, "score_change", delta)
        if before is None:
            direction = "new"
        elif after is None:
            direction = "gone"
        else:
            direction = "better" if delta and delta > 0 else "worse" if delta and delta < 0 else "same"
        object.__setattr__(self, "direction", direction)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed since last time: the overall result and each domain, in the current questionnaire's order."""

    overall: Change
    domains: tuple[Change, ...]


def compare(previous: Assessment | Snapshot, current: Assessment | Snapshot) -> Comparison:
    """Per-domain score and level before and after; domains scored only once show as new or gone."""
    before = previous if isinstance(previous, Snapshot) else Snapshot.of(previous)
    after = current if isinstance(current, Snapshot) else Snapshot.of(current)
    order = list(after.domains) + [domain for domain in before.domains if domain not in after.domains]
    changes = tuple(
        Change(
            domain,
            before.domains.get(domain, (None, None))[0],
            after.domains.get(domain, (None, None))[0],
            before.domains.get(domain, (None, None))[1],
            after.domains.get(domain, (None, None))[1],
        )
        for domain in order
    )
    return Comparison(Change(None, before.score, after.score, before.level, after.level), changes)
