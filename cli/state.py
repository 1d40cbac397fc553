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


@dataclass
class AppState:
    db: str | None = None
    quiet: bool = False
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self, ensure_corpus: bool = True) -> Engine:
        """Open (and migrate) the database; build the bundled corpus on first use."""
        if self._engine is None:
            from claims.bundle import corpus_is_current
            from claims.db import open_database

            self._engine = open_database(self.db)
            if ensure_corpus and not corpus_is_current(self._engine):
                from claims.corpus import build_bundled
                from cli.progress import rich_progress

                with rich_progress("Building the bundled corpus") as report:
                    build_bundled(self._engine, progress=None if self.quiet else report)
        return self._engine

    @contextmanager
    def session(self, ensure_corpus: bool = True) -> Iterator[Session]:
        from claims.db import session_scope

        with session_scope(self.engine(ensure_corpus)) as session:
            yield session

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
