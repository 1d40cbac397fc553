"""Factories for Source/Paragraph/Claim/ClaimTopic rows, for tests that need a small,
known database without building the bundled corpus.

The sources use the real metadata of the bundled seeds (data/sources.yaml); the
claims copy real sentences from them, with offsets into a short made-up text.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from claims.ingest.metadata import load_sources
from claims.models import Card, Claim, ClaimTopic, Paragraph, Source, Topic

TOPICS = {"trade": "Trade", "forces": "U.S. forces in Japan", "okinawa": "Okinawa"}


def add_source(session: Session, slug: str, text: str) -> Source:
    """A Source with the bundled metadata of ``slug`` and ``text`` as its document."""
    meta = next(m for m in load_sources() if m.slug == slug)
    fields = meta.model_dump(exclude={"file"})
    source = Source(**fields, filename=f"{slug}.txt", content_hash=slug, text=text,
                    origin="bundled")
    session.add(source)
    session.flush()
    # paragraphs: blocks separated by blank lines, numbered from 1
    start = 0
    for number, block in enumerate(text.split("\n\n"), start=1):
        session.add(Paragraph(source_id=source.id, number=number, start=start,
                              end=start + len(block)))
        start += len(block) + 2
    return source


def add_claim(
    session: Session, source: Source, claim_id: str, surface: str, sentence: str, *,
    topics: tuple[str, ...] = (), **fields: Any,
) -> Claim:
    """A claim whose surface and sentence are found in ``source.text``."""
    sentence_start = source.text.index(sentence)
    start = source.text.index(surface, sentence_start)
    paragraph = next(
        number for number, block in enumerate(source.text.split("\n\n"), start=1)
        if sentence in block
    )
    claim = Claim(
        id=claim_id, source_id=source.id, surface=surface, sentence=sentence,
        start=start, end=start + len(surface), sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence), paragraph=paragraph, **fields,
    )
    session.add(claim)
    session.flush()
    for key in topics:
        if session.get(Topic, key) is None:
            session.add(Topic(key=key, label=TOPICS.get(key, key)))
            session.flush()
        session.add(ClaimTopic(claim_id=claim_id, topic_key=key))
    session.flush()
    return claim


MANNING_TEXT = (
    "Time to Redefine the U.S.-Japan Relationship\n\n"
    "Japan ran a $49-billion surplus with the United States in 1992. "
    "Japan now runs $125-billion surpluses with the world.\n\n"
    "The Cold War is over, and the alliance must change."
)
CRONIN_TEXT = (
    "The U.S.-Japan Alliance Redefined\n\n"
    "Strategic Forum Number 75, May 1996\n\n"
    "More than 45,000 U.S. forces are stationed in Japan. "
    "About 80 percent of the Japanese public supported the alliance after the summit.\n\n"
    "Japan's defense budget of $33 billion is the world's third largest."
)
ANDREWS_TEXT = (
    "Tokyo and Washington face critical alliance challenge\n\n"
    "The U.S. trade deficit with Japan was $69 billion in 2016, and trade surplus talk "
    "returned.\n\n"
    "About 54,000 U.S. troops remain in Japan."
)


def sample_corpus(session: Session) -> dict[str, Source]:
    """Three sources and nine claims, committed; ids are ``m1``... ``c1``... ``a1``..."""
    manning = add_source(session, "manning-1993", MANNING_TEXT)
    cronin = add_source(session, "cronin-1996", CRONIN_TEXT)
    andrews = add_source(session, "andrews-2017", ANDREWS_TEXT)
    s1 = "Japan ran a $49-billion surplus with the United States in 1992."
    s2 = "Japan now runs $125-billion surpluses with the world."
    add_claim(session, manning, "m1", "$49-billion", s1, kind="money", value=49e9,
              unit="USD", metric="trade-surplus", subject="Japan", as_of=1992,
              origin="both", topics=("trade",))
    add_claim(session, manning, "m2", "1992", s1, kind="date", value=1992, unit="year",
              as_of=1992, topics=("trade",))
    add_claim(session, manning, "m3", "$125-billion", s2, kind="money", value=125e9,
              unit="USD", metric="trade-surplus", subject="Japan", as_of=1993,
              topics=("trade",))
    c1 = "More than 45,000 U.S. forces are stationed in Japan."
    c2 = "About 80 percent of the Japanese public supported the alliance after the summit."
    c3 = "Japan's defense budget of $33 billion is the world's third largest."
    add_claim(session, cronin, "c1", "More than 45,000", c1, kind="count", value=45000,
              unit="troops", qualifier="more than", metric="us-forces-japan",
              subject="U.S. forces in Japan", as_of=1996, origin="curated",
              quote=c1, topics=("forces",))
    add_claim(session, cronin, "c2", "About 80 percent", c2, kind="percent", value=80,
              unit="percent", qualifier="approximately", metric="alliance-support",
              as_of=1996)
    add_claim(session, cronin, "c3", "$33 billion", c3, kind="money", value=33e9,
              unit="USD", metric="defense-budget", as_of=1996)
    a1 = ("The U.S. trade deficit with Japan was $69 billion in 2016, and trade surplus talk "
          "returned.")
    a2 = "About 54,000 U.S. troops remain in Japan."
    add_claim(session, andrews, "a1", "$69 billion", a1, kind="money", value=69e9, unit="USD",
              metric="trade-deficit", as_of=2016, topics=("trade",))
    add_claim(session, andrews, "a2", "2016", a1, kind="date", value=2016, unit="year",
              as_of=2016, topics=("trade",))
    add_claim(session, andrews, "a3", "About 54,000", a2, kind="count", value=54000,
              unit="troops", qualifier="approximately", metric="us-forces-japan",
              as_of=2017, topics=("forces",))
    session.add(Card(id="card-c1", claim_id="c1", source_slug="cronin-1996", kind="cloze",
                     question="More than ___ U.S. forces are stationed in Japan (1996).",
                     answer="45,000"))
    session.commit()
    return {"manning": manning, "cronin": cronin, "andrews": andrews}
