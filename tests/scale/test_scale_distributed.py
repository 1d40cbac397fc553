"""The distributed extra: a real local Dask cluster of 2 worker processes, one of them
killed mid-run, and every document stored exactly once.

Slow (a cluster starts): CI runs it in its `pytest -m slow` step, after installing
the `distributed` extra (.ci/run). Elsewhere it is skipped when Dask is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tests.scale.test_scale_cli import _user_sources
from tests.scale.test_scale_store import write_docs

pytestmark = pytest.mark.slow

DOCUMENTS, BATCH = 600, 5


def _dask_or_skip() -> None:
    if importlib.util.find_spec("distributed") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install the distributed extra: pip install '.[distributed]'")
        pytest.skip("pip install '.[distributed]' to run the Dask test")


def test_a_killed_worker_stores_nothing_twice(db_url: str, tmp_path: Path) -> None:
    _dask_or_skip()
    from distributed import Client, LocalCluster

    from claims.ingest.distributed import ingest_on_dask
    from claims.ingest.inputs import iter_inputs
    from claims.ingest.pipeline import prepare_input

    folder = tmp_path / "docs"
    write_docs(folder, DOCUMENTS)
    per_doc = len(prepare_input(next(iter_inputs([folder]))).claims)  # type: ignore[union-attr]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(pids) == 2
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["report"] = ingest_on_dask(client, db_url, [folder], batch_size=BATCH)
            except BaseException as exc:  # pragma: no cover - reported below
                outcome["error"] = exc

        runner = threading.Thread(target=run)
        runner.start()
        deadline = time.monotonic() + 120
        while _user_sources(db_url)[0] < 10 * BATCH and time.monotonic() < deadline:
            time.sleep(0.01)
        stored_when_killed = _user_sources(db_url)[0]
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)  # mid-run: its running task is lost, then retried
        runner.join(timeout=300)
        assert "error" not in outcome, outcome.get("error")
        assert stored_when_killed < DOCUMENTS, "the worker was killed after the run"
        assert victim not in client.run(os.getpid).values()  # the nanny started a new one
    report = outcome["report"]
    assert report.refused == [] and report.total == DOCUMENTS  # type: ignore[attr-defined]
    # every document once: sources, and all their claims and paragraphs, no more
    assert _user_sources(db_url) == (DOCUMENTS, DOCUMENTS * per_doc, DOCUMENTS * 2)
