"""The HTML pages over HTTP: each renders what its JSON twin holds, works as a plain form
(no JavaScript), marks what it should, and answers unknown names with a 404 page that
suggests the nearest ones."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest

FORCES = "cronin-1996-forces-45000"
PAGES = ["/", "/search?q=surplus", "/search?q=surplus&kind=money&min=1e10", f"/claims/{FORCES}",
         "/compare", "/compare/us-forces-in-japan", "/compare?topic=okinawa", "/timeline",
         "/timeline/us-forces-in-japan", "/timeline/okinawa", "/sources", "/sources/cronin-1996",
         f"/cite?ids={FORCES}&style=mla"]


def html(client: Any, url: str, status: int = 200) -> str:
    answer = client.get(url)
    assert answer.status_code == status, (url, answer.text[:500])
    assert answer.headers["content-type"].startswith("text/html")
    return answer.text


def text(page: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_a_whole_document(client, url: str) -> None:  # type: ignore[no-untyped-def]
    page = html(client, url)
    assert page.startswith("<!doctype html>") and '<html lang="en">' in page
    assert '<main id="main">' in page and "<h1" in page
    assert 'name="viewport"' in page


@pytest.mark.parametrize("url", PAGES)
def test_every_page_links_its_json_twin(client, url: str) -> None:  # type: ignore[no-untyped-def]
    links = re.findall(r'href="(/api/[^"]+)"', html(client, url))
    assert links
    for link in links:
        assert client.get(unescape(link)).status_code == 200, link


def test_search_is_a_plain_form_with_shareable_urls(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/search?q=surplus&kind=money")
    assert '<form class="search" action="/search" method="get"' in page
    assert 'value="surplus"' in page and '<option value="money" selected>' in page
    assert "<mark>surplus</mark>" in page  # matched words highlighted
    assert '<strong class="figure">' in page  # the figure in its sentence
    assert 'href="/search?q=surplus&amp;kind=money"' in page  # share link


def test_search_shows_facets_with_counts(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/search?q=surplus")
    facets = page[page.index('class="facets"'):]
    for heading in ("Topic", "Source", "Kind", "Year"):
        assert f"<h3>{heading}</h3>" in facets
    assert re.search(r'href="/search\?q=surplus&amp;source=manning-1993">manning-1993</a> '
                     r'<span class="count">\d+</span>', facets)
    chosen = html(client, "/search?q=surplus&source=manning-1993")
    assert 'aria-current="true"' in chosen  # the chosen facet, with a link to drop it


def test_htmx_requests_get_the_results_alone(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/search?q=forces", headers={"HX-Request": "true"})
    assert answer.status_code == 200
    assert answer.text.lstrip().startswith('<div id="results"')
    assert "<html" not in answer.text
    assert "HX-Request" in answer.headers["vary"]
    restore = client.get("/search?q=forces", headers={"HX-Request": "true",
                                                      "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text  # history restoration wants the whole page


def test_no_match_suggests_what_to_try(client) -> None:  # type: ignore[no-untyped-def]
    page = text(html(client, "/search?q=surplsu"))
    assert "No claims found" in page and "surplus" in page


def test_claim_page_marks_the_figure_and_cites_in_every_style(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, f"/claims/{FORCES}")
    data = client.get(f"/api/claims/{FORCES}").json()
    paragraph = data["paragraph"]
    start, end = paragraph["highlight"]
    assert f"<mark>{paragraph['text'][start:end]}</mark>" in page
    for label in ("APA", "MLA", "Chicago", "BibTeX", "CSL-JSON", "Markdown"):
        assert f">{label}</h3>" in page and f"Copy {label}</button>" in page
    assert data["source"]["title"] in unescape(page)
    for related in data["related"]:
        assert f'/claims/{related["id"]}' in page
    for card in data["cards"]:
        assert card["question"] in unescape(page)


def test_compare_page_shows_verdicts_with_reasons(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/compare/us-forces-in-japan").json()
    page = text(html(client, "/compare/us-forces-in-japan"))
    assert f"Overall: {data['verdict']}" in page
    for pair in data["pairs"]:
        assert pair["reason"] in page


def test_topic_matrix_has_a_column_per_source(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/compare?topic=okinawa").json()
    page = html(client, "/compare?topic=okinawa")
    for source in data["sources"]:
        assert f'<th scope="col"><a href="/sources/{source["slug"]}">' in page


def test_timeline_draws_facts_and_targets_apart(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/timeline/okinawa").json()
    page = html(client, "/timeline/okinawa")
    assert page.count("<svg") == sum(1 for s in data["series"]
                                     if any(p["year"] for p in s["points"]))
    assert 'role="img"' in page and "<title id=" in page
    points = [p for s in data["series"] for p in s["points"] if p["year"]]
    circles, diamonds = page.count("<circle"), page.count("<path d=")
    assert circles + diamonds == len(points)
    assert diamonds == sum(1 for p in points if p["claim_id"] in data["targets"])
    for entry in data["entries"]:
        assert f'/claims/{entry["id"]}' in page  # the table under the chart


def test_source_page_marks_its_claims_in_place(client) -> None:  # type: ignore[no-untyped-def]
    page = html(client, "/sources/cronin-1996")
    data = client.get("/api/sources/cronin-1996").json()
    marked = re.findall(r'<mark><a href="/claims/([^"]+)">', page)
    assert FORCES in marked
    assert set(marked) <= {c["id"] for c in data["claims"]}
    assert 'id="p1"' in page
    assert "National Defense University" in page  # metadata


@pytest.mark.parametrize(("url", "suggested"), [
    ("/claims/cronin-1996-forces-4500", f"/claims/{FORCES}"),
    ("/compare?topic=okinwa", "/compare?topic=okinawa"),
    ("/timeline/okinwa", "/timeline/okinawa"),
    ("/sources/cronin-1997", "/sources/cronin-1996"),
])
def test_unknown_names_get_a_404_page_with_suggestions(client, url: str, suggested: str) -> None:  # type: ignore[no-untyped-def]
    page = html(client, url, 404)
    assert "<h1>Not found</h1>" in page
    assert f'href="{suggested}"' in page
    assert 'action="/search"' in page  # and a search box


def test_bad_filters_get_a_400_page(client) -> None:  # type: ignore[no-untyped-def]
    page = text(html(client, "/search?q=surplus&min=lots", 400))
    assert "min must be a number" in page


def test_unknown_pages_are_404_pages(client) -> None:  # type: ignore[no-untyped-def]
    assert "Not found" in html(client, "/no/such/page", 404)
