"""Where the bundled ``data/`` and ``seeds/`` folders are.

In a wheel they are package data under ``claims/_bundled/`` (pyproject's
``force-include``); in a source checkout or editable install they sit at the top
of the repository, beside ``claims/``.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled folder ``name`` ("data" or "seeds"), packaged copy first."""
    packaged = _PACKAGE_DIR / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


DATA_DIR_ENV = "CLAIMS_DATA_DIR"


def data_dir() -> Path:
    """The curated data folder: ``CLAIMS_DATA_DIR`` if set (your own copy), else the bundled one."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else bundled_dir("data")


def seeds_dir() -> Path:
    return bundled_dir("seeds")
