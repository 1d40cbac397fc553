"""User tags on cards: a card's tags are shared like its text (a teacher tags for the
class), and a tag is a deck of its own (``Deck(tag=...)``, ``claims review --tag``).

A tag is one word: letters, digits, ``_``, ``.`` and ``-``, kept in lower case.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from claims.errors import NotFound, UsageError
from claims.models import Card, CardTag
from claims.suggest import did_you_mean

TAG = re.compile(r"^\w[\w.-]*$")  # one word; may not start with "." or "-"
MAX_TAG = 50


def clean_tag(text: str) -> str:
    """A tag in its stored form; UsageError for anything but one word.

    >>> clean_tag(" Exam-1 ")
    'exam-1'
    """
    tag = text.strip().lower()
    if not TAG.match(tag) or len(tag) > MAX_TAG:
        raise UsageError(f"{text!r} is not a tag",
                         hint=f"a tag is one word of letters, digits, _ . - (at most {MAX_TAG})")
    return tag


def tag_card(session: Session, card_id: str, tags: Sequence[str], *,
             remove: bool = False) -> list[str]:
    """Add (or with ``remove``, take off) ``tags`` on a card; returns its tags after."""
    from claims.study.session import get_card

    card = get_card(session, card_id)
    wanted = [clean_tag(t) for t in tags]
    if not wanted:
        raise UsageError("no tags given", hint="e.g. `tags=['exam']`")
    for tag in wanted:
        found = session.get(CardTag, (card.id, tag))
        if remove and found is not None:
            session.delete(found)
        elif not remove and found is None:
            session.add(CardTag(card_id=card.id, tag=tag))
    session.flush()
    return tags_of(session, [card.id]).get(card.id, [])


def tags_of(session: Session, card_ids: Iterable[str]) -> dict[str, list[str]]:
    """Each card's tags, sorted (cards without tags are left out)."""
    ids = list(card_ids)
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):  # keep the IN list short
        rows = session.exec(select(CardTag).where(col(CardTag.card_id).in_(ids[start:start + 500]))
                            .order_by(col(CardTag.card_id), col(CardTag.tag)))
        for row in rows:
            found[row.card_id].append(row.tag)
    return dict(found)


def list_tags(session: Session) -> list[dict[str, Any]]:
    """Every tag with its number of cards (retired cards left out)."""
    rows = session.exec(
        select(CardTag.tag, func.count()).join(Card, col(Card.id) == col(CardTag.card_id))
        .where(Card.retired == False).group_by(col(CardTag.tag))  # noqa: E712
        .order_by(col(CardTag.tag))
    ).all()
    return [{"tag": tag, "cards": count} for tag, count in rows]


def require_tag(session: Session, tag: str) -> str:
    """``tag`` cleaned, if some card carries it; NotFound (with the known tags) if not."""
    cleaned = clean_tag(tag)
    if session.exec(select(CardTag.card_id).where(CardTag.tag == cleaned)).first() is None:
        known = [row["tag"] for row in list_tags(session)]
        listing = f"tags are: {', '.join(known[:12]) or 'none yet'}"
        near = did_you_mean(cleaned, known)
        raise NotFound(f"no card is tagged {cleaned!r}",
                       hint=f"{near} {listing}" if near else listing)
    return cleaned
