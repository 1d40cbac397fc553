"""`claims check` on the shipped data, on a deliberately broken copy, and on databases."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from claims.check import check_data, check_database, run_check
from claims.curation import load_curated
from claims.resources import data_dir, seeds_dir


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ with seeds/ beside it, to break on purpose."""
    shutil.copytree(data_dir(), tmp_path / "data")
    shutil.copytree(seeds_dir(), tmp_path / "seeds")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_shipped_data_passes() -> None:
    report = check_data()
    assert report.problems == []
    assert report.checked == {"sources": 5, "seeds": 5, "curated claims": report.checked[
        "curated claims"], "quotes": report.checked["curated claims"]}
    assert report.checked["curated claims"] >= 60


def test_broken_copy_fails_with_locations(data_copy: Path) -> None:
    cronin = data_copy / "curated" / "cronin-1996.yaml"
    manning = data_copy / "curated" / "manning-1993.yaml"
    glosserman = data_copy / "curated" / "glosserman-2003.yaml"
    # 1. a quote that is not in its source (a comma for a parenthesis)
    edit(cronin, "acreage (including the Futenma", "acreage, including the Futenma")
    # 2. an unknown topic
    edit(manning, "  topics: [defense-spending]\n", "  topics: [defence]\n")
    # 3. a YAML syntax error
    edit(glosserman, "  kind: statement\n", "  kind: [statement\n")
    report = check_data(data_copy)
    messages = [p.message for p in report.problems]
    fifth = line_of(cronin, "- id: cronin-1996-okinawa-one-fifth")
    budget = line_of(manning, "- id: manning-1993-defense-budget")
    # schema and reference problems come file by file, then the quotes
    assert messages[0].startswith(f"{glosserman}:")
    assert "invalid YAML" in messages[0]
    assert messages[1] == (f"{manning}:{budget}: claim 'manning-1993-defense-budget': "
                           "unknown topic 'defence' (did you mean 'defense-spending'?)")
    assert messages[2] == (
        f"{cronin}:{fifth}: claim 'cronin-1996-okinawa-one-fifth': quote not found in the "
        "source: 'recommending the return of one-fifth of the total acreage, including the "
        "Futenma Air Station) of U.S. facilities to Okinawa within the next 5-to-7 years'; "
        "closest passage: 'recommending the return of one-fifth of the total acreage "
        "(including the Futenma Air Station) of U.S. facilities to Okinawa within the next "
        "5-to-7 years,'"
    )
    assert len(messages) == 3


def test_missing_seed_and_bad_metadata(data_copy: Path) -> None:
    (data_copy.parent / "seeds" / "003_02b068813f6da678.txt").unlink()
    report = check_data(data_copy)
    assert [p.message.split(": ", 2)[1] for p in report.problems] == ["source 'new-alliance-2007'"]
    edit(data_copy / "sources.yaml", 'date: "1996-05"', 'date: "May 1996"')
    report = check_data(data_copy)
    assert len(report.problems) == 1
    assert report.problems[0].message.startswith(f"{data_copy / 'sources.yaml'}:")
    assert "source 'cronin-1996': date" in report.problems[0].message


def test_cli_check_on_broken_copy_exits_1_with_the_location(data_copy: Path, cli_empty: Any) -> None:
    cronin = data_copy / "curated" / "cronin-1996.yaml"
    edit(cronin, "overwhelming (about 80 percent)", "overwhelming (about 85 percent)")
    result = cli_empty("check", "--data", str(data_copy), "--no-db")
    line = line_of(cronin, "- id: cronin-1996-support-80-percent")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{cronin}:{line}: claim 'cronin-1996-support-80-percent': quote not found in the source"
    )
    n = len(load_curated())
    assert result.stderr.endswith(f"1 problems (5 sources, 5 seeds, {n} curated claims, "
                                  f"{n} quotes)\n")


def test_cli_check_passes_on_shipped_data_and_built_database(cli: Any) -> None:
    result = cli("check", "--format", "json")
    assert result.exit_code == 0, result.stdout
    import json

    data = json.loads(result.stdout)
    assert data["ok"] is True and data["problems"] == []
    assert data["checked"]["database claims"] >= data["checked"]["curated claims"]


def test_check_does_not_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    report = run_check(database=str(missing))
    assert report.ok and not missing.exists()
    assert report.notes == [f"no database at {missing}: not checked"]


def test_database_spans_topics_and_metrics_are_checked(session: Any) -> None:
    from claims.models import Claim, ClaimTopic, Source, Topic

    session.add(Topic(key="trade", label="Trade"))
    session.add(Topic(key="made-up", label="Made up"))
    source = Source(slug="s-1", title="S", filename="s.txt", content_hash="h",
                    text="a $49-billion surplus")
    session.add(source)
    session.flush()
    session.add(Claim(id="good", source_id=source.id, kind="money", surface="$49-billion",
                      start=2, end=13, metric="trade-surplus"))
    session.add(Claim(id="bad-span", source_id=source.id, kind="money", surface="$49-billion",
                      start=0, end=11, metric="no-such-metric"))
    session.flush()
    session.add(ClaimTopic(claim_id="good", topic_key="trade"))
    session.add(ClaimTopic(claim_id="good", topic_key="made-up"))
    session.commit()
    report = check_database(session)
    assert [p.message for p in report.problems] == [
        "database: claim 'bad-span' (s-1): text[0:11] is 'a $49-billi', not its surface "
        "'$49-billion'",
        "database: claim 'bad-span' (s-1): unknown metric 'no-such-metric'",
        "database: claim 'good': unknown topic 'made-up'",
    ]
    assert report.checked == {"database claims": 2}


def test_sqlite_integrity_check_passes_on_a_sound_file(session: Any) -> None:
    from claims.db import integrity_problems

    assert integrity_problems(session) == []


def test_a_bundled_source_carries_the_url_its_capture_names(data_copy: Path) -> None:
    # none of the five captures names its address today (each sources.yaml url is null);
    # a capture that does must carry it, since APA 7 and MLA 9 cite an online source's URL
    seed = data_copy.parent / "seeds" / "003_02b068813f6da678.txt"
    seed.write_text(seed.read_text(encoding="utf-8")
                    + "\nRetrieved from https://example.com/towards-a-new-alliance\n",
                    encoding="utf-8")
    problems = [p.message for p in check_data(data_copy).problems]
    assert problems == [
        f"{data_copy / 'sources.yaml'}: source 'new-alliance-2007': its capture names "
        "https://example.com/towards-a-new-alliance but url is None"]
    edit(data_copy / "sources.yaml", "  kind: blog-post\n  url: null\n",
         "  kind: blog-post\n  url: https://example.com/towards-a-new-alliance\n")
    assert [p.message for p in check_data(data_copy).problems if "url" in p.message] == []
