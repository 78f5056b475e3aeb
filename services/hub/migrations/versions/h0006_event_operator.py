"""The operator of a token event (``hub_site_event.operator``): the DEO on the counter, apart from the actor.

Per-DEO roll-ups credit the operator; rows from sites that do not send it keep NULL and count for
the actor, as before. On PostgreSQL the column is added to the partitioned table and so to every
month's partition.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0006'
down_revision = 'h0005'


def upgrade() -> None:
    """Add the nullable operator column."""
    with op.batch_alter_table('hub_site_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('operator', sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Drop it again."""
    with op.batch_alter_table('hub_site_event', schema=None) as batch_op:
        batch_op.drop_column('operator')
