"""ResponseStore: create, load, save, delete, resume and expire responses; only hashes of ids are kept."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import sessionmaker

from prepcheck.store.codes import keyed_hash, new_response_id, resume_code_for
from prepcheck.store.document import ResponseDocument
from prepcheck.store.schema import prepare
from prepcheck.store.tables import ResponseRow, make_engine, write_probe

Clock = Callable[[], datetime]
UPDATE_ATTEMPTS = 5
"""How often update_answers merges again after losing the race to another save, before it gives up."""
SEALED_PREFIX = "aesgcm1:"
"""Marks the stored form of a document: nonce and ciphertext, base64url."""


class ResponseNotFound(LookupError):
    """No response has this id (or resume code), or it was deleted."""


class ResponseExpired(LookupError):
    """The response existed but was not touched within the retention period; its answers are gone."""


class ResponseConflict(RuntimeError):
    """The response was saved by someone else since it was loaded (save with `expected`); load it again and merge."""


class ResponseBusy(ResponseConflict):
    """Other saves kept winning the race for this response; nothing of this one was saved."""


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A loaded response: its id, its document and its resume code."""

    response_id: str
    document: ResponseDocument
    resume_code: str
    sealed: str | None = field(default=None, compare=False, repr=False)
    """The stored (encrypted) form as loaded: what a conditional save compares against."""


class AnswersChanged(ResponseConflict):
    """A page's answers were changed by another save since the page was read; `latest` is the response now."""

    def __init__(self, latest: StoredResponse) -> None:
        super().__init__(latest.response_id)
        self.latest = latest


def _merged(stored_answers: Mapping[str, Any], page_answers: Mapping[str, Any]) -> dict[str, Any]:
    """The stored answers with the page's on top; a page answer of None clears the stored one."""
    merged = {qid: value for qid, value in stored_answers.items() if page_answers.get(qid, value) is not None}
    merged.update({qid: value for qid, value in page_answers.items() if value is not None})
    return merged


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ResponseStore:
    """The narrow interface the web uses; answers are stored encrypted, ids and codes only as keyed hashes."""

    def __init__(
        self, url: str, pepper: bytes, retention: timedelta, clock: Clock = _utcnow, *, auto_migrate: bool = True
    ) -> None:
        """Open the database at `url` and bring it to the newest migration (or, without auto_migrate, refuse)."""
        self.engine = make_engine(url)
        prepare(self.engine, auto_migrate)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._pepper = pepper
        self.retention = retention
        self.clock = clock

    def readiness(self) -> str:
        """For /readyz: 'ok' when the database answers and accepts a write, else 'unreachable' or 'not writable'."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # any driver error means: not ready (the details stay out of the answer)
            return "unreachable"
        try:
            with self.engine.begin() as connection:
                write_probe(connection)
        except Exception:  # a full disk, a read-only file or server
            return "not writable"
        return "ok"

    def _key(self, response_id: str) -> str:
        return keyed_hash(self._pepper, "response", response_id)

    def _resume_key(self, code: str) -> str:
        return keyed_hash(self._pepper, "resume", code)

    def _seal_key(self, code: str) -> bytes:
        return bytes.fromhex(keyed_hash(self._pepper, "seal", code))

    def _seal_document(self, response_id: str, document: ResponseDocument) -> str:
        """The document encrypted with AES-GCM under a key only this response id and the server secret give."""
        nonce = os.urandom(12)
        key = bytes.fromhex(keyed_hash(self._pepper, "answers", response_id))
        sealed = AESGCM(key).encrypt(nonce, document.to_json().encode(), self._key(response_id).encode())
        return SEALED_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()

    def _open_document(self, response_id: str, stored: str) -> ResponseDocument:
        """Decrypt a stored document; the row key is bound in, so a document moved to another row fails."""
        if not stored.startswith(SEALED_PREFIX):
            raise ResponseNotFound(response_id)
        raw = base64.urlsafe_b64decode(stored[len(SEALED_PREFIX) :])
        key = bytes.fromhex(keyed_hash(self._pepper, "answers", response_id))
        try:
            plain = AESGCM(key).decrypt(raw[:12], raw[12:], self._key(response_id).encode())
        except InvalidTag:
            raise ResponseNotFound(response_id) from None
        return ResponseDocument.from_json(plain.decode())

    def resume_code(self, response_id: str) -> str:
        return resume_code_for(self._pepper, response_id)

    def _stale(self, row: ResponseRow) -> bool:
        return row.updated_at < self.clock() - self.retention

    def create(self, document: ResponseDocument) -> StoredResponse:
        """Store a new response under a fresh random id."""
        response_id = new_response_id()
        code = self.resume_code(response_id)
        nonce = os.urandom(12)
        sealed = nonce + AESGCM(self._seal_key(code)).encrypt(nonce, response_id.encode(), None)
        sealed_document = self._seal_document(response_id, document)
        with self._sessions.begin() as session:
            session.add(
                ResponseRow(
                    key=self._key(response_id),
                    resume_key=self._resume_key(code),
                    sealed_id=sealed,
                    document=sealed_document,
                    updated_at=self.clock(),
                )
            )
        return StoredResponse(response_id, document, code, sealed_document)

    def load(self, response_id: str) -> StoredResponse:
        """The response's current document; raises ResponseNotFound or ResponseExpired."""
        # A plain Core read: every page view does one, and the ORM session costs more than the query.
        key = self._key(response_id)
        with self.engine.connect() as connection:
            row = connection.execute(select(ResponseRow.document, ResponseRow.updated_at).where(ResponseRow.key == key)).first()
        if row is None:
            raise ResponseNotFound(response_id)
        if row.document is None or row.updated_at < self.clock() - self.retention:
            self._wipe(key)
            raise ResponseExpired(response_id)
        document = self._open_document(response_id, row.document)
        return StoredResponse(response_id, document, self.resume_code(response_id), row.document)

    def _wipe(self, key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(update(ResponseRow).where(ResponseRow.key == key).values(document=None, sealed_id=None))

    def save(self, response_id: str, document: ResponseDocument, expected: StoredResponse | None = None) -> StoredResponse:
        """Replace the response's document and mark it as touched now; the response as saved.

        With `expected` (the response as loaded) the save only happens if nobody saved since: a compare-and-swap on
        the stored ciphertext (unique per save, as each has a fresh nonce) in one UPDATE, atomic on SQLite and
        PostgreSQL alike; otherwise ResponseConflict, and the caller re-loads and merges.
        """
        key = self._key(response_id)
        conditions = [ResponseRow.key == key, ResponseRow.document.is_not(None)]
        if expected is not None and expected.sealed is not None:
            conditions.append(ResponseRow.document == expected.sealed)
        sealed = self._seal_document(response_id, document)
        with self._sessions.begin() as session:
            result = session.execute(update(ResponseRow).where(*conditions).values(document=sealed, updated_at=self.clock()))
            if result.rowcount == 1:  # type: ignore[attr-defined]
                return StoredResponse(response_id, document, self.resume_code(response_id), sealed)
            if expected is not None:
                still_there = session.execute(
                    select(ResponseRow.key).where(ResponseRow.key == key, ResponseRow.document.is_not(None))
                ).first()
                if still_there is not None:
                    raise ResponseConflict(response_id)
            raise ResponseNotFound(response_id)

    def update_answers(self, response_id: str, page_answers: Mapping[str, Any], expected: StoredResponse) -> StoredResponse:
        """Save one page's answers (None: cleared) over the others, as a new revision; the response as saved.

        The save is conditional on `expected` (the response as the page was read): if another request saved in
        between, the page's answers are merged again into the newest stored document, so two pages sent at once
        both keep theirs; a lost race saved nothing, so nothing is saved twice. If the other request changed this
        page's own answers, neither overwrites the other silently: AnswersChanged, with the newest response.
        """
        stored = expected
        for _attempt in range(UPDATE_ATTEMPTS):
            try:
                return self.save(
                    response_id, stored.document.with_answers(_merged(stored.document.answers, page_answers)), stored
                )
            except ResponseConflict:
                stored = self.load(response_id)
                if any(stored.document.answers.get(qid) != expected.document.answers.get(qid) for qid in page_answers):
                    raise AnswersChanged(stored) from None
        raise ResponseBusy(response_id)

    def delete(self, response_id: str) -> bool:
        """Remove the response at once; True when there was one."""
        with self._sessions.begin() as session:
            result = session.execute(delete(ResponseRow).where(ResponseRow.key == self._key(response_id)))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def find_by_resume_code(self, code: str) -> str:
        """The response id behind a (normalised) resume code; raises ResponseNotFound or ResponseExpired."""
        with self._sessions.begin() as session:
            row = session.scalars(select(ResponseRow).where(ResponseRow.resume_key == self._resume_key(code))).first()
            if row is None:
                raise ResponseNotFound(code)
            if row.document is None or row.sealed_id is None or self._stale(row):
                row.document, row.sealed_id = None, None
                session.commit()
                raise ResponseExpired(code)
            sealed = row.sealed_id
        return AESGCM(self._seal_key(code)).decrypt(sealed[:12], sealed[12:], None).decode()

    def expire(self) -> int:
        """Wipe the answers of responses past retention (a marker stays a while, to say 'expired'); count them."""
        now = self.clock()
        with self._sessions.begin() as session:
            wiped = session.execute(
                update(ResponseRow)
                .where(ResponseRow.updated_at < now - self.retention, ResponseRow.document.is_not(None))
                .values(document=None, sealed_id=None)
            )
            session.execute(delete(ResponseRow).where(ResponseRow.updated_at < now - 2 * self.retention))
            return int(wiped.rowcount)  # type: ignore[attr-defined]
