"""Fixtures for the web app: a TestClient over the built corpus, a real uvicorn server on a
free loopback port, and a Chromium browser driven by Playwright (the system Chromium: never
``playwright install``). Without Chromium the browser tests skip, except in CI (``CI`` set),
where they fail: CI must run them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "axe.min.js"
START_DEADLINE = 60.0  # seconds: a loaded 2-core machine can take 20 s to start uvicorn


@pytest.fixture(scope="session")
def web_app(built_db_url: str) -> Any:
    from web.app import create_app

    app = create_app(built_db_url, ensure_corpus=False)
    yield app
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def client(web_app: Any) -> Iterator[Any]:
    """FastAPI's TestClient (httpx) over the built corpus; never raises server errors, so a
    500 shows as a status like any other."""
    from fastapi.testclient import TestClient

    with TestClient(web_app, raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(built_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn serving the built corpus; yields its base URL, stops it afterwards."""
    yield from _serve(built_db_url, tmp_path_factory)


def _serve(built_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "uvicorn.log"
    env = {**os.environ, "CLAIMS_DB": built_db_url, "PYTHONPATH": str(REPO)}
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "web.app:app_from_env",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_DEADLINE
            while True:
                if process.poll() is not None:
                    pytest.fail(f"uvicorn exited: {log_path.read_text('utf-8')[-2000:]}")
                try:
                    with urllib.request.urlopen(base + "/openapi.json", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start: {log_path.read_text('utf-8')[-2000:]}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _no_browser(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium, headless, from the system (Debian's /usr/bin/chromium)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        _no_browser("no chromium on PATH (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


def new_page(browser: Any, width: int = 1280, height: int = 900,
             javascript: bool = True) -> tuple[Any, Any, list[str]]:
    """A fresh context and page; page errors are collected in the returned list."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page at 1280 x 900 with JavaScript; the test fails on any page error."""
    context, page, errors = new_page(browser)
    yield page
    context.close()
    assert errors == []


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as loaded (every WCAG A/AA rule and best practice)."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


# --- study: accounts on a database of their own ------------------------------------------

PASSWORDS = {"ana": "ana-password-1", "bob": "bob-password-1", "tess": "tess-password-1"}
TEACHERS = {"tess"}


@pytest.fixture(scope="session")
def study_db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A built corpus with learners ana and bob and the teacher tess, for the study pages
    and API (tests write to it: answers, suspensions; none may assume a card is new)."""
    from conftest import _built_database  # type: ignore[import-not-found]
    from sqlmodel import Session

    from claims.accounts import add_account
    from claims.db import open_database

    for url in _built_database(tmp_path_factory.mktemp("study"), "study"):
        engine = open_database(url)
        with Session(engine) as session:
            for name, password in PASSWORDS.items():
                add_account(session, name, password, teacher=name in TEACHERS)
            session.commit()
        engine.dispose()
        yield url


@pytest.fixture(scope="session")
def study_app(study_db_url: str) -> Any:
    from web.app import create_app

    app = create_app(study_db_url, ensure_corpus=False)
    yield app
    app.state.engine.dispose()


def csrf_of(html: str) -> str:
    import re

    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found[1]


def sign_in(app: Any, name: str | None, base_url: str = "http://testserver") -> Any:
    """A TestClient signed in as ``name`` (None: anonymous, with a CSRF cookie)."""
    from fastapi.testclient import TestClient

    client = TestClient(app, raise_server_exceptions=False, base_url=base_url)
    token = csrf_of(client.get("/login").text)
    if name is not None:
        app.state.throttles.by_name.clear(name)  # other tests' failed sign-ins
        app.state.throttles.by_address.clear("testclient")
        answer = client.post("/login", data={"name": name, "password": PASSWORDS[name],
                                             "csrf": token}, follow_redirects=False)
        assert answer.status_code == 303, answer.text[:500]
    return client


@pytest.fixture(scope="session")
def study_server(study_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn over the study database."""
    yield from _serve(study_db_url, tmp_path_factory)
