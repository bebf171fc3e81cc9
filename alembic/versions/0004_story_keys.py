"""story keys: the evidence each story offers a new report (the grouping's candidate index)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 11:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty at first: stories without keys are loaded (and keyed) by the next grouping.
    op.create_table(
        "story_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_keys_story_id_stories"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("key", "story_id", name=op.f("pk_story_keys")),
    )
    op.create_index(op.f("ix_story_keys_story_id"), "story_keys", ["story_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_story_keys_story_id"), table_name="story_keys")
    op.drop_table("story_keys")
