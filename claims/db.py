"""Engines, sessions, migrations, and every piece of raw SQL in the project.

SQLite is the embedded default (a file under the user's data dir); any
SQLAlchemy URL works, PostgreSQL above all. The schema is created and upgraded
by Alembic (``claims/migrations``); a database stamped with a revision this
version does not know was made by a newer ``claims`` and is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from claims.errors import DatabaseError

ENV_VAR = "CLAIMS_DB"
_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another; CLAIMS_BUSY_TIMEOUT_MS


def default_path() -> Path:
    """The per-user database file (platformdirs), e.g. ~/.local/share/claims/claims.db."""
    from platformdirs import user_data_path

    return user_data_path("claims", appauthor=False) / "claims.db"


def database_url(value: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``/``CLAIMS_DB``: a URL is kept, a path becomes sqlite.

    >>> database_url("postgresql+psycopg://u@h/db")
    'postgresql+psycopg://u@h/db'
    >>> database_url("/tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    if value is None:
        value = os.environ.get(ENV_VAR) or default_path()
    text = str(value)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(engine_or_session: Engine | Session) -> bool:
    if isinstance(engine_or_session, Session):
        return engine_or_session.get_bind().dialect.name == "sqlite"
    bind = engine_or_session
    return bind.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    timeout = int(os.environ.get("CLAIMS_BUSY_TIMEOUT_MS", SQLITE_BUSY_TIMEOUT_MS))
    cursor.execute(f"PRAGMA busy_timeout={timeout}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder must exist or be creatable."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the database folder {path.parent}: {exc.strerror}",
                hint="pass a writable path with --db or CLAIMS_DB",
            ) from None
        if path.exists() and not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseError(
                f"the database {path} is not writable",
                hint="pass a writable path with --db or CLAIMS_DB",
            )
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(
            f"cannot use database URL {url!r}: {exc}",
            hint="give a file path or a SQLAlchemy URL such as postgresql+psycopg://user@host/db",
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@cache
def head_revision() -> str | None:
    """This version's head revision, read from the migration files without Alembic.

    >>> head_revision()
    '0001'
    """
    pattern = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)
    revisions, parents = set(), set()
    for path in (_MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(pattern.findall(path.read_text("utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision", "None"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """True when the database is stamped with this version's head (no Alembic needed)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            stamped = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return [row[0] for row in stamped] == [head]
    except DBAPIError:
        return False  # no alembic_version yet, or a problem the full path will report


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to this version's head; refuse a newer database."""
    # Fast path: importing and running Alembic costs ~0.2 s a command, and a database
    # already at head (the usual case) needs neither.
    if _at_head(engine):
        return
    from alembic import command

    try:
        revision = current_revision(engine)
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                f"the database was made by a newer version of claims (schema {revision})",
                hint="upgrade claims (pip install -U claims) or use another --db",
            )
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    except DBAPIError as exc:  # locked, not a database, server down
        raise _operational_error(exc) from None


def _operational_error(exc: DBAPIError) -> DatabaseError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in text:
        return DatabaseError(
            "the database is locked by another process",
            hint="wait for the other claims command to finish, then try again",
        )
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseError(
            "the --db file is not a claims database (not SQLite)",
            hint="point --db at a new path or an existing claims database",
        )
    first_line = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return DatabaseError(
        f"cannot open the database: {first_line}",
        hint="check --db / CLAIMS_DB, and that the server is running",
    )


def open_database(url: str | None = None) -> Engine:
    """Engine for ``url`` (default: ``CLAIMS_DB`` or the per-user file), migrated to head."""
    engine = make_engine(database_url(url))
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()  # no pooled connection outlives a refused database
        raise
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise _operational_error(exc) from None
        except BaseException:
            session.rollback()
            raise


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


def integrity_problems(session: Session) -> list[str]:
    """SQLite's ``PRAGMA integrity_check`` findings ([] when sound). Other databases: []."""
    if not is_sqlite(session):
        return []
    rows = session.connection().exec_driver_sql("PRAGMA integrity_check").all()
    return [str(row[0]) for row in rows if str(row[0]).lower() != "ok"]


def drop_everything(engine: Engine) -> None:
    """Drop all tables, Alembic's included (tests use it on a shared PostgreSQL)."""
    from sqlmodel import SQLModel

    import claims.models  # noqa: F401  (registers the tables)

    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TABLE IF EXISTS claim_fts")
        SQLModel.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


# --- full-text search ---------------------------------------------------------
# Everything dialect-specific about searching claims: SQLite FTS5 (MATCH, bm25) over
# the external-content table ``claim_fts``, PostgreSQL full-text search over the
# generated ``claim.search`` tsvector (websearch_to_tsquery, ts_rank). Callers pass
# plain lower-case word tokens (claims.search.terms); the query text built from
# them is always a bound parameter, each term double-quoted, so no user string is
# ever read as FTS or SQL syntax.

# bm25 column weights, in claim_fts column order:
# surface, sentence, quote, proposition, subject, metric.
FTS_WEIGHTS = (4.0, 1.0, 2.0, 2.0, 3.0, 3.0)


def fts_query_text(terms: list[str]) -> str:
    """The MATCH / websearch text for ``terms``: each one double-quoted, all required.

    >>> fts_query_text(['surplus', 'japan'])
    '"surplus" "japan"'
    >>> fts_query_text(['a"b'])
    '"a""b"'
    """
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def fulltext_matches(
    session: Session, terms: list[str], window: int | None = None
) -> tuple[Any, Any, Any]:
    """Claims matching every term, as ``(subquery, onclause, score)``.

    Join ``subquery`` to ``Claim`` with ``onclause``; ``score`` is higher for a better
    match on both dialects. The query text is a bound parameter. ``window`` (SQLite only)
    keeps the newest ``window`` matches, as :func:`top_fulltext_ids` does.
    """
    from sqlalchemy import bindparam, column, func, literal_column, select, table, text

    from claims.models import Claim

    query = bindparam("fts_query", fts_query_text(terms))
    if is_sqlite(session):
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        fts = (
            select(
                literal_column("claim_fts.rowid").label("rid"),
                literal_column(f"-bm25(claim_fts, {weights})").label("score"),
            )
            .select_from(table("claim_fts"))
            .where(text("claim_fts MATCH :fts_query").bindparams(query))
        )
        if window is not None:
            fts = fts.order_by(literal_column("claim_fts.rowid").desc()).limit(window)
        fts = fts.subquery("fts")
        onclause = literal_column("claim.rowid") == fts.c.rid
    else:
        pg_claim = table("claim", column("id"), column("search"))
        tsquery = func.websearch_to_tsquery(literal_column("'english'"), query)
        fts = (
            select(
                pg_claim.c.id.label("rid"),
                func.ts_rank(pg_claim.c.search, tsquery).label("score"),
            )
            .where(pg_claim.c.search.op("@@")(tsquery))
            .subquery("fts")
        )
        onclause = Claim.id == fts.c.rid
    return fts, onclause, fts.c.score


# On SQLite, bm25 costs a few microseconds per matching row, so a word found in 100,000
# claims would take a quarter of a second to rank in full. Ranking stops at the
# RANK_WINDOW most recently added matches (exact whenever fewer claims match, as in any
# corpus of a few thousand claims); see docs/lookup.md, "Speed".
RANK_WINDOW = 1_000


def top_fulltext_ids(
    session: Session, terms: list[str], limit: int, window: int | None = RANK_WINDOW
) -> list[tuple[str, float]]:
    """The ``limit`` best ``(claim_id, score)`` for ``terms``, best first (no filters).

    On SQLite this ranks inside the FTS index, over at most ``window`` matches (the
    newest; ``None`` ranks them all), and only then touches ``claim``.
    """
    from sqlalchemy import text

    params: dict[str, Any] = {"fts_query": fts_query_text(terms), "limit": limit}
    if is_sqlite(session):
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        matches = (
            f"SELECT rowid, -bm25(claim_fts, {weights}) AS score FROM claim_fts"
            " WHERE claim_fts MATCH :fts_query"
        )
        if window is not None:
            matches += " ORDER BY rowid DESC LIMIT :window"
            params["window"] = max(window, limit)
        sql = text(
            "SELECT claim.id, top.score FROM ("
            f" SELECT rowid, score FROM ({matches}) ORDER BY score DESC LIMIT :limit"
            ") AS top JOIN claim ON claim.rowid = top.rowid ORDER BY top.score DESC, claim.id"
        )
    else:
        sql = text(
            "SELECT id, ts_rank(search, q) AS score"
            " FROM claim, websearch_to_tsquery('english', :fts_query) AS q"
            " WHERE search @@ q ORDER BY score DESC, id LIMIT :limit"
        )
    rows = session.connection().execute(sql, params)
    return [(row[0], float(row[1])) for row in rows]


def indexed_words(session: Session, limit: int = 20_000) -> list[str]:
    """The most frequent words in the search index (stemmed), for "did you mean" hints."""
    from sqlalchemy import text

    if is_sqlite(session):
        connection = session.connection()
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claim_fts_vocab "
            "USING fts5vocab(main, claim_fts, row)"
        )
        sql = text("SELECT term FROM temp.claim_fts_vocab ORDER BY doc DESC LIMIT :limit")
    else:
        sql = text(
            "SELECT word FROM ts_stat('SELECT search FROM claim') ORDER BY ndoc DESC LIMIT :limit"
        )
    return [row[0] for row in session.connection().execute(sql, {"limit": limit})]
