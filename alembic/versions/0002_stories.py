"""stories: a story per event; each match's story, event type, severity and significance

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 07:42:39
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("significance", sa.Float(), nullable=False),
        sa.Column("header", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_last_seen"), "stories", ["last_seen"], unique=False)
    op.create_index(op.f("ix_stories_significance"), "stories", ["significance"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with an inline REFERENCES clause in place; a batch rebuild of
        # `matches` would drop the table, and with foreign keys on that cascades to its
        # digest items and marks.
        op.execute(
            "ALTER TABLE matches ADD COLUMN story_id INTEGER "
            "REFERENCES stories (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("matches", sa.Column("story_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_matches_story_id_stories"), "matches", "stories", ["story_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
    op.add_column("matches", sa.Column("event", sa.String(length=16), nullable=True))
    op.add_column("matches", sa.Column("severity", sa.Integer(), nullable=True))
    op.add_column("matches", sa.Column("significance", sa.Float(), nullable=True))
    op.add_column("matches", sa.Column("reading", sa.JSON(), nullable=True))
    op.add_column("matches", sa.Column("grouping", sa.JSON(), nullable=True))
    op.create_index(op.f("ix_matches_story_id"), "matches", ["story_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a column that references another table without rebuilding
        # `matches`, which would cascade-delete its digest items and marks.
        raise NotImplementedError("downgrading 0002 is not supported on SQLite")
    op.drop_index(op.f("ix_matches_story_id"), table_name="matches")
    op.drop_constraint(op.f("fk_matches_story_id_stories"), "matches", type_="foreignkey")
    for column in ("grouping", "reading", "significance", "severity", "event", "story_id"):
        op.drop_column("matches", column)
    op.drop_index(op.f("ix_stories_significance"), table_name="stories")
    op.drop_index(op.f("ix_stories_last_seen"), table_name="stories")
    op.drop_table("stories")
