"""Storage of responses: one versioned JSON document per response, keyed by a hash of its id."""

from prepcheck.store.codes import format_resume_code, new_response_id, normalise_resume_code
from prepcheck.store.document import ResponseDocument
from prepcheck.store.responses import (
    AnswersChanged,
    ResponseBusy,
    ResponseConflict,
    ResponseExpired,
    ResponseNotFound,
    ResponseStore,
    StoredResponse,
)

__all__ = [
    "AnswersChanged",
    "ResponseBusy",
    "ResponseConflict",
    "ResponseDocument",
    "ResponseExpired",
    "ResponseNotFound",
    "ResponseStore",
    "StoredResponse",
    "format_resume_code",
    "new_response_id",
    "normalise_resume_code",
]
