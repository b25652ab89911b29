"""The tables as they were before migrations: responses and the anonymous check statistics.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "responses",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("resume_key", sa.String(length=64), nullable=False),
        sa.Column("sealed_id", sa.LargeBinary(length=128), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_responses_resume_key", "responses", ["resume_key"], unique=True)
    op.create_index("ix_responses_updated_at", "responses", ["updated_at"], unique=False)
    op.create_table(
        "check_statistics",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("questionnaire", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("figure", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=128), nullable=False),
        sa.Column("level", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "questionnaire", "month", "figure", "item", "level"),
    )


def downgrade() -> None:
    op.drop_table("check_statistics")
    op.drop_index("ix_responses_updated_at", table_name="responses")
    op.drop_index("ix_responses_resume_key", table_name="responses")
    op.drop_table("responses")
