"""The hub's audit trail (``hub_audit``): key administration and key use, hash-chained."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0005'
down_revision = 'h0004'


def upgrade() -> None:
    """Create the append-only audit table (unique ``prev_hash``: the chain cannot fork)."""
    op.create_table('hub_audit',
                    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('actor', sa.String(length=40), nullable=False),
                    sa.Column('action', sa.String(length=40), nullable=False),
                    sa.Column('detail', sa.JSON(), nullable=False),
                    sa.Column('prev_hash', sa.String(length=64), nullable=False),
                    sa.Column('hash', sa.String(length=64), nullable=False),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('prev_hash', name='uq_hub_audit_prev_hash'),
                    sa.UniqueConstraint('hash', name='uq_hub_audit_hash'))


def downgrade() -> None:
    """Drop the audit trail."""
    op.drop_table('hub_audit')
