"""Batches of checks run off the task queue, and their lines.

Revision ID: 0005_batches
Revises: 0004_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_batches"
down_revision = "0004_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("newsroom", sa.String(64), nullable=False),
        sa.Column("created", sa.DateTime(timezone=False), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("updated", sa.DateTime(timezone=False)),
    )
    op.create_index("batches_by_newsroom", "batches", ["newsroom", "created", "id"])
    op.create_table(
        "batch_lines",
        sa.Column("batch_id", sa.String(32), sa.ForeignKey("batches.id"), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("report_id", sa.String(32)),
        sa.Column("problem", sa.LargeBinary),
    )


def downgrade() -> None:
    op.drop_table("batch_lines")
    op.drop_table("batches")
