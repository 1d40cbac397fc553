"""The domain vocabulary: every closed set of words the product uses, defined once.

Each set is a ``StrEnum``, so a member *is* its string (``Kind.MONEY == "money"``):
the database, the JSON output and the YAML files keep plain strings, and every module
that needs the list imports it from here instead of writing it out again. The CLI uses
the same enums for its ``--kind``/``--origin`` choices, and pydantic validates curated
files against them. A light module (no imports beyond the standard library): the CLI's
quick search path loads it.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a claim is: a kind of figure, or a qualitative statement."""

    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DURATION = "duration"
    DATE = "date"
    RANK = "rank"
    RATIO = "ratio"
    STATEMENT = "statement"


class Modality(StrEnum):
    """Whether a figure states what is, or what someone aims at or expects. The words that
    signal each are the extractor's table (``claims.extract._tables.MODALITY_CUES``);
    timelines and compare keep targets and forecasts apart from facts."""

    FACT = "fact"
    TARGET = "target"  # "aims to reach 2% of GDP by fiscal 2027"
    FORECAST = "forecast"  # "is expected to reach", "projected"


# Kinds that carry a number (every kind but a statement), in the order above.
NUMERIC_KINDS: tuple[Kind, ...] = tuple(k for k in Kind if k is not Kind.STATEMENT)


class Qualifier(StrEnum):
    """How a figure is hedged. The words that signal each ("about", "over", "nearly")
    are the extractor's table (``claims.extract._tables.QUALIFIER_WORDS``); what each
    allows is the agreement rule's table (``claims.agreement.BANDS``)."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    ALMOST = "almost"  # "almost/nearly/close to": just below the value
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    LESS_THAN = "less than"
    AT_MOST = "at most"
    RANGE = "range"  # value to value_max


class Stance(StrEnum):
    """What a source does with a curated proposition."""

    AFFIRMS = "affirms"
    DENIES = "denies"
    REPORTS = "reports"  # relays others' views: says nothing of the source's own
    URGES = "urges"
    WARNS = "warns"  # names a risk: neither for nor against


class Origin(StrEnum):
    """Where a claim came from: the extractor, a curator, or both (merged)."""

    EXTRACTED = "extracted"
    CURATED = "curated"
    BOTH = "both"


class CardKind(StrEnum):
    """The flashcards a claim can give (``claims.study.cards``)."""

    CLOZE = "cloze"
    CHOICE = "choice"
    SOURCE = "source"
    YEAR = "year"
    COMPARE = "compare"
    OWN = "own"  # a learner's own question and answer, imported (claims.study.imports)


class QuizMode(StrEnum):
    """What a quiz draws from: one card kind, or all of them (each kind of
    :class:`CardKind`, plus ``mixed``; a test keeps the two in step)."""

    CLOZE = "cloze"
    CHOICE = "choice"
    SOURCE = "source"
    YEAR = "year"
    COMPARE = "compare"
    OWN = "own"
    MIXED = "mixed"


class Verdict(StrEnum):
    """The verdict on two claims about one metric or proposition (``claims.agreement``)."""

    AGREE = "agree"  # the same figure within what the qualifiers allow, or the same lean
    DIFFER = "differ"  # not comparable as such: other units, or consistent but not the same
    CONFLICT = "conflict"  # they cannot both be right
    CHANGED = "changed"  # figures for different years: a change over time, not a dispute


def year_of(date: str | None) -> int | None:
    """The year of an ISO 8601 date of any precision, or None.

    >>> year_of("1996-05"), year_of("2003"), year_of(None), year_of("n.d.")
    (1996, 2003, None, None)
    """
    head = (date or "")[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


def fact_year(as_of: int | None, source_date: str | None) -> int | None:
    """The year a figure refers to: the year the claim names (``as_of``), else the year
    its source was written. Compare, timelines and flashcards all date figures this way.

    >>> fact_year(1992, "1993-04-11"), fact_year(None, "1993-04-11")
    (1992, 1993)
    """
    return as_of if as_of is not None else year_of(source_date)


def effective_modality(modality: str | None, as_of: int | None, source_date: str | None) -> str:
    """A claim's modality as compare, timelines and the browser treat it: the one the
    extractor or curator gave, and at least ``forecast`` for a figure of a year after its
    source was written (no source can report that year's fact).

    >>> effective_modality("fact", 2014, "2006-05-01"), effective_modality("fact", 1992, "1993")
    ('forecast', 'fact')
    >>> effective_modality("target", 2027, "2025-01-01")
    'target'
    """
    if modality and modality != Modality.FACT:
        return str(modality)
    written = year_of(source_date)
    if as_of is not None and written is not None and as_of > written:
        return str(Modality.FORECAST)
    return str(Modality.FACT)


class SourceKind(StrEnum):
    """What a source is; a citation's form follows it (``claims.cite.citation.CSL_TYPES``)."""

    OP_ED = "op-ed"
    NEWS_ARTICLE = "news-article"
    REPORT = "report"
    POLICY_BRIEF = "policy-brief"
    COMMENTARY = "commentary"
    BLOG_POST = "blog-post"
    SPONSORED_CONTENT = "sponsored-content"
    BOOK = "book"
    DOCUMENT = "document"
