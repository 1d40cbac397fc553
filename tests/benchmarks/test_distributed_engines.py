"""Dask against Ray (and the plain process pool) for the `prepare` step, on this machine.

Run: pip install '.[distributed]' ray; pytest tests/benchmarks/test_distributed_engines.py
--benchmark-only -s. For each engine, with 2 worker processes: the start-up time (to a
cluster ready for tasks), the wall time to prepare the same documents in batches, and
the CPU spent per document inside the tasks (process time measured in each task). The
choice in docs/scale.md rests on these figures.
"""

from __future__ import annotations

import subprocess
import sys
import time
import warnings
from typing import Any

import pytest

from claims.ingest.inputs import Input, iter_inputs
from claims.ingest.pipeline import chunked, iter_prepared, prepare_input
from tests.benchmarks.test_build_speed import _documents

N_DOCUMENTS, BATCH = 1_000, 50


def timed_batch(items: list[Input]) -> float:
    """Prepare a batch (as a task does); the CPU seconds it took."""
    started = time.process_time()
    for item in items:
        prepare_input(item)
    return time.process_time() - started


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> list[list[Input]]:
    folder = tmp_path_factory.mktemp("engines")
    _documents(folder, N_DOCUMENTS)
    return list(chunked(iter_inputs([folder]), BATCH))


def _report(name: str, startup: float, wall: float, cpu: float) -> dict[str, Any]:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    figures = {"engine": name, "startup_s": round(startup, 2), "wall_s": round(wall, 2),
               "cpu_ms_per_doc": round(1000 * cpu / N_DOCUMENTS, 2), "uptime": uptime}
    print(figures)
    return figures


def test_in_process_baseline(benchmark, batches: list[list[Input]]) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    cpu = benchmark.pedantic(lambda: sum(timed_batch(b) for b in batches), rounds=1)
    benchmark.extra_info.update(_report("one process", 0.0, time.perf_counter() - started, cpu))


def test_process_pool(benchmark, batches: list[list[Input]]) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    done = benchmark.pedantic(
        lambda: sum(len(b) for b in iter_prepared((i for b in batches for i in b), workers=2,
                                                   batch_size=BATCH)), rounds=1)
    assert done == N_DOCUMENTS
    # the pool's CPU per document is the in-process one: prepare_input runs unchanged
    benchmark.extra_info.update(_report("process pool", 0.0, time.perf_counter() - started,
                                        float("nan")))


def test_dask(benchmark, batches: list[list[Input]]) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
        client.run(lambda: None)  # the workers are up
        startup = time.perf_counter() - started
        try:
            began = time.perf_counter()
            cpu = benchmark.pedantic(
                lambda: sum(client.gather(client.map(timed_batch, batches, pure=False))),
                rounds=1)
            wall = time.perf_counter() - began
        finally:
            client.close()
            cluster.close()
    benchmark.extra_info.update(_report("dask", startup, wall, cpu))


def test_ray(benchmark, batches: list[list[Input]]) -> None:  # type: ignore[no-untyped-def]
    ray = pytest.importorskip("ray")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        # this test module is not importable in Ray's workers: send the task by value
        ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
        remote = ray.remote(timed_batch)
        ray.get([remote.remote([]) for _ in range(2)])  # the workers are up
        startup = time.perf_counter() - started
        try:
            began = time.perf_counter()
            cpu = benchmark.pedantic(
                lambda: sum(ray.get([remote.remote(b) for b in batches])), rounds=1)
            wall = time.perf_counter() - began
        finally:
            ray.shutdown()
    benchmark.extra_info.update(_report("ray", startup, wall, cpu))
