"""Operations centre storage: events keyed by (site, day, uuid) and month-partitioned on PostgreSQL;
roll-ups per site x day x hour x type, per site x day x DEO and per site x day (with data health);
flagged tokens; when each site was last seen; site metadata (counters, DEOs).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = 'h0003'
down_revision = 'h0002'

BUCKETS = 12
COPY = ("site_id, day, uuid, token_id, token_number, update_type, priority, kind, at, actor, counter, payload")


def _figures() -> list[sa.Column]:
    cols = [sa.Column(n, sa.Integer(), nullable=False) for n in ('issued', 'called', 'served', 'no_show')]
    return cols + [sa.Column('wait_sum_s', sa.BigInteger(), nullable=False),
                   sa.Column('wait_n', sa.Integer(), nullable=False),
                   sa.Column('service_sum_s', sa.BigInteger(), nullable=False),
                   sa.Column('service_n', sa.Integer(), nullable=False)]


def _events_table(name: str, partitioned: bool) -> None:
    kw: dict[str, Any] = {"postgresql_partition_by": "RANGE (day)"} if partitioned else {}
    op.create_table(name,
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('uuid', sa.String(length=36), nullable=False),
                    sa.Column('token_id', sa.Integer(), nullable=False),
                    sa.Column('token_number', sa.String(length=16), nullable=False),
                    sa.Column('update_type', sa.String(length=20), nullable=False),
                    sa.Column('priority', sa.Boolean(), nullable=False),
                    sa.Column('kind', sa.String(length=24), nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('actor', sa.String(length=40), nullable=False),
                    sa.Column('counter', sa.Integer(), nullable=True),
                    sa.Column('payload', sa.JSON(), nullable=False),
                    sa.ForeignKeyConstraint(['site_id'], ['hub_site.site_id'], name=f'fk_{name}_site'),
                    sa.PrimaryKeyConstraint('site_id', 'day', 'uuid', name=f'pk_{name}'),
                    **kw)


def upgrade() -> None:
    """Rebuild the events table under its new key (partitioned on PostgreSQL) and add the roll-ups."""
    bind = op.get_bind()
    pg = bind.dialect.name == 'postgresql'
    op.rename_table('hub_site_event', 'hub_site_event_h0002')
    if pg:  # the old table's index and constraint names would clash with the new table's
        op.execute('ALTER INDEX IF EXISTS ix_hub_event_day_site RENAME TO ix_hub_event_day_site_h0002')
    else:
        op.execute('DROP INDEX IF EXISTS ix_hub_event_day_site')
    _events_table('hub_site_event', pg)
    op.create_index('ix_hub_event_site_token', 'hub_site_event', ['site_id', 'token_id'])
    if pg:
        from services.hub.ops.partitions import add_months, create_month, month_start

        low, high = bind.execute(sa.text('SELECT min(day), max(day) FROM hub_site_event_h0002')).one()
        if low is not None:
            month = month_start(low)
            while month <= high:
                create_month(bind, month)
                month = add_months(month, 1)
    op.execute(f'INSERT INTO hub_site_event ({COPY}) SELECT {COPY} FROM hub_site_event_h0002 '
               'WHERE id IN (SELECT min(id) FROM hub_site_event_h0002 GROUP BY site_id, day, uuid)')
    op.drop_table('hub_site_event_h0002')

    op.create_table('hub_rollup_hour',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('hour', sa.SmallInteger(), nullable=False),
                    sa.Column('update_type', sa.String(length=20), nullable=False),
                    *_figures(),
                    sa.Column('wait_hist', sa.JSON(), nullable=False),
                    sa.Column('service_hist', sa.JSON(), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'day', 'hour', 'update_type'))
    op.create_table('hub_rollup_deo',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('deo_id', sa.String(length=20), nullable=False),
                    sa.Column('called', sa.Integer(), nullable=False),
                    sa.Column('served', sa.Integer(), nullable=False),
                    sa.Column('no_show', sa.Integer(), nullable=False),
                    sa.Column('service_sum_s', sa.BigInteger(), nullable=False),
                    sa.Column('service_n', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'day', 'deo_id'))
    op.create_table('hub_site_day',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    *[sa.Column(f'w{i}', sa.Integer(), nullable=False) for i in range(BUCKETS)],
                    sa.Column('events', sa.Integer(), nullable=False),
                    sa.Column('tokens', sa.Integer(), nullable=False),
                    sa.Column('flagged_tokens', sa.Integer(), nullable=False),
                    sa.Column('duplicates', sa.Integer(), nullable=False),
                    sa.Column('last_event_at', sa.DateTime(), nullable=True),
                    *_figures(),
                    sa.PrimaryKeyConstraint('site_id', 'day'))
    op.create_index('ix_hub_site_day_day', 'hub_site_day', ['day', 'site_id'])
    op.create_table('hub_flagged_token',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('token_id', sa.Integer(), nullable=False),
                    sa.Column('reason', sa.String(length=200), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'day', 'token_id'))
    op.create_table('hub_site_seen',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('last_seen', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('site_id'))
    op.create_table('hub_site_counter',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('counter', sa.Integer(), nullable=False),
                    sa.Column('label', sa.String(length=40), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'counter'))
    op.create_table('hub_site_deo',
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.Column('deo_id', sa.String(length=20), nullable=False),
                    sa.Column('display_name', sa.String(length=80), nullable=False),
                    sa.PrimaryKeyConstraint('site_id', 'deo_id'))
    # Existing events get their roll-ups from `drc-hub rollup rebuild` (not run here: it can be long).


def downgrade() -> None:
    """Back to one plain events table keyed by uuid (roll-ups are dropped; they can be rebuilt)."""
    for table in ('hub_site_deo', 'hub_site_counter', 'hub_site_seen', 'hub_flagged_token', 'hub_site_day',
                  'hub_rollup_deo', 'hub_rollup_hour'):
        op.drop_table(table)
    op.rename_table('hub_site_event', 'hub_site_event_h0003')
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
                    sa.ForeignKeyConstraint(['site_id'], ['hub_site.site_id']),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('uuid'))
    # "WHERE true": without it SQLite reads ON CONFLICT as a join's ON clause and refuses the upsert.
    op.execute(f'INSERT INTO hub_site_event ({COPY}) SELECT {COPY} FROM hub_site_event_h0003 '
               'WHERE true ON CONFLICT DO NOTHING')
    op.drop_table('hub_site_event_h0003')
    op.create_index('ix_hub_event_day_site', 'hub_site_event', ['day', 'site_id'])
