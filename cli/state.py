"""What a command invocation carries in ``ctx.obj``: the database choice, opened lazily."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from claims.db.reading import Reader


@dataclass
class AppState:
    db: str | None = None
    quiet: bool = False
    learner: str | None = None  # --learner / CLAIMS_LEARNER; None: the OS user name
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self, ensure_corpus: bool = True) -> Engine:
        """Open (and migrate) the database; build the bundled corpus on first use."""
        if self._engine is None:
            from claims.db import open_database
            from claims.ingest.bundle import corpus_is_current

            self._engine = open_database(self.db)
            if ensure_corpus and not corpus_is_current(self._engine):
                from claims.ingest.corpus import build_bundled
                from cli.progress import rich_progress

                with rich_progress("Building the bundled corpus") as report:
                    build_bundled(self._engine, progress=None if self.quiet else report)
        return self._engine

    @contextmanager
    def session(self, ensure_corpus: bool = True) -> Iterator[Session]:
        from claims.db import session_scope

        with session_scope(self.engine(ensure_corpus)) as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """Read-only queries. An SQLite file that is current is read with the standard
        library alone (no ORM import: a new `claims search` starts in a fraction of the
        time); anything else opens the database the full way, building it if need be."""
        from claims.db.location import database_url
        from claims.db.reading import as_reader, open_sqlite_reader
        from claims.ingest.bundle import corpus_is_current

        quick = open_sqlite_reader(database_url(self.db)) if self._engine is None else None
        if quick is not None and not corpus_is_current(quick):
            quick.close()
            quick = None
        if quick is None:
            with self.session() as session:
                yield as_reader(session)
            return
        try:
            yield quick
        finally:
            quick.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
