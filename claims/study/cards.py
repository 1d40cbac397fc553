"""Flashcards made from claims, and keeping them in step with the claims table.

Each claim gives the cards its ``CARD_KINDS`` row allows:

* ``cloze`` — the claim's sentence with its surface blanked (offsets are exact, so
  the blank is where the figure stood);
* ``choice`` — the same blank, with the answer among three distractors
  (:mod:`claims.study.distractors`), shuffled by a ``random.Random`` seeded by the
  card id, so the order is stable from one sync to the next;
* ``source`` — who said it (the quote, the author to name);
* ``year`` — in what year it was written;
* ``compare`` — did two sources agree on a metric? (claims sharing a metric).

A card's id is a hash of its claim id, kind and variant: a rebuild that keeps the
claim keeps the card and its FSRS progress. :func:`sync_cards` creates new cards,
updates texts, and retires (never deletes) cards whose claim is gone.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from claims.agreement import STANCE_LEAN, Figure, Trend, judge, judge_stances, trend
from claims.compare import claim_figure
from claims.domain import NUMERIC_KINDS, CardKind, Kind, Verdict, year_of
from claims.metrics import load_metrics
from claims.models import Card, Claim, Meta, Source, utcnow
from claims.study import answers, distractors

# Claim origin -> the card kinds it gets. Curated claims make the best cards: they get
# every kind; extracted figures get the blank and the multiple choice.
CARD_KINDS: dict[str, tuple[str, ...]] = {
    "curated": ("cloze", "choice", "source", "year"),
    "both": ("cloze", "choice", "source", "year"),
    "extracted": ("cloze", "choice"),
}
# New cards are introduced in (priority, id) order: curated first.
PRIORITY = {"curated": 0, "both": 0, "extracted": 1}
MAX_STATEMENT_CLOZE_WORDS = 4  # a statement is blanked only when its surface is short
MAX_COMPARE_PAIRS_PER_METRIC = 3
BLANK = "_____"
# Bump when the generated texts change, so the next command refreshes every card.
GENERATION = "2"  # 2: compare cards follow claims.agreement; trend cards
FINGERPRINT_KEY = "study.cards"


def card_id(claim_id: str, kind: str, variant: str = "") -> str:
    """Stable card id: a hash of claim id, kind and variant, then the kind.

    The hash comes first so that new cards, introduced in id order, mix kinds.

    >>> card_id("c-123", "cloze")
    '7d0fbd6717-cloze'
    """
    digest = hashlib.sha1(f"{claim_id}|{kind}|{variant}".encode()).hexdigest()
    return f"{digest[:10]}-{kind}"


@dataclass
class CardDraft:
    """A card as generated, before it meets the database."""

    id: str
    claim_id: str
    source_slug: str | None
    kind: str
    question: str
    answer: str
    spec: dict[str, Any]
    choices: list[str] | None = None
    priority: int = 1


# --- describing sources --------------------------------------------------------


def _names(source: Source) -> list[str]:
    return [a["name"] for a in source.authors or [] if a.get("name")]


def _surname(name: str) -> str:
    parts = [p for p in name.replace(",", " ").split() if p.rstrip(".").lower() not in (
        "jr", "sr", "ii", "iii", "phd")]
    return parts[-1] if parts else name


def source_label(source: Source) -> str:
    """Short label: ``Cronin (1996)``; a source without authors goes by outlet or title."""
    names = _names(source)
    who = " and ".join(_surname(n) for n in names) if names else (
        source.publisher or source.title)
    year = year_of(source.date)
    return f"{who} ({year})" if year else who


def source_accepts(source: Source) -> list[str]:
    """What counts as naming this source: surnames, full names, slug, outlet, series."""
    names = _names(source)
    accepted = [_surname(n) for n in names] + names + [source.slug]
    accepted += [x for x in (source.publisher, source.container) if x]
    if not names:
        accepted.append(source.title)
    return accepted


def citation(source: Source) -> str:
    """A one-line citation for the back of a card: authors, title, where, when."""
    names = _names(source)
    where = source.container or source.publisher
    if source.container and source.number:
        where = f"{source.container} No. {source.number}"
    parts = [", ".join(names)] if names else []
    parts.append(f"\u201c{source.title}\u201d")
    parts += [x for x in (where, source.date) if x]
    return ", ".join(parts) + "."


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


def _cloze_spec(claim: Claim) -> dict[str, Any] | None:
    # A date is checked as a year only when its surface is a year ("1972"); "Aug. 7"
    # is checked as words, like a statement.
    as_year = claim.kind != Kind.DATE or answers.years_named(claim.surface)
    if claim.kind in NUMERIC_KINDS and claim.value is not None and as_year:
        return figure_spec(claim)
    if len(claim.surface.split()) <= MAX_STATEMENT_CLOZE_WORDS:
        return {"type": "text", "text": claim.surface}
    return None


def _blanked(parts: tuple[str, int, int]) -> str:
    text, start, end = parts
    return f"{text[:start]}{BLANK}{text[end:]}".strip()


def _cloze_cards(claim: Claim, source: Source, peers: distractors.Peers) -> list[CardDraft]:
    parts = cloze_parts(claim, source)
    spec = _cloze_spec(claim)
    if parts is None or spec is None:
        return []
    text, start, end = parts
    spec = {**spec, "cloze": {"text": text, "start": start, "end": end}}
    label = source_label(source)
    drafts = [
        CardDraft(
            id=card_id(claim.id, "cloze"), claim_id=claim.id, source_slug=source.slug,
            kind="cloze", question=f"Fill in the blank: {_blanked(parts)} \u2014 {label}",
            answer=claim.surface, spec=spec,
        )
    ]
    if "choice" in CARD_KINDS.get(claim.origin, ()) and spec["type"] == "figure" \
            and claim.qualifier != "range":
        cid = card_id(claim.id, "choice")
        wrong = distractors.pick(spec, peers.for_claim(claim), random.Random(cid))
        if len(wrong) == distractors.COUNT:
            choices = [claim.surface, *wrong]
            random.Random(cid).shuffle(choices)
            drafts.append(
                CardDraft(
                    id=cid, claim_id=claim.id, source_slug=source.slug, kind="choice",
                    question=f"Which figure fills the blank? {_blanked(parts)} \u2014 {label}",
                    answer=claim.surface, spec=spec, choices=choices,
                )
            )
    return drafts


def _quote(claim: Claim) -> str:
    """The source's own words: the curated quote, else the sentence (never the proposition,
    which is the curator's wording and may be what the source denies)."""
    return (claim.quote or claim.sentence or claim.surface).strip()


def _source_card(claim: Claim, source: Source, others: Sequence[Source]) -> CardDraft:
    cid = card_id(claim.id, "source")
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
    )


def _year_card(claim: Claim, source: Source) -> CardDraft | None:
    year = year_of(source.date)
    if year is None:
        return None
    who = " and ".join(_names(source)) or source.publisher
    question = (f"In what year did {who} write: \u201c{_quote(claim)}\u201d?" if who else
                f"In what year was \u201c{source.title}\u201d written? "
                f"\u201c{_quote(claim)}\u201d")
    return CardDraft(
        id=card_id(claim.id, "year"), claim_id=claim.id, source_slug=source.slug,
        kind="year", question=question,
        answer=str(year), spec={"type": "year", "year": year},
    )


def cards_for_claim(
    claim: Claim, source: Source, peers: distractors.Peers, sources: Sequence[Source]
) -> list[CardDraft]:
    """Every card one claim gives (see ``CARD_KINDS``)."""
    kinds = CARD_KINDS.get(claim.origin, CARD_KINDS["extracted"])
    drafts = _cloze_cards(claim, source, peers) if "cloze" in kinds else []
    if "source" in kinds:
        drafts.append(_source_card(claim, source, sources))
    if "year" in kinds and (year_card := _year_card(claim, source)):
        drafts.append(year_card)
    priority = PRIORITY.get(claim.origin, 1)
    for draft in drafts:
        draft.priority = priority
    return drafts


# --- compare cards ---------------------------------------------------------------


@cache
def metric_labels() -> dict[str, str]:
    return {spec.key: spec.label for spec in load_metrics()}


def _representatives(group: list[tuple[Claim, Source]]) -> list[tuple[Claim, Source]]:
    """One claim per source for a metric: curated first, then the earliest in the text."""
    best: dict[str, tuple[Claim, Source]] = {}
    for claim, source in sorted(group, key=lambda p: (PRIORITY.get(p[0].origin, 1), p[0].start)):
        best.setdefault(source.slug, (claim, source))
    return sorted(best.values(), key=lambda p: (p[1].date or "", p[1].slug))


# How a stance places a source on a proposition: the agreement rule's lean. A neutral
# stance ("reports", "warns") says nothing of where the source stands, so compare cards
# are not made from it.
STANCE_SIDE: dict[str, int] = {stance: lean for stance, lean in STANCE_LEAN.items() if lean}


def _positions(group: list[tuple[Claim, Source]]) -> list[tuple[Claim, Source, int]]:
    """One decided claim per source on a proposition; a source on both sides is left out."""
    by_source: dict[str, list[tuple[Claim, Source, int]]] = defaultdict(list)
    for claim, source in sorted(group, key=lambda p: (p[1].date or "", p[1].slug, p[0].start)):
        side = STANCE_SIDE.get(claim.stance or "")
        if side is not None:
            by_source[source.slug].append((claim, source, side))
    return [held[0] for held in by_source.values() if len({h[2] for h in held}) == 1]


# Sentence openers lower-cased after "agree that"; any other first word may be a name.
LOWER_OPENERS = ("The", "A", "An", "This", "These", "Its", "Their")


def _lower_first(text: str) -> str:
    """ "The alliance ..." -> "the alliance ..."; "Japan ..." stays.

    >>> _lower_first("The alliance is in good health"), _lower_first("Japan should act")
    ('the alliance is in good health', 'Japan should act')
    """
    head, _, rest = text.partition(" ")
    return f"{head.lower()} {rest}" if head in LOWER_OPENERS else text


def _grouped(
    pairs: Iterable[tuple[Claim, Source]], key: Callable[[Claim], str | None]
) -> list[tuple[str, list[tuple[Claim, Source]]]]:
    """Claim/source pairs grouped by ``key(claim)`` (claims without one left out), sorted."""
    groups: dict[str, list[tuple[Claim, Source]]] = defaultdict(list)
    for claim, source in pairs:
        value = key(claim)
        if value:
            groups[value].append((claim, source))
    return sorted(groups.items())


def proposition_cards(pairs: Iterable[tuple[Claim, Source]]) -> list[CardDraft]:
    """Did two sources agree that <proposition>? (curated statements with a stance)."""
    drafts = []
    for proposition, group in _grouped(pairs, lambda claim: claim.proposition):
        held = _positions(group)
        couples = [(x, y) for i, x in enumerate(held) for y in held[i + 1:]]
        for (a, sa, _), (b, sb, _) in couples[:MAX_COMPARE_PAIRS_PER_METRIC]:
            la, lb = source_label(sa), source_label(sb)
            verdict = judge_stances(a.stance, b.stance).verdict
            drafts.append(_compare_card(
                (a, sa), (b, sb), same=verdict == Verdict.AGREE,
                question=f"Did {la} and {lb} agree that {_lower_first(proposition)}?",
                detail=f"{la} {a.stance} it; {lb} {b.stance} it",
                spec={"proposition": proposition, "verdict": str(verdict)},
            ))
    return drafts


def compare_cards(pairs: Iterable[tuple[Claim, Source]]) -> list[CardDraft]:
    """Cards on two sources' figures for one metric, judged by the agreement rule that
    ``claims compare`` uses (:func:`claims.agreement.judge`), so a card never contradicts
    it. Figures for one year ask "did they agree?"; figures for different years ask
    which way the figure moved. Figures in different units make no card."""
    drafts = []
    for metric, group in _grouped(pairs, lambda claim: claim.metric):
        label = metric_labels().get(metric, metric.replace("-", " "))
        reps = _representatives(group)
        couples = [(x, y) for i, x in enumerate(reps) for y in reps[i + 1:]]
        made = 0
        for first, second in couples:
            fa, fb = claim_figure(*first), claim_figure(*second)
            if fa is None or fb is None or fa.scale != fb.scale:
                continue
            if fa.year is not None and fb.year is not None and fb.year < fa.year:
                (first, fa), (second, fb) = (second, fb), (first, fa)
            drafts.append(_figure_card(first, second, fa, fb, label, metric))
            made += 1
            if made == MAX_COMPARE_PAIRS_PER_METRIC:
                break
    return drafts


# Trend answers: how a figure moved, in the card's words (a choice among these).
TREND_WORDS: dict[Trend, str] = {"up": "rose", "down": "fell", "same": "stayed about the same"}


def _figure_card(
    first: tuple[Claim, Source], second: tuple[Claim, Source], fa: Figure, fb: Figure,
    label: str, metric: str,
) -> CardDraft:
    (a, sa), (b, sb) = first, second
    la, lb = source_label(sa), source_label(sb)
    judgement = judge(fa, fb)
    if judgement.verdict != Verdict.CHANGED:
        return _compare_card(
            first, second, same=judgement.verdict == Verdict.AGREE,
            question=f"Did {la} and {lb} agree on {label}?",
            detail=f"{la}: {a.surface}; {lb}: {b.surface}",
            spec={"metric": metric, "verdict": str(judgement.verdict)},
        )
    moved = trend(fa, fb)
    detail = f"{a.surface} in {fa.year} ({la}); {b.surface} in {fb.year} ({lb})"
    return CardDraft(
        id=card_id(a.id, "compare", b.id), claim_id=a.id, source_slug=sa.slug,
        kind="compare",
        question=f"From {fa.year} to {fb.year}, did {label} rise, fall or stay about the "
                 f"same? ({la}, then {lb})",
        answer=TREND_WORDS[moved], choices=list(TREND_WORDS.values()),
        spec={"type": "trend", "value": moved, "display": f"{TREND_WORDS[moved]} \u2014 {detail}",
              "other_claim_id": b.id, "metric": metric, "verdict": str(Verdict.CHANGED)},
        priority=min(PRIORITY.get(a.origin, 1), PRIORITY.get(b.origin, 1)),
    )


def _compare_card(
    first: tuple[Claim, Source], second: tuple[Claim, Source], *, same: bool, question: str,
    detail: str, spec: dict[str, Any],
) -> CardDraft:
    """A yes/no card: do these two sources agree? The answer names what each says."""
    (a, source_a), (b, _) = first, second
    display = f"{'Yes' if same else 'No'} \u2014 {detail}"
    return CardDraft(
        id=card_id(a.id, "compare", b.id), claim_id=a.id, source_slug=source_a.slug,
        kind="compare", question=question, answer=display,
        spec={"type": "yesno", "value": same, "display": display, "other_claim_id": b.id,
              **spec},
        priority=min(PRIORITY.get(a.origin, 1), PRIORITY.get(b.origin, 1)),
    )


def generate_cards(pairs: Sequence[tuple[Claim, Source]]) -> list[CardDraft]:
    """All cards for these (claim, source) pairs, in a stable order."""
    peers = distractors.Peers.from_claims([claim for claim, _ in pairs])
    sources = list({source.slug: source for _, source in pairs}.values())
    drafts = [d for claim, source in pairs for d in cards_for_claim(claim, source, peers, sources)]
    return drafts + compare_cards(pairs) + proposition_cards(pairs)


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


_TEXT_FIELDS = ("source_slug", "question", "answer", "choices", "spec", "priority")


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
        select(func.count(Claim.id), func.min(Claim.id), func.max(Claim.id))
    ).one()
    sources_count, ingested = session.exec(
        select(func.count(Source.id), func.max(Source.ingested_at))
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
