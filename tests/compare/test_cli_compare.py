"""`claims compare`, `timeline`, `metrics`, `topics` on the built bundled corpus."""

from __future__ import annotations

import json
from typing import Any

import pytest


def run_json(cli: Any, *args: str) -> Any:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_okinawa_acreage_two_ways_agree(cli: Any) -> None:
    data = run_json(cli, "compare", "okinawa", "acreage")
    assert data["metric"] == "okinawa-land-return"
    claims = {c["id"]: c for c in data["claims"]}
    fifth = claims["cronin-1996-okinawa-one-fifth"]
    twenty = claims["cronin-1996-okinawa-20-percent"]
    assert (fifth["surface"], fifth["normalized"], fifth["scale"]) == ("one-fifth", 20.0, "percent")
    assert (twenty["surface"], twenty["normalized"]) == ("20 percent", 20.0)
    pair = next(p for p in data["pairs"] if {p["a"], p["b"]} == set(claims) & {
        "cronin-1996-okinawa-one-fifth", "cronin-1996-okinawa-20-percent"})
    assert (pair["verdict"], pair["reason"]) == ("agree", "same figure (20 percent)")
    assert data["verdict"] == "agree"


def test_one_word_means_the_metric_it_names(cli: Any) -> None:
    # "acreage" is a head noun of the Okinawa land return; the implementation period's
    # claims merely mention acreage: it is listed once as another match, not shown
    result = cli("compare", "acreage", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["metric"], data["verdict"]) == ("okinawa-land-return", "agree")
    assert data["alternatives"] == ["implementation-period"]
    assert result.stderr.count("implementation-period") == 1


def test_compare_table_names_author_date_and_figures(cli: Any) -> None:
    result = cli("compare", "okinawa-land-return")
    assert result.exit_code == 0
    for text in ("Patrick M. Cronin", "1996-05", "one-fifth", "20 percent", "agree",
                 "same figure (20 percent)"):
        assert text in result.stdout, text


def test_topic_trade_shows_1993_1996_2017_side_by_side(cli: Any) -> None:
    data = run_json(cli, "compare", "--topic", "trade")
    assert [s["slug"] for s in data["sources"]] == ["manning-1993", "cronin-1996", "andrews-2017"]
    rows = {r["key"]: r for r in data["rows"]}
    apart = rows["Trade disputes should be kept apart from the security alliance"]
    assert set(apart["cells"]) == {"manning-1993", "cronin-1996", "andrews-2017"}
    assert apart["verdict"] == "split"  # 1993 denies what 1996 and 2017 hold
    assert rows["trade-surplus"]["cells"]["manning-1993"][0]["text"] == "$49-billion (1992)"


def test_topic_table_has_a_column_per_source_in_date_order(cli: Any) -> None:
    result = cli("compare", "--topic", "trade", "--format", "csv")
    header = result.stdout.splitlines()[0]
    assert header == "key,verdict,manning-1993,cronin-1996,andrews-2017"


def test_cornerstone_1996_and_2017_line_up(cli: Any) -> None:
    data = run_json(cli, "compare", "--topic", "alliance-partnership")
    rows = {r["key"]: r for r in data["rows"]}
    cells = rows["The alliance is the cornerstone of security in the Asia-Pacific"]["cells"]
    assert {"cronin-1996", "andrews-2017"} <= set(cells)


def test_unknown_metric_suggests_and_exits_1(cli: Any) -> None:
    result = cli("compare", "trade-surplis")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: unknown metric 'trade-surplis' (hint: did you mean trade-surplus, "
        "trade-surplus-all-partners?; 'claims metrics' lists them all)\n"
    )


def test_unknown_metric_json_error(cli: Any) -> None:
    result = cli("compare", "zzz-nothing", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stderr)["error"] == "unknown metric 'zzz-nothing'"


@pytest.mark.parametrize("args", [(), ("surplus", "--topic", "trade")], ids=["none", "both"])
def test_compare_needs_one_of_metric_or_topic(cli: Any, args: tuple[str, ...]) -> None:
    result = cli("compare", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: give a metric (or words) or --topic, not both")


def test_unknown_topic(cli: Any) -> None:
    result = cli("compare", "--topic", "tradee")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown topic 'tradee' (hint: did you mean trade")


def test_words_matching_two_metrics_say_so(cli: Any) -> None:
    result = cli("compare", "surplus", "--format", "csv")
    assert result.exit_code == 0
    assert "also matched trade-surplus-all-partners" in result.stderr
    assert result.stdout.splitlines()[1].startswith("manning-1993-surplus-us-1992,manning-1993,")


def test_timeline_orders_by_year_and_draws_a_chart(cli: Any) -> None:
    data = run_json(cli, "timeline", "alliance-institutions")
    entries = [(e["year"], e["surface"]) for e in data["entries"]]
    assert entries == sorted(entries, key=lambda e: e[0] or 0)
    assert (1978, "1978") in entries and (1997, "1997") in entries
    result = cli("timeline", "us-forces-in-japan")
    assert "1996 ████████████████████████████████████████+ more than 45,000  (cronin-1996)" in (
        result.stdout
    )


def test_timeline_of_a_topic(cli: Any) -> None:
    data = run_json(cli, "timeline", "public-opinion")
    years = [e["year"] for e in data["entries"]]
    assert years == sorted(years) and years[0] == 1995  # support plummeted after the 1995 rape
    assert "public-support" in [s["metric"] for s in data["series"]]


def test_metrics_and_topics_list_counts(cli: Any) -> None:
    metrics = {m["key"]: m for m in run_json(cli, "metrics")}
    assert metrics["okinawa-land-return"]["claims"] >= 2
    assert metrics["trade-deficit"]["label"] == "trade deficit"
    topics = {t["key"]: t for t in run_json(cli, "topics")}
    assert topics["trade"]["sources"] >= 3
    md = cli("topics", "--format", "md")
    assert md.stdout.startswith("| key | label | claims | sources |\n|---|---|---|---|\n")


def test_the_cornerstone_1996_and_2017_agree(cli: Any) -> None:
    data = run_json(cli, "compare", "cornerstone")
    assert data["metric"] is None
    assert data["proposition"] == "The alliance is the cornerstone of security in the Asia-Pacific"
    assert {c["source"] for c in data["claims"]} == {"cronin-1996", "andrews-2017"}
    assert data["verdict"] == "agree"
    table = cli("compare", "cornerstone")
    assert "(proposition): agree" in table.stdout
