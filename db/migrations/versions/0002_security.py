"""security: outbox leases, CNIC retention columns, hash-chained audit"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('lease_until', sa.DateTime(), nullable=True))
    with op.batch_alter_table('token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cnic_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('cnic_masked', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_token_cnic_hash'), ['cnic_hash'], unique=False)
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_audit_hash', ['hash'])


def downgrade() -> None:
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_constraint('uq_audit_hash', type_='unique')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
    with op.batch_alter_table('token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_token_cnic_hash'))
        batch_op.drop_column('cnic_masked')
        batch_op.drop_column('cnic_hash')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('lease_until')
        batch_op.drop_column('lease_owner')
