"""Reports and their review trail.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("newsroom", sa.String(64), nullable=False),
        sa.Column("created", sa.DateTime(timezone=False), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("title", sa.String(300)),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("verdicts", sa.Integer, nullable=False),
        sa.Column("consistent", sa.Integer, nullable=False),
        sa.Column("inconsistent", sa.Integer, nullable=False),
        sa.Column("unverifiable", sa.Integer, nullable=False),
        sa.Column("reviewed", sa.Integer, nullable=False),
        sa.Column("request", sa.LargeBinary, nullable=False),
        sa.Column("report", sa.LargeBinary, nullable=False),
    )
    op.create_index("reports_by_newsroom", "reports", ["newsroom", "created", "id"])
    op.create_table(
        "reviews",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id"), nullable=False),
        sa.Column("verdict", sa.Integer, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16)),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=False), nullable=False),
    )
    op.create_index("reviews_by_report", "reviews", ["report_id", "seq"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("reports")
