"""NADRA's records of people outside the registry (``hub_citizen``): identity apart from membership."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0007'
down_revision = 'h0006'


def upgrade() -> None:
    """Create the table of identities the ID authority knows that belong to no registered household."""
    op.create_table('hub_citizen',
                    sa.Column('cnic', sa.String(length=13), nullable=False),
                    sa.Column('name', sa.String(length=120), nullable=False),
                    sa.Column('gender', sa.String(length=1), nullable=False),
                    sa.Column('birth_year', sa.Integer(), nullable=False),
                    sa.Column('id_status', sa.String(length=10), nullable=False),
                    sa.PrimaryKeyConstraint('cnic'))


def downgrade() -> None:
    """Drop the citizens' table."""
    op.drop_table('hub_citizen')
