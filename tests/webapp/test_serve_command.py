"""`claims serve` itself: starts uvicorn on the loopback address by default and serves the
database named by --db; the port is taken from --port."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request

from webapp.conftest import REPO, START_DEADLINE, free_port


def test_serve_defaults_to_the_loopback_address() -> None:
    from cli.serve import DEFAULT_HOST, DEFAULT_PORT

    assert (DEFAULT_HOST, DEFAULT_PORT) == ("127.0.0.1", 8000)


def test_claims_serve_serves_the_database(built_db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from cli.main import main; main()", "--db", built_db_url,
             "--quiet", "serve", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        try:
            deadline = time.monotonic() + START_DEADLINE
            while True:
                assert process.poll() is None, log_path.read_text("utf-8")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/sources",
                                                timeout=2) as answer:
                        sources = json.load(answer)
                        break
                except OSError:
                    assert time.monotonic() < deadline, log_path.read_text("utf-8")
                    time.sleep(0.2)
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert len(sources) == 5


def test_concurrent_requests_get_the_answers_of_sequential_ones(server: str) -> None:
    """Routes run in a thread pool: citations (citeproc) and searches at once stay correct."""
    from concurrent.futures import ThreadPoolExecutor

    urls = [f"{server}/api/claims/cronin-1996-forces-45000?style={style}"
            for style in ("apa", "mla", "chicago", "bibtex", "csl-json", "markdown")]
    urls += [f"{server}/api/search?q={q}" for q in ("surplus", "forces", "okinawa", "budget")]
    urls += [f"{server}/api/cite?ids=cronin-1996-forces-45000&style=chicago"]

    def fetch(url: str) -> str:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return str(answer.read().decode("utf-8"))

    expected = [fetch(url) for url in urls]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(2):
            assert list(pool.map(fetch, urls)) == expected
