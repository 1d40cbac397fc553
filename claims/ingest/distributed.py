"""Beyond one machine: the same ``prepare`` step on a Dask cluster, written by the workers.

Optional (``pip install 'claims[distributed]'``): Dask was measured against Ray on the
project's machine and chosen (see docs/scale.md, "Choosing the engine"). Each task
takes a batch of inputs, prepares it (``claims.ingest.pipeline.prepare_input``) and
writes it with ``claims.ingest.writer.store_batch`` into the shared database (PostgreSQL
in practice; any URL works). No engine gives exactly-once execution: a worker that dies
after its write committed has its task run again elsewhere. The writer makes that
harmless: a stored slug is skipped (``INSERT ... ON CONFLICT DO NOTHING``), so every
document is stored once however often its batch runs.

The inputs must be readable from every worker (a shared file system, or JSONL records,
which travel with the task).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from claims.errors import UsageError
from claims.ingest.inputs import Input, iter_inputs
from claims.ingest.pipeline import DEFAULT_BATCH, IngestReport, chunked, prepare_input
from claims.ingest.prepare import Refusal
from claims.ingest.store import IngestResult

_ENGINES: dict[str, Any] = {}  # one engine per database URL per worker process


def _engine(url: str) -> Any:
    if url not in _ENGINES:
        from claims.db import open_database

        _ENGINES[url] = open_database(url)
    return _ENGINES[url]


def prepare_and_store(url: str, items: Sequence[Input]) -> list[IngestResult | Refusal]:
    """One task: prepare a batch and write it in one transaction (safe to run twice)."""
    from claims.ingest.writer import store_batch

    return store_batch(_engine(url), [prepare_input(item) for item in items])


def ingest_on_dask(client: Any, url: str, paths: Sequence[Path] | None = None,
                   inputs: Iterable[Input] | None = None, batch_size: int = DEFAULT_BATCH,
                   in_flight: int | None = None, keep_results: bool = True) -> IngestReport:
    """Ingest ``paths`` (or ``inputs``) on the Dask cluster of ``client`` into ``url``.

    Batches are submitted as tasks, at most ``in_flight`` at once (default: twice the
    workers' threads), so the scheduler never holds the whole corpus. A task lost with
    its worker is retried by Dask (``allowed_failures``); the writer keeps a retried
    batch from storing anything twice. ``keep_results=False``: counts only (an archive of
    millions).
    """
    try:
        from distributed import as_completed
    except ImportError:
        raise UsageError("the Dask engine is not installed",
                         hint="pip install 'claims[distributed]'") from None
    from claims.db import open_database
    from claims.ingest.writer import store_batches

    if (paths is None) == (inputs is None):
        raise ValueError("give `paths` or `inputs`, not both")
    engine = open_database(url)  # created and migrated once, before any worker writes
    try:
        for _ in store_batches(engine, []):  # topics synced once
            pass
    finally:
        engine.dispose()
    items = inputs if inputs is not None else iter_inputs(list(paths or []))
    limit = in_flight or 2 * max(1, sum(client.nthreads().values()))
    report = IngestReport(keep_results=keep_results)
    batches = chunked(items, batch_size)
    running = as_completed()
    for batch in batches:
        report.total += len(batch)
        running.add(client.submit(prepare_and_store, url, batch, pure=False))
        if running.count() >= limit:
            _collect(next(running), report)
    for future in running:
        _collect(future, report)
    return report


def _collect(future: Any, report: IngestReport) -> None:
    report.record(future.result())
