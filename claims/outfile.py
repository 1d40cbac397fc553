"""Where an export writes: the one rule for every ``out`` path (Anki, CSV, JSON).

A missing folder is created, as people expect of ``--out exports/2026/cards.csv``; a
path that is a folder, or that cannot be written, is an :class:`InputError` naming it.
A text export is written to a temporary file beside ``out`` and moved into place, so
a failure half-way (an unknown deck, a full disk) leaves no half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claims.errors import InputError


def prepare_out(out: Path) -> None:
    """Refuse a folder as ``out``; create the folders ``out`` is in."""
    if out.is_dir():
        raise InputError(f"{out} is a folder", hint="give `out` a file name, such as cards.csv")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create its folder ({exc.strerror})",
                         hint="choose a writable `out` path") from None


@contextmanager
def open_out(out: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream that becomes the file ``out`` when the block ends without an
    error (and no file at all when it does not)."""
    prepare_out(out)
    partial = out.with_name(f".{out.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(partial, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror})",
                         hint="choose a writable `out` path") from None
    finally:
        partial.unlink(missing_ok=True)
