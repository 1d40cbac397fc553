"""The JSON API: the shapes ``claims ... --format json`` prints, one route per page.

Every route reads; errors are ``{"error": ..., "hint": ...}`` (web.app). The HTML pages
(web.pages) call the same library functions, so a page and its JSON twin agree.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from claims.errors import UsageError
from web.app import read_session
from web.forms import SearchForm
from web.memo import CITEPROC

router = APIRouter(prefix="/api", tags=["api"])

STYLES = ("apa", "mla", "chicago", "bibtex", "csl-json", "markdown")
MAX_IDS = 100

Text = Annotated[str | None, Query(max_length=20_000)]
Obj = dict[str, Any]  # the documented shapes (docs/web.md); routes return JSONResponse
Rows = list[dict[str, Any]]  # directly, skipping FastAPI's re-validation of their output


def citation_style(style: str | None) -> str:
    """A known citation style name, or a UsageError naming them."""
    style = (style or "apa").strip().lower()
    if style not in STYLES:
        raise UsageError(f"unknown citation style {style[:40]!r}",
                         hint="one of " + ", ".join(STYLES))
    return style


def claim_ids(ids: list[str]) -> list[str]:
    """Ids from ``ids=a,b`` or ``ids=a&ids=b``; at least one, at most MAX_IDS."""
    found = [part.strip() for value in ids for part in value.split(",") if part.strip()]
    if not found:
        raise UsageError("no claim ids given", hint="`ids=ID,ID` (ids from the search page)")
    if len(found) > MAX_IDS:
        raise UsageError(f"at most {MAX_IDS} ids at once, not {len(found)}", hint="`ids=ID,ID`")
    return found


def run_search(request: Request, form: SearchForm) -> list[Any]:
    from claims.db.reading import as_reader
    from claims.search import search

    with read_session(request) as session:
        return search(as_reader(session), form.q, limit=form.limit, **form.filters())


@router.get("/search", summary="Search claims (claims search --format json)",
            response_model=Rows)
async def api_search(  # async: the hot path runs on the event loop, no threadpool hop
    request: Request, q: Text = None, topic: Text = None, source: Text = None,
    kind: Text = None, metric: Text = None,
    year_from: Annotated[str | None, Query(alias="from", max_length=100)] = None,
    year_to: Annotated[str | None, Query(alias="to", max_length=100)] = None,
    min: Annotated[str | None, Query(max_length=100)] = None,
    max: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[str | None, Query(max_length=100)] = None,
) -> JSONResponse:
    """Claims matching all the words `q` and every filter, best first: a JSON array of
    claim objects with `rank`, `score` and `highlights` (spans of matched words)."""
    form = SearchForm.parse(dict(request.query_params), limit)
    return JSONResponse([hit.to_dict() for hit in run_search(request, form)])


@router.get("/facets", summary="Counts of a search's matches by topic, source, kind, year",
            response_model=Obj)
def api_facets(request: Request, q: Text = None) -> JSONResponse:
    """The facets the search page shows, for the same query string as /api/search."""
    from claims.browse import facets
    from claims.db.reading import as_reader

    form = SearchForm.parse(dict(request.query_params))
    with read_session(request) as session:
        return JSONResponse(facets(as_reader(session), form.q, **form.filters()).to_dict())


@router.get("/claims/{claim_id}", summary="One claim in context (claims show --format json)",
            response_model=Obj)
def api_claim(request: Request, claim_id: str, style: Text = None) -> JSONResponse:
    """The claim, its paragraph (with the figure's span), source, citation, related claims
    and cards."""
    from claims.show import show_claim

    with read_session(request) as session:
        with CITEPROC:
            view = show_claim(session, claim_id, citation_style(style))
        return JSONResponse(view.to_dict())


@router.get("/compare/{metric}", summary="Claims on one metric with verdicts (claims compare)",
            response_model=Obj)
def api_compare_metric(request: Request, metric: str) -> JSONResponse:
    from claims.compare import compare_metric

    with read_session(request) as session:
        return JSONResponse(compare_metric(session, metric).to_dict())


@router.get("/compare", summary="A topic's sources against its metrics (claims compare --topic)",
            response_model=Obj)
def api_compare_topic(request: Request, topic: Text = None) -> JSONResponse:
    from claims.compare import compare_topic

    if not topic:
        raise UsageError("give a topic", hint="`topic=trade`, or /api/compare/METRIC")
    with read_session(request) as session:
        return JSONResponse(compare_topic(session, topic).to_dict())


@router.get("/timeline/{key}", summary="A topic or metric through time (claims timeline)",
            response_model=Obj)
def api_timeline(request: Request, key: str) -> JSONResponse:
    """Entries by year and the numeric series; `targets` lists the ids of figures for a
    year after their source was written."""
    from claims.browse import timeline_targets
    from claims.compare import timeline

    with read_session(request) as session:
        line = timeline(session, key)
        return JSONResponse({**line.to_dict(), "targets": sorted(timeline_targets(line))})


@router.get("/sources", summary="Every source with its claim count (claims sources)",
            response_model=Rows)
def api_sources(request: Request) -> JSONResponse:
    from claims.ingest.corpus import list_sources
    from claims.serialize import source_to_public

    with read_session(request) as session:
        rows = [source_to_public(source, count) for source, count in list_sources(session)]
        return JSONResponse(rows)


@router.get("/sources/{slug}", summary="One source, its claims and its paragraphs",
            response_model=Obj)
def api_source(request: Request, slug: str) -> JSONResponse:
    from claims.browse import show_source

    with read_session(request) as session:
        return JSONResponse(show_source(session, slug).to_dict())


@router.get("/cite", summary="Cite claims (claims cite --format json)",
            response_model=Obj)
def api_cite(
    request: Request, ids: Annotated[list[str] | None, Query(max_length=20_000)] = None,
    style: Text = None,
) -> JSONResponse:
    """Each claim's quote and locator and one reference per source, in `style`
    (apa, mla, chicago, bibtex, csl-json, markdown); `text` is what `claims cite` prints."""
    from claims.cite.citation import cite_claims

    wanted = claim_ids(ids or [])
    with read_session(request) as session:
        with CITEPROC:
            bibliography = cite_claims(session, wanted, citation_style(style))
        return JSONResponse({**bibliography.to_dict(), "text": bibliography.to_text()})


@router.get("/metrics", summary="Metric keys with counts (claims metrics)",
            response_model=Rows)
def api_metrics(request: Request) -> JSONResponse:
    from claims.compare import list_metrics

    with read_session(request) as session:
        return JSONResponse([m.to_dict() for m in list_metrics(session)])


@router.get("/topics", summary="Topic keys with counts (claims topics)",
            response_model=Rows)
def api_topics(request: Request) -> JSONResponse:
    from claims.compare import list_topics

    with read_session(request) as session:
        return JSONResponse([t.to_dict() for t in list_topics(session)])
