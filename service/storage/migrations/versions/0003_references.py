"""The reference library: every version of every reference, and each newsroom's library version.

Revision ID: 0003_references
Revises: 0002_doubtful
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_references"
down_revision = "0002_doubtful"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("newsroom", sa.String(64), nullable=False),
        sa.Column("ref_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("change", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("entry", sa.LargeBinary, nullable=False),
        sa.Column("created", sa.DateTime(timezone=False), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.UniqueConstraint("newsroom", "ref_id", "version", name="reference_entries_version"),
    )
    op.create_index("reference_entries_current", "reference_entries", ["newsroom", "current", "ref_id"])
    op.create_index("reference_entries_changes", "reference_entries", ["newsroom", "change"])
    op.create_table(
        "reference_libraries",
        sa.Column("newsroom", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reference_libraries")
    op.drop_table("reference_entries")
