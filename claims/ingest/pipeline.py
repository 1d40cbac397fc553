"""Ingest at scale: documents streamed through worker processes into batched writes.

``iter_prepared(inputs, workers=N, batch_size=B)`` is shaped like spaCy's ``nlp.pipe``:
it takes any iterable of inputs and yields lists of prepared rows (``claims.ingest.
prepare``) in input order, running ``prepare`` in a pool of ``N`` processes with at most
``2 N`` batches in flight, so memory stays bounded whatever the corpus size.
``store_batches`` (``claims.ingest.writer``) writes each batch in one transaction.
``ingest_paths`` puts the two together for ``claims ingest``: inputs from files,
folders, globs and JSONL, ``resume`` (skip documents already stored, before reading
them), progress, a report, and a clean stop on Ctrl-C (finished batches stay).

On PostgreSQL, a first load (an empty database and at least ``FIRST_LOAD_DOCUMENTS``
documents) drops the secondary and full-text indexes, loads, then rebuilds them and
runs ``ANALYZE``: building an index once is cheaper than updating it per row.
"""

from __future__ import annotations

import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from claims.errors import ClaimsError, InputError, plain_validation_message
from claims.extract import Extractor
from claims.ingest.inputs import Input, record_fields
from claims.ingest.prepare import Prepared, Refusal, Rows, prepare
from claims.ingest.store import (
    IngestResult,
    PreparedDocument,
    SourceOverrides,
    check_overrides,
    given_fields,
    title_from_text,
)
from claims.ingest.workers import (
    DEFAULT_BATCH,
    default_workers,
    pool_context,
    quiet_worker,
    start_workers_early,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

NO_OVERRIDES = SourceOverrides()
FIRST_LOAD_DOCUMENTS = 10_000  # an empty database and this many documents: indexes after
ProgressCallback = Callable[[int, int, str], None]


# --- one document ------------------------------------------------------------


def load(item: Input, overrides: SourceOverrides = NO_OVERRIDES) -> PreparedDocument:
    """Read, decode, clean and describe one input (errors name the input)."""
    from claims.ingest.clean import clean_document, detect_format
    from claims.ingest.metadata import SourceMeta
    from claims.ingest.store import user_meta
    from claims.ingest.textio import DecodedText, read_document

    if item.error is not None:
        raise InputError(f"{item.name}: {item.error}", hint="give one JSON object per line")
    if item.path is not None:
        path = Path(item.path)
        decoded = read_document(path)
        fmt = detect_format(path.name, decoded.text)
        clean = clean_document(decoded.text, fmt)
        _refuse_empty(item, clean.text)
        meta = user_meta(decoded, clean, path, overrides, many=False, fmt=fmt)
        return PreparedDocument(meta.model_copy(update={"slug": item.slug}), decoded, clean,
                                path.name)
    assert item.record is not None
    text, fields = record_fields(item.record, item.name)
    decoded = DecodedText(text, "utf-8")
    said = item.record.get("format")
    clean = clean_document(text, said if said in ("text", "markdown", "html")
                           else detect_format("", text))
    _refuse_empty(item, clean.text)
    defaults = {"date": overrides.date, "publisher": overrides.publisher, "url": overrides.url,
                "kind": overrides.kind,
                "authors": [{"name": name} for name in overrides.authors] or None}
    values = {key: value for key, value in defaults.items() if value is not None}
    values |= fields | {"slug": item.slug}
    values.setdefault("title", title_from_text(clean.text) or item.slug)
    try:
        meta = SourceMeta.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = str(first["loc"][0]) if first["loc"] else "record"
        raise InputError(f'{item.name}: "{where}": {plain_validation_message(first["msg"])}',
                         hint="fix this field of the record") from None
    return PreparedDocument(meta, decoded, clean, item.name)


def _refuse_empty(item: Input, text: str) -> None:
    if not text.strip():
        raise InputError(f"{item.name}: no text left after removing page furniture",
                         hint="check that this is the document you meant")


def prepare_input(item: Input, overrides: SourceOverrides = NO_OVERRIDES,
                  extractor: Extractor | None = None, origin: str = "user") -> Prepared:
    """``load`` then ``prepare`` one input; what cannot be ingested becomes a ``Refusal``."""
    try:
        return prepare(load(item, overrides), origin, extractor, given_fields(overrides))
    except ClaimsError as exc:
        reason = exc.message
        for prefix in (f"{item.path}: ", f"{item.name}: "):
            reason = reason.removeprefix(prefix)
        return Refusal(item.name, reason, exc.hint, item.slug)


def _prepare_chunk(items: list[Input], overrides: SourceOverrides,
                   extractor: Extractor | None, origin: str) -> list[Prepared]:
    return [prepare_input(item, overrides, extractor, origin) for item in items]


# --- many documents ------------------------------------------------------------


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last may be shorter).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_prepared(inputs: Iterable[Input], workers: int | None = None,
                  batch_size: int = DEFAULT_BATCH,
                  overrides: SourceOverrides = NO_OVERRIDES,
                  extractor: Extractor | None = None, origin: str = "user",
                  ) -> Generator[list[Prepared], None, None]:
    """Prepared batches of ``batch_size`` documents, in input order (like ``nlp.pipe``).

    ``workers`` processes (default: the number of cores; 1 runs in this process) each
    prepare a whole batch; at most ``2 * workers`` batches are in flight, so memory is
    bounded by the batch size, not the corpus. ``extractor`` must be picklable (a
    module-level function) when ``workers > 1``.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = default_workers() if workers is None else workers
    chunks = chunked(inputs, batch_size)
    if workers <= 1:
        for chunk in chunks:
            yield _prepare_chunk(chunk, overrides, extractor, origin)
        return
    pool = pool_context().Pool(workers, initializer=quiet_worker)
    try:
        window: deque[Any] = deque()
        for chunk in chunks:
            window.append(pool.apply_async(_prepare_chunk, (chunk, overrides, extractor, origin)))
            if len(window) >= 2 * workers:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()
        pool.close()
    finally:
        pool.terminate()  # stopped early (Ctrl-C, an error, the consumer gave up): no waiting
        pool.join()


# --- the whole run ----------------------------------------------------------------


@dataclass
class IngestReport:
    """What a run did: how many documents took each status, the refusals with their
    reasons, how many ``resume`` skipped, and whether Ctrl-C stopped it.

    ``results`` (a result per stored document) is kept when the run is asked to keep it
    (``keep_results``): a run of millions of documents keeps counts, not a list that
    grows with the corpus, and hands each batch's results to ``on_batch`` instead.
    """

    total: int = 0
    results: list[IngestResult] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped: int = 0
    interrupted: bool = False
    indexes_after_data: bool = False
    keep_results: bool = True
    statuses: Counter[str] = field(default_factory=Counter)

    def record(self, results: Sequence[IngestResult | Refusal]) -> None:
        """Count one batch's results (and keep them, with ``keep_results``)."""
        for result in results:
            if isinstance(result, Refusal):
                self.refused.append(result)
                continue
            self.statuses[result.status] += 1
            if self.keep_results:
                self.results.append(result)

    def count(self, status: str) -> int:
        return self.statuses[status]

    @property
    def stored(self) -> int:
        """Documents stored or found stored (every status but refused and skipped)."""
        return sum(self.statuses.values())

    @property
    def done(self) -> int:
        return self.stored + len(self.refused) + self.skipped

    def summary(self) -> dict[str, Any]:
        return {"added": self.count("added"), "changed": self.count("replaced"),
                "updated": self.count("updated"),
                "unchanged": self.count("unchanged"), "refused": len(self.refused),
                "skipped": self.skipped, "total": self.total, "interrupted": self.interrupted}


def _resumable(engine: Engine, inputs: Iterable[Input], batch_size: int,
               report: IngestReport) -> Iterator[Input]:
    """``inputs`` without the documents already stored (one query per batch of slugs)."""
    from claims.db.bulk import stored_slugs

    for chunk in chunked(inputs, batch_size):
        with engine.connect() as connection:
            stored = stored_slugs(connection, [item.slug for item in chunk])
        report.skipped += sum(1 for item in chunk if item.slug in stored)
        yield from (item for item in chunk if item.slug not in stored)


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    glob: str | None = None,
    resume: bool = False,
    overrides: SourceOverrides = NO_OVERRIDES,
    extractor: Extractor | None = None,
    progress: ProgressCallback | None = None,
    first_load: bool | None = None,
    keep_results: bool = True,
    on_batch: Callable[[list[IngestResult | Refusal]], None] | None = None,
) -> IngestReport:
    """Ingest files, folders, globs and JSONL files, ``batch_size`` documents per
    transaction, preparing them in ``workers`` processes (opens its own sessions).

    ``resume`` skips documents whose slug is stored, without reading them (a stopped
    run's finished batches); without it, a stored document with the same text is
    ``unchanged`` and one with new text is replaced. Ctrl-C (in the main thread) lets the
    batch being written commit, then returns the report with ``interrupted`` set.
    ``first_load`` (default: decided from the database and the count) builds
    PostgreSQL's indexes after the data. ``keep_results=False`` keeps counts only (memory
    flat whatever the corpus size); ``on_batch`` gets each batch's results once committed.
    """
    from claims.db import session_scope
    from claims.db.bulk import (
        create_secondary_indexes,
        drop_secondary_indexes,
        missing_secondary_indexes,
        source_count,
    )
    from claims.ingest.inputs import check_paths, count_inputs, iter_inputs
    from claims.ingest.inputs import refuse_many_with_one_name as check_names
    from claims.ingest.store import sync_topics
    from claims.ingest.writer import store_batch

    check_overrides(overrides)  # a usage error comes before any file is looked at
    check_paths(paths, glob)
    start_workers_early(paths, workers, batch_size)
    report = IngestReport(total=count_inputs(paths, glob), keep_results=keep_results)
    check_names(overrides.title, overrides.slug, report.total)
    if missing_secondary_indexes(engine):  # a first load killed before its indexes were built
        create_secondary_indexes(engine)
    if first_load is None:
        first_load = (engine.dialect.name == "postgresql"
                      and report.total >= FIRST_LOAD_DOCUMENTS and source_count(engine) == 0)
    report.indexes_after_data = bool(first_load) and bool(drop_secondary_indexes(engine))
    inputs: Iterable[Input] = iter_inputs(paths, glob, overrides.slug)
    if resume:
        inputs = _resumable(engine, inputs, batch_size, report)
    # no more processes than batches: one small batch is prepared here, with no pool to start
    batch_count = -(-report.total // batch_size)
    workers = min(default_workers() if workers is None else workers, batch_count)
    batches = iter_prepared(inputs, workers, batch_size, overrides, extractor)
    stop = _CtrlC()
    try:
        with session_scope(engine) as session:
            sync_topics(session)
        with stop.installed():
            for batch in batches:  # Ctrl-C here (waiting for workers) stops at once
                with stop.deferred():  # Ctrl-C here waits for this batch's commit
                    results = store_batch(engine, batch)
                report.record(results)
                if on_batch is not None:
                    on_batch(results)
                if progress is not None:
                    progress(report.done, report.total, _label(results))
                if stop.requested:
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        batches.close()  # stops the worker pool at once
        if report.indexes_after_data:
            create_secondary_indexes(engine)
    return report


class _CtrlC:
    """Ctrl-C while a batch is being written waits for its commit (a database driver
    interrupted mid-statement may not roll back cleanly); anywhere else it stops at once.
    Only the main thread can receive signals: elsewhere Ctrl-C is left as it is."""

    def __init__(self) -> None:
        self.requested = False
        self._writing = False

    def _handler(self, signum: int, frame: Any) -> None:
        self.requested = True
        if not self._writing:
            raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self._handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False


def _label(results: list[IngestResult | Refusal]) -> str:
    last = results[-1] if results else None
    return "" if last is None else (last.slug or "") if isinstance(last, Refusal) else last.slug


__all__ = ["IngestReport", "Rows", "ingest_paths", "iter_prepared", "load", "prepare_input",
           "start_workers_early"]
