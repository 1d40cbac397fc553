"""What a document says about itself: HTML ``<meta>`` tags, JSON-LD and bylines.

A folder of saved pages carries its own metadata: a news page names its headline,
authors, date and outlet in ``<meta>`` tags (Open Graph, Highwire ``citation_*``,
Dublin Core) and in a JSON-LD ``NewsArticle``; a text capture opens with "By NAME" or
an archive's "April 11, 1993|Robert A. Manning |" line. :func:`describe` reads them;
ingest uses what it finds where the user gave no flag (the user's flags win).

The byline rule lives here once: :func:`is_byline` also tells ``claims.ingest.clean``
which opening blocks are a byline, so paragraph numbers count body paragraphs only.

HTML is read with the standard library's parser (the same one ``clean`` uses, for its
offsets) and JSON-LD with :mod:`json`: no dependency for either.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from html.parser import HTMLParser
from typing import Any

from claims.cite.names import PARTICLES
from claims.domain import SourceKind

# --- bylines ------------------------------------------------------------------

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH_ABBR = {name[:3]: number for number, name in enumerate(_MONTHS, start=1)}
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
# One name: capitalized words and initials ("Robert A. Manning", "Isabel van Brugen",
# "Mary O'Neil-Smith"), particles from claims.cite.names between them.
_NAME = rf"""
    (?!AND\b)[A-Z][\w'’.-]*                      # first word or initial
    (?:[ ](?:(?:{_PARTICLE})[ ])*                 # particles: "van ", "de la "
       (?!AND\b)[A-Z][\w'’.-]*){{1,4}}            # more capitalized words
"""
_AND = r"(?:,[ ](?:and|AND)[ ]|,[ ]|[ ](?:and|AND)[ ]|[ ]&[ ])"  # between names
_NAMES = rf"{_NAME}(?:{_AND}(?:{_NAME}))*"
# A written date in a dateline: "April 11, 1993", "Apr. 11, 1993", "11 April 1993".
_WRITTEN_DATE = r"""(?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2},[ ]\d{4}|\d{1,2}[ ][A-Z][a-z]{2,8}[ ]\d{4})"""
_BYLINE = re.compile(
    rf"""
      ^[ \t]*[Bb][Yy][ ]+(?P<names>{_NAMES})[ \t]*$      # "By Jane Doe and John Roe"
    | [ ]by[ ]+(?P<tail>{_NAMES})[ \t]*$                 # "Headline by Brad Glosserman"
    | ^[ \t]*(?P<date>{_WRITTEN_DATE})[ ]*\|[ ]*         # an archive line:
       (?P<piped>{_NAMES})[ ]*(?:\||$)                   #   "April 11, 1993|Robert A. Manning |"
    """,
    re.VERBOSE,
)
_BYLINE_MAX = 400  # a byline block is short; a long block is prose that ends "by Smith"
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*[ \t]*$")


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    date: str | None  # ISO, when the byline carries one


def read_byline(block: str) -> Byline | None:
    """The names (and date) of a byline block, or None if ``block`` is not one.

    >>> read_byline("By Isabel van Brugen and Jane Doe")
    Byline(names=('Isabel van Brugen', 'Jane Doe'), date=None)
    >>> read_byline("April 11, 1993|Robert A. Manning | Robert A. Manning, a policy adviser")
    Byline(names=('Robert A. Manning',), date='1993-04-11')
    >>> read_byline("The report was written by John Smith.") is None
    True
    """
    block = " ".join(block.split())
    if len(block) > _BYLINE_MAX or _SENTENCE_END.search(block):
        return None
    match = _BYLINE.search(block)
    if match is None:
        return None
    names = match.group("names") or match.group("tail") or match.group("piped")
    parts = re.split(_AND, names)
    return Byline(tuple(p.strip() for p in parts if p.strip()),
                  _written_date(match.group("date")))


def without_byline(headline: str) -> str:
    """A headline without the byline it ends with.

    >>> without_byline("A Tale of Two Cities by Brad Glosserman")
    'A Tale of Two Cities'
    >>> without_byline("Stand by Me")
    'Stand by Me'
    """
    block = " ".join(headline.split())
    match = _BYLINE.search(block) if len(block) <= _BYLINE_MAX else None
    if match is None or match.group("tail") is None or _SENTENCE_END.search(block):
        return block
    return block[:match.start()].rstrip(" ,—-") or block


def is_byline(block: str) -> bool:
    """Whether ``block`` is a byline (or a headline that ends with one)."""
    return read_byline(block) is not None


def _written_date(text: str | None) -> str | None:
    """ "April 11, 1993" -> "1993-04-11" (None when it is no real date)."""
    if not text:
        return None
    words = text.replace(",", "").replace(".", "").split()
    if words[0].isdigit():
        words = [words[1], words[0], words[2]]
    month = _MONTH_ABBR.get(words[0][:3].lower())
    try:
        return Date(int(words[2]), month or 0, int(words[1])).isoformat()
    except ValueError:
        return None


# --- a capture's address --------------------------------------------------------

# A line of a text capture that gives the page's address: a labelled URL anywhere
# ("Source: https://...", "Retrieved from https://...", "URL: ..."), or a bare URL as
# the first or last line. A URL inside prose is something the document cites, not its own.
_URL_LINE = re.compile(
    r"""
    ^[ \t]*
    (?:(?:Source|URL|Link|Permalink|Retrieved[ ]from|Originally[ ]published[ ](?:at|on)
       |Read[ ]online[ ]at|Available[ ]at)[ \t]*:?[ \t]*)      # a label
    <?(?P<url>https?://[^\s<>]+?)>?[.,]?[ \t]*$               # the address
    """,
    re.VERBOSE | re.IGNORECASE | re.MULTILINE,
)
_BARE_URL = re.compile(r"^[ \t]*<?(?P<url>https?://[^\s<>]+?)>?[ \t]*$")


def capture_url(text: str) -> str | None:
    """The address a text capture names for itself, if any.

    >>> capture_url("Title\\n\\nBody text.\\n\\nRetrieved from https://example.com/a.")
    'https://example.com/a'
    >>> capture_url("See https://example.com/b for more.") is None
    True
    """
    labelled = _URL_LINE.search(text)
    if labelled:
        return labelled.group("url")
    lines = [line for line in text.strip().splitlines() if line.strip()]
    for line in lines[:1] + lines[-1:]:
        bare = _BARE_URL.match(line)
        if bare:
            return bare.group("url")
    return None


# --- HTML <meta> and JSON-LD ----------------------------------------------------

# <meta name|property> -> field, most specific first: scholarly (Highwire citation_*),
# then Open Graph / article:*, then Dublin Core and the plain names. A field takes the
# first key found in this order.
META_KEYS: tuple[tuple[str, str], ...] = (
    ("citation_title", "title"),
    ("og:title", "title"),
    ("dc.title", "title"),
    ("citation_author", "author"),  # repeated, one per author
    ("author", "author"),
    ("dc.creator", "author"),
    ("article:author", "author"),  # often a profile URL: URLs are skipped
    ("citation_publication_date", "date"),
    ("citation_date", "date"),
    ("article:published_time", "date"),
    ("dc.date", "date"),
    ("date", "date"),
    ("citation_publisher", "publisher"),
    ("citation_journal_title", "publisher"),
    ("og:site_name", "publisher"),
    ("dc.publisher", "publisher"),
    ("og:url", "url"),
    ("citation_public_url", "url"),
)
# JSON-LD @type (schema.org) -> Source.kind (claims.domain.SourceKind)
JSONLD_KINDS: dict[str, str] = {
    "NewsArticle": SourceKind.NEWS_ARTICLE,
    "ReportageNewsArticle": SourceKind.NEWS_ARTICLE,
    "OpinionNewsArticle": SourceKind.OP_ED,
    "BlogPosting": SourceKind.BLOG_POST,
    "Report": SourceKind.REPORT,
    "Book": SourceKind.BOOK,
    "AdvertiserContentArticle": SourceKind.SPONSORED_CONTENT,
}
_ARTICLE_TYPES = frozenset({*JSONLD_KINDS, "Article", "ScholarlyArticle", "WebPage"})
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class SelfDescription:
    """What a document says about itself; every field may be missing."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None


class _HeadReader(HTMLParser):
    """<meta>, <link rel=canonical> and JSON-LD scripts of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.canonical: str | None = None
        self.scripts: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("name") or values.get("property") or "").strip().lower()
            if key and values.get("content", "").strip():
                self.meta.append((key, " ".join(values["content"].split())))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href") or None
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.scripts[-1] += data


def iso_date(value: str | None) -> str | None:
    """The date part of an ISO timestamp, if it is a real date.

    >>> iso_date("2020-12-21T10:00:00+09:00"), iso_date("1999-13-45"), iso_date("2007-11")
    ('2020-12-21', None, '2007-11')
    """
    match = _ISO_DATE.match((value or "").strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        Date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _names(value: Any) -> list[str]:
    """JSON-LD author(s): a string, a Person/Organization, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip() and "://" not in value:
        return [" ".join(value.split())]
    return []


def _jsonld_items(scripts: list[str]) -> list[dict[str, Any]]:
    """The article-like JSON-LD objects of a page (``@graph`` unfolded); bad JSON skipped."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = []
    for script in scripts:
        try:
            stack.append(json.loads(script))
        except ValueError:
            continue
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in _ARTICLE_TYPES for t in types if isinstance(t, str)):
                found.append(item)
    return found


def _from_jsonld(item: dict[str, Any]) -> SelfDescription:
    types = item.get("@type")
    types = types if isinstance(types, list) else [types]
    kind = next((str(JSONLD_KINDS[t]) for t in types if isinstance(t, str) and t in JSONLD_KINDS),
                None)
    publisher = _names(item.get("publisher"))
    title = item.get("headline") or item.get("name")
    url = item.get("url")
    return SelfDescription(
        title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
        authors=tuple(_names(item.get("author"))),
        date=iso_date(item.get("datePublished") if isinstance(item.get("datePublished"), str)
                      else None),
        publisher=publisher[0] if publisher else None,
        url=url if isinstance(url, str) and url.startswith("http") else None,
        kind=kind,
    )


def _from_meta(meta: list[tuple[str, str]], canonical: str | None) -> SelfDescription:
    fields: dict[str, list[str]] = {}
    for key, target in META_KEYS:
        values = [v for k, v in meta if k == key]
        if target == "author":
            values = [v for v in values if "://" not in v]
        if values and target not in fields:
            fields[target] = values
    def first(target: str) -> str | None:
        return fields[target][0] if fields.get(target) else None

    url = first("url") or canonical or ""
    return SelfDescription(
        title=first("title"),
        authors=tuple(dict.fromkeys(fields.get("author", []))),
        date=iso_date(first("date")),
        publisher=first("publisher"),
        url=url if url.startswith("http") else None,
    )


def _merged(first: SelfDescription, second: SelfDescription) -> SelfDescription:
    """``first``'s fields, each missing one taken from ``second``."""
    return SelfDescription(
        title=first.title or second.title,
        authors=first.authors or second.authors,
        date=first.date or second.date,
        publisher=first.publisher or second.publisher,
        url=first.url or second.url,
        kind=first.kind or second.kind,
    )


def describe(text: str, fmt: str, blocks: list[str] | None = None) -> SelfDescription:
    """What ``text`` says about itself: JSON-LD first, then ``<meta>`` tags (HTML), then
    a byline among the opening ``blocks`` (the cleaned document's first blocks)."""
    found = SelfDescription()
    if fmt == "html":
        reader = _HeadReader()
        reader.feed(text)
        reader.close()
        for item in _jsonld_items(reader.scripts):
            found = _merged(found, _from_jsonld(item))
        found = _merged(found, _from_meta(reader.meta, reader.canonical))
    else:
        found = SelfDescription(url=capture_url(text))
    for block in (blocks or [])[:4]:
        byline = read_byline(block)
        if byline is not None:
            found = _merged(found, SelfDescription(authors=byline.names, date=byline.date))
            break
    return found
