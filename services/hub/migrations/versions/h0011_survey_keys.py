"""Duplicate keys on ``hub_survey``: hashed CNIC, phone and address, each indexed with the day.

The centre's duplicate check groups by these columns in SQL (``services.hub.survey.central``).
Surveys already held are keyed here, in batches, with the hub's key function at the time of this
revision (``services.hub.survey.central_keys``; a change of it needs a new revision that re-keys).
h0010 is left to the operations work landing beside this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from services.hub.survey.central_keys import survey_keys

revision = 'h0011'
down_revision = 'h0009'

BATCH = 5000


def upgrade() -> None:
    """Add the key columns, key the surveys held, then index them."""
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cnic_key', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('phone_key', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('address_key', sa.String(length=32), nullable=True))
    conn = op.get_bind()
    survey = sa.table('hub_survey', sa.column('survey_id', sa.String), sa.column('cnic', sa.String),
                      sa.column('phone', sa.String), sa.column('address', sa.Text),
                      sa.column('cnic_key', sa.String), sa.column('phone_key', sa.String),
                      sa.column('address_key', sa.String))
    update = (survey.update().where(survey.c.survey_id == sa.bindparam('sid'))
              .values(cnic_key=sa.bindparam('ck'), phone_key=sa.bindparam('pk'), address_key=sa.bindparam('ak')))
    last = ''
    while True:
        rows = conn.execute(sa.select(survey.c.survey_id, survey.c.cnic, survey.c.phone, survey.c.address)
                            .where(survey.c.survey_id > last).order_by(survey.c.survey_id).limit(BATCH)).all()
        if not rows:
            break
        params = []
        for sid, cnic, phone, address in rows:
            keys = survey_keys(cnic, phone, address)
            params.append({'sid': sid, 'ck': keys['cnic_key'], 'pk': keys['phone_key'], 'ak': keys['address_key']})
        conn.execute(update, params)
        last = rows[-1][0]
    op.create_index('ix_hub_survey_cnic_key', 'hub_survey', ['cnic_key', 'day'])
    op.create_index('ix_hub_survey_phone_key', 'hub_survey', ['phone_key', 'day'])
    op.create_index('ix_hub_survey_address_key', 'hub_survey', ['address_key', 'day'])


def downgrade() -> None:
    """Drop the keys and their indexes."""
    op.drop_index('ix_hub_survey_address_key', table_name='hub_survey')
    op.drop_index('ix_hub_survey_phone_key', table_name='hub_survey')
    op.drop_index('ix_hub_survey_cnic_key', table_name='hub_survey')
    with op.batch_alter_table('hub_survey', schema=None) as batch_op:
        batch_op.drop_column('address_key')
        batch_op.drop_column('phone_key')
        batch_op.drop_column('cnic_key')
