"""Database tables and the data models around them (SQLModel).

A base data model holds the fields a user sees; the ``table=True`` model adds
keys and bookkeeping (sqlmodel "multiple models"). JSON shapes promised in the
product contract are produced by ``to_public`` helpers in the feature modules,
not by these classes, so a column can change without breaking the contract.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    and_,
    false,
)
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel, col

from claims.domain import year_of


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: fsrs wants aware datetimes, SQLite has no zones."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetime must be timezone-aware (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


# --- sources ---------------------------------------------------------------


class SourceBase(SQLModel):
    slug: str = Field(sa_column=Column(String, unique=True, index=True, nullable=False))
    title: str
    subtitle: str | None = None
    # [{"name": "Patrick M. Cronin", "affiliation": "National Defense University"}]
    authors: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    publisher: str | None = None
    container: str | None = None  # series or periodical, e.g. "Strategic Forum"
    number: str | None = None  # issue or report number within the container, e.g. "75"
    date: str | None = None  # ISO 8601, as precise as known: "1993-04-11", "1996-05", "2003"
    date_precision: str = "unknown"  # day | month | year | unknown
    date_inferred: bool = False  # True when the date comes from the content, not the page
    date_evidence: str | None = None  # why an inferred date is what it is
    kind: str = "document"  # op-ed | policy-brief | commentary | blog-post | sponsored-content ...
    url: str | None = None
    note: str | None = None

    @property
    def year(self) -> int | None:
        """The year the source was written (``claims.domain.year_of`` its date)."""
        return year_of(self.date)


class Source(SourceBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    filename: str
    content_hash: str = Field(index=True)  # sha256 of the decoded text
    text: str = Field(sa_column=Column(Text, nullable=False))  # decoded original (BOM dropped)
    encoding: str = "utf-8"
    origin: str = "user"  # bundled | user
    ingested_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime))


class Paragraph(SQLModel, table=True):
    """A kept paragraph of a source, numbered from 1, with offsets into ``Source.text``."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(
        sa_column=Column(ForeignKey("source.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    number: int
    start: int
    end: int


# --- claims and topics -----------------------------------------------------


class ClaimBase(SQLModel):
    kind: str  # money | percent | count | duration | date | rank | ratio | statement
    surface: str  # Source.text[start:end]
    value: float | None = None
    value_max: float | None = None  # upper bound of a range
    unit: str | None = None  # ISO 4217 code, "percent", "year", or the counted noun
    qualifier: str = "exact"  # exact | approximately | more than | less than | range | ...
    subject: str | None = None
    metric: str | None = None
    as_of: int | None = None  # the year the figure refers to
    # fact | target | forecast (claims.domain.Modality); migration 0003
    modality: str = Field(default="fact", sa_column_kwargs={"server_default": "fact"})
    # the id of the claim this one restates in another currency ("8.7 trillion yen, or about
    # $54.8 billion": one amount, two readings); migration 0003
    same_as: str | None = None
    # the id an earlier version gave an extracted claim (``x-`` + hash): it still finds
    # the claim, and the claim's cards keep the ids made from it; migration 0005
    alias: str | None = None
    sentence: str = ""
    start: int
    end: int


class Claim(ClaimBase, table=True):
    id: str = Field(primary_key=True)  # stable: survives rebuilds (see claims.ingest.ids)
    alias: str | None = Field(default=None, index=True)
    source_id: int = Field(
        sa_column=Column(ForeignKey("source.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    origin: str = "extracted"  # extracted | curated | both
    sentence_start: int = 0
    sentence_end: int = 0
    paragraph: int | None = None
    quote: str | None = Field(default=None, sa_column=Column(Text))  # curated verbatim quote
    proposition: str | None = Field(default=None, sa_column=Column(Text))  # qualitative claims
    stance: str | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))

    __table_args__ = (
        Index("ix_claim_metric", "metric"),
        Index("ix_claim_kind_value", "kind", "value"),
        Index("ix_claim_as_of", "as_of"),
    )


class Topic(SQLModel, table=True):
    key: str = Field(primary_key=True)  # "trade", "okinawa", ...
    label: str
    description: str | None = None


class ClaimTopic(SQLModel, table=True):
    claim_id: str = Field(
        sa_column=Column(
            ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    topic_key: str = Field(
        sa_column=Column(
            ForeignKey("topic.key", ondelete="CASCADE"), primary_key=True, index=True,
            nullable=False,
        )
    )


# --- study -----------------------------------------------------------------


class Learner(SQLModel, table=True):
    """A person studying: owns card states, reviews and FSRS parameters.

    Accounts (a teacher flag, a password hash) are later, additive columns.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String, unique=True, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime))
    # FSRS parameters fitted to this learner's own log (claims.study.scheduler.optimize)
    fsrs_parameters: list[float] | None = Field(default=None, sa_column=Column(JSON))
    # Where this learner's new cards start (claims.study.queue.advance_frontier): every
    # card before {"priority", "id"} in introduction order is started. A cache: ignored
    # when the cards changed since ("cards", the sync fingerprint), rebuilt on an answer.
    new_frontier: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    # Accounts (schema 0004, claims.accounts): an argon2 hash, never the password; a
    # learner without one cannot sign in to `claims serve`. ``removed_at``: the learner was
    # removed and anonymised (their history kept, their name, password and tokens gone).
    password_hash: str | None = Field(default=None, sa_column=Column(String, nullable=True))
    teacher: bool = Field(default=False, sa_column=Column(Boolean, nullable=False,
                                                          server_default=false()))
    removed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))


class Card(SQLModel, table=True):
    """A flashcard's content, shared by every learner (progress is in ``CardState``).

    Its id follows the claim's stable id, so progress survives rebuilds. There is
    deliberately no foreign key to ``claim``: a claim that disappears retires its
    cards (``retired=True``) instead of deleting their history.
    """

    id: str = Field(primary_key=True)
    claim_id: str = Field(index=True)
    source_slug: str | None = None
    kind: str  # cloze | choice | source | year | compare
    question: str = Field(sa_column=Column(Text, nullable=False))
    answer: str
    choices: list[str] | None = Field(default=None, sa_column=Column(JSON))
    # How answers are checked, self-contained so a card works without its claim:
    # {"type": "figure"|"year"|"source"|"text"|"yesno", ...} (see claims.study.cards)
    spec: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    priority: int = 1  # new cards are introduced in (priority, id) order; curated first
    retired: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime))


class CardTag(SQLModel, table=True):
    """A user's tag on a card, shared by the database's learners like the card itself
    (a teacher tags for the class); ``claims review --tag`` studies one tag."""

    __tablename__ = "card_tag"

    card_id: str = Field(
        sa_column=Column(ForeignKey("card.id"), primary_key=True, nullable=False)
    )
    tag: str = Field(sa_column=Column(String, primary_key=True, index=True, nullable=False))


class CardEdit(SQLModel, table=True):
    """A person's edit of a card's question or answer, kept apart from the generated text
    so a rebuild keeps it (claims.study.edits lays it over the card after each sync).

    Shared: the card's content is the class's, as a teacher edits for everyone.
    ``claim_sentence`` is the claim's sentence when the edit was made; when the claim's
    text changes, the edit is flagged for review, not dropped.
    """

    __tablename__ = "card_edit"

    card_id: str = Field(
        sa_column=Column(ForeignKey("card.id"), primary_key=True, nullable=False)
    )
    question: str | None = Field(default=None, sa_column=Column(Text))
    answer: str | None = None
    # the generated texts the edit stands in for (put back when the edit is cleared)
    generated_question: str | None = Field(default=None, sa_column=Column(Text))
    generated_answer: str | None = None
    claim_sentence: str | None = Field(default=None, sa_column=Column(Text))
    edited_by: int | None = Field(
        default=None, sa_column=Column(ForeignKey("learner.id", ondelete="SET NULL"))
    )
    edited_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime))


class CardState(SQLModel, table=True):
    """One learner's FSRS state of one card (the fields of an ``fsrs.Card``).

    A row exists once the learner has answered, suspended or buried the card; a card
    without one is new to that learner.
    """

    __tablename__ = "card_state"

    learner_id: int = Field(
        sa_column=Column(ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True,
                         nullable=False)
    )
    card_id: str = Field(
        sa_column=Column(ForeignKey("card.id"), primary_key=True, index=True, nullable=False)
    )
    state: int = 1  # fsrs.State: 1 Learning, 2 Review, 3 Relearning
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime, nullable=False))
    last_review: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    # first review; None while the card is new to this learner
    introduced_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    suspended: bool = False
    buried_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))


# Partial indexes for picking the next card fast (claims.study.queue): a learner's
# reviewed cards in due order, the cards they introduced (the daily new limit), and
# cards in introduction order. The predicates must read exactly like the queries'
# WHERE terms for SQLite to use them.
_LEARNED = and_(col(CardState.introduced_at).is_not(None), col(CardState.suspended) == false())
_INTRODUCED = col(CardState.introduced_at).is_not(None)
_ACTIVE = col(Card.retired) == false()
Index("ix_card_state_due", col(CardState.learner_id), col(CardState.due),
      sqlite_where=_LEARNED, postgresql_where=_LEARNED)
Index("ix_card_state_introduced", col(CardState.learner_id), col(CardState.introduced_at),
      sqlite_where=_INTRODUCED, postgresql_where=_INTRODUCED)
Index("ix_card_new_order", col(Card.priority), col(Card.id), sqlite_where=_ACTIVE,
      postgresql_where=_ACTIVE)


class Review(SQLModel, table=True):
    """Append-only review log: one row per answer, never updated or deleted.

    Undoing an answer appends a reversal (``undoes`` names the answer's row) and
    puts back ``state_before``, the learner's card state before that answer.
    """

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(
        sa_column=Column(ForeignKey("learner.id", ondelete="CASCADE"), nullable=False)
    )
    card_id: str = Field(sa_column=Column(ForeignKey("card.id"), index=True, nullable=False))
    reviewed_at: datetime = Field(sa_column=Column(UTCDateTime, index=True, nullable=False))
    rating: int  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    given: str | None = None
    correct: bool | None = None
    duration_ms: int | None = None
    undoes: int | None = Field(default=None, sa_column=Column(ForeignKey("review.id")))
    # the CardState fields before this answer (None: the card was new, or logged before 0002)
    state_before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))

    __table_args__ = (Index("ix_review_learner_reviewed_at", "learner_id", "reviewed_at"),)


class AccessToken(SQLModel, table=True):
    """A learner's API token or browser session (claims.accounts): only the SHA-256 of the
    secret is stored, so a copy of the database signs nobody in."""

    __tablename__ = "access_token"

    id: int | None = Field(default=None, primary_key=True)
    learner_id: int = Field(
        sa_column=Column(ForeignKey("learner.id", ondelete="CASCADE"), index=True,
                         nullable=False)
    )
    digest: str = Field(sa_column=Column(String, unique=True, nullable=False))
    kind: str = Field(sa_column=Column(String, nullable=False))  # "api" or "session"
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime))
    expires_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))


class Meta(SQLModel, table=True):
    """Key/value facts about the database (e.g. when the bundled corpus was built)."""

    key: str = Field(primary_key=True)
    value: str


class ClaimDraft(ClaimBase):
    """A claim before it is stored: what extraction and curation produce for one source.

    The build pipeline (claims.ingest) makes drafts from extractions, hands them with the
    source to curation (which may add curated drafts and merge them with extracted ones),
    then stores each draft as a ``Claim`` with ``ClaimTopic`` links.
    """

    id: str
    origin: str = "extracted"
    sentence_start: int = 0
    sentence_end: int = 0
    paragraph: int | None = None
    quote: str | None = None
    proposition: str | None = None
    stance: str | None = None
    note: str | None = None
    topics: list[str] = Field(default_factory=list)
