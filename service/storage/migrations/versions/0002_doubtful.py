"""The doubtful status: a count of doubtful verdicts per report (0 for reports stored before it existed).

Revision ID: 0002_doubtful
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_doubtful"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("doubtful", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("doubtful")
