"""Citations against the style manuals' examples: no author, name particles, locators.

Each row is (style, document, expected reference, expected in-text citation or note),
written from the manuals' own examples and filled in with the document's metadata:
- APA 7: no author, the title moves to the author's place (9.12) and the in-text
  citation gives the title in title case, in quotation marks for an article (8.14):
  (“Title,” 2020, para. 2); particles stay with the family name, lower case (9.8).
- MLA 9: no author, the entry begins with the title (5.x) and the in-text citation
  names it (ch. 6); no "par." for paragraphs the source does not number (ch. 6).
- Chicago 18 (notes and bibliography): an unsigned newspaper article's note begins
  with the title and its bibliography entry with the newspaper's name (14.90).
The documents are ingested like a user's own, so paragraph numbers are counted by
ingest: body paragraphs only, never the headline or the byline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from claims.cite.citation import cite_claims, cite_source
from claims.ingest.store import SourceOverrides, ingest_files
from claims.models import Claim, Source

# A news page as saved from a browser: headline, byline, then two body paragraphs.
PAGE = """Japan Approves Record Defense Budget

{byline}

Tokyo's cabinet met on Monday to discuss the plan.

Japan's cabinet approved a record defense budget of 5.34 trillion yen on Monday.
"""
URL = "https://example.com/japan-budget"
DOCUMENTS = {
    # an unsigned wire story
    "kyodo": (PAGE.format(byline="Kyodo News, Tokyo"),
              SourceOverrides(kind="news-article", publisher="Kyodo News", date="2020-12-21",
                              url=URL)),
    # a signed one, the author's name with a particle
    "newsweek": (PAGE.format(byline="By Isabel van Brugen"),
                 SourceOverrides(kind="news-article", publisher="Newsweek", date="2020-12-21")),
}

CASES = [
    ("apa", "kyodo",
     f"Japan approves record defense budget. (2020, December 21). Kyodo News. {URL}",
     "(“Japan Approves Record Defense Budget,” 2020, para. 2)"),
    ("mla", "kyodo",
     "“Japan Approves Record Defense Budget.” Kyodo News, 21 Dec. 2020, "
     "example.com/japan-budget.",
     "(“Japan Approves Record Defense Budget”)"),
    ("chicago", "kyodo",
     f"Kyodo News. “Japan Approves Record Defense Budget.” December 21, 2020. {URL}.",
     f"“Japan Approves Record Defense Budget,” Kyodo News, December 21, 2020, para. 2, {URL}."),
    ("apa", "newsweek",
     "van Brugen, I. (2020, December 21). Japan approves record defense budget. Newsweek.",
     "(van Brugen, 2020, para. 2)"),
    ("mla", "newsweek",
     "van Brugen, Isabel. “Japan Approves Record Defense Budget.” Newsweek, 21 Dec. 2020.",
     "(van Brugen)"),
    ("chicago", "newsweek",
     "van Brugen, Isabel. “Japan Approves Record Defense Budget.” Newsweek, December 21, 2020.",
     "Isabel van Brugen, “Japan Approves Record Defense Budget,” Newsweek, December 21, "
     "2020, para. 2."),
]


@pytest.fixture
def documents(engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    for slug, (text, overrides) in DOCUMENTS.items():
        path = tmp_path / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        ingest_files(engine, [path], overrides)
    with Session(engine) as session:
        yield session


def _budget_claim(session: Session, slug: str) -> str:
    source = session.exec(select(Source).where(Source.slug == slug)).one()
    return session.exec(select(Claim.id).where(Claim.source_id == source.id,
                                               Claim.surface == "5.34 trillion yen")).one()


@pytest.mark.parametrize(("style", "slug", "reference", "in_text"), CASES,
                         ids=[f"{style}-{slug}" for style, slug, _r, _i in CASES])
def test_citation_follows_the_manual(documents, style, slug, reference, in_text) -> None:  # type: ignore[no-untyped-def]
    cited = cite_claims(documents, [_budget_claim(documents, slug)], style)
    assert cited.references[0].text == reference, (style, slug)
    assert cited.claims[0].in_text == in_text, (style, slug)


@pytest.mark.parametrize("style", ["apa", "mla", "chicago", "markdown"])
def test_no_empty_quotes_doubled_commas_or_stray_spaces(documents, style) -> None:  # type: ignore[no-untyped-def]
    text = cite_claims(documents, [_budget_claim(documents, "kyodo")], style).to_text()
    for line in text.splitlines():
        for slip in ("“,”", "“”", ",,", " ,", " .", "  ", "( ", " )", "edition", "Edition"):
            assert slip not in line.strip(), (style, slip, line)


def test_paragraphs_count_the_body_only(documents) -> None:  # type: ignore[no-untyped-def]
    # headline and byline are not paragraphs: the budget sentence is the 2nd body paragraph
    for slug in DOCUMENTS:
        cited = cite_claims(documents, [_budget_claim(documents, slug)], "apa").claims[0]
        assert (cited.paragraph, cited.locator) == (2, "para. 2"), slug
    mla = cite_claims(documents, [_budget_claim(documents, "kyodo")], "mla").claims[0]
    assert (mla.paragraph, mla.locator) == (2, None)  # MLA 9: no locator for unnumbered ones


# The bundled blog post (no author, no blog name): its Chicago note has no stray
# "edition" (citeproc-py prints the term with no edition), MLA names the title alone.
BLOG_CASES = [
    ("chicago", "Towards a New Alliance, Blog post, [November 2007?], para. 5."),
    ("mla", "(Towards a New Alliance)"),
    ("apa", "(Towards a New Alliance, ca. 2007, para. 5)"),
]


@pytest.mark.parametrize(("style", "in_text"), BLOG_CASES, ids=[c[0] for c in BLOG_CASES])
def test_bundled_blog_post_without_author(built_session, style, in_text) -> None:  # type: ignore[no-untyped-def]
    cited = cite_claims(built_session, ["new-alliance-2007-next-administration"], style)
    assert cited.claims[0].in_text == in_text


# Paragraph numbers of the bundled sources count body paragraphs: the first claim-bearing
# paragraph after the headline and byline is 1 in every source.
FIRST_PARAGRAPH = [
    ("manning-1993", "WASHINGTON — It won't be a three-ring media circus"),
    ("glosserman-2003", "TOKYO — The conventional wisdom"),
    ("andrews-2017", "The Asia-Pacific region is being confronted"),
    ("new-alliance-2007", "Looking over Secretary Gates’s visit"),
    ("cronin-1996", "In April 1996, in one of the most important"),
]


@pytest.mark.parametrize(("slug", "opening"), FIRST_PARAGRAPH, ids=[c[0] for c in FIRST_PARAGRAPH])
def test_bundled_sources_number_body_paragraphs_from_one(built_session, slug, opening) -> None:  # type: ignore[no-untyped-def]
    from claims.models import Paragraph

    source = built_session.exec(select(Source).where(Source.slug == slug)).one()
    first = built_session.exec(select(Paragraph).where(Paragraph.source_id == source.id,
                                                       Paragraph.number == 1)).one()
    assert source.text[first.start:].startswith(opening)


def test_a_source_reference_with_no_author_begins_with_its_title(built_session) -> None:  # type: ignore[no-untyped-def]
    for style, start in [("apa", "Towards a new alliance."), ("mla", "Towards a New Alliance."),
                         ("chicago", "Towards a New Alliance.")]:
        assert cite_source(built_session, "new-alliance-2007", style).references[0].text.startswith(
            start)


def test_every_source_kind_has_a_citation_form() -> None:
    # one vocabulary (claims.domain.SourceKind): ingest --kind, sources edit --kind, the
    # metadata file and the citation forms all use it
    from claims.cite.citation import CSL_TYPES
    from claims.domain import SourceKind
    from claims.ingest.metadata import SOURCE_KINDS

    assert set(CSL_TYPES) == set(SourceKind) == set(SOURCE_KINDS)
