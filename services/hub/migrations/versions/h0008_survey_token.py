"""Surveys linked to tokens: token columns on ``hub_survey`` (one survey per token) and the sites' slip keys."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0008'
down_revision = 'h0007'


def upgrade() -> None:
    """Add the token link and paradata columns, the one-survey-per-token index, and the slip keys."""
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('token_number', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('b_form', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('via_qr', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('received_at', sa.DateTime(), nullable=True))
        batch_op.create_index('uq_hub_survey_token', ['site_id', 'token_id'], unique=True)
    op.create_table('hub_site_slip_key',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('secret', sa.String(length=200), nullable=False),
                    sa.Column('updated_at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('site_id'))


def downgrade() -> None:
    """Drop them again."""
    op.drop_table('hub_site_slip_key')
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.drop_index('uq_hub_survey_token')
        for column in ('received_at', 'via_qr', 'b_form', 'token_number', 'token_id'):
            batch_op.drop_column(column)
