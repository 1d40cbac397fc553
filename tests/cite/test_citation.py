"""claims.cite.citation: each style against the style manuals' own examples.

The expected strings follow the manuals' examples for the three kinds of document in
the corpus -- a newspaper article (manning-1993, an op-ed), a report in a numbered
series (cronin-1996) and a blog post with no author (new-alliance-2007) -- filled in
with our metadata:
- APA 7 (Publication Manual 10.1 newspaper article, 10.4 report "(Report No. 123)",
  10.1 blog post; "n.d."/"ca." dates 9.15-9.17). Markdown is APA with *italics*.
- MLA 9 (Handbook 5.x: "Author. “Title.” *Container*, day Mon. year."; series and
  number; "c." for an approximate date).
- Chicago 18 notes and bibliography (14.89 newspaper, 14.116 report in a series,
  14.104 blog post; "[2003?]" for a conjectured date).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.cite.citation import (
    CitationStyle,
    bibtex_to_csl,
    cite_claims,
    cite_source,
    csl_to_bibtex,
    source_to_csl,
    split_name,
    style_credits,
)
from claims.errors import NotFound
from claims.models import Source

EXPECTED = [
    # (style, slug, expected reference)
    ("apa", "manning-1993",
     "Manning, R. A. (1993, April 11). Time to redefine the U.S.-Japan relationship. "
     "Los Angeles Times."),
    ("apa", "cronin-1996",
     "Cronin, P. M. (1996). The U.S.-Japan alliance redefined (Strategic Forum No. 75). "
     "National Defense University, Institute for National Strategic Studies."),
    ("apa", "new-alliance-2007", "Towards a new alliance. (ca. 2007, November). [Blog post]."),
    ("apa", "glosserman-2003",
     "Glosserman, B. (ca. 2003). A tale of two cities: Rising concern in Japan about the "
     "benefits of alliance. Pacific Forum CSIS."),
    ("markdown", "manning-1993",
     "Manning, R. A. (1993, April 11). Time to redefine the U.S.-Japan relationship. "
     "*Los Angeles Times*."),
    ("markdown", "cronin-1996",
     "Cronin, P. M. (1996). *The U.S.-Japan alliance redefined* (Strategic Forum No. 75). "
     "National Defense University, Institute for National Strategic Studies."),
    # MLA: full given names (citeproc-py alone prints "Manning, R. A."), period inside
    # the quotation marks (citeproc-py alone: "Relationship”.")
    ("mla", "manning-1993",
     "Manning, Robert A. “Time to Redefine the U.S.-Japan Relationship.” Los Angeles "
     "Times, 11 Apr. 1993."),
    ("mla", "cronin-1996",
     "Cronin, Patrick M. The U.S.-Japan Alliance Redefined. Strategic Forum no. 75, "
     "National Defense University, Institute for National Strategic Studies, May 1996."),
    ("mla", "new-alliance-2007", "Towards a New Alliance. Blog post. c. Nov. 2007."),
    ("mla", "andrews-2017",
     "Andrews, Brian. “Tokyo and Washington Face Critical Alliance Challenge.” Nikkei "
     "Asian Review, c. Aug. 2017."),
    # Chicago: no stray "Edition." (citeproc-py alone prints one after a newspaper date)
    ("chicago", "manning-1993",
     "Manning, Robert A. “Time to Redefine the U.S.-Japan Relationship.” Los Angeles "
     "Times, April 11, 1993."),
    ("chicago", "cronin-1996",
     "Cronin, Patrick M. The U.S.-Japan Alliance Redefined. Strategic Forum No. 75. "
     "National Defense University, Institute for National Strategic Studies, 1996."),
    ("chicago", "new-alliance-2007", "Towards a New Alliance. Blog post. [November 2007?]."),
    ("chicago", "glosserman-2003",
     "Glosserman, Brad. A Tale of Two Cities: Rising Concern in Japan About the Benefits "
     "of Alliance. Pacific Forum CSIS, [2003?]."),
]


@pytest.mark.parametrize(("style", "slug", "expected"), EXPECTED,
                         ids=[f"{s}-{slug}" for s, slug, _ in EXPECTED])
def test_reference_matches_the_manual(built_session, style, slug, expected) -> None:  # type: ignore[no-untyped-def]
    # the built corpus: APA's sentence case learns proper nouns from the real documents
    assert cite_source(built_session, slug, style).references[0].text == expected


# APA 7 (6.17) wants titles in sentence case; CSL leaves case to the data, so
# claims.cite.titlecase lowers headline capitals, keeping the proper nouns of the document.
def test_apa_titles_in_sentence_case(built_session) -> None:  # type: ignore[no-untyped-def]
    text = cite_source(built_session, "manning-1993", "apa").references[0].text
    assert "Time to redefine the U.S.-Japan relationship." in text
    text = cite_source(built_session, "manning-1993", "mla").references[0].text
    assert "Time to Redefine the U.S.-Japan Relationship." in text  # MLA keeps title case


def test_apa_claim_citation_names_author_institution_series_date_and_quote(sample) -> None:  # type: ignore[no-untyped-def]
    text = cite_claims(sample, ["c1"], "apa").to_text()
    assert text == (
        "“More than 45,000 U.S. forces are stationed in Japan.” (Cronin, 1996, para. 3)\n"
        "    — Patrick M. Cronin, Institute for National Strategic Studies, National Defense "
        "University (Senior Research Professor and Asia team leader); Strategic Forum No. 75, "
        "May 1996\n"
        "\n"
        "References\n"
        "Cronin, P. M. (1996). The U.S.-Japan alliance redefined (Strategic Forum No. 75). "
        "National Defense University, Institute for National Strategic Studies.\n"
    )


@pytest.mark.parametrize(("style", "in_text"), [
    ("apa", "(Cronin, 1996, para. 3)"),
    ("markdown", "(Cronin, 1996, para. 3)"),
    ("mla", "(Cronin)"),  # MLA 9: no locator for paragraphs the source does not number
    ("chicago", "Patrick M. Cronin, The U.S.-Japan Alliance Redefined, Strategic Forum no. 75 "
                "(National Defense University, Institute for National Strategic Studies, "
                "1996), para. 3."),
])
def test_claim_locator_per_style(sample, style, in_text) -> None:  # type: ignore[no-untyped-def]
    cited = cite_claims(sample, ["c1"], style).claims[0]
    assert (cited.in_text, cited.paragraph) == (in_text, 3)


def test_chicago_note_for_a_newspaper_has_one_comma_before_the_locator(sample) -> None:  # type: ignore[no-untyped-def]
    cited = cite_claims(sample, ["m1"], "chicago").claims[0]
    assert cited.in_text.endswith("Los Angeles Times, April 11, 1993, para. 2.")


def test_several_claims_give_a_bibliography_deduplicated_by_source(sample) -> None:  # type: ignore[no-untyped-def]
    result = cite_claims(sample, ["m1", "c1", "m3", "m1"], "mla")
    assert [c.claim_id for c in result.claims] == ["m1", "c1", "m3"]
    assert [r.source for r in result.references] == ["manning-1993", "cronin-1996"]
    assert result.to_text().count("Manning, Robert A. “Time") == 1
    assert "\nWorks Cited\n" in result.to_text()


def test_bibtex_of_claims_carries_quotes_and_locators(sample) -> None:  # type: ignore[no-untyped-def]
    text = cite_claims(sample, ["m1", "m3"], "bibtex").to_text()
    assert text.count("@article{manning1993,") == 1
    assert ("note = {para. 2: “Japan ran a $49-billion surplus with the United States in "
            "1992.”; para. 2: “Japan now runs $125-billion surpluses with the world.”}") in text


def test_csl_json_items(sample) -> None:  # type: ignore[no-untyped-def]
    items = cite_source(sample, "cronin-1996", "csl-json").references[0].csl
    assert items == {
        "id": "cronin-1996", "type": "report", "title": "The U.S.-Japan Alliance Redefined",
        "author": [{"family": "Cronin", "given": "Patrick M."}],
        "publisher": "National Defense University, Institute for National Strategic Studies",
        "genre": "Strategic Forum", "number": "75", "issued": {"date-parts": [[1996, 5]]},
    }


CSL_TYPE_CASES = [
    ("manning-1993", "article-newspaper", {"date-parts": [[1993, 4, 11]]}),
    ("andrews-2017", "article-newspaper", {"date-parts": [[2017, 8]], "circa": True}),
    ("glosserman-2003", "report", {"date-parts": [[2003]], "circa": True}),
    ("new-alliance-2007", "post-weblog", {"date-parts": [[2007, 11]], "circa": True}),
]


@pytest.mark.parametrize(("slug", "csl_type", "issued"), CSL_TYPE_CASES,
                         ids=[c[0] for c in CSL_TYPE_CASES])
def test_csl_type_and_date_precision(sample, slug, csl_type, issued) -> None:  # type: ignore[no-untyped-def]
    item = cite_source(sample, slug, "csl-json").references[0].csl
    assert (item["type"], item["issued"]) == (csl_type, issued)


def test_undated_source_is_nd_in_apa() -> None:
    from claims.cite.citation import _render

    source = Source(slug="x", title="Undated note", authors=[{"name": "Ann Lee"}],
                    publisher="Somewhere", kind="report", filename="x", content_hash="x",
                    text="x")
    assert _render([source_to_csl(source)], CitationStyle.apa) == [
        "Lee, A. (n.d.). Undated note. Somewhere."
    ]


def test_unknown_ids_and_slugs_are_not_found(sample) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="no claim with id 'c9'") as error:
        cite_claims(sample, ["c1", "c9"], "apa")
    # "c9" is as unlike "c1" as ids get (ratio 0.5, below claims.suggest.CUTOFF)
    assert error.value.hint == "find ids with `claims.search.search()`"
    with pytest.raises(NotFound, match="no claim with id 'c'") as error:
        cite_claims(sample, ["c"], "apa")
    assert error.value.hint == "did you mean c1, c2, c3? find ids with `claims.search.search()`"
    with pytest.raises(NotFound, match="no claim with id 'zz'") as error:
        cite_claims(sample, ["zz"], "apa")
    assert error.value.hint == "find ids with `claims.search.search()`"
    with pytest.raises(NotFound, match="no claim with id 'c1x'") as error:
        cite_claims(sample, ["c1x"], "apa")
    assert error.value.hint.startswith("did you mean c1? ")
    with pytest.raises(NotFound, match="unknown source 'cronin-1969'") as error:
        cite_source(sample, "cronin-1969", "apa")
    # manning-1993 shares only the "-19xx" tail: the names must be alike too
    assert error.value.hint == ("did you mean cronin-1996? sources are: andrews-2017, "
                                "cronin-1996, glosserman-2003, manning-1993, new-alliance-2007")


def test_unknown_style_is_a_value_error(sample) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="'harvard' is not a valid CitationStyle"):
        cite_source(sample, "cronin-1996", "harvard")


def test_split_name_collapses_spaces() -> None:
    assert split_name("  Brad   Glosserman ") == {"family": "Glosserman", "given": "Brad"}


def test_style_credits_name_the_cc_by_sa_license() -> None:
    credits = style_credits()
    assert [c["style"] for c in credits] == [
        "apa", "chicago-notes-bibliography", "modern-language-association"
    ]
    assert {c["license"] for c in credits} == {"http://creativecommons.org/licenses/by-sa/3.0/"}
    assert all(c["authors"] for c in credits)


# --- BibTeX round trip ---------------------------------------------------------------

# BibTeX text may not hold unbalanced braces or backslashes unescaped; other printable
# characters (including LaTeX specials such as & % # $) survive bibtexparser verbatim.
_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs"), include_characters=".,:;'&%#$-?!()"),
    min_size=1, max_size=40,
).map(lambda s: " ".join(s.split())).filter(lambda s: s and " and " not in f" {s.lower()} ")
_WORD = st.text(st.characters(categories=("Lu", "Ll")), min_size=1, max_size=12)


@st.composite
def csl_items(draw):  # type: ignore[no-untyped-def]
    item_type = draw(st.sampled_from(["article-newspaper", "report", "post-weblog"]))
    item = {"id": "x", "type": item_type, "title": draw(_TEXT)}
    authors = draw(st.lists(st.tuples(_WORD, _WORD), max_size=3))
    if authors:
        item["author"] = [{"family": f, "given": g} for f, g in authors]
    if item_type == "article-newspaper":
        item["container-title"] = draw(_TEXT)
    elif item_type == "report":
        item["publisher"] = draw(_TEXT)
        item["number"] = str(draw(st.integers(1, 999)))
    depth = draw(st.integers(1, 3))
    parts = [draw(st.integers(1800, 2100)), draw(st.integers(1, 12)), draw(st.integers(1, 28))]
    item["issued"] = {"date-parts": [parts[:depth]]}
    if draw(st.booleans()):
        item["issued"]["circa"] = True
    return item


@settings(max_examples=150, deadline=None)
@given(csl_items())
def test_bibtex_round_trip_keeps_every_field(item) -> None:  # type: ignore[no-untyped-def]
    back = bibtex_to_csl(csl_to_bibtex([item]))
    assert len(back) == 1
    expected = {k: v for k, v in item.items() if k != "id"}
    if item["type"] == "post-weblog":
        expected["type"] = "document"  # BibTeX has no blog type: @misc comes back generic
    assert back[0] == expected


def test_docs_credit_every_style_and_its_license() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "cite.md").read_text(encoding="utf-8")
    for credit in style_credits():
        for field in ("title", "authors", "link", "license"):
            assert credit[field] in doc, (credit["style"], field)


def test_markdown_quotes_claims_and_lists_references(sample) -> None:  # type: ignore[no-untyped-def]
    assert cite_claims(sample, ["c1"], "markdown").to_text() == (
        "> “More than 45,000 U.S. forces are stationed in Japan.” (Cronin, 1996, para. 3)\n"
        ">\n"
        "> — Patrick M. Cronin, Institute for National Strategic Studies, National Defense "
        "University (Senior Research Professor and Asia team leader); Strategic Forum No. 75, "
        "May 1996\n"
        "\n"
        "## References\n"
        "\n"
        "- Cronin, P. M. (1996). *The U.S.-Japan alliance redefined* (Strategic Forum No. 75). "
        "National Defense University, Institute for National Strategic Studies.\n"
    )
