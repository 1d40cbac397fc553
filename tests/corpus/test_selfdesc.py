"""What a document says about itself: <meta> tags, JSON-LD and bylines (claims.ingest.selfdesc),
and how ingest uses it: the user's flags win, the document fills the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.ingest.selfdesc import SelfDescription, describe, read_byline


def _page(head: str, body: str = "<p>Japan's budget rose 1.1 percent in 2020.</p>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def _jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


HTML_CASES = [
    # (why, page, what it says about itself)
    ("JSON-LD NewsArticle: author, datePublished, publisher, headline, kind",
     _page(_jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                    "headline": "Japan Approves Record Budget",
                    "datePublished": "2020-12-21T10:00:00+09:00",
                    "author": [{"@type": "Person", "name": "Isabel van Brugen"},
                               {"@type": "Person", "name": "Jane Doe"}],
                    "publisher": {"@type": "Organization", "name": "Newsweek"},
                    "url": "https://example.com/a"})),
     SelfDescription(title="Japan Approves Record Budget",
                     authors=("Isabel van Brugen", "Jane Doe"), date="2020-12-21",
                     publisher="Newsweek", url="https://example.com/a", kind="news-article")),
    ("JSON-LD in an @graph, author as a plain string, an opinion piece",
     _page(_jsonld({"@graph": [{"@type": "WebSite", "name": "Site"},
                               {"@type": "OpinionNewsArticle", "author": "Ann Lee",
                                "datePublished": "2019-03"}]})),
     SelfDescription(authors=("Ann Lee",), date="2019-03", kind="op-ed")),
    ("<meta> tags: Highwire citation_* before Open Graph, author URLs skipped",
     _page('<meta name="citation_title" content="The Alliance Redefined">'
           '<meta property="og:title" content="Alliance | Site">'
           '<meta name="citation_author" content="Patrick M. Cronin">'
           '<meta name="citation_author" content="Ann Lee">'
           '<meta property="article:author" content="https://example.com/cronin">'
           '<meta name="citation_publication_date" content="1996-05-01">'
           '<meta property="og:site_name" content="NDU Press">'
           '<link rel="canonical" href="https://example.com/sf75">'),
     SelfDescription(title="The Alliance Redefined", authors=("Patrick M. Cronin", "Ann Lee"),
                     date="1996-05-01", publisher="NDU Press", url="https://example.com/sf75")),
    ("JSON-LD wins over <meta>; <meta> fills what JSON-LD lacks",
     _page(_jsonld({"@type": "BlogPosting", "author": {"name": "Tobias Harris"}})
           + '<meta name="author" content="Someone Else">'
           + '<meta property="article:published_time" content="2007-11-12T08:00:00Z">'),
     SelfDescription(authors=("Tobias Harris",), date="2007-11-12", kind="blog-post")),
    ("broken JSON-LD and an impossible date are ignored",
     _page('<script type="application/ld+json">{"@type": "NewsArticle",</script>'
           '<meta name="date" content="1999-13-45">'),
     SelfDescription()),
    ("a byline in the body, when the head says nothing",
     _page("", "<h1>Budget</h1><p>By Isabel van Brugen</p><p>Japan's budget rose.</p>"),
     SelfDescription(authors=("Isabel van Brugen",))),
]


@pytest.mark.parametrize(("why", "page", "expected"), HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html_describes_itself(why: str, page: str, expected: SelfDescription) -> None:
    from claims.ingest.clean import clean_document

    blocks = clean_document(page, "html").text.split("\n\n")
    assert describe(page, "html", blocks) == expected, why


BYLINES = [
    # (block, names, date)
    ("By Isabel van Brugen", ("Isabel van Brugen",), None),
    ("BY JANE DOE AND JOHN ROE", ("JANE DOE", "JOHN ROE"), None),
    ("by Patrick M. Cronin", ("Patrick M. Cronin",), None),
    ("By Jane Doe, John Roe, and Mary Major", ("Jane Doe", "John Roe", "Mary Major"), None),
    # a headline that ends with its byline (the 2003 commentary's capture)
    ("A Tale of Two Cities: Rising Concern in Japan by Brad Glosserman", ("Brad Glosserman",),
     None),
    # an archive's dateline (the 1993 op-ed's capture)
    ("April 11, 1993|Robert A. Manning | Robert A. Manning, a policy adviser",
     ("Robert A. Manning",), "1993-04-11"),
]
NOT_BYLINES = [
    "The report was written by John Smith.",  # a sentence
    "Towards a new alliance",  # a headline
    "Number 75, May 1996",
    "By the numbers",  # no name
]


@pytest.mark.parametrize(("block", "names", "date"), BYLINES, ids=[b[0][:30] for b in BYLINES])
def test_bylines(block: str, names: tuple[str, ...], date: str | None) -> None:
    byline = read_byline(block)
    assert byline is not None and (byline.names, byline.date) == (names, date), block


@pytest.mark.parametrize("block", NOT_BYLINES)
def test_not_bylines(block: str) -> None:
    assert read_byline(block) is None


@given(st.text(max_size=300))
def test_describe_never_fails_on_any_html(text: str) -> None:
    assert isinstance(describe(f"<html><head>{text}</head></html>", "html", [text]),
                      SelfDescription)


# --- ingest: flags win, the document fills the rest ---------------------------------


def test_folder_ingest_reads_what_each_page_says(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import Session, select

    from claims.ingest.store import SourceOverrides, ingest_files
    from claims.models import Source

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "budget.html").write_text(HTML_CASES[0][1], encoding="utf-8")
    (folder / "notes.txt").write_text(
        "Alliance notes\n\nBy Ann Lee\n\nThe alliance costs $5 billion a year.\n",
        encoding="utf-8")
    ingest_files(engine, [folder], SourceOverrides(publisher="Clippings"))
    with Session(engine) as session:
        rows = {s.slug: s for s in session.exec(select(Source)).all()}
    budget, notes = rows["budget"], rows["notes"]
    assert (budget.title, [a["name"] for a in budget.authors], budget.date, budget.kind,
            budget.url) == ("Japan Approves Record Budget", ["Isabel van Brugen", "Jane Doe"],
                            "2020-12-21", "news-article", "https://example.com/a")
    assert budget.publisher == "Clippings"  # the flag wins over the page's "Newsweek"
    assert ([a["name"] for a in notes.authors], notes.title) == (["Ann Lee"], "Alliance notes")


def test_flags_win_over_the_page(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import Session, select

    from claims.ingest.store import SourceOverrides, ingest_files
    from claims.models import Source

    page = tmp_path / "budget.html"
    page.write_text(HTML_CASES[0][1], encoding="utf-8")
    ingest_files(engine, [page], SourceOverrides(title="My title", authors=("Ann Lee",),
                                                 date="2021", kind="report"))
    with Session(engine) as session:
        source = session.exec(select(Source)).one()
    assert (source.title, source.authors[0]["name"], source.date, source.kind,
            source.publisher) == ("My title", "Ann Lee", "2021", "report", "Newsweek")


def test_a_headline_ending_in_its_byline_gives_title_and_author(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import Session, select

    from claims.ingest.store import ingest_files
    from claims.models import Paragraph, Source

    path = tmp_path / "tale.txt"
    path.write_text("A Tale of Two Cities: Rising Concern in Japan by Brad Glosserman\n\n"
                    "TOKYO — The view is very different in Japan, where 80 percent agree.\n",
                    encoding="utf-8")
    ingest_files(engine, [path])
    with Session(engine) as session:
        source = session.exec(select(Source)).one()
        first = session.exec(select(Paragraph).where(Paragraph.number == 1)).one()
        assert (source.title, [a["name"] for a in source.authors]) == (
            "A Tale of Two Cities: Rising Concern in Japan", ["Brad Glosserman"])
        assert source.text[first.start:].startswith("TOKYO")  # the headline is not para. 1


@given(st.text(max_size=200))
def test_a_byline_names_only_words_of_its_block(block: str) -> None:
    byline = read_byline(block)
    if byline is not None:
        folded = " ".join(block.split())
        assert byline.names and all(name in folded for name in byline.names)
        assert read_byline(f"By {byline.names[0]}") is not None or len(byline.names[0]) > 400


_WORD = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
_PERSON = st.builds(lambda given, particle, family: " ".join(
    part for part in (given, particle, family) if part),
    _WORD, st.sampled_from(["", "", "van", "de la", "von"]), _WORD)


@given(st.lists(_PERSON, min_size=1, max_size=3), st.sampled_from([", ", " and ", " & "]))
def test_generated_bylines_give_back_their_names(people: list[str], joiner: str) -> None:
    byline = read_byline("By " + joiner.join(people))
    assert byline is not None and byline.names == tuple(people)
