"""A small hand-made database for comparison tests: sources, claims, topics as rows."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Claim, ClaimTopic, Source, Topic
from claims.topics import load_topics

SOURCES = [
    # slug, date, author
    ("manning-1993", "1993-04-11", "Robert A. Manning"),
    ("cronin-1996", "1996-05", "Patrick M. Cronin"),
    ("poll-1996", "1996-06", "A. Pollster"),
    ("later-2000", "2000", "B. Later"),
    ("andrews-2017", "2017-08", "Brian Andrews"),
]

# id, source, kind, surface, value, unit, qualifier, metric, as_of, topics, extra fields
CLAIMS: list[tuple[Any, ...]] = [
    ("m-surplus", "manning-1993", "money", "$49-billion", 49e9, "USD", "exact", "trade-surplus",
     1992, ["trade"], {}),
    ("m-surplus-yen", "manning-1993", "money", "6 trillion yen", 6e12, "JPY", "exact",
     "trade-surplus", 1992, ["trade"], {}),
    ("c-fifth", "cronin-1996", "ratio", "one-fifth", 0.2, None, "exact", "okinawa-land-return",
     1996, ["okinawa"], {}),
    ("c-20pc", "cronin-1996", "percent", "20 percent", 20, "percent", "exact",
     "okinawa-land-return", 1996, ["okinawa"], {}),
    ("c-80pc", "cronin-1996", "percent", "80 percent", 80, "percent", "approximately",
     "public-support", 1996, ["public-opinion"], {}),
    ("p-78pc", "poll-1996", "percent", "78 percent", 78, "percent", "exact", "public-support",
     1996, ["public-opinion"], {}),
    ("c-45000", "cronin-1996", "count", "45,000", 45000, "personnel", "more than",
     "us-forces-in-japan", 1996, ["us-forces"], {}),
    ("p-47000", "poll-1996", "count", "47,000", 47000, "troops", "exact", "us-forces-in-japan",
     1996, ["us-forces"], {}),
    ("p-40000", "poll-1996", "count", "40,000", 40000, "troops", "exact", "us-forces-in-japan",
     1996, ["us-forces"], {}),
    ("l-40000", "later-2000", "count", "40,000", 40000, "troops", "exact", "us-forces-in-japan",
     2000, ["us-forces"], {}),
    ("m-junior", "manning-1993", "statement", "junior partner", None, None, "exact", None, None,
     ["alliance-partnership", "trade"],
     {"proposition": "Japan is a junior partner", "stance": "affirms"}),
    ("c-equal", "cronin-1996", "statement", "a more equal partnership", None, None, "exact", None,
     None, ["alliance-partnership"],
     {"proposition": "Japan is a junior partner", "stance": "denies"}),
    ("c-separate", "cronin-1996", "statement", "two largely separate", None, None, "exact", None,
     None, ["trade"], {"proposition": "Keep trade apart", "stance": "affirms"}),
    ("a-obstruct", "andrews-2017", "statement", "must not be allowed", None, None, "exact", None,
     None, ["trade"], {"proposition": "Keep trade apart", "stance": "urges"}),
    ("a-cornerstone", "andrews-2017", "statement", "the cornerstone", None, None, "exact", None,
     2017, ["alliance-partnership"],
     {"proposition": "The alliance is the cornerstone", "stance": "affirms"}),
    ("a-extracted", "andrews-2017", "count", "11", 11, "nations", "exact", None, 2017, ["trade"],
     {"origin": "extracted"}),
]


def fill(session: Any) -> None:
    for spec in load_topics():
        session.add(Topic(key=spec.key, label=spec.label, description=spec.description))
    ids = {}
    for slug, date, author in SOURCES:
        source = Source(
            slug=slug, title=slug, authors=[{"name": author}], date=date, filename=f"{slug}.txt",
            content_hash=slug, text="",
        )
        session.add(source)
        session.flush()
        ids[slug] = source.id
    for position, row in enumerate(CLAIMS):
        cid, slug, kind, surface, value, unit, qualifier, metric, as_of, topics, extra = row
        session.add(Claim(
            id=cid, source_id=ids[slug], kind=kind, surface=surface, value=value, unit=unit,
            qualifier=qualifier, metric=metric, as_of=as_of, start=position * 100,
            end=position * 100 + len(surface),
            **{"origin": "curated", **extra},
        ))
        session.flush()
        for topic in topics:
            session.add(ClaimTopic(claim_id=cid, topic_key=topic))
    session.commit()


@pytest.fixture
def filled(session: Any) -> Any:
    fill(session)
    return session
