"""Which modules a piece of code loads, run in a new interpreter (start-up time checks)."""

from __future__ import annotations

import json
import subprocess
import sys

_MARKER = "--- loaded modules ---"


def run_and_list_modules(code: str, watched: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run ``code`` in a new Python; return what it printed and which modules it loaded
    of ``watched`` (a package name matches its submodules too), sorted."""
    listing = (
        "\nimport json as _json, sys as _sys\n"
        f"print({_MARKER!r})\n"
        f"print(_json.dumps(sorted(m for m in _sys.modules if m in {watched!r}"
        f" or m.split('.')[0] in {watched!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code + listing], capture_output=True,
                          text=True, check=True)
    printed, _, loaded = done.stdout.rpartition(_MARKER + "\n")
    return printed, json.loads(loaded)
