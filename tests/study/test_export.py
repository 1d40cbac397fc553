"""Exports: the .apkg opened as a zip holding a SQLite collection, CSV rows, JSON."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import genanki

from claims.study.anki import BASIC_MODEL_ID, CLOZE_MODEL_ID, deck_id
from claims.study.cards import card_id

NOW = "2026-11-23T09:00:00Z"


def _collection(apkg: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as archive:
        names = archive.namelist()
        assert "collection.anki2" in names
        archive.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def _notes(db: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    rows = db.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
    return {guid: {"mid": mid, "fields": flds.split("\x1f"), "tags": tags.split()}
            for guid, mid, flds, tags in rows}


def test_apkg_holds_basic_and_cloze_notes_with_citations(study_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = study_cli("export", "anki", "--out", str(out), "--now", NOW)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Wrote 21 notes (7 cloze, 14 basic) in 3 decks to {out}.\n"
    )
    db = _collection(out, tmp_path)
    notes = _notes(db)
    assert len(notes) == 21
    cloze_guid = genanki.guid_for("surplus", card_id("surplus", "cloze"))
    cloze = notes[cloze_guid]
    assert cloze["mid"] == CLOZE_MODEL_ID
    assert "(a {{c1::$49-billion}} surplus with the United States in 1992)" in cloze["fields"][0]
    assert cloze["fields"][2] == (
        "Robert A. Manning, \u201cTime to Redefine the U.S.-Japan Relationship\u201d, "
        "Los Angeles Times, 1993-04-11."
    )
    assert sorted(cloze["tags"]) == ["kind::cloze", "source::manning-1993", "topic::trade"]
    choice = notes[genanki.guid_for("forces", card_id("forces", "choice"))]
    assert choice["mid"] == BASIC_MODEL_ID
    assert '<ol class="choices" type="a"><li>more than' in choice["fields"][0]
    assert choice["fields"][1] == "more than 45,000"
    assert "Strategic Forum No. 75" in choice["fields"][2]
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert {int(k) for k in models} == {BASIC_MODEL_ID, CLOZE_MODEL_ID}
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert {d["name"]: int(k) for k, d in decks.items() if d["name"] != "Default"} == {
        "Claims::Manning (1993)": deck_id("manning-1993"),
        "Claims::Cronin (1996)": deck_id("cronin-1996"),
        "Claims::Andrews (2017)": deck_id("andrews-2017"),
    }


def test_reexport_keeps_guids_so_anki_updates(study_cli: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "one.apkg", tmp_path / "b" / "two.apkg"
    assert study_cli("export", "anki", "--out", str(first)).exit_code == 0
    assert study_cli("export", "anki", "--out", str(second), "--deck", "okinawa").exit_code == 0
    one = _notes(_collection(first, tmp_path / "a"))
    two = _notes(_collection(second, tmp_path / "b"))
    assert set(two) < set(one)
    assert len(two) == 6  # acreage, decrease (cloze, choice each), 1972 (year, choice)


def test_anki_refuses_a_wrong_suffix(study_cli: Any, tmp_path: Path) -> None:
    result = study_cli("export", "anki", "--out", str(tmp_path / "deck.zip"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'deck.zip'}: an Anki package must end in .apkg "
        f"(hint: use --out {tmp_path / 'deck.apkg'})\n"
    )


def test_csv_is_front_back_tags(study_cli: Any) -> None:
    result = study_cli("export", "csv", "--deck", "us-forces", "--now", NOW)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and all(len(r) == 3 for r in rows)
    by_kind = {r[2].split()[-1]: r for r in rows}
    choice = by_kind["kind::choice"]
    assert choice[0].splitlines()[0] == (
        "How many U.S. forces in Japan were there in 1996, according to Cronin (1996)?")
    assert choice[0].splitlines()[1].startswith("a) more than ")
    assert choice[1].startswith("more than 45,000\n\nPatrick M. Cronin, ")
    assert choice[2] == "topic::us-forces source::cronin-1996 kind::choice"


def test_csv_to_a_file_with_header(study_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "cards.csv"
    result = study_cli("export", "csv", "--out", str(out), "--header")
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 21 cards to {out}.\n"
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["front", "back", "tags"] and len(rows) == 22


def test_json_has_claims_with_sources_and_cards(study_cli: Any) -> None:
    result = study_cli("export", "json", "--now", NOW)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["slug"] for s in data["sources"]] == ["manning-1993", "cronin-1996", "andrews-2017"]
    surplus = next(c for c in data["claims"] if c["id"] == "surplus")
    assert surplus["source"] == "manning-1993" and surplus["surface"] == "$49-billion"
    assert surplus["topics"] == ["trade"]
    assert len(data["claims"]) == 13 and len(data["cards"]) == 21
    assert set(data["cards"][0]) >= {"id", "claim_id", "kind", "question", "answer", "choices",
                                     "due"}


def test_anki_export_with_history_carries_the_learners_progress(
    study_cli: Any, tmp_path: Path
) -> None:
    surplus, forces = card_id("surplus", "cloze"), card_id("forces", "cloze")
    for args in ((surplus, "$49B", "2026-11-23T09:00:00Z"), (forces, "12", "2026-11-23T09:01:00Z"),
                 (surplus, "$49B", "2026-11-23T09:10:00Z")):
        result = study_cli("--learner", "ana", "cards", "answer", args[0], args[1], "--now",
                           args[2], "--format", "json")
        assert result.exit_code == 0, result.output
    study_cli("--learner", "bo", "cards", "answer", forces, "45,000", "--format", "json")
    out = tmp_path / "ana.apkg"
    result = study_cli("--learner", "ana", "export", "anki", "--out", str(out), "--history",
                       "--now", "2026-11-23T09:30:00Z")
    assert result.exit_code == 0, result.output
    assert result.stderr.rstrip().endswith("with 3 reviews.")
    db = _collection(out, tmp_path)
    ours = {fields.split("\x1f")[3]: cid for cid, fields in
            db.execute("SELECT cards.id, notes.flds FROM cards JOIN notes ON notes.id = cards.nid")}
    log = db.execute("SELECT id, cid, ease, type FROM revlog ORDER BY id").fetchall()
    assert [(cid, ease, kind) for _, cid, ease, kind in log] == [
        (ours[surplus], 3, 0), (ours[forces], 1, 0), (ours[surplus], 3, 1)]
    assert log[0][0] == 1_795_424_400_000  # 2026-11-23T09:00:00Z in milliseconds
    scheduled = dict(db.execute("SELECT id, type FROM cards WHERE type > 0").fetchall())
    assert scheduled == {ours[surplus]: 2, ours[forces]: 1}  # review; learning after Again
    assert db.execute("SELECT count(*) FROM cards WHERE type = 0").fetchone()[0] == len(ours) - 2


def test_json_cards_carry_the_learners_state(study_cli: Any) -> None:
    surplus = card_id("surplus", "cloze")
    study_cli("--learner", "ana", "cards", "answer", surplus, "$49B", "--now", NOW,
              "--format", "json")
    states = {}
    for who in ("ana", "bo"):
        data = json.loads(study_cli("--learner", who, "export", "json", "--now", NOW).stdout)
        states[who] = next(c["state"] for c in data["cards"] if c["id"] == surplus)
    assert states == {"ana": "learning", "bo": "new"}
