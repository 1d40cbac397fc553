"""Load: 50 simulated learners answering over HTTP for 60 s against PostgreSQL.

Run (loopback only; a bounded local run):

    CLAIMS_TEST_DATABASE_URL=postgresql+psycopg://... \\
        pytest tests/benchmarks/test_web_load.py --benchmark-enable -s

A real uvicorn (``LOAD_WORKERS`` processes) serves a built corpus in a fresh PostgreSQL
schema; 50 learners, each with an API token, loop in threads: ``GET /api/cards?limit=1``
(the next card in review order), think ``THINK`` seconds, ``POST
/api/cards/{id}/answer``. Every request's latency is kept. Afterwards the database must
hold, for each learner, exactly the answers the server confirmed with a 200 (the same
cards, each once): none lost, none doubled. The figures are printed and go into
docs/benchmarks.md, "Study in the browser under load".
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

LEARNERS = int(os.environ.get("LOAD_LEARNERS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
THINK = (0.5, 1.5)  # seconds a learner reads a card before answering (uniform)
REPO = Path(__file__).resolve().parents[2]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def _learner(base: str, token: str, seed: int, stop: float, log: list[tuple[Any, ...]],
             lock: threading.Lock) -> None:
    import httpx

    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        while time.monotonic() < stop:
            started = time.perf_counter()
            listed = client.get("/api/cards", params={"limit": 1})
            took = time.perf_counter() - started
            with lock:
                log.append(("cards", listed.status_code, took, None))
            if listed.status_code != 200 or not listed.json():
                time.sleep(0.5)
                continue
            card = listed.json()[0]
            time.sleep(rng.uniform(*THINK))
            given = rng.choice([card["answer"], "no idea"])
            started = time.perf_counter()
            answered = client.post(f"/api/cards/{card['id']}/answer", json={"given": given})
            took = time.perf_counter() - started
            with lock:
                log.append(("answer", answered.status_code, took,
                            (seed, card["id"]) if answered.status_code == 200 else None))


@pytest.mark.benchmark(group="web-load")
def test_fifty_learners_answer_for_a_minute(requires_postgres: str, tmp_path: Path,
                                            benchmark: Any) -> None:
    from conftest import _drop_postgres_schema, make_db_url
    from sqlmodel import Session, select
    from webapp.conftest import free_port

    from claims.accounts import add_account, issue_token
    from claims.db import open_database
    from claims.ingest.corpus import build_bundled
    from claims.models import Learner, Review

    url, schema = make_db_url(tmp_path, "load")
    engine = open_database(url)
    build_bundled(engine)
    tokens = []
    with Session(engine) as session:
        for number in range(LEARNERS):
            learner = add_account(session, f"learner-{number:02d}", None)
            tokens.append(issue_token(session, learner))
        session.commit()
    port = free_port()
    log_path = tmp_path / "uvicorn.log"
    env = {**os.environ, "CLAIMS_DB": url, "PYTHONPATH": str(REPO)}
    with open(log_path, "w", encoding="utf-8") as server_log:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "web.app:app_from_env",
             "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS),
             "--log-level", "warning"], stdout=server_log, stderr=subprocess.STDOUT, env=env,
            cwd=REPO)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base, server, log_path)
            log: list[tuple[Any, ...]] = []
            lock = threading.Lock()

            def run() -> None:
                stop = time.monotonic() + SECONDS
                threads = [threading.Thread(target=_learner,
                                            args=(base, token, n, stop, log, lock))
                           for n, token in enumerate(tokens)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()

            benchmark.pedantic(run, rounds=1, iterations=1)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    confirmed = Counter(entry[3] for entry in log if entry[3] is not None)
    with Session(engine) as session:
        names = {learner.id: int(learner.name.split("-")[1])
                 for learner in session.exec(select(Learner))}
        stored = Counter((names[r.learner_id], r.card_id) for r in session.exec(select(Review)))
    engine.dispose()
    if schema:
        _drop_postgres_schema(requires_postgres, schema)
    answers = [entry[2] for entry in log if entry[0] == "answer"]
    reads = [entry[2] for entry in log if entry[0] == "cards"]
    statuses = Counter((entry[0], entry[1]) for entry in log)
    report = {
        "learners": LEARNERS, "seconds": SECONDS, "workers": WORKERS,
        "answers_confirmed": sum(confirmed.values()), "answers_stored": sum(stored.values()),
        "answers_per_second": round(len(answers) / SECONDS, 1),
        "answer_p50_ms": round(1000 * statistics.median(answers), 1),
        "answer_p95_ms": round(1000 * _percentile(answers, 0.95), 1),
        "answer_max_ms": round(1000 * max(answers), 1),
        "cards_p50_ms": round(1000 * statistics.median(reads), 1),
        "cards_p95_ms": round(1000 * _percentile(reads, 0.95), 1),
        "statuses": dict(statuses),
    }
    print("\nLOAD", report)
    benchmark.extra_info.update(report)
    assert stored == confirmed  # every confirmed answer stored exactly once, nothing else
    assert set(statuses) <= {("cards", 200), ("answer", 200)}, statuses


def _wait_for(base: str, server: Any, log_path: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + 90
    while True:
        if server.poll() is not None:
            pytest.fail(f"uvicorn exited: {log_path.read_text('utf-8')[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/openapi.json", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"uvicorn did not start: {log_path.read_text('utf-8')[-2000:]}")
        time.sleep(0.3)
