"""Flashcards made from claims, and keeping them in step with the claims table.

Each claim gives the cards its ``CARD_KINDS`` row allows:

* ``cloze`` — recall a figure: a fact question from the claim's fields
  (:mod:`claims.study.questions`), or, when they cannot make one, the clause around the
  figure with the figure blanked (offsets are exact: the blank is where it stood);
* ``choice`` — the same question, with the answer among three distractors
  (:mod:`claims.study.distractors`) shuffled by a ``random.Random`` seeded by the card id;
* ``year`` — the year (or date) of a fact: when Okinawa returns began, not when the
  source was written;
* ``source`` — who said it, for statements only their source holds;
* ``compare`` — did two sources agree on a metric or a proposition, or how did it move?

No card comes from a byline or a trivial count (:func:`skip_reason`), and duplicates are
dropped (:func:`without_duplicates`).

A card's id is a hash of its claim id, kind and variant: a rebuild that keeps the
claim keeps the card and its FSRS progress. :func:`sync_cards` creates new cards,
updates texts, and retires (never deletes) cards whose claim is gone.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claims.domain import NUMERIC_KINDS, CardKind, Kind, Stance, fact_year, year_of
from claims.models import Card, Claim, Meta, Source, utcnow
from claims.study import answers, distractors
from claims.study.comparing import compare_cards as compare_cards  # re-exported
from claims.study.comparing import proposition_cards as proposition_cards  # re-exported
from claims.study.drafts import PRIORITY, CardDraft, _names, card_id, claim_key, source_label
from claims.study.drafts import citation as citation  # re-exported: anki, export
from claims.study.drafts import source_accepts as source_accepts  # re-exported
from claims.study.questions import clause, fact_question

# Claim origin -> the card kinds it gets. Every figure gets a recall card (``cloze``: a
# fact question, or a blank when the fields cannot make one) and a multiple choice; a
# date gets a ``year`` card instead of the recall card; curated statements that only
# their source holds get "who said it?" (``source``).
CARD_KINDS: dict[str, tuple[str, ...]] = {
    "curated": ("cloze", "choice", "source", "year"),
    "both": ("cloze", "choice", "source", "year"),
    "extracted": ("cloze", "choice", "year"),
}
# Curated statements are introduced after curated figures, before what the extractor found
# (``claims.study.drafts.PRIORITY``: new cards come in (priority, id) order).
STATEMENT_PRIORITY = 1
MAX_STATEMENT_CLOZE_WORDS = 4  # a statement is blanked only when its surface is short
MIN_QUOTE_WORDS = 6  # a "who said it?" quote shorter than this is not distinctive
# First words of a quote that is a fragment, not a statement ("won a ringing endorsement",
# "toward one more balanced ..."): no "who said it?" from it. Words ending in -ing or -ed
# are fragments too ("implementing the SACO recommendations").
FRAGMENT_OPENERS = frozenset("toward towards to of and but or won which that whose".split())
# An extracted count below this is furniture of the prose ("two countries", "Three
# reasons"), not a figure worth learning; curated counts are always kept.
TRIVIAL_COUNT_BELOW = 10
BLANK = "_____"
MAX_BYLINE_WORDS = 12  # "By Jane Roe, Staff Writer | August 7, 2017": a byline, not prose
# Marks of a photo caption or credit: a paragraph holding one is not prose to learn from.
CAPTION_MARKS = ("Photo:", "Photo by", "Photograph:", "Image:", "Credit:", "Caption:",
                 "Getty Images", "AP Photo", "(Reuters)", "File photo")
# Bump when the generated texts change, so the next command refreshes every card.
# 2: compare cards follow claims.agreement; trend cards. 3: fact questions, the year of
# the fact, clauses, no bylines, trivial counts or duplicates, fewer "who said it?".
GENERATION = "3"
FINGERPRINT_KEY = "study.cards"
# The variant of a year card that asks the year of the fact: a new id, since the year
# cards of generation 2 asked the year of writing (a different question; those retire).
FACT_YEAR = "fact"


# --- the card kinds -------------------------------------------------------------


def cloze_parts(claim: Claim, source: Source) -> tuple[str, int, int] | None:
    """(text, start, end) with ``text[start:end] == claim.surface``, or None.

    Uses the source offsets when the sentence is an exact slice of the source;
    otherwise the occurrence of the surface nearest to where the claim stands.
    """
    sentence = claim.sentence or claim.quote or ""
    ss, se = claim.sentence_start, claim.sentence_end
    if sentence and se > ss and source.text[ss:se] == sentence and ss <= claim.start \
            and claim.end <= se:
        return sentence, claim.start - ss, claim.end - ss
    for text in (claim.sentence, claim.quote):
        if not text or claim.surface not in text:
            continue
        hint = claim.start - ss
        spots = [i for i in range(len(text)) if text.startswith(claim.surface, i)]
        best = min(spots, key=lambda i: abs(i - hint))
        return text, best, best + len(claim.surface)
    return None


def figure_spec(claim: Claim) -> dict[str, Any]:
    return {
        "type": "figure", "kind": claim.kind, "surface": claim.surface, "value": claim.value,
        "value_max": claim.value_max, "unit": claim.unit, "qualifier": claim.qualifier,
    }


def skip_reason(claim: Claim, source: Source) -> str | None:
    """Why a claim makes no card, or None: a byline or author's note (its paragraph names
    the source's author, or is a short "By ..." line), a photo caption or credit
    (``CAPTION_MARKS``), or a trivial count of the prose ("two countries")."""
    block_start = source.text.rfind("\n\n", 0, claim.start) + 1
    block_end = source.text.find("\n\n", claim.end)
    block = source.text[block_start:block_end if block_end >= 0 else len(source.text)]
    if any(name in block for name in _names(source)) or (
            block.lstrip().startswith("By ") and len(block.split()) <= MAX_BYLINE_WORDS):
        return "byline"
    if any(mark in block for mark in CAPTION_MARKS):
        return "caption"
    if claim.kind == Kind.COUNT and claim.origin == "extracted" and claim.value is not None \
            and claim.value < TRIVIAL_COUNT_BELOW:
        return "trivial count"
    return None


def _blank(claim: Claim, source: Source) -> tuple[str, dict[str, Any]] | None:
    """The clause around the claim with its figure blanked, and where the blank is."""
    parts = cloze_parts(claim, source)
    if parts is None:
        return None
    text, start, end = clause(*parts)
    return (f"{text[:start]}{BLANK}{text[end:]}".strip(),
            {"text": text, "start": start, "end": end})


@dataclass
class _Prompt:
    """A card's question without its lead: a fact question, or a blank with its source."""

    question: str | None  # "How large was ...?"
    blanked: str | None  # "…a _____ surplus with the United States in 1992)…"
    cloze: dict[str, Any] | None

    def text(self, lead: str, label: str) -> str:
        if self.question:
            return self.question
        return f"{lead} {self.blanked} \u2014 {label}"


def _prompt(claim: Claim, source: Source, label: str, precision: str = "year") -> _Prompt | None:
    """A fact question when a curator described the claim (the extractor's subject is a
    guessed actor, "Japan", not what the figure measures), else the blanked clause."""
    year = None if claim.kind == Kind.DATE else fact_year(claim.as_of, source.date)
    curated = claim.origin in ("curated", "both")
    question = fact_question(claim.kind, claim.subject, year, label, precision) if curated \
        else None
    if question:
        return _Prompt(question, None, None)
    blank = _blank(claim, source)
    return _Prompt(None, *blank) if blank else None


def _gives_away(draft: CardDraft) -> bool:
    """Does the question show its own answer (the same figure elsewhere in the clause, the
    year in the source's label)?"""
    return answers.check_answer(draft.spec, draft.answer, draft.question).correct


def _drafts_without_giveaway(
    make: Callable[[str], list[CardDraft]], source: Source
) -> list[CardDraft]:
    """Cards made with the source's label, or without its year when that gives one away
    (a fact of 2017 asked "according to Andrews (2017)"); cards that still do are dropped."""
    made = make(source_label(source))
    if not any(_gives_away(d) for d in made):
        return made
    return [d for d in make(source_label(source, with_year=False)) if not _gives_away(d)]


def _figure_cards(claim: Claim, source: Source, peers: distractors.Peers) -> list[CardDraft]:
    """A figure: recall it (``cloze``) and pick it among distractors (``choice``)."""
    base = figure_spec(claim)

    def make(label: str) -> list[CardDraft]:
        prompt = _prompt(claim, source, label)
        if prompt is None:
            return []
        spec = {**base, "cloze": prompt.cloze} if prompt.cloze else dict(base)
        drafts = [CardDraft(
            id=card_id(claim_key(claim), "cloze"), claim_id=claim.id, source_slug=source.slug,
            kind="cloze", question=prompt.text("Fill in the blank:", label),
            answer=claim.surface, spec=spec)]
        if claim.qualifier != "range":
            drafts += _choice(claim, source, spec, peers,
                              prompt.text("Which figure fills the blank?", label))
        return drafts

    return _drafts_without_giveaway(make, source)


def _choice(claim: Claim, source: Source, spec: dict[str, Any], peers: distractors.Peers,
            question: str) -> list[CardDraft]:
    cid = card_id(claim_key(claim), "choice")
    wrong = distractors.pick(spec, peers.for_claim(claim), random.Random(cid),
                             latest=year_of(source.date))
    if len(wrong) < distractors.COUNT:
        return []
    choices = [claim.surface, *wrong]
    random.Random(cid).shuffle(choices)
    return [CardDraft(id=cid, claim_id=claim.id, source_slug=source.slug, kind="choice",
                      question=question, answer=claim.surface, spec=spec, choices=choices)]


def _date_cards(claim: Claim, source: Source, peers: distractors.Peers) -> list[CardDraft]:
    """A date: the year of the fact (``year``: with the month and day the source gives),
    and the date among others (``choice``). Never the year the source was written."""
    parts = answers.date_parts(claim.surface)
    year = int(claim.value) if claim.value is not None else fact_year(claim.as_of, source.date)
    if year is None:
        return []
    ranged = claim.qualifier == "range"  # "the 1980s": its first year will do
    precision = "year" if ranged or not parts.month else "day" if parts.day else "month"
    spec: dict[str, Any] = figure_spec(claim) if ranged else {
        "type": "year", "year": year, "month": parts.month, "day": parts.day,
        "year_shown": parts.year is not None, "surface": claim.surface}

    def make(label: str) -> list[CardDraft]:
        prompt = _prompt(claim, source, label, precision)
        if prompt is None:
            return []
        drafts = [CardDraft(
            id=card_id(claim_key(claim), "year", FACT_YEAR), claim_id=claim.id,
            source_slug=source.slug, kind="year",
            question=prompt.text("Fill in the blank:", label), answer=claim.surface,
            spec={**spec, "cloze": prompt.cloze} if prompt.cloze else spec)]
        if claim.value is not None and not ranged:
            choice_spec = {**figure_spec(claim), **{k: spec[k] for k in ("month", "day",
                                                                         "year_shown")}}
            drafts += _choice(claim, source, choice_spec, peers,
                              prompt.text("Which date fills the blank?", label))
        return drafts

    return _drafts_without_giveaway(make, source)


def _statement_cloze(claim: Claim, source: Source) -> list[CardDraft]:
    """A short statement blanked in its clause ("the _____ of security in Asia")."""
    if len(claim.surface.split()) > MAX_STATEMENT_CLOZE_WORDS:
        return []
    blank = _blank(claim, source)
    if blank is None:
        return []
    blanked, cloze = blank
    return [CardDraft(
        id=card_id(claim_key(claim), "cloze"), claim_id=claim.id, source_slug=source.slug,
        kind="cloze", question=f"Fill in the blank: {blanked} \u2014 {source_label(source)}",
        answer=claim.surface, spec={"type": "text", "text": claim.surface, "cloze": cloze})]


def _quote(claim: Claim) -> str:
    """The source's own words: the curated quote, else the sentence (never the proposition,
    which is the curator's wording and may be what the source denies)."""
    return (claim.quote or claim.sentence or claim.surface).strip()


def distinctive(claim: Claim, shared: set[str]) -> bool:
    """Is a statement its source's own, so "who said it?" has one answer? A curated
    statement the source takes a side on (not one it only reports), of a proposition no
    other source holds (those are compare cards), quoted at some length, and a statement
    rather than a fragment (``FRAGMENT_OPENERS``)."""
    words = _quote(claim).split()
    first = words[0] if words else ""
    fragment = first.islower() and (first in FRAGMENT_OPENERS or first.endswith(("ing", "ed")))
    return (claim.kind == Kind.STATEMENT and claim.origin in ("curated", "both")
            and claim.stance != Stance.REPORTS and claim.proposition not in shared
            and len(words) >= MIN_QUOTE_WORDS and not fragment)


def _source_card(claim: Claim, source: Source, others: Sequence[Source]) -> CardDraft:
    cid = card_id(claim_key(claim), "source")
    label = source_label(source)
    choices = None
    rivals = sorted({source_label(o) for o in others if o.slug != source.slug} - {label})
    if rivals:
        choices = [label, *random.Random(cid).sample(rivals, min(3, len(rivals)))]
        random.Random(cid).shuffle(choices)
    return CardDraft(
        id=cid, claim_id=claim.id, source_slug=source.slug, kind="source",
        question=f"Who said it? \u201c{_quote(claim)}\u201d",
        answer=label, choices=choices,
        spec={"type": "source", "display": label, "accept": source_accepts(source)},
        priority=STATEMENT_PRIORITY,
    )


def cards_for_claim(
    claim: Claim, source: Source, peers: distractors.Peers, sources: Sequence[Source],
    shared: set[str] | None = None,
) -> list[CardDraft]:
    """Every card one claim gives (see ``CARD_KINDS``); ``shared`` names the propositions
    that more than one source holds."""
    kinds = CARD_KINDS.get(claim.origin, CARD_KINDS["extracted"])
    if skip_reason(claim, source):
        return []
    priority = PRIORITY.get(claim.origin, 2)
    if claim.kind == Kind.DATE:
        drafts = _date_cards(claim, source, peers) if "year" in kinds else []
    elif claim.kind in NUMERIC_KINDS and claim.value is not None:
        drafts = _figure_cards(claim, source, peers) if "cloze" in kinds else []
    else:
        drafts = _statement_cloze(claim, source) if "cloze" in kinds else []
        priority = max(priority, STATEMENT_PRIORITY)
    drafts = [d for d in drafts if "choice" in kinds or d.kind != "choice"]
    for draft in drafts:
        draft.priority = priority
    if "source" in kinds and distinctive(claim, shared or set()):
        drafts.append(_source_card(claim, source, sources))
    return drafts


def generate_cards(pairs: Sequence[tuple[Claim, Source]]) -> list[CardDraft]:
    """All cards for these (claim, source) pairs, in a stable order, without duplicates."""
    peers = distractors.Peers.from_claims([claim for claim, _ in pairs])
    sources = list({source.slug: source for _, source in pairs}.values())
    holders: dict[str, set[str]] = defaultdict(set)
    for claim, source in pairs:
        if claim.proposition:
            holders[claim.proposition].add(source.slug)
    shared = {p for p, slugs in holders.items() if len(slugs) > 1}
    ordered = sorted(pairs, key=lambda p: (p[1].slug, p[0].start, p[0].id))
    drafts = [d for claim, source in ordered
              for d in cards_for_claim(claim, source, peers, sources, shared)]
    return without_duplicates(drafts) + compare_cards(pairs) + proposition_cards(pairs)


def _duplicate_keys(draft: CardDraft) -> list[tuple[Any, ...]]:
    """What makes two cards the same card: the same question of one source (two ways of
    writing Japan's economic rank), or the same date of one source asked twice."""
    keys: list[tuple[Any, ...]] = [(draft.source_slug, draft.kind, answers.normalize(
        draft.question))]
    spec = draft.spec
    if spec.get("type") == "year" or spec.get("kind") == Kind.DATE:
        keys.append((draft.source_slug, draft.kind, spec.get("year", spec.get("value")),
                     spec.get("month"), spec.get("day")))
    return keys


def without_duplicates(drafts: Sequence[CardDraft]) -> list[CardDraft]:
    """The first of each set of duplicates (:func:`_duplicate_keys`), curated first."""
    seen: set[tuple[Any, ...]] = set()
    kept: list[CardDraft] = []
    for draft in sorted(drafts, key=lambda d: d.priority):  # stable: text order within
        keys = _duplicate_keys(draft)
        if not seen.intersection(keys):
            kept.append(draft)
        seen.update(keys)
    return kept


# --- keeping cards in step with claims --------------------------------------------


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    revived: int = 0
    unchanged: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("created", "updated", "retired", "revived",
                                               "unchanged", "kinds")}


_TEXT_FIELDS = ("claim_id", "source_slug", "question", "answer", "choices", "spec", "priority")


def sync_cards(session: Session, now: datetime | None = None) -> SyncReport:
    """Create, update and retire cards so they match the claims now in the database.

    FSRS state and the review log are never touched: a card whose claim is gone is
    retired (``retired=True``) and comes back with its history if the claim returns.
    Flushes; the caller commits.
    """
    now = now or utcnow()
    pairs = list(session.exec(select(Claim, Source).join(Source)).all())
    drafts = {d.id: d for d in generate_cards(pairs)}
    report = SyncReport()
    # Imported cards (kind "own", claims.study.imports) come from no claim: not ours to retire.
    for card in session.exec(select(Card).where(Card.kind != CardKind.OWN)).all():
        draft = drafts.pop(card.id, None)
        if draft is None:
            if not card.retired:
                card.retired = True
                report.retired += 1
            continue
        changed = False
        for name in _TEXT_FIELDS:
            if getattr(card, name) != getattr(draft, name):
                setattr(card, name, getattr(draft, name))
                changed = True
        if card.retired:
            card.retired = False
            report.revived += 1
        elif changed:
            report.updated += 1
        else:
            report.unchanged += 1
    for draft in drafts.values():
        session.add(
            Card(
                id=draft.id, claim_id=draft.claim_id, source_slug=draft.source_slug,
                kind=draft.kind, question=draft.question, answer=draft.answer,
                choices=draft.choices, spec=draft.spec, priority=draft.priority,
                created_at=now,
            )
        )
        report.created += 1
    _write_fingerprint(session, fingerprint(session))
    session.flush()
    report.kinds = cards_by_kind(session)
    return report


def cards_by_kind(session: Session) -> dict[str, int]:
    rows = session.exec(
        select(Card.kind, func.count()).where(Card.retired == False).group_by(Card.kind)  # noqa: E712
    ).all()
    return dict(sorted(rows))


def fingerprint(session: Session) -> str:
    """Changes whenever claims or sources change (a build, an ingest) or the rules do."""
    claims_count, first, last = session.exec(
        select(func.count(col(Claim.id)), func.min(Claim.id), func.max(Claim.id))
    ).one()
    sources_count, ingested = session.exec(
        select(func.count(col(Source.id)), func.max(Source.ingested_at))
    ).one()
    return f"{GENERATION}|{claims_count}|{first}|{last}|{sources_count}|{ingested}"


def _write_fingerprint(session: Session, value: str) -> None:
    meta = session.get(Meta, FINGERPRINT_KEY)
    if meta is None:
        session.add(Meta(key=FINGERPRINT_KEY, value=value))
    else:
        meta.value = value


def ensure_cards(session: Session, now: datetime | None = None) -> SyncReport | None:
    """Sync cards if claims changed since the last sync (cheap when nothing did).

    Study commands call this first, so cards follow a build or an ingest without a
    separate step. Returns the report, or None when cards were already in step.

    An entry point that owns the transaction it runs in (see docs/design.md,
    "Transactions"): when another process synced the same new cards first, it rolls
    the session back and syncs again, so call it before any other change in the session.
    """
    meta = session.get(Meta, FINGERPRINT_KEY)
    if meta is not None and meta.value == fingerprint(session):
        return None
    try:
        return sync_cards(session, now)
    except IntegrityError:
        # Another process synced the same new cards first: take its rows and sync again.
        session.rollback()
        return sync_cards(session, now)
