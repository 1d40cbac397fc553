"""accounts: learner password hash, teacher flag, removed state; access tokens

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 19:50:00

Additive only: every learner keeps their history, has no password (so cannot sign in to
``claims serve`` until one is set with ``claims learner add``) and is not a teacher.

* ``learner`` gains ``password_hash`` (argon2, claims.accounts), ``teacher`` (false) and
  ``removed_at`` (a removed learner is anonymised, their reviews kept);
* ``access_token``: API tokens and browser sessions, stored as SHA-256 digests only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy of ``learner``: on SQLite a batch operation
    # recreates the table, and dropping the old one would cascade to every card state and
    # review (their foreign keys say ON DELETE CASCADE).
    op.add_column('learner', sa.Column('password_hash', sa.String(), nullable=True))
    op.add_column('learner', sa.Column('teacher', sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.add_column('learner', sa.Column('removed_at', sa.DateTime(), nullable=True))
    op.create_table('access_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('digest'),
    )
    op.create_index('ix_access_token_learner_id', 'access_token', ['learner_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_access_token_learner_id', table_name='access_token')
    op.drop_table('access_token')
    for column in ('removed_at', 'teacher', 'password_hash'):  # DROP COLUMN, no table copy
        op.drop_column('learner', column)
