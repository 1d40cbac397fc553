"""Your own question/answer pairs from CSV: ``front,back[,source[,tags]]``, one per row.

An imported card is of kind ``own`` (``claims.domain.CardKind.OWN``), shared like every
card, and scheduled per learner like every card. Its answer is checked by the same
checker as a claim's: a back that is one figure (``$49 billion``, ``about 80 percent``,
``1996``), as read by the extractor's number reader (``claims.extract.read_quantities``),
is checked by the agreement rule, so ``49bn`` is right for ``$49 billion``; any other
back is checked as words. ``source`` is a source slug (the card joins that source's
deck) or any text, shown as the citation after an answer; ``tags`` are separated by
spaces, commas or semicolons. A first row ``front,back,...`` is a header and skipped.

The card id is a hash of the front, so importing the same file again updates the cards
instead of adding them twice.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from claims.domain import CardKind
from claims.errors import UsageError
from claims.models import Card, CardTag, Source
from claims.study.cards import card_id
from claims.study.tags import clean_tag

MAX_FIGURE_WORDS = 6  # a back of more words is checked as words even if it holds a number
_TAG_SPLIT = re.compile(r"[\s,;]+")
COLUMNS = ("front", "back", "source", "tags")


def own_card_id(front: str) -> str:
    """The card id of an imported front: the same front, the same card.

    >>> own_card_id("Japan's surplus with the U.S. in 1992?")
    '06b1fc6ca2-own'
    """
    digest = hashlib.sha1(" ".join(front.split()).encode()).hexdigest()[:12]
    return card_id(f"own-{digest}", CardKind.OWN)


def answer_spec(back: str) -> dict[str, Any]:
    """How ``back`` is checked: as a figure when it is one, else as words.

    >>> answer_spec("$49 billion")["type"], answer_spec("the cornerstone")["type"]
    ('figure', 'text')
    """
    from claims.extract import read_quantities

    found = read_quantities(back)
    if len(found) == 1 and len(back.split()) <= MAX_FIGURE_WORDS:
        q = found[0]
        return {"type": "figure", "kind": q.kind, "surface": q.surface, "value": q.value,
                "value_max": q.value_max, "unit": q.unit, "qualifier": q.qualifier}
    return {"type": "text", "text": back}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    figures: int = 0  # cards whose answer is checked as a figure
    cards: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "figures": self.figures, "cards": self.cards}


def _rows(lines: Iterable[str]) -> Iterable[tuple[int, list[str]]]:
    for number, row in enumerate(csv.reader(lines), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if number == 1 and [c.strip().lower() for c in row[:2]] == ["front", "back"]:
            continue  # a header
        yield number, row


def import_csv(session: Session, lines: Iterable[str], now: datetime) -> ImportReport:
    """Add or update one ``own`` card per CSV row (see the module docstring); flushes.

    A row without a front or a back, or with more than four columns, is refused with
    its line number, and nothing is added (the caller rolls back).
    """
    slugs = set(session.exec(select(Source.slug)).all())
    report = ImportReport()
    for number, row in _rows(lines):
        cells = [cell.strip() for cell in row]
        if len(cells) > len(COLUMNS) or len(cells) < 2 or not cells[0] or not cells[1]:
            raise UsageError(f"CSV line {number} is not front,back[,source[,tags]]",
                             hint='e.g. "What was Japan\'s 1992 surplus?","$49 billion"')
        front, back = cells[0], cells[1]
        source = cells[2] if len(cells) > 2 and cells[2] else None
        tags = [clean_tag(t) for t in _TAG_SPLIT.split(cells[3]) if t] if len(cells) > 3 else []
        spec = answer_spec(back)
        report.figures += spec["type"] == "figure"
        if source and source not in slugs:
            spec["source"] = source  # free text: shown as the citation
        cid = own_card_id(front)
        fields: dict[str, Any] = {"question": front, "answer": back, "spec": spec,
                  "source_slug": source if source in slugs else None}
        card = session.get(Card, cid)
        if card is None:
            card = Card(id=cid, claim_id=cid, kind=CardKind.OWN, choices=None, priority=0,
                        created_at=now, **fields)
            report.created += 1
        elif any(getattr(card, k) != v for k, v in fields.items()) or card.retired:
            for key, value in fields.items():
                setattr(card, key, value)
            card.retired = False
            report.updated += 1
        else:
            report.unchanged += 1
        session.add(card)
        session.flush()
        for tag in tags:
            if session.get(CardTag, (cid, tag)) is None:
                session.add(CardTag(card_id=cid, tag=tag))
        report.cards.append(cid)
    if not report.cards:
        raise UsageError("the CSV has no rows", hint="one card per row: front,back[,source[,tags]]")
    session.flush()
    return report
