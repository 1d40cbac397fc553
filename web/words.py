"""Library words in a browser's words: hints name `limit=20` or `claims.search.search()`
(see claims.errors); a web user reads a query parameter or a page instead."""

from __future__ import annotations

from claims.errors import reword

WEB_WORDS: dict[str, str] = {
    "claims.ingest.corpus.list_sources()": "the sources page (/sources)",
    "claims.search.search()": "the search page (/search)",
    "claims.compare.list_metrics()": "the compare page (/compare)",
    "claims.compare.list_topics()": "the compare page (/compare)",
    "claims.ingest.corpus.build_bundled()": "claims build",
    "url": "--db/CLAIMS_DB",
    "claims.study.api.list_cards()": "your cards (/api/cards)",
    "claims.study.learners.list_learners()": "the class page (/class)",
    "year_from": "from",  # claims.search.search()'s years are the query's from= and to=
    "year_to": "to",
}


def in_web_words(text: str | None) -> str | None:
    """``text`` with each backquoted library name as a web user would write it.

    >>> in_web_words("try `topic=trade` or `claims.search.search()`")
    'try topic=trade or the search page (/search)'
    """
    if text is None:
        return None

    def swap(name: str, value: str | None) -> str:
        words = WEB_WORDS.get(name, name)
        return words if value is None else f"{words}={value}"

    return reword(text, swap)
