"""claim.alias: the id an earlier version gave an extracted claim

Extracted claims now get readable ids (``cronin-1996-us-forces-in-japan-45000``) where
they had ``x-`` + 12 hex digits. The old id is kept in ``alias`` (indexed), so it still
finds the claim, and the claim's cards keep the ids they were made from: review history
and card states are untouched. Existing claims get their new ids, and their aliases, at
the next rebuild of their source (the bundled corpus is rebuilt on the first command
after an upgrade).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 20:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the column types autogenerate names (AutoString)
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claim') as batch_op:
        batch_op.add_column(sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(),
                                      nullable=True))
        batch_op.create_index(batch_op.f('ix_claim_alias'), ['alias'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claim') as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_alias'))
        batch_op.drop_column('alias')
