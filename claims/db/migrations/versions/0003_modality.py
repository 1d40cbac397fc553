"""claim.modality (fact, target or forecast) and claim.same_as

A figure someone aims at ("aims to reach 2% of GDP by fiscal 2027") or expects ("is
expected to") is kept apart from facts by timelines and compare. Existing claims are
facts until the next rebuild re-reads them. ``same_as`` links an amount restated in
another currency to the first reading ("8.7 trillion yen, or about $54.8 billion").

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the column types autogenerate names (AutoString)
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claim') as batch_op:
        batch_op.add_column(sa.Column('modality', sqlmodel.sql.sqltypes.AutoString(),
                                      nullable=False, server_default='fact'))
        batch_op.add_column(sa.Column('same_as', sqlmodel.sql.sqltypes.AutoString(),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claim') as batch_op:
        batch_op.drop_column('same_as')
        batch_op.drop_column('modality')
