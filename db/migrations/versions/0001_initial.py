"""initial site store"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None


def upgrade() -> None:
    op.create_table('audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_pending', ['sent_at', 'next_attempt_at'], unique=False)

    op.create_table('site',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_ur', sa.String(length=120), nullable=False),
    sa.Column('region', sa.String(length=60), nullable=False),
    sa.Column('district', sa.String(length=80), nullable=False),
    sa.Column('tehsil', sa.String(length=80), nullable=False),
    sa.Column('tz', sa.String(length=40), nullable=False),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('business_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=24), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('opened_by', sa.String(length=40), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=40), nullable=True),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_id', 'day')
    )
    op.create_table('counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=24), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('served_types', sa.JSON(), nullable=False),
    sa.Column('state', sa.Enum('open', 'paused', 'closed', name='counter_state', native_enum=False, length=24), nullable=False),
    sa.Column('priority_streak', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_id', 'number')
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=24), nullable=True),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('admin', 'supervisor', 'triage', 'deo', 'regional_manager', name='staff_role', native_enum=False, length=24), nullable=False),
    sa.Column('secret_hash', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('token_sequence',
    sa.Column('site_id', sa.String(length=24), nullable=False),
    sa.Column('business_day', sa.Date(), nullable=False),
    sa.Column('update_type', sa.String(length=24), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'business_day', 'update_type')
    )
    op.create_table('counter_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('business_day', sa.Date(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], ),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('counter_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_day', ['business_day', 'counter_id'], unique=False)

    op.create_table('token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=24), nullable=False),
    sa.Column('business_day', sa.Date(), nullable=False),
    sa.Column('issued_type', sa.Enum('missed_out', 'roster', 'shock', 'appeal', 'cyclic', 'recertification', name='issued_type', native_enum=False, length=24), nullable=False),
    sa.Column('update_type', sa.Enum('missed_out', 'roster', 'shock', 'appeal', 'cyclic', 'recertification', name='update_type', native_enum=False, length=24), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('priority_reason', sa.String(length=40), nullable=True),
    sa.Column('state', sa.Enum('waiting', 'called', 'in_service', 'completed', 'no_show', 'cancelled', name='token_state', native_enum=False, length=24), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('called_at', sa.DateTime(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('counter_id', sa.Integer(), nullable=True),
    sa.Column('served_by', sa.String(length=40), nullable=True),
    sa.Column('recall_count', sa.Integer(), nullable=False),
    sa.Column('cnic', sa.String(length=13), nullable=True),
    sa.Column('household_ref', sa.String(length=40), nullable=True),
    sa.Column('verification', sa.Enum('not_asked', 'unverified', 'verified', 'not_found', 'mismatch', 'blocked', name='verification', native_enum=False, length=24), nullable=False),
    sa.Column('slip_status', sa.Enum('pending', 'printed', 'failed', 'none', name='slip_status', native_enum=False, length=24), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], ),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_id', 'business_day', 'issued_type', 'seq', name='uq_token_number')
    )
    with op.batch_alter_table('token', schema=None) as batch_op:
        batch_op.create_index('ix_token_cnic_day', ['cnic', 'business_day'], unique=False)
        batch_op.create_index('ix_token_queue', ['site_id', 'state', 'update_type', 'priority', 'queued_at'], unique=False)

    op.create_table('token_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=24), nullable=False),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], ),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.ForeignKeyConstraint(['token_id'], ['token.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    with op.batch_alter_table('token_event', schema=None) as batch_op:
        batch_op.create_index('ix_event_site_at', ['site_id', 'at'], unique=False)
        batch_op.create_index('ix_event_token', ['token_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('token_event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_token')
        batch_op.drop_index('ix_event_site_at')

    op.drop_table('token_event')
    with op.batch_alter_table('token', schema=None) as batch_op:
        batch_op.drop_index('ix_token_queue')
        batch_op.drop_index('ix_token_cnic_day')

    op.drop_table('token')
    with op.batch_alter_table('counter_assignment', schema=None) as batch_op:
        batch_op.drop_index('ix_assignment_day')

    op.drop_table('counter_assignment')
    op.drop_table('token_sequence')
    op.drop_table('staff')
    op.drop_table('counter')
    op.drop_table('business_day')
    op.drop_table('site')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_pending')

    op.drop_table('outbox')
    op.drop_table('audit')
