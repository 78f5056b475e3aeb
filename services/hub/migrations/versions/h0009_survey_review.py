"""Supervisors' reviews of surveys (``hub_survey_review``): a flag acknowledged, or a survey returned with a note."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0009'
down_revision = 'h0008'


def upgrade() -> None:
    """Create the append-only review table."""
    op.create_table('hub_survey_review',
                    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('survey_id', sa.String(length=40), nullable=False),
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('action', sa.String(length=12), nullable=False),
                    sa.Column('flag', sa.String(length=40), nullable=True),
                    sa.Column('note', sa.Text(), nullable=False),
                    sa.Column('by', sa.String(length=40), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_hub_survey_review_survey', 'hub_survey_review', ['survey_id'])
    op.create_index('ix_hub_survey_review_site_at', 'hub_survey_review', ['site_id', 'at'])


def downgrade() -> None:
    """Drop it."""
    op.drop_table('hub_survey_review')
