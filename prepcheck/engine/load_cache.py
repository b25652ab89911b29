"""Remembers which questionnaire files passed the reachability search, on disk, by a hash of file and engine."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

_ENGINE_FOLDER = Path(__file__).resolve().parent


@cache
def engine_fingerprint() -> bytes:
    """A hash of the engine's own code: a changed engine must search again, whatever it found before."""
    digest = hashlib.sha256()
    for source in sorted(_ENGINE_FOLDER.rglob("*.py")):
        digest.update(source.relative_to(_ENGINE_FOLDER).as_posix().encode() + b"\x00" + source.read_bytes())
    return digest.digest()


class ReachabilityMarks:
    """A folder of empty marker files, one per (questionnaire content, engine code) whose reachability search passed.

    The search tries thousands of answer combinations and is most of a load's time; its verdict depends only on the
    file's content and the engine, so processes that start from the same files can share it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _marker(self, content: bytes) -> Path:
        return self.folder / hashlib.sha256(engine_fingerprint() + content).hexdigest()

    def passed(self, content: bytes) -> bool:
        return self._marker(content).is_file()

    def remember(self, content: bytes) -> None:
        """Leave a marker; a folder that cannot be written (a read-only deployment) only costs the next start time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            marker = self._marker(content)
            temporary = marker.with_suffix(f".{os.getpid()}.tmp")
            temporary.touch()
            temporary.replace(marker)
        except OSError:
            pass
