"""operator: the DEO whose counter a token event happened at, apart from who pressed the key"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'


def upgrade() -> None:
    with op.batch_alter_table('token_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('operator', sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('token_event', schema=None) as batch_op:
        batch_op.drop_column('operator')
