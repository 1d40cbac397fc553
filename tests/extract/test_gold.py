"""The extractor against the hand-checked gold annotations of the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claims.domain import Qualifier
from claims.extract import extract
from claims.ingest.textio import read_document
from claims.resources import seeds_dir

from .scoring import Score, score

GOLD = yaml.safe_load((Path(__file__).parents[1] / "gold" / "seeds.yaml").read_text("utf-8"))
BAR = 0.95


def _text(name: str) -> str:
    return read_document(seeds_dir() / name).text


@pytest.fixture(scope="module")
def results() -> dict[str, list]:
    return {name: extract(_text(name)) for name in GOLD}


def test_gold_file_is_consistent() -> None:
    for name, entry in GOLD.items():
        text = _text(name)
        starts = [g["start"] for g in entry["figures"]]
        assert starts == sorted(starts), name
        for g in entry["figures"]:
            assert text[g["start"]:g["end"]] == g["surface"], (name, g)
            assert g["qualifier"] in set(Qualifier), g
        for furniture in entry["furniture"]:
            assert furniture in text, (name, furniture)


def test_precision_and_recall_on_the_seeds(results: dict[str, list]) -> None:
    total = Score()
    for name, entry in GOLD.items():
        score(results[name], entry["figures"], name, into=total)
    assert total.gold >= 50
    assert total.recall >= BAR, total.misses
    assert total.precision >= BAR, total.false_positives


def test_fields_of_matched_figures(results: dict[str, list]) -> None:
    total = Score()
    for name, entry in GOLD.items():
        score(results[name], entry["figures"], name, into=total)
    assert total.field_errors == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_page_furniture(name: str, results: dict[str, list]) -> None:
    text = _text(name)
    for furniture in GOLD[name]["furniture"]:
        at = text.find(furniture)
        while at != -1:
            end = at + len(furniture)
            hits = [e.surface for e in results[name] if e.start < end and at < e.end]
            assert hits == [], f"{furniture!r} at {at} extracted as {hits}"
            at = text.find(furniture, end)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_contract_invariants(name: str, results: dict[str, list]) -> None:
    text = _text(name)
    starts = [e.start for e in results[name]]
    assert starts == sorted(starts)
    for e in results[name]:
        assert text[e.start:e.end] == e.surface
        sentence = text[e.sentence_start:e.sentence_end]
        assert e.sentence_start <= e.start and e.end <= e.sentence_end, (e, sentence)
        assert sentence == sentence.strip()
        assert e.qualifier in set(Qualifier)


def test_metric_guesses_match_gold(results: dict[str, list]) -> None:
    pairs = [(g.get("metric"), e.metric) for name, entry in GOLD.items()
             for g in entry["figures"] for e in results[name]
             if (e.start, e.end, e.kind) == (g["start"], g["end"], g["kind"])]
    right = sum(1 for want, got in pairs if want == got)
    assert right / len(pairs) >= BAR
