"""Finding claims: ranked full-text search with combinable filters, and "did you mean" hints.

Whatever a person types is turned into plain word terms here (:func:`terms`) before
it reaches the database, so quotes, ``*``, ``-``, ``:``, parentheses, ``AND``/``NEAR``,
a lone apostrophe or emoji are only ever words or nothing, never FTS or SQL syntax.
The SQL (FTS5 bm25 on SQLite, tsvector ranking on PostgreSQL) is in
``claims.db.search_sql``; it runs on a session or, for a quick start, on a bare
``sqlite3`` connection (``claims.db.reading``), so this module imports no ORM.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from claims.db import search_sql
from claims.db.reading import Reader, as_reader
from claims.errors import UsageError
from claims.names import require_source, require_topic
from claims.suggest import close_matches

if TYPE_CHECKING:
    from sqlmodel import Session

    from claims.models import Claim

    Database = Session | Reader  # or a sqlite3.Connection (claims.db.reading.as_reader)

# A search term is a run of letters/digits (Unicode-aware), the way FTS5's unicode61
# tokenizer and PostgreSQL's parser split text; everything else separates terms.
_WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 16  # more words than this only slow the query down
MAX_TERM_LENGTH = 64  # no indexed word is longer; longer input is noise
DEFAULT_LIMIT = 20

# English stop words, dropped from a search that has other words, so "surplus AND japan"
# or "the surplus of Japan" mean the same on SQLite as on PostgreSQL (whose 'english'
# configuration drops them). Source: the Snowball English list, which is PostgreSQL's
# tsearch_data/english.stop; a PostgreSQL test checks each one is ignored there too.
STOP_WORDS = frozenset("""
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now
""".split())
MAX_LIMIT = 10_000
PLAIN_NUMBER_DIGITS = 4  # "5000" also finds "5,000"; "500" has no thousands to split
YEAR_LIMIT = 9999  # years filter as integers: a longer number is a typo, not a year


def check_limit(limit: int) -> None:
    """UsageError unless 1 <= ``limit`` <= :data:`MAX_LIMIT` (a listing's page size;
    PostgreSQL refuses a LIMIT past 2**63 where SQLite overflows)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}",
                         hint="pass `limit=20`, for example")


def terms(words: str | None) -> list[str]:
    """The plain search terms in ``words``: lower-case, de-duplicated, in order, without
    stop words unless there is nothing else.

    >>> terms('"surplus" AND (Japan*) -trade: NEAR')
    ['surplus', 'japan', 'trade', 'near']
    >>> terms("'"), terms("the"), terms("the surplus")
    ([], ['the'], ['surplus'])
    >>> terms("45,000 U.S. forces 🇯🇵")
    ['45', '000', 'u', 'forces']
    """
    found: list[str] = []
    for match in _WORD_RE.finditer((words or "").replace("_", " ")):
        term = match.group().lower()[:MAX_TERM_LENGTH]
        if term not in found:
            found.append(term)
        if len(found) == MAX_TERMS:
            break
    content = [term for term in found if term not in STOP_WORDS]
    return content or found


def query_groups(search_terms: list[str]) -> list[search_sql.Group]:
    """Each term with the other forms that find it: a number written out in thousands
    ("45000" finds "45,000", which the index holds as the words 45 and 000) and the
    term's synonyms (``data/synonyms.txt``, :mod:`claims.synonyms`).

    >>> query_groups(["45000", "troops"])[0]
    [('45000',), ('45', '000')]
    >>> query_groups(["troops"])[0][:2]
    [('troops',), ('forces',)]
    >>> query_groups(["surplusage"])
    [[('surplusage',)]]
    """
    from claims.synonyms import synonyms_of

    groups: list[search_sql.Group] = []
    for term in search_terms:
        group: search_sql.Group = [(term,)]
        if term.isdigit() and len(term) >= PLAIN_NUMBER_DIGITS and term[0] != "0":
            head = len(term) % 3 or 3  # 1234567 -> 1 234 567
            group.append((term[:head], *(term[i:i + 3] for i in range(head, len(term), 3))))
        group += [form for form in synonyms_of(term) if form not in group]
        groups.append(group)
    return groups


def highlight_spans(text: str, search_terms: list[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that a search for ``search_terms`` matched.

    A word matches a term when one starts with the other (the index stems words, so
    "surplus" finds "surpluses"); one-letter terms must match whole words.

    >>> highlight_spans("a $49-billion surplus, and surpluses", ["surplus"])
    [(14, 21), (27, 36)]
    """
    spans = []
    for match in _WORD_RE.finditer(text):
        word = match.group().lower()
        for term in search_terms:
            short = min(len(word), len(term))
            if word == term or (short >= 3 and (word.startswith(term) or term.startswith(word))):
                spans.append(match.span())
                break
    return spans


@dataclass(frozen=True)
class Excerpt:
    """A window of a sentence around a figure, with spans (into ``text``) to emphasize."""

    text: str
    figure: tuple[int, int] | None
    matches: list[tuple[int, int]]


def excerpt(
    sentence: str, surface: str, matches: list[tuple[int, int]], width: int = 140
) -> Excerpt:
    """At most ``width`` characters of ``sentence`` centred on ``surface``, "…" where cut.

    >>> e = excerpt("one two three $49-billion four five six", "$49-billion", [], width=20)
    >>> e.text, e.text[e.figure[0]:e.figure[1]]
    ('…three $49-billion four…', '$49-billion')
    """
    at = sentence.find(surface) if surface else -1
    if len(sentence) <= width:
        start, end = 0, len(sentence)
    else:
        centre = at + len(surface) // 2 if at >= 0 else 0
        start = max(0, min(centre - width // 2, len(sentence) - width))
        end = min(len(sentence), start + width)
        # widen to whole words
        start = sentence.rfind(" ", 0, start) + 1
        space = sentence.find(" ", end)
        end = len(sentence) if space < 0 else space
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(sentence) else ""
    shift = len(prefix) - start
    text = prefix + sentence[start:end] + suffix
    figure = (at + shift, at + len(surface) + shift) if at >= 0 and start <= at < end else None
    kept = [(a + shift, b + shift) for a, b in matches if start <= a and b <= end]
    return Excerpt(text=text, figure=figure, matches=kept)


@dataclass(frozen=True)
class ClaimRow:
    """A claim as search reads it: the ``claim`` columns the JSON contract shows, no ORM.

    Field names are ``Claim``'s column names (a test keeps them in step), so
    :func:`claims.serialize.claim_to_public` takes either.
    """

    id: str
    origin: str
    kind: str
    surface: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str
    subject: str | None
    metric: str | None
    as_of: int | None
    modality: str
    same_as: str | None
    alias: str | None
    sentence: str
    start: int
    end: int
    paragraph: int | None
    quote: str | None
    proposition: str | None
    stance: str | None
    note: str | None


CLAIM_ROW_COLUMNS = tuple(f.name for f in dataclass_fields(ClaimRow))


@dataclass
class SearchHit:
    """One claim found, with its rank (1 = best), score and the words to highlight."""

    claim: ClaimRow
    source_slug: str
    topics: list[str]
    rank: int
    score: float | None = None
    # spans into claim.sentence and claim.surface of the words the search matched
    sentence_highlights: list[tuple[int, int]] = field(default_factory=list)

    def excerpt(self, width: int = 140) -> Excerpt:
        """The sentence around the figure, for a table cell."""
        return excerpt(self.claim.sentence, self.claim.surface, self.sentence_highlights, width)

    def to_dict(self) -> dict[str, Any]:
        """The contract's claim object plus ``rank``, ``score`` and ``highlights``."""
        data = public_claim(self.claim, self.source_slug, self.topics)
        data["rank"] = self.rank
        data["score"] = None if self.score is None else round(self.score, 6)
        data["highlights"] = [list(span) for span in self.sentence_highlights]
        return data


def public_claim(claim: Claim | ClaimRow, source_slug: str, topics: list[str]) -> dict[str, Any]:
    """The contract JSON shape of a claim (claims.serialize, the one serializer)."""
    from claims.serialize import claim_to_public

    return claim_to_public(claim, source_slug, topics)


def search(
    database: Database,
    words: str | None = None,
    *,
    topic: str | None = None,
    source: str | None = None,
    kind: str | None = None,
    metric: str | None = None,
    origin: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[SearchHit]:
    """Claims matching ``words`` (all of them) and every filter given, best first.

    ``database`` is a session, a ``sqlite3`` connection or a ``claims.db.reading`` reader.
    With words, claims are ranked by full-text relevance; with filters only, they come
    in document order (sources in the order they were added, then position). Numeric
    filters apply to normalized values (``min_value=1e10`` is ten billion, in any
    currency's units);
    a range matches when it overlaps ``[min_value, max_value]``. Years filter on the
    year a figure refers to, or its source's year when the claim has none.
    """
    check_limit(limit)
    for name, year in (("year_from", year_from), ("year_to", year_to)):
        if year is not None and not -YEAR_LIMIT <= year <= YEAR_LIMIT:
            raise UsageError(f"`{name}={year}` is not a year",
                             hint=f"give a year from -{YEAR_LIMIT} to {YEAR_LIMIT}, "
                             "such as `year_from=1996`")
    reader = as_reader(database)
    require_topic(reader, topic)
    require_source(reader, source)
    search_terms = terms(words)
    if words and words.strip() and not search_terms:
        return []  # only punctuation or symbols: nothing that could match a word
    options = FilterOptions(topic, source, kind, metric, origin, year_from, year_to,
                            min_value, max_value)
    groups = query_groups(search_terms)
    shown = list(dict.fromkeys(word for group in groups for form in group for word in form))
    if search_terms and not options.any():
        ranked = search_sql.top_fulltext_ids(reader, groups, limit,
                                             window=search_sql.RANK_WINDOW)
        return _hits(reader, ranked, shown)
    if search_terms:
        # first among the newest matches (the ranking window), then among all of them
        for window in (max(search_sql.RANK_WINDOW, limit), None):
            ranked = search_sql.filtered_fulltext_ids(reader, groups, options, limit, window)
            if len(ranked) == limit:
                break
        return _hits(reader, ranked, shown)
    return _hits(reader, [(i, None) for i in _listing(reader, options, limit)], [])


def _listing(reader: Reader, options: FilterOptions, limit: int) -> list[str]:
    if not options.source:  # one source's claims are few: the indexes are quicker
        found = search_sql.listing_page(reader, options, limit, probe=True)
        if len(found) == limit:
            return found
    return search_sql.listing_page(reader, options, limit, probe=False)


@dataclass(frozen=True)
class FilterOptions:
    """The filters of a search (``claims.db.search_sql.filter_conditions`` makes them SQL)."""

    topic: str | None = None
    source: str | None = None
    kind: str | None = None
    metric: str | None = None
    origin: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_value: float | None = None
    max_value: float | None = None

    def any(self) -> bool:
        return any(value is not None and value != "" for value in vars(self).values())


def _hits(
    reader: Reader, ranked: Sequence[tuple[str, float | None]], search_terms: list[str]
) -> list[SearchHit]:
    if not ranked:
        return []
    ids = [claim_id for claim_id, _ in ranked]
    by_id: dict[str, tuple[ClaimRow, str]] = {}
    for row in search_sql.claim_rows(reader, ids, CLAIM_ROW_COLUMNS):
        claim = ClaimRow(*row[:-1])
        by_id[claim.id] = (claim, row[-1])
    topics = topics_of(reader, ids)
    hits = []
    for rank, (claim_id, score) in enumerate(ranked, start=1):
        claim, slug = by_id[claim_id]
        hits.append(
            SearchHit(
                claim=claim, source_slug=slug, topics=topics.get(claim_id, []), rank=rank,
                score=score, sentence_highlights=highlight_spans(claim.sentence, search_terms),
            )
        )
    return hits


def topics_of(database: Database, claim_ids: list[str]) -> dict[str, list[str]]:
    """Topic keys of each claim, sorted."""
    found: dict[str, list[str]] = {}
    for claim_id, key in search_sql.claim_topic_rows(as_reader(database), claim_ids):
        found.setdefault(claim_id, []).append(key)
    return found


@dataclass
class Suggestions:
    """Nearest topics, metrics, sources and indexed words to what was searched for."""

    topics: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.topics or self.metrics or self.sources or self.words)

    def to_text(self) -> str:
        """One line for a human, e.g. ``try `topic=trade`, `metric=trade-surplus` or the
        words: surplus`` (arguments in backquotes, as in every hint: see claims.errors)."""
        parts = [f"`topic={key}`" for key in self.topics]
        parts += [f"`metric={key}`" for key in self.metrics]
        parts += [f"`source={slug}`" for slug in self.sources]
        text = ", ".join(parts)
        if self.words:
            text += (" or the words: " if text else "the words: ") + ", ".join(self.words)
        return f"try {text}" if text else ""


def suggest(
    database: Database,
    words: str | None = None,
    *,
    topic: str | None = None,
    metric: str | None = None,
    source: str | None = None,
    count: int = 3,
) -> Suggestions:
    """What the user may have meant, by closeness of spelling (:mod:`claims.suggest`)."""
    reader = as_reader(database)
    wanted = terms(words)
    known = search_sql.names(reader)
    vocabulary = search_sql.indexed_words(reader)

    def near(probes: list[str], choices: list[str]) -> list[str]:
        found: list[str] = []
        for probe in probes:
            # a key that contains the word ("surplus" -> trade-surplus) comes first
            for choice in choices:
                if len(probe) >= 3 and probe in choice.split("-") and choice not in found:
                    found.append(choice)
            for choice in close_matches(probe, choices, count):
                if choice not in found and choice != probe:
                    found.append(choice)
        return found[:count]

    probes = wanted + [value.lower() for value in (topic, metric) if value]
    return Suggestions(
        topics=near(probes + ([topic.lower()] if topic else []), known["topics"]),
        metrics=near(probes, known["metrics"]),
        sources=near([source.lower()], known["sources"]) if source else [],
        words=near(wanted, vocabulary),
    )
