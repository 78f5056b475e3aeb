"""The duplicate keys' indexes on ``hub_survey`` carry the site: (key, day, site_id).

A regional key's duplicate check walks a key's index in key order, as the central key's does, and
tells from the index alone whether a group touches the region's DRCs in the range
(``services.hub.survey.central._candidates``), instead of grouping every key of the region first.
"""

from __future__ import annotations

from alembic import op

revision = 'h0012'
down_revision = 'h0011'

KINDS = ('cnic', 'phone', 'address')


def upgrade() -> None:
    """Rebuild each key index with the site after the day."""
    for kind in KINDS:
        op.drop_index(f'ix_hub_survey_{kind}_key', table_name='hub_survey')
        op.create_index(f'ix_hub_survey_{kind}_key', 'hub_survey', [f'{kind}_key', 'day', 'site_id'])


def downgrade() -> None:
    """Back to (key, day)."""
    for kind in KINDS:
        op.drop_index(f'ix_hub_survey_{kind}_key', table_name='hub_survey')
        op.create_index(f'ix_hub_survey_{kind}_key', 'hub_survey', [f'{kind}_key', 'day'])
