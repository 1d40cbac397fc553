"""Export cards to an Anki package (``.apkg``) with genanki.

* Two note types with fixed model ids: **Basic** (front, back, citation) for choice,
  source, year and compare cards, and **Cloze** (``{{c1::...}}`` on the claim's exact
  surface) for cloze cards. Fixed ids mean a second import reuses the note types.
* One deck per source (``Claims::Cronin (1996)``), its id derived from the source slug.
* Note GUIDs come from the claim id and the card id (``genanki.guid_for``), so
  re-importing an updated export updates the notes instead of duplicating them.
* The citation (authors, title, where, when) is on the back; tags are
  ``topic::KEY``, ``source::SLUG`` and ``kind::KIND``.
* With ``history``, one learner's progress goes too: each card's scheduling (FSRS
  memory state in Anki's ``data``) and their review log as Anki's ``revlog``, so a
  learner can move to Anki mid-course (``claims.db.anki_sql`` writes the rows).
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import genanki
from sqlmodel import Session, col, select

from claims.errors import InputError, NotFound
from claims.models import Card, Claim, ClaimTopic, Source
from claims.study import queue
from claims.study.cards import citation, source_label
from claims.study.learners import LearnerRef, learner_id

BASIC_MODEL_ID = 1_732_196_601
CLOZE_MODEL_ID = 1_732_196_602
DECK_PREFIX = "Claims"

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.citation { margin-top: 1em; font-size: 14px; color: #666; }
.choices { margin-top: .5em; }
.cloze { font-weight: bold; color: #1a5fb4; }
"""

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "Claims Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Citation"}, {"name": "Card"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Front}}",
        "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<div class="citation">{{Citation}}</div>',
    }],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "Claims Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Citation"}, {"name": "Card"}],
    templates=[{
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": '{{cloze:Text}}<br>{{Back Extra}}<div class="citation">{{Citation}}</div>',
    }],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


def stable_id(text: str) -> int:
    """A positive 31-bit id from text (Anki deck and model ids are 64-bit; keep them small)."""
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16) & 0x7FFF_FFFF | 1 << 30


def deck_id(slug: str) -> int:
    return stable_id(f"claims-deck:{slug}")


def note_guid(card: Card, claim_key: str | None = None) -> str:
    """From the claim's id (``claim_key``: the id its cards were made from, so a claim
    whose id became readable keeps its notes' GUIDs) and the card's id."""
    guid: str = genanki.guid_for(claim_key or card.claim_id, card.id)
    return guid


def _tags(card: Card, topics: list[str]) -> list[str]:
    tags = [f"topic::{t}" for t in topics]
    if card.source_slug:
        tags.append(f"source::{card.source_slug}")
    tags.append(f"kind::{card.kind}")
    return tags


def _front(card: Card) -> str:
    front = html.escape(card.question)
    if card.choices:
        items = "".join(f"<li>{html.escape(c)}</li>" for c in card.choices)
        front += f'<ol class="choices" type="a">{items}</ol>'
    return front


def _cloze_text(card: Card) -> str | None:
    spot = (card.spec or {}).get("cloze")
    if not spot:
        return None
    text, start, end = spot["text"], spot["start"], spot["end"]
    return (html.escape(text[:start]) + "{{c1::" + html.escape(text[start:end]) + "}}"
            + html.escape(text[end:]))


def make_note(card: Card, source: Source | None, topics: list[str],
              claim_key: str | None = None) -> genanki.Note:
    cite = html.escape(citation(source)) if source else ""
    tags = _tags(card, topics)
    cloze = _cloze_text(card) if card.kind == "cloze" else None
    if cloze is not None:
        extra = html.escape(source_label(source)) if source else ""
        return genanki.Note(model=CLOZE_MODEL, fields=[cloze, extra, cite, card.id],
                            guid=note_guid(card, claim_key), tags=tags)
    return genanki.Note(model=BASIC_MODEL,
                        fields=[_front(card), html.escape(card.answer), cite, card.id],
                        guid=note_guid(card, claim_key), tags=tags)


@dataclass(frozen=True, slots=True)
class AnkiExport:
    path: Path
    notes: int
    decks: int
    basic: int
    cloze: int
    reviews: int = 0  # revlog rows written (with history)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "notes": self.notes, "decks": self.decks,
                "basic": self.basic, "cloze": self.cloze, "reviews": self.reviews}


CARD_FIELD = 3  # the note field holding our card id (both note types)
ANKI_TYPE = {1: 1, 2: 2, 3: 3}  # fsrs.State -> Anki card type: learning, review, relearning


def _history(session: Session, lid: int,
             card_ids: set[str]) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """One learner's scheduling and review log of ``card_ids``, in Anki's terms."""
    from claims.models import CardState, Review
    from claims.study.scheduler import effective_reviews

    reviews: list[dict[str, Any]] = []
    counts: dict[str, list[int]] = {}  # card -> [reps, lapses]
    last_ivl: dict[str, int] = {}
    for review in session.exec(effective_reviews(lid).order_by(Review.reviewed_at, Review.id)):
        if review.card_id not in card_ids:
            continue
        reps, lapses = counts.setdefault(review.card_id, [0, 0])
        counts[review.card_id] = [reps + 1, lapses + (review.rating == 1 and reps > 0)]
        reviews.append({
            "card_id": review.card_id, "at": review.reviewed_at, "ease": review.rating,
            "ivl": 0, "last_ivl": last_ivl.get(review.card_id, 0),
            "type": 0 if reps == 0 else (2 if review.rating == 1 else 1),
            "time_ms": review.duration_ms or 0,
        })
    cards: dict[str, dict[str, Any]] = {}
    for state in session.exec(select(CardState).where(CardState.learner_id == lid)):
        if state.card_id not in card_ids or state.introduced_at is None:
            continue
        kind = ANKI_TYPE.get(state.state, 1)
        days = (state.due - state.last_review).days if state.last_review else 0
        reps, lapses = counts.get(state.card_id, [0, 0])
        queue_ = -1 if state.suspended else kind
        cards[state.card_id] = {
            "type": kind, "queue": queue_, "due_at": state.due,
            "ivl": max(days, 1 if kind == 2 else 0),
            "reps": reps, "lapses": lapses,
            "data": json.dumps({"s": state.stability, "d": state.difficulty}),
        }
    return cards, reviews


def topics_by_claim(session: Session) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim_id, key in session.exec(
        select(ClaimTopic.claim_id, ClaimTopic.topic_key).order_by(ClaimTopic.topic_key)
    ).all():
        found.setdefault(claim_id, []).append(key)
    return found


def export_anki(session: Session, out: Path, now: datetime,
                deck: queue.Deck = queue.ALL_CARDS, *, history: bool = False,
                learner: LearnerRef = None) -> AnkiExport:
    """Write every active card of ``deck`` to ``out`` (an .apkg file); with ``history``,
    ``learner``'s scheduling and review log too."""
    if out.suffix != ".apkg":
        raise InputError(f"{out}: an Anki package must end in .apkg",
                         hint=f"use `out={out.with_suffix('.apkg')}`")
    cards = session.exec(deck.narrow(queue.active()).order_by(Card.source_slug, Card.id)).all()
    if not cards:
        raise NotFound("no cards to export", hint="build or ingest documents first")
    sources = {s.slug: s for s in session.exec(select(Source)).all()}
    topics = topics_by_claim(session)
    aliases = dict(session.exec(
        select(Claim.id, Claim.alias).where(col(Claim.alias).is_not(None))).all())
    decks: dict[str, genanki.Deck] = {}
    counts = {"basic": 0, "cloze": 0}
    for card in cards:
        slug = card.source_slug or "other"
        source = sources.get(slug)
        if slug not in decks:
            label = source_label(source) if source else slug
            decks[slug] = genanki.Deck(deck_id(slug), f"{DECK_PREFIX}::{label}")
        note = make_note(card, source, topics.get(card.claim_id, []),
                         aliases.get(card.claim_id))
        counts["cloze" if note.model is CLOZE_MODEL else "basic"] += 1
        decks[slug].add_note(note)
    from claims.outfile import prepare_out

    prepare_out(out)
    try:
        genanki.Package(list(decks.values())).write_to_file(str(out), timestamp=now.timestamp())
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror})",
                         hint="choose a writable `out` path") from None
    written = 0
    if history:
        from claims.db.anki_sql import add_history

        scheduling, log = _history(session, learner_id(session, learner), {c.id for c in cards})
        written = add_history(out, CARD_FIELD, scheduling, log)
    return AnkiExport(out, len(cards), len(decks), counts["basic"], counts["cloze"], written)
