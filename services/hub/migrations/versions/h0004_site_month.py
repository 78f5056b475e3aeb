"""Monthly roll-up per site (``hub_site_month``): year-long regional queries read 12 rows a site."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0004'
down_revision = 'h0003'

SUMMED = ('issued', 'called', 'served', 'no_show', 'wait_sum_s', 'wait_n', 'service_sum_s', 'service_n',
          *(f'w{i}' for i in range(12)), 'events', 'tokens', 'flagged_tokens', 'duplicates')


def upgrade() -> None:
    """Create the monthly roll-up and fill it from the daily one."""
    big = ('wait_sum_s', 'service_sum_s')
    op.create_table('hub_site_month',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('month', sa.Date(), nullable=False),
                    *[sa.Column(c, sa.BigInteger() if c in big else sa.Integer(), nullable=False) for c in SUMMED],
                    sa.Column('days_reporting', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'month'))
    op.create_index('ix_hub_site_month_month', 'hub_site_month', ['month', 'site_id'])
    from services.hub.ops.months import refresh_all_months

    refresh_all_months(op.get_bind())


def downgrade() -> None:
    """Drop the monthly roll-up (the daily one still holds everything)."""
    op.drop_index('ix_hub_site_month_month', table_name='hub_site_month')
    op.drop_table('hub_site_month')
