"""Start-up of a new `claims` process, beside the floor it stands on: `import typer`.

Run: pytest tests/benchmarks/test_startup_speed.py --benchmark-only
Issue 16's bars: `claims --help` within 2x `python -c "import typer"`, and `claims search`
no slower than before (docs/benchmarks.md, "Start-up"). Figures go to docs/benchmarks.md
with `uptime`; nothing here asserts a time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from claims.db import open_database

CLAIMS = str(Path(sys.executable).with_name("claims"))


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claims.ingest.corpus import build_bundled

    path = tmp_path_factory.mktemp("bundled") / "claims.db"
    engine = open_database(f"sqlite:///{path}")
    build_bundled(engine)
    engine.dispose()
    return path


@pytest.mark.parametrize("argv", [
    [sys.executable, "-c", "import typer"],
    [CLAIMS, "--help"],
    [CLAIMS, "--version"],
    [CLAIMS, "search", "surplus", "--format", "json"],
    [CLAIMS, "search", "45000", "--format", "json"],
    [CLAIMS, "search", "surplus"],
], ids=["import-typer", "help", "version", "search-json", "search-number", "search-table"])
def test_fresh_process(benchmark, bundled_db: Path, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A new process each round, as a user at a shell runs it (COLUMNS=80). Wall time is
    what pytest-benchmark reports; on a loaded machine the CPU time the process used
    (user + system, median) is steadier, and goes in ``extra_info["cpu_ms"]``."""
    command = [*argv[:1], "--db", str(bundled_db), *argv[1:]] if argv[0] == CLAIMS else argv
    benchmark.group = "startup"
    cpu: list[float] = []

    def run() -> subprocess.CompletedProcess[str]:
        before = os.times()
        done = subprocess.run(command, capture_output=True, text=True, check=True,
                              env={"COLUMNS": "80", "PATH": ""})
        after = os.times()
        cpu.append(after.children_user - before.children_user
                   + after.children_system - before.children_system)
        return done

    done = benchmark.pedantic(run, rounds=15, iterations=1, warmup_rounds=2)
    benchmark.extra_info["cpu_ms"] = round(statistics.median(cpu) * 1000)
    print(f"\n{' '.join(argv[1:]) or argv[0]}: cpu median {benchmark.extra_info['cpu_ms']} ms")
    assert done.returncode == 0
