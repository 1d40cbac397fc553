"""The HTML pages: search, a claim, compare, timelines, sources. Each has a JSON twin in
web.api; each works without JavaScript (htmx only makes search live as you type)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from web.api import STYLES, citation_style, run_search
from web.app import read_session, render, templates
from web.forms import SearchForm
from web.markup import marked, number
from web.memo import CITEPROC

router = APIRouter(include_in_schema=False)
templates.env.filters["marked"] = marked
templates.env.filters["number"] = number

STYLE_LABELS = {"apa": "APA", "mla": "MLA", "chicago": "Chicago", "bibtex": "BibTeX",
                "csl-json": "CSL-JSON", "markdown": "Markdown"}


@router.get("/")
@router.get("/search")
def search_page(request: Request) -> Response:
    """The search form and its results; an htmx request gets the results alone."""
    from claims.browse import facets
    from claims.db.reading import as_reader
    from claims.search import suggest

    form = SearchForm.parse(dict(request.query_params), request.query_params.get("limit"))
    hits = run_search(request, form)
    with read_session(request) as session:
        reader = as_reader(session)
        counts = facets(reader, form.q, **form.filters())
        hint = "" if hits else suggest(reader, form.q, topic=form.topic, metric=form.metric,
                                       source=form.source).to_text()
    from claims.domain import Kind

    context: dict[str, Any] = {
        "form": form, "hits": hits, "facets": counts, "hint": hint,
        "kinds": [k.value for k in Kind], "more_url": form.url(limit=str(form.limit + 20))
        if len(hits) == form.limit and form.limit + 20 <= 200 else None,
    }
    # htmx asks for the results alone, except when it restores history (a whole page)
    fragment = (request.headers.get("HX-Request") == "true"
                and request.headers.get("HX-History-Restore-Request") != "true")
    response = render(request, "_results.html" if fragment else "search.html",
                      fragment=fragment, **context)
    response.headers["Vary"] = "HX-Request"  # a cache must not serve the fragment as the page
    return response


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: str) -> Response:
    """The claim, its paragraph with the figure marked, its source, every citation style,
    related claims and cards."""
    from claims.cite.citation import cite_claims
    from claims.show import show_claim
    from web.memo import citations as memo

    with read_session(request) as session:
        with CITEPROC:
            view = show_claim(session, claim_id)
        data = view.to_dict()
        inputs = {"claim": data["claim"], "source": data["source"],
                  "paragraph": data["paragraph"]["number"]}
        citations = []
        for style in STYLES:
            def cite(style: str = style) -> str:
                with CITEPROC:
                    return cite_claims(session, [claim_id], style).to_text()

            text = memo.get(("claim", style, inputs), cite)
            citations.append({"style": style, "label": STYLE_LABELS[style], "text": text})
    return render(request, "claim.html", data=data, citations=citations,
                  paragraph=view.paragraph)


@router.get("/compare")
def compare_page(request: Request) -> Response:
    """With ``?topic=``, the topic's sources against its metrics; else what to compare."""
    from claims.compare import compare_topic

    topic = (request.query_params.get("topic") or "").strip()
    if not topic:
        return _metrics_and_topics(request, "compare")
    with read_session(request) as session:
        matrix = compare_topic(session, topic)
    return render(request, "compare_topic.html", matrix=matrix.to_dict(),
                  sources=matrix.sources)


@router.get("/compare/{metric}")
def compare_metric_page(request: Request, metric: str) -> Response:
    from claims.browse import target_ids
    from claims.compare import compare_metric

    with read_session(request) as session:
        result = compare_metric(session, metric)
    names = {c.id: f"{c.source}: {c.surface}" for c in result.claims}
    return render(request, "compare_metric.html", result=result, verdict=result.verdict,
                  names=names, targets=target_ids(result.claims))


@router.get("/timeline")
def timeline_index(request: Request) -> Response:
    return _metrics_and_topics(request, "timeline")


def _metrics_and_topics(request: Request, what: str) -> Response:
    """The metrics and topics that have claims, each a link to compare or to a timeline."""
    from claims.compare import list_metrics, list_topics

    with read_session(request) as session:
        metrics = [m for m in list_metrics(session) if m.claims]
        topics = [t for t in list_topics(session) if t.claims]
    return render(request, "compare_index.html", metrics=metrics, topics=topics, what=what)


@router.get("/timeline/{key}")
def timeline_page(request: Request, key: str) -> Response:
    """An SVG chart per numeric series (facts and targets told apart), then the table."""
    from claims.browse import timeline_targets
    from claims.compare import timeline
    from web.charts import series_svg

    with read_session(request) as session:
        line = timeline(session, key)
    targets = timeline_targets(line)
    charts = [(series, series_svg(series, targets, f"chart{i}"))
              for i, series in enumerate(line.series)]
    return render(request, "timeline.html", line=line, charts=charts, targets=targets)


@router.get("/sources")
def sources_page(request: Request) -> Response:
    from claims.ingest.corpus import list_sources
    from claims.serialize import source_to_public

    with read_session(request) as session:
        sources = [source_to_public(source, count) for source, count in list_sources(session)]
    return render(request, "sources.html", sources=sources)


@router.get("/sources/{slug}")
def source_page(request: Request, slug: str) -> Response:
    """A source's metadata and reference, then its text with every claim marked in place."""
    from claims.browse import show_source
    from claims.cite.citation import cite_source
    from web.memo import citations as memo

    with read_session(request) as session:
        view = show_source(session, slug)
        data = view.to_dict()

        def reference_text() -> str:
            with CITEPROC:
                return cite_source(session, slug, "apa").references[0].text

        reference = memo.get(("source", "apa", data["source"]), reference_text)
    return render(request, "source.html", data=data, paragraphs=view.paragraphs,
                  reference=reference)


@router.get("/cite")
def cite_page(request: Request) -> Response:
    """Several claims cited at once: ``/cite?ids=a,b&style=mla``."""
    from claims.cite.citation import cite_claims
    from web.api import claim_ids

    ids = claim_ids(request.query_params.getlist("ids"))
    style = citation_style(request.query_params.get("style"))
    with read_session(request) as session:
        with CITEPROC:
            text = cite_claims(session, ids, style).to_text()
    return render(request, "cite.html", ids=ids, style=style, text=text,
                  styles=STYLE_LABELS)

