"""SQL for adding review history to an Anki package that genanki wrote.

genanki writes notes and new cards only. To carry a learner's progress into Anki, the
package's ``collection.anki2`` (a SQLite file inside the .apkg zip) gets each card's
scheduling (``cards``: type, queue, due, ivl, reps, lapses, and FSRS memory state in
``data``) and one ``revlog`` row per review (Anki's review log: time, card, ease,
interval, type, time taken). Anki imports both when the package is imported with its
scheduling ("Import any learning progress").

Cards are found by the ``Card`` field of their note, which holds our card id.
Nothing here knows about claims: callers pass plain dicts (``claims.study.anki``).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

COLLECTION = "collection.anki2"
FIELD_SEPARATOR = "\x1f"


def _card_ids(connection: sqlite3.Connection, field_index: int) -> dict[str, int]:
    """Our card id (the note field ``field_index``) -> the Anki card id."""
    found = {}
    rows = connection.execute(
        "SELECT cards.id, notes.flds FROM cards JOIN notes ON notes.id = cards.nid")
    for anki_id, fields in rows:
        parts = fields.split(FIELD_SEPARATOR)
        if field_index < len(parts):
            found[parts[field_index]] = anki_id
    return found


def add_history(package: Path, field_index: int, cards: dict[str, dict[str, Any]],
                reviews: Sequence[dict[str, Any]]) -> int:
    """Write scheduling and review log rows into the .apkg at ``package``.

    ``cards`` maps our card id to ``{type, queue, due_at (datetime), ivl, reps, lapses,
    data}``, where a review card's due becomes a day number of the collection;
    ``reviews`` are ``{card_id, at (datetime), ease, ivl, type, time_ms}``. Returns the
    number of revlog rows written.
    """
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / COLLECTION
        with zipfile.ZipFile(package) as archive:
            names = archive.namelist()
            archive.extractall(folder)
        connection = sqlite3.connect(collection)
        try:
            written = _write(connection, field_index, cards, reviews)
            connection.commit()
        finally:
            connection.close()
        rebuilt = Path(folder) / "rebuilt.apkg"
        with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                archive.write(Path(folder) / name, name)
        shutil.move(str(rebuilt), package)
    return written


def _write(connection: sqlite3.Connection, field_index: int, cards: dict[str, dict[str, Any]],
           reviews: Sequence[dict[str, Any]]) -> int:
    ids = _card_ids(connection, field_index)
    created = connection.execute("SELECT crt FROM col").fetchone()[0]
    for card_id, sched in cards.items():
        anki_id = ids.get(card_id)
        if anki_id is None:
            continue
        due_at = sched["due_at"]
        if sched["type"] == 2:  # review: a day number counted from the collection's start
            due = int((due_at.timestamp() - created) // 86_400)
        else:  # (re)learning: a Unix time
            due = int(due_at.timestamp())
        connection.execute(
            "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, reps = ?, lapses = ?, "
            "data = ? WHERE id = ?",
            (sched["type"], sched["queue"], due, sched["ivl"], sched["reps"], sched["lapses"],
             sched["data"], anki_id),
        )
    used: set[int] = set()
    written = 0
    for review in reviews:
        anki_id = ids.get(review["card_id"])
        if anki_id is None:
            continue
        stamp = int(review["at"].timestamp() * 1000)
        while stamp in used:  # revlog ids are unique milliseconds
            stamp += 1
        used.add(stamp)
        connection.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "VALUES (?, ?, -1, ?, ?, ?, 0, ?, ?)",
            (stamp, anki_id, review["ease"], review["ivl"], review["last_ivl"],
             review["time_ms"], review["type"]),
        )
        written += 1
    return written
