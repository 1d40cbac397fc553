"""learners: card state per (learner, card), reviews name their learner

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 17:20:00

Before 0002 the FSRS state lived in the ``card`` row, so on a shared database every
answer moved everyone's schedule. Afterwards:

* ``learner`` (id, name unique, created_at, fsrs_parameters, new_frontier);
* ``card_state``: one learner's FSRS state of one card, primary key (learner_id, card_id);
* ``review`` gains ``learner_id``, ``undoes`` (a reversal names the answer it undoes) and
  ``state_before`` (the state an undo puts back);
* ``card`` keeps only the content shared by all learners; ``card_tag`` (user tags) and
  ``card_edit`` (edited questions and answers, kept apart so a rebuild keeps them) too.

Nothing is lost: when the database holds any progress (a reviewed card, a review, saved
FSRS parameters), a learner named after the operating-system user running the upgrade
(``getpass.getuser()``, as the CLI's default learner) receives every card state, every
review (retired cards' too) and the parameters.
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the column types autogenerate names (AutoString)
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PARAMETERS_KEY = "study.fsrs_parameters"
_STATE_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review",
                 "introduced_at")


def _default_learner_name() -> str:
    """The operating-system user (as ``claims.study.learners.default_learner_name``)."""
    try:
        return getpass.getuser() or "default"
    except (OSError, KeyError):
        return "default"


def upgrade() -> None:
    op.create_table('learner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.Column('fsrs_parameters', sa.JSON(), nullable=True),
    sa.Column('new_frontier', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name'),
    )
    op.create_table('card_state',
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Float(), nullable=True),
    sa.Column('difficulty', sa.Float(), nullable=True),
    sa.Column('due', sa.DateTime(), nullable=False),
    sa.Column('last_review', sa.DateTime(), nullable=True),
    sa.Column('introduced_at', sa.DateTime(), nullable=True),
    sa.Column('suspended', sa.Boolean(), nullable=False),
    sa.Column('buried_until', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['card_id'], ['card.id'], ),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('learner_id', 'card_id'),
    )
    op.create_index('ix_card_state_card_id', 'card_state', ['card_id'], unique=False)
    op.create_table('card_tag',
    sa.Column('card_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('tag', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['card.id'], ),
    sa.PrimaryKeyConstraint('card_id', 'tag'),
    )
    op.create_index('ix_card_tag_tag', 'card_tag', ['tag'], unique=False)
    op.create_table('card_edit',
    sa.Column('card_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('generated_question', sa.Text(), nullable=True),
    sa.Column('generated_answer', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('claim_sentence', sa.Text(), nullable=True),
    sa.Column('edited_by', sa.Integer(), nullable=True),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['card_id'], ['card.id'], ),
    sa.ForeignKeyConstraint(['edited_by'], ['learner.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('card_id'),
    )
    op.create_index(
        'ix_card_state_due', 'card_state', ['learner_id', 'due'], unique=False,
        sqlite_where=sa.text('introduced_at IS NOT NULL AND suspended = 0'),
        postgresql_where=sa.text('introduced_at IS NOT NULL AND suspended = false'),
    )
    op.create_index(
        'ix_card_state_introduced', 'card_state', ['learner_id', 'introduced_at'],
        unique=False,
        sqlite_where=sa.text('introduced_at IS NOT NULL'),
        postgresql_where=sa.text('introduced_at IS NOT NULL'),
    )

    # The history so far belongs to the default learner.
    bind = op.get_bind()
    learner_id = None
    has_progress = bind.execute(sa.text(
        "SELECT (SELECT count(*) FROM review) + "
        "(SELECT count(*) FROM card WHERE introduced_at IS NOT NULL) + "
        "(SELECT count(*) FROM meta WHERE key = :key)"
    ), {"key": PARAMETERS_KEY}).scalar_one()
    if has_progress:
        parameters = bind.execute(sa.text("SELECT value FROM meta WHERE key = :key"),
                                  {"key": PARAMETERS_KEY}).scalar()
        learner = sa.table('learner', sa.column('name', sa.String),
                           sa.column('created_at', sa.DateTime),
                           sa.column('fsrs_parameters', sa.JSON))
        bind.execute(learner.insert(), {
            "name": _default_learner_name(),
            "created_at": datetime.now(UTC).replace(tzinfo=None),  # naive UTC, as UTCDateTime
            "fsrs_parameters": json.loads(parameters) if parameters else None,
        })
        learner_id = bind.execute(sa.text("SELECT min(id) FROM learner")).scalar_one()
        fields = ", ".join(_STATE_FIELDS)
        bind.execute(sa.text(
            f"INSERT INTO card_state (learner_id, card_id, {fields}, suspended, buried_until) "
            f"SELECT :learner, id, {fields}, :no, NULL FROM card WHERE introduced_at IS NOT NULL"
        ), {"learner": learner_id, "no": False})
        bind.execute(sa.text("DELETE FROM meta WHERE key = :key"), {"key": PARAMETERS_KEY})

    # review: learner_id (filled, then required), undoes, state_before
    op.add_column('review', sa.Column('learner_id', sa.Integer(), nullable=True))
    if learner_id is not None:
        bind.execute(sa.text("UPDATE review SET learner_id = :learner"), {"learner": learner_id})
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.alter_column('learner_id', existing_type=sa.Integer(), nullable=False)
        batch_op.add_column(sa.Column('undoes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('state_before', sa.JSON(), nullable=True))
        batch_op.create_foreign_key('fk_review_learner_id_learner', 'learner', ['learner_id'],
                                    ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key('fk_review_undoes_review', 'review', ['undoes'], ['id'])
        batch_op.create_index('ix_review_learner_reviewed_at', ['learner_id', 'reviewed_at'],
                              unique=False)

    # card: the content only. Native DROP COLUMN (SQLite 3.35+): a batch copy would drop
    # and recreate `card`, which reviews and card states reference.
    for index in ('ix_card_new_order', 'ix_card_learned_due', 'ix_card_introduced_at',
                  'ix_card_due'):
        op.drop_index(index, table_name='card')
    for column in _STATE_FIELDS:
        op.drop_column('card', column)
    op.create_index(
        'ix_card_new_order', 'card', ['priority', 'id'], unique=False,
        sqlite_where=sa.text('retired = 0'), postgresql_where=sa.text('retired = false'),
    )


def downgrade() -> None:
    # The state of the first learner (the one the upgrade made) goes back into `card`;
    # other learners' states and reviews are dropped, as the old schema cannot hold them.
    bind = op.get_bind()
    op.drop_index('ix_card_new_order', table_name='card')
    op.add_column('card', sa.Column('state', sa.Integer(), nullable=False, server_default='1'))
    op.add_column('card', sa.Column('step', sa.Integer(), nullable=True))
    op.add_column('card', sa.Column('stability', sa.Float(), nullable=True))
    op.add_column('card', sa.Column('difficulty', sa.Float(), nullable=True))
    op.add_column('card', sa.Column('due', sa.DateTime(), nullable=True))
    op.add_column('card', sa.Column('last_review', sa.DateTime(), nullable=True))
    op.add_column('card', sa.Column('introduced_at', sa.DateTime(), nullable=True))
    first = bind.execute(sa.text("SELECT min(id) FROM learner")).scalar()
    bind.execute(sa.text("UPDATE card SET due = created_at, step = 0"))
    if first is not None:
        for name in _STATE_FIELDS:
            bind.execute(sa.text(
                f"UPDATE card SET {name} = (SELECT s.{name} FROM card_state s "
                f"WHERE s.card_id = card.id AND s.learner_id = :first) "
                f"WHERE id IN (SELECT card_id FROM card_state WHERE learner_id = :first)"
            ), {"first": first})
        bind.execute(sa.text("DELETE FROM review WHERE learner_id <> :first OR undoes IS NOT NULL "
                             "OR id IN (SELECT undoes FROM review WHERE undoes IS NOT NULL)"),
                     {"first": first})
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.create_index('ix_card_due', ['due'], unique=False)
        batch_op.create_index(
            'ix_card_introduced_at', ['introduced_at'], unique=False,
            sqlite_where=sa.text('introduced_at IS NOT NULL'),
            postgresql_where=sa.text('introduced_at IS NOT NULL'),
        )
        batch_op.create_index(
            'ix_card_learned_due', ['due'], unique=False,
            sqlite_where=sa.text('introduced_at IS NOT NULL AND retired = 0'),
            postgresql_where=sa.text('introduced_at IS NOT NULL AND retired = false'),
        )
        batch_op.create_index(
            'ix_card_new_order', ['priority', 'id'], unique=False,
            sqlite_where=sa.text('introduced_at IS NULL AND retired = 0'),
            postgresql_where=sa.text('introduced_at IS NULL AND retired = false'),
        )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index('ix_review_learner_reviewed_at')
        batch_op.drop_constraint('fk_review_undoes_review', type_='foreignkey')
        batch_op.drop_constraint('fk_review_learner_id_learner', type_='foreignkey')
        batch_op.drop_column('state_before')
        batch_op.drop_column('undoes')
        batch_op.drop_column('learner_id')
    op.drop_table('card_edit')
    op.drop_index('ix_card_tag_tag', table_name='card_tag')
    op.drop_table('card_tag')
    op.drop_index('ix_card_state_introduced', table_name='card_state')
    op.drop_index('ix_card_state_due', table_name='card_state')
    op.drop_index('ix_card_state_card_id', table_name='card_state')
    op.drop_table('card_state')
    op.drop_table('learner')
