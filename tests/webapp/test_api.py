"""The JSON API over HTTP (FastAPI's TestClient): the CLI's shapes, one error shape, no 500
for any input, /openapi.json lists every route, and nothing is written to the database."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from lookup.test_search import HOSTILE

from claims.serialize import CLAIM_KEYS, SOURCE_KEYS

FORCES = "cronin-1996-forces-45000"

API_ROUTES = ["/api/search", "/api/claims/{claim_id}", "/api/compare/{metric}",
              "/api/compare", "/api/timeline/{key}", "/api/sources", "/api/sources/{slug}",
              "/api/cite", "/api/facets", "/api/metrics", "/api/topics"]
STUDY_ROUTES = ["/api/cards", "/api/cards/{card_id}/answer", "/api/learners/{name}/stats",
                "/api/class"]  # need a learner: tests/webapp/test_study_web.py


def get_json(client: Any, url: str, status: int = 200) -> Any:
    answer = client.get(url)
    assert answer.status_code == status, (url, answer.text[:500])
    assert answer.headers["content-type"].startswith("application/json")
    return answer.json()


def test_openapi_lists_every_api_route(client) -> None:  # type: ignore[no-untyped-def]
    paths = get_json(client, "/openapi.json")["paths"]
    assert sorted(paths) == sorted(API_ROUTES + STUDY_ROUTES)
    # read-only but for answering a card (which needs a bearer token: tests/webapp/test_study_web.py)
    assert {path: sorted(methods) for path, methods in paths.items()
            if set(methods) != {"get"}} == {"/api/cards/{card_id}/answer": ["post"]}


def test_search_returns_the_cli_shape(client, cli) -> None:  # type: ignore[no-untyped-def]
    hits = get_json(client, "/api/search?q=surplus&kind=money&min=1e10")
    assert hits and all(set(CLAIM_KEYS) <= set(hit) for hit in hits)
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    printed = cli("search", "surplus", "--kind", "money", "--min", "1e10", "--format", "json")
    assert [h["id"] for h in json.loads(printed.stdout)] == [h["id"] for h in hits]


def test_search_filters_from_a_plain_form_ignore_empty_fields(client) -> None:  # type: ignore[no-untyped-def]
    empty = "topic=&source=&kind=&metric=&from=&to=&min=&max="
    assert get_json(client, f"/api/search?q=surplus&{empty}") == get_json(
        client, "/api/search?q=surplus")


def test_search_limit_and_year_filters(client) -> None:  # type: ignore[no-untyped-def]
    assert len(get_json(client, "/api/search?limit=3")) == 3
    hits = get_json(client, "/api/search?from=1995&to=1996&limit=200")
    assert hits and all(h["as_of"] is None or 1995 <= h["as_of"] <= 1996 for h in hits)


def test_claim_matches_claims_show(client, cli) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, f"/api/claims/{FORCES}")
    assert set(data) >= {"claim", "source", "paragraph", "citation", "related", "cards"}
    shown = json.loads(cli("show", FORCES, "--format", "json").stdout)
    assert data == shown
    assert set(SOURCE_KEYS) <= set(data["source"])
    assert get_json(client, f"/api/claims/{FORCES}?style=mla")["citation"]["style"] == "mla"


def test_compare_and_timeline_match_the_cli(client, cli) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, "/api/compare/us-forces-in-japan")
    assert data == json.loads(cli("compare", "us-forces-in-japan", "--format", "json").stdout)
    topic = get_json(client, "/api/compare?topic=okinawa")
    assert topic == json.loads(cli("compare", "--topic", "okinawa", "--format", "json").stdout)
    line = get_json(client, "/api/timeline/us-forces-in-japan")
    printed = json.loads(cli("timeline", "us-forces-in-japan", "--format", "json").stdout)
    assert {k: v for k, v in line.items() if k != "targets"} == printed
    assert set(line["targets"]) <= {e["id"] for e in line["entries"]}


def test_sources_and_one_source(client, cli) -> None:  # type: ignore[no-untyped-def]
    sources = get_json(client, "/api/sources")
    assert sources == json.loads(cli("sources", "--format", "json").stdout)
    one = get_json(client, "/api/sources/cronin-1996")
    assert one["source"]["slug"] == "cronin-1996"
    assert len(one["claims"]) == one["source"]["claims"] > 0
    marked = {i for p in one["paragraphs"] for i in p["claims"]}
    assert FORCES in marked


def test_cite_many_ids_in_every_style(client) -> None:  # type: ignore[no-untyped-def]
    other = get_json(client, "/api/search?q=surplus&limit=1")[0]["id"]
    for style in ("apa", "mla", "chicago", "bibtex", "csl-json", "markdown"):
        data = get_json(client, f"/api/cite?ids={FORCES},{other}&style={style}")
        assert data["style"] == style and len(data["claims"]) == 2 and data["text"]
    assert get_json(client, f"/api/cite?ids={FORCES}&ids={other}")["style"] == "apa"


def test_facets_count_the_matches(client) -> None:  # type: ignore[no-untyped-def]
    facets = get_json(client, "/api/facets?q=surplus")
    hits = get_json(client, "/api/search?q=surplus&limit=200")
    assert facets["counted"] == len(hits)
    assert sum(f["count"] for f in facets["sources"]) == len(hits)
    assert sum(f["count"] for f in facets["kinds"]) == len(hits)


@pytest.mark.parametrize(("url", "status", "in_hint"), [
    ("/api/claims/cronin-1996-forces-4500", 404, FORCES),
    ("/api/compare/no-such-metric", 404, None),
    ("/api/compare?topic=okinwa", 404, "okinawa"),
    ("/api/compare", 400, "topic"),
    ("/api/timeline/okinwa", 404, "okinawa"),
    ("/api/sources/cronin-1997", 404, "cronin-1996"),
    ("/api/cite", 400, "ids"),
    ("/api/cite?ids=nope", 404, None),
    (f"/api/cite?ids={FORCES}&style=harvard", 400, "apa"),
    ("/api/search?kind=cheese", 400, "money"),
    ("/api/search?min=abc", 400, "min"),
    ("/api/search?min=nan", 400, "min"),
    ("/api/search?from=19x6", 400, "from"),
    ("/api/search?limit=0", 400, "limit"),
    ("/api/search?limit=99999999999999999999", 400, "limit"),
    ("/api/no/such/route", 404, None),
])
def test_errors_have_one_shape(client, url: str, status: int, in_hint: str | None) -> None:  # type: ignore[no-untyped-def]
    data = get_json(client, url, status)
    assert set(data) == {"error", "hint"} and data["error"]
    if in_hint:
        assert in_hint in (data["hint"] or "") + data["error"]
    assert "claims." not in (data["hint"] or "")  # library names are put in web words


@pytest.mark.parametrize("words", [w for w, _ in HOSTILE] + ["x" * 5000, "surplus " * 2500],
                         ids=lambda v: repr(v)[:30])
def test_any_search_string_is_safe(client, words: str) -> None:  # type: ignore[no-untyped-def]
    for url in (f"/api/search?q={quote(words)}", f"/api/search?q={quote(words)}&kind=money",
                f"/search?q={quote(words)}", f"/api/facets?q={quote(words)}"):
        answer = client.get(url)
        assert answer.status_code == 200, (url[:80], answer.text[:300])


@pytest.mark.parametrize("value", ["'; DROP TABLE claim; --", "\x00", "%", "../../etc/passwd",
                                   "<script>alert(1)</script>", "🇯🇵", "x" * 5000])
def test_any_path_or_filter_value_is_safe(client, value: str) -> None:  # type: ignore[no-untyped-def]
    quoted = quote(value, safe="")
    for url in (f"/api/claims/{quoted}", f"/api/compare/{quoted}", f"/api/timeline/{quoted}",
                f"/api/sources/{quoted}", f"/api/compare?topic={quoted}",
                f"/api/cite?ids={quoted}", f"/api/search?topic={quoted}&source={quoted}",
                f"/api/search?metric={quoted}", f"/api/search?min={quoted}",
                f"/claims/{quoted}", f"/compare/{quoted}", f"/timeline/{quoted}",
                f"/sources/{quoted}", f"/compare?topic={quoted}", f"/cite?ids={quoted}"):
        answer = client.get(url)
        assert answer.status_code in (200, 400, 404), (url[:80], answer.status_code)
        if answer.headers["content-type"].startswith("text/html"):
            assert "<script>alert" not in answer.text  # escaped in every page


def _snapshot(url: str) -> dict[str, Any]:
    from sqlmodel import Session, func, select

    from claims.db import open_database
    from claims.models import Card, Claim, Meta, Review, Source

    engine = open_database(url)
    with Session(engine) as session:
        counts = {model.__name__: session.exec(select(func.count()).select_from(model)).one()
                  for model in (Source, Claim, Card, Review)}
        meta = {m.key: m.value for m in session.exec(select(Meta)).all()}
    engine.dispose()
    return {"counts": counts, "meta": meta}


def test_reading_every_route_writes_nothing(client, built_db_url: str) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(built_db_url)
    for url in ["/", "/search?q=surplus", f"/claims/{FORCES}", "/compare",
                "/compare/us-forces-in-japan", "/compare?topic=okinawa", "/timeline",
                "/timeline/okinawa", "/sources", "/sources/cronin-1996", f"/cite?ids={FORCES}",
                *[r.replace("{claim_id}", FORCES).replace("{metric}", "trade-surplus")
                  .replace("{key}", "trade").replace("{slug}", "manning-1993")
                  for r in API_ROUTES]]:
        assert client.get(url).status_code in (200, 400)
    assert _snapshot(built_db_url) == before
