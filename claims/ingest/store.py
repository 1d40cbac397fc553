"""Ingest: a decoded document in, its claims drafted, its metadata described.

Here are the steps before the rows: a document read and cleaned (``PreparedDocument``),
its figures extracted as claim drafts with stable ids (``draft_claims``, ``readable_ids``),
a user file's metadata (``user_meta``, ``SourceOverrides``), and ``ingest_files``, the
library's call for a few user files. The rows are made by ``claims.ingest.prepare`` and
stored by the one writer, ``claims.ingest.writer``: re-ingesting the same content is a
no-op; new content under the same slug replaces the source's claims (cards keep their
history: they follow stable claim ids, see claims.ingest.ids).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError
from sqlmodel import Session, select

from claims.errors import UsageError, plain_validation_message
from claims.extract import Extraction, Extractor
from claims.ingest.clean import CleanDocument, DocFormat, clean_document, detect_format
from claims.ingest.ids import extracted_claim_id, readable_claim_id, slugify, unique_ids
from claims.ingest.metadata import Author, SourceMeta
from claims.ingest.textio import DecodedText
from claims.models import ClaimDraft, Topic
from claims.topics import load_topics

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

Status = Literal["added", "replaced", "updated", "unchanged"]
# Source fields a user may set (flags, ``claims.sources.edit_source``); ``authors`` holds names.
USER_FIELDS = ("title", "authors", "date", "publisher", "url", "kind")
ProgressCallback = Callable[[int, int, str], None]
# Curation hook: (slug, original text, extracted drafts) -> drafts with curated claims merged in
CurationHook = Callable[[str, str, list[ClaimDraft]], list[ClaimDraft]]


@dataclass(frozen=True)
class IngestResult:
    slug: str
    status: Status
    claims: int
    filename: str
    warning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug, "status": self.status, "claims": self.claims,
            "file": self.filename, "warning": self.warning,
        }


@dataclass(frozen=True)
class PreparedDocument:
    """A document read, decoded, cleaned and described, ready to store."""

    meta: SourceMeta
    decoded: DecodedText
    clean: CleanDocument
    filename: str


def prepare_document(
    decoded: DecodedText, meta: SourceMeta, filename: str, fmt: DocFormat | None = None
) -> PreparedDocument:
    fmt = fmt or detect_format(filename, decoded.text)
    return PreparedDocument(meta, decoded, clean_document(decoded.text, fmt), filename)


def extract_figures(text: str, fmt: DocFormat = "text", extractor: Extractor | None = None,
                    date: str | None = None) -> list[Extraction]:
    """Figures of a whole document, offsets into ``text`` (cleaned first, mapped back);
    ``date``, the document's own (ISO), dates relative phrases ("last year")."""
    clean = clean_document(text, fmt)
    return [_to_original(item, clean) for item in _run(extractor, clean.text, date)]


def extract_document(decoded: DecodedText, name: str, date: str | None = None
                     ) -> list[Extraction]:
    """Figures of a decoded file as ingest would find them: furniture removed first
    (HTML parsed), offsets into the decoded text. ``claims extract`` calls this.

    ``date`` is the document's own date ("1996", "1996-05" or "1996-05-12"): in a May 1996
    text a figure "last November" gets ``as_of`` 1995, as ingest dates it from the source's
    date. A malformed date is a ``UsageError``.
    """
    from claims.extract._context import is_document_date

    if date is not None and not is_document_date(date):
        raise UsageError(f"`date={date}` is not a date",
                         hint="give the document's date as YYYY, YYYY-MM or YYYY-MM-DD")
    return extract_figures(decoded.text, detect_format(name, decoded.text), date=date)


def _run(extractor: Extractor | None, text: str, date: str | None = None
         ) -> Sequence[Extraction]:
    if extractor is not None:
        return extractor(text)
    from claims.extract import extract

    return extract(text, date=date)  # the source's date dates "last year", "last November"


def _to_original(item: Extraction, clean: CleanDocument) -> Extraction:
    from dataclasses import replace

    start, end = clean.to_original(item.start, item.end)
    s_start, s_end = clean.to_original(item.sentence_start, item.sentence_end)
    return replace(
        item, start=start, end=end, surface=clean.original[start:end],
        sentence_start=s_start, sentence_end=s_end,
    )


def draft_claims(
    slug: str, clean: CleanDocument, extractor: Extractor | None = None,
    date: str | None = None,
) -> list[ClaimDraft]:
    """Extracted claims of one document as drafts with stable ids and original offsets;
    ``date`` (the source's, ISO) dates relative phrases ("last year")."""
    drafts: list[ClaimDraft] = []  # ids made unique by readable_ids (after curation)
    occurrences: Counter[tuple[str, str, str]] = Counter()
    starts: dict[int, str] = {}  # a figure's start -> its draft id, for same_as links
    # The extractor's values are typed by construction (Extraction): its drafts skip
    # pydantic's validation, which cost more per claim than finding its id; a caller's
    # own extractor is checked.
    make = ClaimDraft if extractor is not None else ClaimDraft.model_construct
    original = clean.original
    for item in _run(extractor, clean.text, date):
        sentence = " ".join(clean.text[item.sentence_start:item.sentence_end].split())
        key = (item.kind, sentence, item.surface)
        occurrence = occurrences[key]
        occurrences[key] += 1
        start, end = clean.to_original(item.start, item.end)
        sentence_start, sentence_end = clean.to_original(item.sentence_start, item.sentence_end)
        drafts.append(
            make(
                id=readable_claim_id(slug, item.kind, item.metric, item.surface),
                alias=extracted_claim_id(slug, item.kind, sentence, item.surface, occurrence),
                origin="extracted",
                kind=item.kind,
                surface=original[start:end],
                value=item.value,
                value_max=item.value_max,
                unit=item.unit,
                qualifier=item.qualifier,
                subject=item.subject,
                metric=item.metric,
                as_of=item.as_of,
                modality=item.modality,
                same_as=None,
                sentence=sentence,
                start=start,
                end=end,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                paragraph=clean.paragraph_number(start),
                quote=None,
                proposition=None,
                stance=None,
                topics=list(item.topics),
                note=item.note,
            )
        )
        # linked by alias (unique) until readable_ids() gives the drafts unique ids
        starts[item.start] = drafts[-1].alias or drafts[-1].id
        if item.same_as is not None:
            drafts[-1].same_as = starts.get(item.same_as)
    return drafts


def readable_ids(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """``drafts`` with unique ids: an extracted claim's readable id that another claim has
    (a curated claim's, or an equal figure's earlier in the document) is numbered
    (``-2``); links between drafts (``same_as``) follow."""
    extracted = [d for d in drafts if d.alias is not None]
    taken = {d.id for d in drafts if d.alias is None}
    renamed = {}
    for draft, new in zip(extracted, unique_ids([d.id for d in extracted], taken), strict=True):
        renamed[draft.alias] = new
        draft.id = new
    for draft in drafts:
        if draft.same_as is not None:
            draft.same_as = renamed.get(draft.same_as, draft.same_as)
    return drafts


def sync_topics(session: Session) -> None:
    """Make the Topic table match data/topics.yaml (labels updated, none deleted)."""
    existing = {topic.key: topic for topic in session.exec(select(Topic)).all()}
    for spec in load_topics():
        topic = existing.get(spec.key)
        if topic is None:
            session.add(Topic(key=spec.key, label=spec.label, description=spec.description))
        else:
            topic.label, topic.description = spec.label, spec.description
    session.flush()


# --- user files ------------------------------------------------------------


@dataclass(frozen=True)
class SourceOverrides:
    """What a user may say about the files they ingest (all optional)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    slug: str | None = None
    kind: str | None = None


def user_meta(decoded: DecodedText, clean: CleanDocument, path: Path,
              overrides: SourceOverrides, many: bool, fmt: DocFormat = "text") -> SourceMeta:
    """Metadata for a user file. Each field: the override (flag) if given, else what the
    document says about itself (``claims.ingest.selfdesc``: ``<meta>``, JSON-LD, a
    byline), else the first block as title, the file stem as slug, kind "document"."""
    from claims.ingest.selfdesc import describe

    blocks = clean.text.split("\n\n", 4)
    # a byline block is furniture (claims.ingest.furniture): it is read from the original
    bylines = [decoded.text[start:end] for start, end, rule in clean.dropped
               if rule.startswith("byline")]
    said = describe(decoded.text, fmt, bylines[:1] + blocks)
    first_block = title_from_text(clean.text)
    title = overrides.title if overrides.title and not many else (said.title or first_block)
    slug = overrides.slug if overrides.slug and not many else slugify(path.stem)
    return _validated({
        "slug": slug,
        "title": title or path.stem,
        "authors": [Author(name=name) for name in overrides.authors or said.authors],
        "date": overrides.date or said.date,
        "publisher": overrides.publisher or said.publisher,
        "url": overrides.url or said.url,
        "kind": overrides.kind or said.kind or "document",
    })


def title_from_text(text: str) -> str:
    """A document's title when nothing names one: its first block, without a trailing
    "by NAME", at most 200 characters."""
    from claims.ingest.selfdesc import without_byline

    return without_byline(text.split("\n\n", 1)[0])[:200]


def _validated(fields: dict[str, Any]) -> SourceMeta:
    """A SourceMeta, or a UsageError naming the override at fault in plain words."""
    try:
        return SourceMeta(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else None  # authors.0.name -> authors
        where = f"`overrides.{field}`: " if field else ""
        error = (first.get("ctx") or {}).get("error")  # our ValueError, without pydantic's words
        said = str(error) if error else plain_validation_message(first["msg"])
        raise UsageError(where + said,
                         hint="see `claims.ingest.SourceOverrides`") from None


def check_overrides(overrides: SourceOverrides) -> None:
    """Refuse bad overrides (a date that is no date, an unknown kind) before any file is read."""
    _validated({
        "slug": overrides.slug or "x", "title": overrides.title or "x",
        "authors": [Author(name=name) for name in overrides.authors],
        "date": overrides.date, "publisher": overrides.publisher, "url": overrides.url,
        "kind": overrides.kind or "document",
    })


def given_fields(overrides: SourceOverrides) -> frozenset[str]:
    """The ``USER_FIELDS`` an override sets: these update a source already stored."""
    return frozenset(name for name in USER_FIELDS if getattr(overrides, name))


def ingest_files(
    engine: Engine,
    paths: Sequence[Path],
    overrides: SourceOverrides = SourceOverrides(),
    extractor: Extractor | None = None,
    progress: ProgressCallback | None = None,
) -> list[IngestResult]:
    """Ingest user files (what ``claims ingest`` takes: files, folders, globs, JSONL).

    Every document is read, checked and prepared before anything is written; then the
    one writer (``claims.ingest.writer``) stores them all in one transaction. A document
    it refuses (the same text as a stored source, a bundled slug, two documents with one
    slug or one text) raises ``InputError`` and nothing is written. ``progress`` is told
    of each document prepared (extraction is the slow part). For archives too large to
    hold in memory, ``claims.ingest.pipeline.ingest_paths`` writes batch by batch.
    """
    from claims.db import session_scope
    from claims.ingest.inputs import check_paths, iter_inputs, refuse_many_with_one_name
    from claims.ingest.pipeline import load
    from claims.ingest.prepare import prepare
    from claims.ingest.writer import all_stored, write_batch

    check_overrides(overrides)  # a usage error comes before any file is looked at
    check_paths(paths)
    inputs = list(iter_inputs(paths, slug=overrides.slug))
    refuse_many_with_one_name(overrides.title, overrides.slug, len(inputs))
    given = given_fields(overrides)
    prepared = []
    for done, item in enumerate(inputs, start=1):
        prepared.append(prepare(load(item, overrides), "user", extractor, given))
        if progress:
            progress(done, len(inputs), item.slug)
    with session_scope(engine) as session:
        sync_topics(session)
        return all_stored(write_batch(session, prepared))
