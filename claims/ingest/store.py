"""Ingest: a decoded document in, a Source with its paragraphs and claims out.

One document and its claims are written in one transaction. Re-ingesting the
same content is a no-op; new content under the same slug replaces the source's
claims (cards keep their history: they follow stable claim ids, see claims.ingest.ids).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError
from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from claims.errors import InputError, UsageError, plain_validation_message
from claims.extract import Extraction, Extractor
from claims.ingest.clean import CleanDocument, DocFormat, clean_document, detect_format
from claims.ingest.ids import extracted_claim_id, readable_claim_id, slugify, unique_ids
from claims.ingest.metadata import Author, SourceMeta
from claims.ingest.textio import SUPPORTED_SUFFIXES, DecodedText, read_document
from claims.models import Claim, ClaimDraft, ClaimTopic, Paragraph, Source, Topic
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
    drafts: list[ClaimDraft] = []  # ids made unique when stored (_store_claims)
    occurrences: Counter[tuple[str, str, str]] = Counter()
    starts: dict[int, str] = {}  # a figure's start -> its draft id, for same_as links
    for item in _run(extractor, clean.text, date):
        sentence = " ".join(clean.text[item.sentence_start:item.sentence_end].split())
        key = (item.kind, sentence, item.surface)
        occurrence = occurrences[key]
        occurrences[key] += 1
        mapped = _to_original(item, clean)
        drafts.append(
            ClaimDraft(
                id=readable_claim_id(slug, item.kind, item.metric, item.surface),
                alias=extracted_claim_id(slug, item.kind, sentence, item.surface, occurrence),
                origin="extracted",
                kind=item.kind,
                surface=mapped.surface,
                value=item.value,
                value_max=item.value_max,
                unit=item.unit,
                qualifier=item.qualifier,
                subject=item.subject,
                metric=item.metric,
                as_of=item.as_of,
                modality=item.modality,
                sentence=sentence,
                start=mapped.start,
                end=mapped.end,
                sentence_start=mapped.sentence_start,
                sentence_end=mapped.sentence_end,
                paragraph=clean.paragraph_number(mapped.start),
                topics=list(item.topics),
                note=item.note,
            )
        )
        # linked by alias (unique) until readable_ids() gives the drafts unique ids
        starts[item.start] = drafts[-1].alias or drafts[-1].id
        if item.same_as is not None:
            drafts[-1].same_as = starts.get(item.same_as)
    return drafts


def store_document(
    session: Session,
    doc: PreparedDocument,
    origin: str = "user",
    extractor: Extractor | None = None,
    curation: CurationHook | None = None,
    replace_bundled: bool = False,
    refresh: bool = False,
    given: frozenset[str] = frozenset(),
) -> IngestResult:
    """Write one prepared document and its claims (the caller commits).

    Unchanged content is left alone unless ``refresh`` (a rebuild: rules or curated
    data may have changed), which re-extracts it in place. ``given`` names the fields of
    ``USER_FIELDS`` the user set: on unchanged content they update the stored metadata
    (status "updated"; a new date re-extracts, since it dates "last year").
    """
    meta, decoded = doc.meta, doc.decoded
    content_hash = decoded.sha256
    existing = session.exec(select(Source).where(Source.slug == meta.slug)).first()
    unchanged = existing is not None and existing.content_hash == content_hash
    if unchanged and existing is not None and existing.origin == origin and not refresh:
        changed = _given_changes(existing, meta, given)
        if "date" not in changed:
            for key, value in changed.items():
                setattr(existing, key, value)
            count = len(session.exec(select(Claim.id).where(Claim.source_id == existing.id)
                                     ).all())
            status: Status = "updated" if changed else "unchanged"
            return IngestResult(meta.slug, status, count, doc.filename, decoded.warning)
    twin = session.exec(
        select(Source).where(Source.content_hash == content_hash, Source.slug != meta.slug)
    ).first()
    if twin is not None:
        raise InputError(
            f"{doc.filename}: the same text is already in the database as {twin.slug!r}",
            hint=f"nothing to do; or pass `overrides.slug={twin.slug}` to update that source",
        )
    if existing is not None and existing.origin == "bundled" and origin != "bundled":
        if not replace_bundled:
            raise InputError(
                f"{doc.filename}: slug {meta.slug!r} belongs to the bundled corpus",
                hint="pass another `overrides.slug`",
            )

    drafts = draft_claims(meta.slug, doc.clean, extractor, meta.date)
    if curation is not None:
        drafts = curation(meta.slug, decoded.text, drafts)
        for draft in drafts:  # curated claims get their paragraph like extracted ones
            if draft.paragraph is None:
                draft.paragraph = doc.clean.paragraph_number(draft.start)

    fields = meta.model_dump(exclude={"file"})
    fields["authors"] = [a.model_dump() for a in meta.authors]
    if existing is None:
        source = Source(**fields, filename=doc.filename, content_hash=content_hash,
                        text=decoded.text, encoding=decoded.encoding, origin=origin)
        session.add(source)
        status = "added"
    else:
        source = existing
        status = ("updated" if _given_changes(existing, meta, given) else "unchanged"
                  ) if unchanged else "replaced"
        for key, value in fields.items():
            setattr(source, key, value)
        source.filename, source.content_hash = doc.filename, content_hash
        source.text, source.encoding, source.origin = decoded.text, decoded.encoding, origin
        session.exec(delete(Claim).where(col(Claim.source_id) == source.id))
        session.exec(delete(Paragraph).where(col(Paragraph.source_id) == source.id))
    session.flush()
    assert source.id is not None
    _store_paragraphs(session, source.id, doc.clean)
    _store_claims(session, source.id, drafts)
    return IngestResult(meta.slug, status, len(drafts), doc.filename, decoded.warning)


def _given_changes(source: Source, meta: SourceMeta, given: frozenset[str]
                   ) -> dict[str, Any]:
    return given_changes(source, meta.model_dump(include=set(given) | {"date_precision"}),
                         given)


def given_changes(source: Source, new: dict[str, Any], given: frozenset[str]
                  ) -> dict[str, Any]:
    """The ``given`` fields whose ``new`` value (a column's, as stored) differs from the
    stored one; a new date brings its precision."""
    changes = {key: new[key] for key in given if key in new and getattr(source, key) != new[key]}
    if "date" in changes:
        changes["date_precision"] = new["date_precision"]
    return changes


# Rows go in as bulk INSERTs of plain dicts: building one ORM object per claim cost
# more than extracting the claim (ingest of 1,000 documents: see docs/benchmarks.md).


def _store_paragraphs(session: Session, source_id: int, clean: CleanDocument) -> None:
    rows = [{"source_id": source_id, "number": number, "start": start, "end": end}
            for number, (start, end) in enumerate(clean.paragraphs, start=1)]
    if rows:
        session.execute(insert(Paragraph), rows)


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


def _store_claims(session: Session, source_id: int, drafts: list[ClaimDraft]) -> None:
    known_topics = set(session.exec(select(Topic.key)).all())
    seen: set[str] = set()
    claims: list[dict[str, Any]] = []
    links: list[dict[str, str]] = []
    for draft in readable_ids(drafts):
        if draft.id in seen:  # two drafts, one id: keep the first
            continue
        seen.add(draft.id)
        claims.append({**draft.model_dump(exclude={"topics"}), "source_id": source_id})
        links += [{"claim_id": draft.id, "topic_key": key}
                  for key in dict.fromkeys(draft.topics) if key in known_topics]
    if claims:
        session.execute(insert(Claim), claims)
    if links:
        session.execute(insert(ClaimTopic), links)


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


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files to ingest: files as given, folders expanded to their supported files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                raise InputError(
                    f"{path}: no .txt, .md, .html, .pdf or .docx files in this folder",
                    hint="give document files, or a folder that holds some",
                )
            files += found
        elif not path.exists():
            raise InputError(f"{path}: no such file", hint="check the path")
        else:
            files.append(path)
    return files


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
    """Ingest user files. Every file is read and checked before anything is written;
    then each document goes in with its claims in its own transaction."""
    from claims.db import session_scope

    check_overrides(overrides)
    files = expand_paths(paths)
    if (overrides.title or overrides.slug) and len(files) > 1:
        raise UsageError("`overrides.title` and `overrides.slug` name one document; "
                         "got several files",
                         hint="ingest the files one at a time")
    prepared: list[PreparedDocument] = []
    for path in files:
        decoded = read_document(path)
        fmt = detect_format(path.name, decoded.text)
        clean = clean_document(decoded.text, fmt)
        if not clean.text.strip():
            raise InputError(f"{path}: no text left after removing page furniture",
                             hint="check that this is the document you meant")
        meta = user_meta(decoded, clean, path, overrides, many=len(files) > 1, fmt=fmt)
        prepared.append(PreparedDocument(meta, decoded, clean, path.name))
    slugs = Counter(doc.meta.slug for doc in prepared)
    clash = [slug for slug, n in slugs.items() if n > 1]
    if clash:
        raise InputError(f"two files would both get the slug {clash[0]!r}",
                         hint="rename one of them, or ingest them separately with `overrides.slug`")
    results: list[IngestResult] = []
    with session_scope(engine) as session:
        sync_topics(session)
    for done, doc in enumerate(prepared, start=1):
        with session_scope(engine) as session:
            results.append(store_document(session, doc, origin="user", extractor=extractor,
                                          given=given_fields(overrides)))
        if progress:
            progress(done, len(prepared), doc.meta.slug)
    return results
