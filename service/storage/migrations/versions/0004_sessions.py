"""Browser sessions and revoked keys.

Revision ID: 0004_sessions
Revises: 0003_references
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sessions"
down_revision = "0003_references"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("key_digest", sa.String(64), nullable=False),
        sa.Column("created", sa.DateTime(timezone=False), nullable=False),
        sa.Column("expires", sa.DateTime(timezone=False), nullable=False),
    )
    op.create_index("sessions_by_key", "sessions", ["key_digest"])
    op.create_table(
        "revoked_keys",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("key_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=False), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("revoked_keys")
    op.drop_table("sessions")
