"""Study-mode test helpers: a small corpus of real seed sources and hand-placed claims.

Claims are inserted directly (no extraction, no build), with exact offsets: each
claim's surface is located in the seed text, and its sentence is the text between
the sentence ends around it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from claims.ingest.metadata import load_sources
from claims.models import Claim, ClaimTopic, Meta, Source, Topic
from claims.resources import seeds_dir

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def add_source(session: Session, slug: str) -> Source:
    meta = next(m for m in load_sources() if m.slug == slug)
    text = (seeds_dir() / (meta.file or "")).read_text(encoding="utf-8").lstrip("\ufeff")
    data = meta.model_dump(exclude={"file"})
    data["authors"] = [a.model_dump() for a in meta.authors]
    source = Source(
        **data, filename=meta.file or slug, text=text, origin="bundled",
        content_hash=hashlib.sha256(text.encode()).hexdigest(), ingested_at=NOW,
    )
    session.add(source)
    session.flush()
    return source


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = 0 if left < 0 else left + (2 if text[left] == "." else 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(stops) + (1 if stops and text[min(stops)] == "." else 0) if stops else len(text)
    return s, e


def add_claim(session: Session, source: Source, surface: str, context: str | None = None,
              *, topics: tuple[str, ...] = (), claim_id: str | None = None,
              **fields: Any) -> Claim:
    """A claim whose surface is found in ``source.text`` (inside ``context`` if given)."""
    text = source.text
    anchor = text.index(context) if context else text.index(surface)
    start = text.index(surface, anchor)
    end = start + len(surface)
    s, e = _sentence_bounds(text, start, end)
    claim = Claim(
        id=claim_id or f"{source.slug}-{start}", source_id=source.id or 0, surface=surface,
        start=start, end=end, sentence=text[s:e], sentence_start=s, sentence_end=e,
        **fields,
    )
    assert text[claim.start:claim.end] == surface
    session.add(claim)
    session.flush()
    for key in topics:
        if session.get(Topic, key) is None:
            session.add(Topic(key=key, label=key.title()))
            session.flush()
        session.add(ClaimTopic(claim_id=claim.id, topic_key=key))
    session.flush()
    return claim


CORNERSTONE = "The alliance is the cornerstone of security in the Asia-Pacific"
JUNIOR = "Japan is a junior, dependent partner of the United States"


@dataclass
class MiniCorpus:
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)


def build_mini_corpus(session: Session) -> MiniCorpus:
    corpus = MiniCorpus()
    for slug in ("manning-1993", "cronin-1996", "andrews-2017"):
        corpus.sources[slug] = add_source(session, slug)
    manning, cronin, andrews = (corpus.sources[s] for s in
                                ("manning-1993", "cronin-1996", "andrews-2017"))
    specs = [
        ("surplus", manning, "$49-billion", None,
         {"kind": "money", "value": 49e9, "unit": "USD", "metric": "trade-surplus", "as_of": 1992,
              "origin": "curated", "subject": "Japan"}, ("trade",)),
        ("surpluses", manning, "$125-billion", None,
         {"kind": "money", "value": 125e9, "unit": "USD", "metric": "trade-surplus", "as_of": 1993,
              "origin": "extracted"}, ("trade",)),
        ("budget", manning, "$33-billion", None,
         {"kind": "money", "value": 33e9, "unit": "USD", "metric": "defense-budget",
              "as_of": 1993, "subject": "Japan's defense budget", "origin": "curated"},
         ("defense-spending",)),
        ("acreage", cronin, "one-fifth", None,
         {"kind": "ratio", "value": 0.2, "metric": "okinawa-land-return", "origin": "curated"},
         ("okinawa",)),
        ("decrease", cronin, "20 percent", "a 20 percent decrease",
         {"kind": "percent", "value": 20, "unit": "percent", "metric": "okinawa-land-return",
              "origin": "both"}, ("okinawa",)),
        ("support", cronin, "about 80 percent", None,
         {"kind": "percent", "value": 80, "unit": "percent", "qualifier": "approximately",
              "metric": "public-support", "origin": "curated"}, ("public-opinion",)),
        ("forces", cronin, "more than 45,000", None,
         {"kind": "count", "value": 45_000, "unit": "troops", "qualifier": "more than",
              "metric": "us-forces-in-japan", "origin": "curated", "as_of": 1996,
              "subject": "U.S. forces in Japan"}, ("us-forces",)),
        ("returns-1972", cronin, "1972", "portions of Okinawa to Japan in 1972",
         {"kind": "date", "value": 1972, "unit": "year", "metric": "okinawa-reversion-year",
              "as_of": 1972, "subject": "start of U.S. land returns in Okinawa",
              "origin": "curated"}, ("okinawa",)),
        ("cornerstone-1996", cronin, "cornerstone", "remains the cornerstone",
         {"kind": "statement", "proposition": CORNERSTONE, "origin": "curated",
              "stance": "affirms"}, ("alliance",)),
        ("cornerstone-2017", andrews, "cornerstone", None,
         {"kind": "statement", "proposition": CORNERSTONE, "origin": "curated",
              "stance": "affirms"}, ("alliance",)),
        ("junior-1993", manning, "Japan can no longer play the passive, self-serving, junior "
         "partner", None,
         {"kind": "statement", "proposition": JUNIOR, "origin": "curated", "stance": "affirms"},
         ("alliance",)),
        ("competitor-1993", manning, "But Japan is also our leading competitor.", None,
         {"kind": "statement", "proposition": "Japan is the leading economic competitor of the "
              "United States", "origin": "curated", "stance": "affirms",
              "quote": "But Japan is also our leading competitor."}, ("trade",)),
        ("equal-1996", cronin, "Japan crossed the threshold of the past alliance relationship "
         "of a patron-client into a more equal partnership", None,
         {"kind": "statement", "proposition": JUNIOR, "origin": "curated", "stance": "denies"},
         ("alliance",)),
    ]
    for cid, source, surface, context, fields_, topics in specs:
        corpus.claims[cid] = add_claim(session, source, surface, context, topics=topics,
                                       claim_id=cid, **fields_)
    # Mark the bundled corpus as built, so the CLI's first-use build leaves these alone.
    from claims.ingest.corpus import FINGERPRINT_KEY, bundle_fingerprint

    session.add(Meta(key=FINGERPRINT_KEY, value=bundle_fingerprint()))
    session.commit()
    return corpus
