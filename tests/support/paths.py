"""Paths the web tests share."""

from pathlib import Path

TEST_QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "questionnaires" / "test"
