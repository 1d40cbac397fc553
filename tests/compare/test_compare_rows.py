"""compare_metric, compare_topic, timeline and listings on rows inserted by hand
(sources, claims and topics written as rows, no build needed)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from claims.compare import (
    compare_metric,
    compare_topic,
    list_metrics,
    list_topics,
    resolve_metric,
    timeline,
)
from claims.errors import NotFound
from claims.models import Claim, ClaimTopic, Source, Topic
from claims.topics import load_topics

SOURCES = [
    # slug, date, author
    ("manning-1993", "1993-04-11", "Robert A. Manning"),
    ("cronin-1996", "1996-05", "Patrick M. Cronin"),
    ("poll-1996", "1996-06", "A. Pollster"),
    ("later-2000", "2000", "B. Later"),
    ("andrews-2017", "2017-08", "Brian Andrews"),
]

# id, source, kind, surface, value, unit, qualifier, metric, as_of, topics, extra fields
CLAIMS: list[tuple[Any, ...]] = [
    ("m-surplus", "manning-1993", "money", "$49-billion", 49e9, "USD", "exact", "trade-surplus",
     1992, ["trade"], {}),
    ("m-surplus-yen", "manning-1993", "money", "6 trillion yen", 6e12, "JPY", "exact",
     "trade-surplus", 1992, ["trade"], {}),
    ("c-fifth", "cronin-1996", "ratio", "one-fifth", 0.2, None, "exact", "okinawa-land-return",
     1996, ["okinawa"], {}),
    ("c-20pc", "cronin-1996", "percent", "20 percent", 20, "percent", "exact",
     "okinawa-land-return", 1996, ["okinawa"], {}),
    ("c-80pc", "cronin-1996", "percent", "80 percent", 80, "percent", "approximately",
     "public-support", 1996, ["public-opinion"], {}),
    ("p-78pc", "poll-1996", "percent", "78 percent", 78, "percent", "exact", "public-support",
     1996, ["public-opinion"], {}),
    ("c-45000", "cronin-1996", "count", "45,000", 45000, "personnel", "more than",
     "us-forces-in-japan", 1996, ["us-forces"], {}),
    ("p-47000", "poll-1996", "count", "47,000", 47000, "troops", "exact", "us-forces-in-japan",
     1996, ["us-forces"], {}),
    ("p-40000", "poll-1996", "count", "40,000", 40000, "troops", "exact", "us-forces-in-japan",
     1996, ["us-forces"], {}),
    ("l-40000", "later-2000", "count", "40,000", 40000, "troops", "exact", "us-forces-in-japan",
     2000, ["us-forces"], {}),
    ("m-junior", "manning-1993", "statement", "junior partner", None, None, "exact", None, None,
     ["alliance-partnership", "trade"],
     {"proposition": "Japan is a junior partner", "stance": "affirms"}),
    ("c-equal", "cronin-1996", "statement", "a more equal partnership", None, None, "exact", None,
     None, ["alliance-partnership"],
     {"proposition": "Japan is a junior partner", "stance": "denies"}),
    ("c-separate", "cronin-1996", "statement", "two largely separate", None, None, "exact", None,
     None, ["trade"], {"proposition": "Keep trade apart", "stance": "affirms"}),
    ("a-obstruct", "andrews-2017", "statement", "must not be allowed", None, None, "exact", None,
     None, ["trade"], {"proposition": "Keep trade apart", "stance": "urges"}),
    ("a-cornerstone", "andrews-2017", "statement", "the cornerstone", None, None, "exact", None,
     2017, ["alliance-partnership"],
     {"proposition": "The alliance is the cornerstone", "stance": "affirms"}),
    ("a-extracted", "andrews-2017", "count", "11", 11, "nations", "exact", None, 2017, ["trade"],
     {"origin": "extracted"}),
]


def fill(session: Any) -> None:
    for spec in load_topics():
        session.add(Topic(key=spec.key, label=spec.label, description=spec.description))
    ids = {}
    for slug, date, author in SOURCES:
        source = Source(
            slug=slug, title=slug, authors=[{"name": author}], date=date, filename=f"{slug}.txt",
            content_hash=slug, text="",
        )
        session.add(source)
        session.flush()
        ids[slug] = source.id
    for position, row in enumerate(CLAIMS):
        cid, slug, kind, surface, value, unit, qualifier, metric, as_of, topics, extra = row
        session.add(Claim(
            id=cid, source_id=ids[slug], kind=kind, surface=surface, value=value, unit=unit,
            qualifier=qualifier, metric=metric, as_of=as_of, start=position * 100,
            end=position * 100 + len(surface),
            **{"origin": "curated", **extra},
        ))
        session.flush()
        for topic in topics:
            session.add(ClaimTopic(claim_id=cid, topic_key=topic))
    session.commit()


@pytest.fixture
def filled(session: Any) -> Any:
    fill(session)
    return session


def pairs(result: Any) -> dict[tuple[str, str], str]:
    return {(p.a, p.b): p.verdict for p in result.pairs}


def test_okinawa_acreage_two_ways_agree(filled: Any) -> None:
    result = compare_metric(filled, "okinawa-land-return")
    assert [(c.id, c.normalized, c.scale) for c in result.claims] == [
        ("c-fifth", 20.0, "percent"), ("c-20pc", 20.0, "percent"),
    ]
    assert pairs(result) == {("c-fifth", "c-20pc"): "agree"}
    assert result.pairs[0].reason == "same figure (20 percent)"
    assert result.verdict == "agree"


def test_words_find_the_metric(filled: Any) -> None:
    result = compare_metric(filled, "okinawa acreage")
    assert result.metric == "okinawa-land-return"


def test_qualifiers_widen_the_tolerance(filled: Any) -> None:
    assert pairs(compare_metric(filled, "public-support")) == {("c-80pc", "p-78pc"): "agree"}
    forces = pairs(compare_metric(filled, "us-forces-in-japan"))
    assert forces[("c-45000", "p-47000")] == "agree"
    assert forces[("c-45000", "p-40000")] == "conflict"
    assert forces[("c-45000", "l-40000")] == "changed"  # 1996 vs 2000: a change over time
    assert forces[("p-40000", "l-40000")] == "changed"  # the same 40,000, in 1996 and 2000


def test_conflicts_are_flagged_in_the_overall_verdict(filled: Any) -> None:
    assert compare_metric(filled, "us-forces-in-japan").verdict == "conflict"


def test_currencies_differ(filled: Any) -> None:
    result = compare_metric(filled, "trade-surplus")
    assert [(p.verdict, p.reason) for p in result.pairs] == [
        ("differ", "different units (USD vs JPY)"),
    ]


def test_claims_carry_source_author_date(filled: Any) -> None:
    first = compare_metric(filled, "public-support").claims[0].to_dict()
    assert {k: first[k] for k in ("source", "authors", "date", "as_of", "surface", "display")} == {
        "source": "cronin-1996", "authors": "Patrick M. Cronin", "date": "1996-05",
        "as_of": 1996, "surface": "80 percent", "display": "about 80 percent",
    }


def test_unknown_metric_suggests_nearest(filled: Any) -> None:
    with pytest.raises(NotFound) as info:
        compare_metric(filled, "trade-surplu")
    assert info.value.message == "unknown metric 'trade-surplu'"
    assert info.value.hint is not None and info.value.hint.startswith("did you mean trade-surplus")


def test_words_matching_several_metrics_report_the_others(filled: Any) -> None:
    spec, others = resolve_metric(filled, "surplus")
    assert spec.key == "trade-surplus" and "trade-surplus-all-partners" in others


def test_topic_matrix(filled: Any) -> None:
    matrix = compare_topic(filled, "trade")
    assert [s.slug for s in matrix.sources] == ["manning-1993", "cronin-1996", "andrews-2017"]
    rows = {r.key: r for r in matrix.rows}
    assert set(rows) == {"trade-surplus", "Japan is a junior partner", "Keep trade apart"}
    assert rows["Keep trade apart"].verdict == "shared"
    assert set(rows["Keep trade apart"].cells) == {"cronin-1996", "andrews-2017"}
    assert rows["trade-surplus"].verdict == "differ"
    assert matrix.other_claims == 1  # the extracted count with no metric
    assert matrix.rows[0].type == "metric"


def test_topic_matrix_shows_a_split(filled: Any) -> None:
    rows = {r.key: r for r in compare_topic(filled, "alliance-partnership").rows}
    assert rows["Japan is a junior partner"].verdict == "split"
    cell = rows["Japan is a junior partner"].cells["cronin-1996"][0]
    assert (cell.claim_id, cell.stance, cell.text) == (
        "c-equal", "denies", "denies: a more equal partnership",
    )


def test_unknown_topic(filled: Any) -> None:
    with pytest.raises(NotFound) as info:
        compare_topic(filled, "trades")
    assert (info.value.message, info.value.hint) == (
        "unknown topic 'trades'",
        "did you mean trade, trade-agreements? topics are: " + ", ".join(
            t.key for t in filled.exec(select(Topic).order_by(Topic.key)).all()),
    )


def test_timeline_of_a_metric_orders_by_year(filled: Any) -> None:
    line = timeline(filled, "us-forces-in-japan")
    assert line.type == "metric"
    assert [(e.id, e.year) for e in line.entries] == [
        ("c-45000", 1996), ("p-47000", 1996), ("p-40000", 1996), ("l-40000", 2000),
    ]
    (series,) = line.series
    assert (series.metric, series.scale, [p.value for p in series.points]) == (
        "us-forces-in-japan", "count", [45000, 47000, 40000, 40000],
    )


def test_timeline_of_a_topic_falls_back_to_the_source_year(filled: Any) -> None:
    line = timeline(filled, "alliance-partnership")
    assert [(e.id, e.year, e.as_of) for e in line.entries] == [
        ("m-junior", 1993, None), ("c-equal", 1996, None), ("a-cornerstone", 2017, 2017),
    ]
    assert line.series == []


def test_timeline_unknown(filled: Any) -> None:
    with pytest.raises(NotFound, match="no topic or metric 'okinawaa'"):
        timeline(filled, "okinawaa")


def test_listings_count_claims_and_sources(filled: Any) -> None:
    metrics = {m.key: m for m in list_metrics(filled)}
    assert (metrics["us-forces-in-japan"].claims, metrics["us-forces-in-japan"].sources) == (4, 3)
    assert metrics["defense-budget"].claims == 0
    topics = {t.key: t for t in list_topics(filled)}
    assert (topics["trade"].claims, topics["trade"].sources) == (6, 3)
    assert topics["china"].claims == 0


def test_json_shapes_have_no_infinity(filled: Any) -> None:
    import json

    data = compare_metric(filled, "us-forces-in-japan").to_dict()
    json.dumps(data, allow_nan=False)
    assert (data["claims"][0]["high"], data["claims"][0]["open"]) == (49_500, "above")
    json.dumps(timeline(filled, "us-forces").to_dict(), allow_nan=False)


def test_words_naming_a_proposition_compare_stances(filled: Any) -> None:
    result = compare_metric(filled, "junior partner")
    assert (result.metric, result.proposition) == (None, "Japan is a junior partner")
    assert [(p.a, p.b, p.verdict, p.reason) for p in result.pairs] == [
        ("m-junior", "c-equal", "conflict", "affirms vs denies"),
    ]
    assert compare_metric(filled, "keep trade apart").verdict == "agree"  # affirms, urges


def test_words_naming_nothing_still_fail(filled: Any) -> None:
    with pytest.raises(NotFound, match="unknown metric 'junior elephant'"):
        compare_metric(filled, "junior elephant")
