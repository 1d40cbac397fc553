"""Library words in a browser's words: hints name `limit=20` or `claims.search.search()`
(see claims.errors); a web user reads a query parameter or a page instead."""

from __future__ import annotations

import re

WEB_WORDS: dict[str, str] = {
    "claims.ingest.corpus.list_sources()": "the sources page (/sources)",
    "claims.search.search()": "the search page (/search)",
    "claims.compare.list_metrics()": "the compare page (/compare)",
    "claims.compare.list_topics()": "the compare page (/compare)",
    "claims.ingest.corpus.build_bundled()": "claims build",
    "url": "--db/CLAIMS_DB",
}
_LIBRARY_WORD = re.compile(r"`(?P<name>[\w.()]+)(?:=(?P<value>[^`]*))?`")
# claims.suggest.did_you_mean, and claims.compare.timeline's "... or topic a, b"
_DID_YOU_MEAN = re.compile(r"did you mean (?P<names>[^?]+)\?|\bor topic (?P<topics>[\w, -]+)$")


def in_web_words(text: str | None) -> str | None:
    """``text`` with each backquoted library name as a web user would write it.

    >>> in_web_words("try `topic=trade` or `claims.search.search()`")
    'try topic=trade or the search page (/search)'
    """
    if text is None:
        return None

    def swap(match: re.Match[str]) -> str:
        name, value = match["name"], match["value"]
        words = WEB_WORDS.get(name, name)
        return words if value is None else f"{words}={value}"

    return _LIBRARY_WORD.sub(swap, text)


def suggested_names(hint: str | None) -> list[str]:
    """The names a library hint offers ("did you mean a, b?", claims.suggest.did_you_mean).

    >>> suggested_names("did you mean okinawa, trade? `claims.compare.list_topics()`")
    ['okinawa', 'trade']
    >>> suggested_names("no metric is close; `claims.compare.list_metrics()` or topic okinawa")
    ['okinawa']
    """
    names: list[str] = []
    for match in _DID_YOU_MEAN.finditer(hint or ""):
        found = match["names"] or match["topics"] or ""
        names += [name.strip().strip("'") for name in found.split(",") if name.strip()]
    return list(dict.fromkeys(names))
