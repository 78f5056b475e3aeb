"""The hub's initial schema: sites, tehsils, households, members, shock areas, surveys, events, keys."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0001'
down_revision = None


def upgrade() -> None:
    """Create every hub table."""
    op.create_table('hub_api_key',
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('key_hash')
    )
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hub_api_key_site_id'), ['site_id'], unique=False)

    op.create_table('hub_site',
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('region', sa.String(length=40), nullable=False),
    sa.Column('district', sa.String(length=80), nullable=False),
    sa.Column('tehsil', sa.String(length=80), nullable=False),
    sa.Column('tehsil_code', sa.String(length=12), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('site_id')
    )
    with op.batch_alter_table('hub_site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hub_site_tehsil_code'), ['tehsil_code'], unique=False)

    op.create_table('hub_tehsil',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('district', sa.String(length=80), nullable=False),
    sa.Column('region', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('hub_household',
    sa.Column('household_id', sa.String(length=32), nullable=False),
    sa.Column('tehsil_code', sa.String(length=12), nullable=False),
    sa.Column('pmt_score', sa.Float(), nullable=True),
    sa.Column('last_survey_date', sa.Date(), nullable=True),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('head_name', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['tehsil_code'], ['hub_tehsil.code'], ),
    sa.PrimaryKeyConstraint('household_id')
    )
    with op.batch_alter_table('hub_household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hub_household_tehsil_code'), ['tehsil_code'], unique=False)

    op.create_table('hub_shock_area',
    sa.Column('tehsil_code', sa.String(length=12), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['tehsil_code'], ['hub_tehsil.code'], ),
    sa.PrimaryKeyConstraint('tehsil_code')
    )
    op.create_table('hub_site_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('token_number', sa.String(length=16), nullable=False),
    sa.Column('update_type', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('counter', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['hub_site.site_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    with op.batch_alter_table('hub_site_event', schema=None) as batch_op:
        batch_op.create_index('ix_hub_event_day_site', ['day', 'site_id'], unique=False)

    op.create_table('hub_survey',
    sa.Column('survey_id', sa.String(length=40), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('deo', sa.String(length=40), nullable=False),
    sa.Column('cnic', sa.String(length=13), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('household_size', sa.Integer(), nullable=False),
    sa.Column('region', sa.String(length=40), nullable=False),
    sa.Column('assets', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['hub_site.site_id'], ),
    sa.PrimaryKeyConstraint('survey_id')
    )
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.create_index('ix_hub_survey_site_day', ['site_id', 'day'], unique=False)

    op.create_table('hub_member',
    sa.Column('member_id', sa.String(length=40), nullable=False),
    sa.Column('household_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('relation', sa.String(length=12), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('age', sa.Integer(), nullable=False),
    sa.Column('cnic', sa.String(length=13), nullable=True),
    sa.Column('id_status', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['hub_household.household_id'], ),
    sa.PrimaryKeyConstraint('member_id'),
    sa.UniqueConstraint('cnic')
    )
    with op.batch_alter_table('hub_member', schema=None) as batch_op:
        batch_op.create_index('ix_hub_member_household', ['household_id'], unique=False)



def downgrade() -> None:
    """Drop every hub table."""
    with op.batch_alter_table('hub_member', schema=None) as batch_op:
        batch_op.drop_index('ix_hub_member_household')

    op.drop_table('hub_member')
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.drop_index('ix_hub_survey_site_day')

    op.drop_table('hub_survey')
    with op.batch_alter_table('hub_site_event', schema=None) as batch_op:
        batch_op.drop_index('ix_hub_event_day_site')

    op.drop_table('hub_site_event')
    op.drop_table('hub_shock_area')
    with op.batch_alter_table('hub_household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hub_household_tehsil_code'))

    op.drop_table('hub_household')
    op.drop_table('hub_tehsil')
    with op.batch_alter_table('hub_site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hub_site_tehsil_code'))

    op.drop_table('hub_site')
    with op.batch_alter_table('hub_api_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hub_api_key_site_id'))

    op.drop_table('hub_api_key')
