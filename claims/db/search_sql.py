"""The SQL of ``claims search``, as text that runs on SQLite and PostgreSQL alike.

Everything dialect-specific about searching claims is here: SQLite FTS5 (MATCH,
bm25) over the external-content table ``claim_fts``, PostgreSQL full-text search
over the generated ``claim.search`` tsvector (websearch_to_tsquery, ts_rank).
Queries are plain text with ``:name`` parameters, run through a
``claims.db.reading.Reader`` so that a search can skip importing SQLAlchemy.

Callers pass plain lower-case word tokens (``claims.search.terms``); every value,
the full-text query included, is a bound parameter, each term double-quoted, so
no user string is ever read as FTS or SQL syntax. Only constants of this module
(weights, column names) are ever formatted into the SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.db.reading import Reader
    from claims.search import FilterOptions

# bm25 column weights, in claim_fts column order:
# surface, sentence, quote, proposition, subject, metric.
FTS_WEIGHTS = (4.0, 1.0, 2.0, 2.0, 3.0, 3.0)
_BM25 = f"-bm25(claim_fts, {', '.join(str(w) for w in FTS_WEIGHTS)})"
_PG_QUERY = "to_tsquery('english', :fts_query)"

# A query is a list of groups, all required; a group lists the forms that satisfy it
# (the word typed, its synonyms, a number's plain form), each a phrase: a tuple of words.
Phrase = tuple[str, ...]
Group = list[Phrase]

# Ranking reads every matching row: on SQLite bm25 costs a few microseconds a row, on
# PostgreSQL fetching the rows does, so a word found in 100,000 claims would take a
# quarter of a second to rank in full. Ranking stops at the RANK_WINDOW most recently
# added matches (exact whenever fewer claims match, as in any corpus of a few thousand
# claims); see docs/lookup.md, "Speed".
RANK_WINDOW = 1_000

# Filters alone list claims in document order: sources in the order they were added, then
# position. When the filters keep many claims, walking the first PROBE_ROWS claims in that
# order finds a page at once, where the indexes would sort hundreds of thousands of rows;
# when they keep few, the probe comes up short and the indexes answer the query.
PROBE_ROWS = 5_000
# the claim columns a filter or the document order reads (the probe copies only these)
_PROBE_COLUMNS = ("id", "source_id", "start", "kind", "metric", "origin", "as_of", "value",
                  "value_max")
_DOCUMENT_ORDER = "c.source_id, c.start, c.id"


def fts_query_text(groups: list[Group], dialect: str = "sqlite") -> str:
    """The FTS5 MATCH text (SQLite) or ``to_tsquery`` text (PostgreSQL) for ``groups``:
    every group required, any form of a group enough, a phrase's words in a row.

    >>> groups = [[("troops",), ("forces",)], [("45000",), ("45", "000")]]
    >>> fts_query_text(groups)
    '("troops" OR "forces") AND ("45000" OR "45 000")'
    >>> fts_query_text(groups, "postgresql")
    '(troops | forces) & (45000 | 45 <-> 000)'
    >>> fts_query_text([[('a"b',)]])
    '"a""b"'

    Words are ``claims.search.terms`` tokens (letters, digits): nothing in them is
    query syntax in ``to_tsquery``; FTS5 phrases are double-quoted all the same.
    """
    if dialect == "sqlite":
        def phrase(words: Phrase) -> str:
            return '"' + " ".join(words).replace('"', '""') + '"'
        joiner, either = " AND ", " OR "
    else:
        def phrase(words: Phrase) -> str:
            return " <-> ".join("".join(ch for ch in word if ch.isalnum()) for word in words)
        joiner, either = " & ", " | "
    parts = [phrase(group[0]) if len(group) == 1 else
             "(" + either.join(phrase(form) for form in group) + ")" for group in groups]
    return joiner.join(parts)


def top_fulltext_ids(
    reader: Reader, terms: list[Group], limit: int, window: int | None = RANK_WINDOW
) -> list[tuple[str, float]]:
    """The ``limit`` best ``(claim_id, score)`` for ``terms``, best first (no filters).

    Ranks at most ``window`` matches, the newest (``None`` ranks them all); on SQLite
    inside the FTS index, touching ``claim`` only for the winners.
    """
    params: dict[str, Any] = {"fts_query": fts_query_text(terms, reader.dialect),
                              "limit": limit}
    if window is not None:
        params["window"] = max(window, limit)
    if reader.dialect == "sqlite":
        matches = f"SELECT rowid, {_BM25} AS score FROM claim_fts WHERE claim_fts MATCH :fts_query"
        if window is not None:
            matches += " ORDER BY rowid DESC LIMIT :window"
        sql = (
            "SELECT claim.id, top.score FROM ("
            f" SELECT rowid, score FROM ({matches}) ORDER BY score DESC LIMIT :limit"
            ") AS top JOIN claim ON claim.rowid = top.rowid ORDER BY top.score DESC, claim.id"
        )
    else:
        sql = (f"SELECT id, score FROM ({_pg_ranked(window)}) AS ranked"
               " ORDER BY score DESC, id LIMIT :limit")
    return [(row[0], float(row[1])) for row in reader.rows(sql, params)]


def filtered_fulltext_ids(
    reader: Reader, terms: list[Group], options: FilterOptions, limit: int,
    window: int | None = RANK_WINDOW,
) -> list[tuple[str, float]]:
    """The ``limit`` best ``(claim_id, score)`` matching ``terms`` and every filter.

    ``window`` ranks among the newest ``window`` word matches, as
    :func:`top_fulltext_ids` does; ``None`` among all of them.
    """
    conditions, params = filter_conditions(options)
    params |= {"fts_query": fts_query_text(terms, reader.dialect), "limit": limit}
    if window is not None:
        params["window"] = window
    if reader.dialect == "sqlite":
        matches = (f"SELECT rowid AS rid, {_BM25} AS score FROM claim_fts"
                   " WHERE claim_fts MATCH :fts_query")
        if window is not None:
            matches += " ORDER BY rowid DESC LIMIT :window"
        joined = f"JOIN ({matches}) AS fts ON c.rowid = fts.rid"
    else:
        joined = f"JOIN ({_pg_ranked(window)}) AS fts ON c.id = fts.id"
    sql = (
        f"SELECT c.id, fts.score FROM claim AS c JOIN source ON source.id = c.source_id {joined}"
        f"{_where(conditions)} ORDER BY fts.score DESC, c.id LIMIT :limit"
    )
    return [(row[0], float(row[1])) for row in reader.rows(sql, params)]


def _pg_ranked(window: int | None) -> str:
    """PostgreSQL: ``(id, score)`` of the claims matching ``:fts_query``; with a window,
    of the newest ``:window`` of them (last-added sources first), as on SQLite.

    The window matters as much here: ts_rank itself is cheap, but reading every matching
    row is not (a word in 17% of a million claims: ~250 ms to rank them all).
    """
    newest = ("" if window is None else
              " ORDER BY claim.source_id DESC, claim.start DESC, claim.id DESC LIMIT :window")
    return (f"SELECT m.id, ts_rank(m.search, q) AS score FROM (SELECT claim.id, claim.search"
            f" FROM claim, {_PG_QUERY} AS q WHERE claim.search @@ q{newest}) AS m,"
            f" {_PG_QUERY} AS q")


def listing_page(reader: Reader, options: FilterOptions, limit: int, probe: bool) -> list[str]:
    """Ids of the first ``limit`` claims in document order that pass every filter.

    ``probe``: look only among the first :data:`PROBE_ROWS` claims in document order
    (the caller falls back to the whole table when that comes up short).
    """
    conditions, params = filter_conditions(options, probe=probe)
    params["limit"] = limit
    if probe:
        columns = ", ".join(_quoted(name) for name in _PROBE_COLUMNS)
        claims = (f"(SELECT {columns} FROM claim ORDER BY source_id, start, id"
                  f" LIMIT {PROBE_ROWS}) AS c")
    else:
        claims = "claim AS c"
    sql = (f"SELECT c.id FROM {claims} JOIN source ON source.id = c.source_id"
           f"{_where(conditions)} ORDER BY {_DOCUMENT_ORDER} LIMIT :limit")
    return [row[0] for row in reader.rows(sql, params)]


def filter_conditions(
    options: FilterOptions, probe: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on claim ``c`` joined to ``source``, with their parameters.

    ``probe``: test the topic claim by claim (EXISTS) rather than as a set (IN), which
    suits a scan of a few thousand claims.
    """
    conditions: list[str] = []
    params: dict[str, Any] = {}

    def add(condition: str, **values: Any) -> None:
        conditions.append(condition)
        params.update(values)

    if options.topic:
        if probe:
            add("EXISTS (SELECT 1 FROM claimtopic AS t"
                " WHERE t.claim_id = c.id AND t.topic_key = :topic)", topic=options.topic.lower())
        else:
            add("c.id IN (SELECT claim_id FROM claimtopic WHERE topic_key = :topic)",
                topic=options.topic.lower())
    if options.source:
        add("source.slug = :source", source=options.source.lower())
    if options.kind:
        add("c.kind = :kind", kind=options.kind.lower())
    if options.metric:
        add("c.metric = :metric", metric=options.metric.lower())
    if options.origin:
        # "curated" also finds claims both extracted and curated, and so does "extracted"
        add("c.origin IN (:origin, 'both')", origin=options.origin.lower())
    year = "COALESCE(c.as_of, CAST(SUBSTR(source.date, 1, 4) AS INTEGER))"
    if options.year_from is not None:
        add(f"{year} >= :year_from", year_from=options.year_from)
    if options.year_to is not None:
        add(f"{year} <= :year_to", year_to=options.year_to)
    if options.min_value is not None:
        add("COALESCE(c.value_max, c.value) >= :min_value", min_value=options.min_value)
    if options.max_value is not None:
        add("c.value <= :max_value", max_value=options.max_value)
    return conditions, params


def claim_rows(
    reader: Reader, claim_ids: Sequence[str], columns: Sequence[str]
) -> list[tuple[Any, ...]]:
    """``columns`` of each claim in ``claim_ids`` (any order), then its source's slug."""
    if not claim_ids:
        return []
    placeholders, params = _in_list("id", claim_ids)
    selected = ", ".join(f"c.{_quoted(name)}" for name in columns)
    sql = (f"SELECT {selected}, source.slug FROM claim AS c"
           f" JOIN source ON source.id = c.source_id WHERE c.id IN ({placeholders})")
    return reader.rows(sql, params)


def claim_topic_rows(reader: Reader, claim_ids: Sequence[str]) -> list[tuple[str, str]]:
    """``(claim_id, topic_key)`` of each claim in ``claim_ids``, by topic key."""
    if not claim_ids:
        return []
    placeholders, params = _in_list("id", claim_ids)
    sql = (f"SELECT claim_id, topic_key FROM claimtopic WHERE claim_id IN ({placeholders})"
           " ORDER BY topic_key, claim_id")
    return [(row[0], row[1]) for row in reader.rows(sql, params)]


def names(reader: Reader) -> dict[str, list[str]]:
    """Every topic key, metric key and source slug, for "did you mean" hints."""
    return {
        "topics": [row[0] for row in reader.rows("SELECT key FROM topic ORDER BY key")],
        "metrics": [row[0] for row in reader.rows(
            "SELECT DISTINCT metric FROM claim WHERE metric IS NOT NULL AND metric <> ''"
            " ORDER BY metric")],
        "sources": [row[0] for row in reader.rows("SELECT slug FROM source ORDER BY id")],
    }


def topic_keys(reader: Reader) -> list[str]:
    """Every topic key, in order."""
    return [row[0] for row in reader.rows("SELECT key FROM topic ORDER BY key")]


def source_slugs(reader: Reader) -> list[str]:
    """Every source slug, in order."""
    return [row[0] for row in reader.rows("SELECT slug FROM source ORDER BY slug")]


def topic_exists(reader: Reader, key: str) -> bool:
    return bool(reader.rows("SELECT 1 FROM topic WHERE key = :key", {"key": key.lower()}))


def source_exists(reader: Reader, slug: str) -> bool:
    return bool(reader.rows("SELECT 1 FROM source WHERE slug = :slug", {"slug": slug.lower()}))


def indexed_words(reader: Reader, limit: int = 20_000) -> list[str]:
    """The most frequent words in the search index (stemmed), for "did you mean" hints."""
    if reader.dialect == "sqlite":
        reader.rows("CREATE VIRTUAL TABLE IF NOT EXISTS temp.claim_fts_vocab"
                    " USING fts5vocab(main, claim_fts, row)")
        sql = "SELECT term FROM temp.claim_fts_vocab ORDER BY doc DESC, term LIMIT :limit"
    else:
        sql = ("SELECT word FROM ts_stat('SELECT search FROM claim')"
               " ORDER BY ndoc DESC, word LIMIT :limit")
    return [row[0] for row in reader.rows(sql, {"limit": limit})]


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _in_list(prefix: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """``:id0, :id1, ...`` and their values, for ``IN (...)`` on both drivers."""
    params = {f"{prefix}{i}": value for i, value in enumerate(values)}
    return ", ".join(f":{key}" for key in params), params


def _quoted(column: str) -> str:
    return f'"{column}"'  # "end" is a keyword on both databases
