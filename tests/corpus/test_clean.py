"""Cleaning: furniture rules as a case table, and the offset map as properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.ingest.clean import clean_document
from claims.ingest.furniture import FURNITURE_RULES, furniture_rule_for
from claims.resources import seeds_dir

# (block, rule name or None) -- every example is a block from the bundled seeds,
# or (marked "new") a variant a capture of another site would plausibly carry.
FURNITURE_CASES = [
    ("ArrowArtboardCreated with Sketch.Title ChevronCrossEye IconIcon FacebookIcon", "icon strings"),
    ("You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left this month",
     "template placeholder"),
    ("Try 3 months for $9", "paywall"),
    ("Offer ends January 31st", "paywall"),
    ("Your trial period has expired", "paywall"),
    ("Get trusted insights from experts\nwithin Asia itself.", "paywall"),
    ("Your full access to the Nikkei Asian Review has expired", "paywall"),
    ("Sponsored Content", "sponsor label"),
    ("Leave a Reply", "comment form"),
    ("You are commenting using your Facebook account. Log\xa0Out\xa0/\xa0 Change\xa0)",
     "comment form line"),
    ("Connecting to %s", "comment form line"),
    ("## INTERNET DOCUMENT INFORMATION FORM", "archive cover sheet"),
    ("20011001 048", "report code"),
    ("Los Angeles Times Articles", "navigation"),
    ("**[Return to Top](#) | [Return to Strategic Forum Index](#)**", "navigation"),
    ("Number 75, May 1996", "issue number"),
    # news sites (the news issue; "new": shapes of real news pages, no seed has them)
    ("By Jane Doe | Published: Aug. 31, 2023 5:00 p.m. | Updated: Sept. 1, 2023", "byline date"),
    ("Updated: September 1, 2023 at 3:05 a.m. JST", "byline date"),
    ("Posted on May 5, 2020 by admin", "byline date"),  # new
    ("Published on 12 March 2020", "byline date"),  # new
    ("Last updated on Monday, June 1", "byline date"),  # new
    ("PUBLISHED: 10:00 EST, 5 May 2020", "byline date"),  # new
    ("By Jane Doe and John Roe, Staff Writers", "byline"),
    ("By Jane Doe | Kyodo News", "byline"),
    ("U.S. Marines train in Okinawa in 2019. (Photo: Kyodo)", "photo caption"),
    ("Ground Self-Defense Force troops in 2022. AP Photo/Eugene Hoshiko", "photo caption"),
    ("Troops in Okinawa in 2019. Photo by Jane Doe", "photo caption"),  # new
    ("Troops in Okinawa in 2019. Jane Doe/Getty Images", "photo caption"),  # new
    ("Troops in Okinawa in 2019. Getty Images", "photo caption"),  # new
    ("Sign up for our newsletter to get 5 top stories every morning.", "newsletter"),
    ("Jane Doe is a staff writer for The Japan Times.", "author bio"),
    ("John Roe contributed to this report.", "report credit"),
    ("Reporting by Jane Doe; Editing by John Roe", "report credit"),
    ("Share this article", "share strings"),
    ("Print Email Facebook Twitter", "share strings"),
    # content that must survive
    ("By 2027, Japan aims to spend 2% of GDP on defense.", None),
    ("By Tuesday, the talks had stalled after 3 rounds.", None),
    ("The budget was updated in 2023 to 8 trillion yen.", None),
    ("Published in 2020, the report said 5,000 troops would leave.", None),
    # news sentences with the byline's words in them (a Wikinews sentence was dropped whole)
    ("Solberg posted on Twitter asking for places to eat for the seven hour drive from "
     "Stavanger to the capital of Oslo.", None),
    ("Toyota posted 2.1 trillion yen in operating profit, up 5 percent.", None),
    ("The report, published on May 5, 2020, found 5,000 troops would leave.", None),
    ("Prices were updated on Monday by 3 percent.", None),
    ("Getty Images was sold for $3.4 billion in 2022.", None),
    ("He said the photo by the AP showed 300 protesters.", None),
    ("Japan is already one of our most important markets, importing some $50 billion in goods "
     "a year.", None),
    ("An interim report of the Special Action Committee on Okinawa ... one-fifth of the total "
     "acreage", None),
    ("Brad Glosserman is director of research at Pacific Forum CSIS.", None),
    ("Try harder: the alliance needs 3 months of work.", None),  # new: not a paywall
]


@pytest.mark.parametrize(("block", "expected"), FURNITURE_CASES, ids=lambda v: str(v)[:40])
def test_furniture_rules(block: str, expected: str | None) -> None:
    rule = furniture_rule_for(block)
    assert (rule.name if rule else None) == expected, block


def test_every_rule_has_a_case() -> None:
    named = {name for _, name in FURNITURE_CASES}
    assert {rule.name for rule in FURNITURE_RULES} <= named


def _seed(name: str) -> str:
    return (seeds_dir() / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("seed", "gone", "kept"),
    [
        ("002_6a8558bb836c1e76.txt", "Try 3 months for $9", "TPP"),
        ("002_6a8558bb836c1e76.txt", "Created with Sketch", "cornerstone"),
        ("003_02b068813f6da678.txt", "Leave a Reply", "token support"),
        ("004_4b17b09ea7edec09.txt", "INTERNET DOCUMENT INFORMATION FORM", "more than 45,000"),
        ("004_4b17b09ea7edec09.txt", "20011001 048", "former Assistant Secretary of Defense"),
        ("004_4b17b09ea7edec09.txt", "### Conclusions", "Conclusions"),
        ("000_54ff378301ead43e.txt", "Los Angeles Times Articles", "$49-billion surplus"),
    ],
)
def test_seed_cleaning(seed: str, gone: str, kept: str) -> None:
    doc = clean_document(_seed(seed), "text")
    assert gone not in doc.text
    assert kept in doc.text


def test_repeated_paragraph_is_collapsed() -> None:
    text = _seed("001_61c85b3a7fa7669c.txt")
    sentence = "But the insecurity and helplessness that bubbles up threatens"
    assert text.count(sentence) == 2
    doc = clean_document(text)
    assert doc.text.count(sentence) == 1
    assert any(rule == "repeated paragraph" for *_, rule in doc.dropped)


def test_sentence_split_by_blank_line_is_joined() -> None:
    doc = clean_document(_seed("001_61c85b3a7fa7669c.txt"))
    assert "in Japan. Bush administration hawks" in doc.text
    assert "nuclear problem heralded another era" in doc.text


def test_paragraph_numbers_skip_headings_and_point_at_original() -> None:
    text = _seed("004_4b17b09ea7edec09.txt")
    doc = clean_document(text)
    offset = text.index("more than 45,000")
    number = doc.paragraph_number(offset)
    assert number is not None
    start, end = doc.paragraphs[number - 1]
    assert "more than 45,000" in text[start:end]
    assert not text[start:end].startswith("#")


def test_html_offsets_index_the_original_markup() -> None:
    html = ("<html><head><title>T</title><script>var x = '$5 billion';</script></head><body>"
            "<nav>Home | $9 offer</nav><p>Japan ran a $49&#8209;billion surplus &amp; more "
            "in 1992.</p><p>Second paragraph.</p></body></html>")
    doc = clean_document(html, "html")
    assert "$5 billion" not in doc.text and "$9 offer" not in doc.text
    i = doc.text.index("$49")
    start, end = doc.to_original(i, i + len("$49\u2011billion"))
    assert html[start:end] == "$49&#8209;billion"
    assert len(doc.paragraphs) == 2


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
                max_size=8))
@settings(max_examples=200, deadline=None)
def test_every_cleaned_character_maps_to_itself(parts: list[str]) -> None:
    original = "\n\n".join(parts)
    doc = clean_document(original)
    for index, char in enumerate(doc.text):
        start, end = doc.to_original(index, index + 1)
        if char not in " \n":  # separators the cleaner inserted
            assert original[start:end] == char


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_mapped_spans_are_ordered_and_in_bounds(original: str) -> None:
    doc = clean_document(original)
    for i in range(0, len(doc.text) + 1, 7):
        for j in range(i, len(doc.text) + 1, 11):
            start, end = doc.to_original(i, j)
            assert 0 <= start <= len(original) and 0 <= end <= len(original)
            if j > i:
                assert start < end
