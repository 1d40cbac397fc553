"""The worker processes of ingest: how many, how they start, and starting them early.

Imports nothing heavy (no SQLAlchemy, no extractor), so ``claims ingest`` can start the
fork server first thing: it loads the extractor (``claims.ingest.warm``) while the
command's own process imports the database layer and opens the database, on the other
core. ``claims.ingest.pipeline`` makes the pool from ``pool_context``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_BATCH = 100


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pool_context() -> Any:
    """The worker pool's start method: a fork server where there is one (it loads the
    extractor once; each worker forks from it ready to work), else spawn. Not fork: the
    parent has threads (a progress bar, a pool's own), and fork copies their locks."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["claims.ingest.pipeline", "claims.ingest.warm"])
    return context


def quiet_worker() -> None:
    """A worker ignores Ctrl-C: the parent stops the pool and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_workers_early(paths: Sequence[Path], workers: int | None = None,
                        batch_size: int = DEFAULT_BATCH) -> None:
    """Start the fork server now, so that it loads the extractor (about 0.7 s) while this
    process imports the database layer and opens the database; the pool then starts at
    once. Not for one worker, nor for a few plain files (one batch: prepared here, no
    pool)."""
    from claims.ingest.inputs import JSONL_SUFFIXES

    workers = default_workers() if workers is None else workers
    few_files = len(paths) <= batch_size and all(
        path.is_file() and path.suffix.lower() not in JSONL_SUFFIXES for path in paths)
    if workers > 1 and not few_files and pool_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
