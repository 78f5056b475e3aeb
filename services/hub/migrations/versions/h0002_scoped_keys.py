"""Scoped API keys: kind (site / region / central), scope, a public key id, created and revoked times."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0002'
down_revision = 'h0001'


def upgrade() -> None:
    """Replace ``site_id`` by ``kind`` + ``scope``; existing keys keep working (``*`` becomes central)."""
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_id', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('scope', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE hub_api_key SET scope = site_id, key_id = substr(key_hash, 1, 8), "
               "kind = CASE WHEN site_id = '*' THEN 'central' ELSE 'site' END, created_at = CURRENT_TIMESTAMP")
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.drop_index('ix_hub_api_key_site_id')
        batch_op.drop_column('site_id')
        batch_op.alter_column('key_id', existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column('kind', existing_type=sa.String(length=8), nullable=False)
        batch_op.alter_column('scope', existing_type=sa.String(length=40), nullable=False)
        batch_op.alter_column('created_at', existing_type=sa.DateTime(), nullable=False)
        batch_op.create_index(batch_op.f('ix_hub_api_key_scope'), ['scope'], unique=False)
        batch_op.create_unique_constraint('uq_hub_api_key_key_id', ['key_id'])


def downgrade() -> None:
    """Back to one ``site_id`` per key (regional keys become unusable)."""
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('site_id', sa.String(length=16), nullable=True))
    op.execute("UPDATE hub_api_key SET site_id = CASE WHEN kind = 'central' THEN '*' ELSE substr(scope, 1, 16) END")
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.drop_constraint('uq_hub_api_key_key_id', type_='unique')
        batch_op.drop_index(batch_op.f('ix_hub_api_key_scope'))
        for col in ('revoked_at', 'created_at', 'scope', 'kind', 'key_id'):
            batch_op.drop_column(col)
        batch_op.alter_column('site_id', existing_type=sa.String(length=16), nullable=False)
        batch_op.create_index('ix_hub_api_key_site_id', ['site_id'], unique=False)
