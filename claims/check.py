"""``claims check``: validate the hand-curated data and, when there is one, the database.

Data checks need no database: source metadata, topics, metrics, every curated claim's
schema and references, and every quote located in its seed's text. Database checks:
each claim's ``source.text[start:end]`` is its surface, its topics and metric are known,
and SQLite's own integrity check passes. Every problem names where it is (file:line and
claim id, or the claim id in the database) and, where there is one, the fix.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from claims.errors import ClaimsError, DataError
from claims.resources import data_dir, seeds_dir


@dataclass(frozen=True)
class Problem:
    area: str  # data | database
    message: str  # begins with where: "data/curated/x.yaml:12: claim 'x-1': ..."
    hint: str | None = None

    def __str__(self) -> str:
        return self.message + (f" (hint: {self.hint})" if self.hint else "")


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # what was checked, how many
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, area: str, error: ClaimsError) -> None:
        self.problems.append(Problem(area, error.message, error.hint))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": [asdict(p) for p in self.problems],
                "checked": self.checked, "notes": self.notes}


def check_data(data_folder: Path | None = None, seeds_folder: Path | None = None) -> CheckReport:
    """Check ``data_folder`` (default: the bundled data) against the seeds it names."""
    from claims.curation import CURATED_FOLDER, Vocabulary, collect_curated, locate_all
    from claims.ingest.metadata import load_sources

    data = data_folder or data_dir()
    seeds = seeds_folder or _seeds_beside(data)
    report = CheckReport()
    try:
        sources = load_sources(_file(data, "sources.yaml"))
        vocab = Vocabulary.load(data)
    except DataError as error:  # nothing else can be checked against broken references
        report.add("data", error)
        return report
    report.checked["sources"] = len(sources)
    texts: dict[str, str] = {}
    for source in sources:
        if source.file is None:
            continue
        try:
            texts[source.slug] = _read(seeds / source.file)
        except ClaimsError as error:
            report.add("data", DataError(
                f"{_file(data, 'sources.yaml')}: source {source.slug!r}: {error.message}",
                hint=f"put {source.file} in {seeds} or fix its file: entry",
            ))
    report.checked["seeds"] = len(texts)
    for source in sources:
        named = _capture_url(texts[source.slug], source.file) if source.slug in texts else None
        if named and source.url != named:
            report.add("data", DataError(
                f"{_file(data, 'sources.yaml')}: source {source.slug!r}: its capture names "
                f"{named} but url is {source.url!r}",
                hint=f"set url: {named} (APA and MLA cite an online source's URL)",
            ))
    curated = collect_curated(data / CURATED_FOLDER, vocab)
    for problem in curated.problems:
        report.add("data", problem)
    report.checked["curated claims"] = len(curated.claims)
    for problem in locate_all([c for c in curated.claims if c.source in texts], texts):
        report.add("data", problem)
    report.checked["quotes"] = sum(1 for c in curated.claims if c.source in texts)
    return report


def _file(folder: Path, name: str) -> Path:
    path = folder / name
    return path if path.exists() else data_dir() / name


def _seeds_beside(data: Path) -> Path:
    beside = data.parent / "seeds"
    return beside if beside.is_dir() else seeds_dir()


def _capture_url(text: str, name: str | None) -> str | None:
    """The address a bundled capture gives for itself (HTML head, or a labelled line)."""
    from claims.ingest.clean import detect_format
    from claims.ingest.selfdesc import describe

    return describe(text, detect_format(name or "", text)).url


def _read(path: Path) -> str:
    from claims.ingest.textio import read_document

    return read_document(path).text


def check_database(session: Session) -> CheckReport:
    """Check the claims stored in a database: spans, topics, metrics, file integrity."""
    from claims.db import integrity_problems
    from claims.metrics import load_metrics
    from claims.models import Claim, ClaimTopic, Source
    from claims.topics import load_topics

    report = CheckReport()
    for finding in integrity_problems(session):
        report.add("database", DataError(f"database: integrity check: {finding}",
                                         hint="restore a backup, or run `claims.ingest.corpus"
                                              ".build_bundled()` on a new `url`"))
    texts = {s.id: (s.slug, s.text) for s in session.exec(select(Source)).all()}
    metrics = {m.key for m in load_metrics()}
    count = 0
    for claim in session.exec(select(Claim).order_by(col(Claim.source_id), col(Claim.start))):
        count += 1
        slug, text = texts.get(claim.source_id, ("?", ""))
        actual = text[claim.start : claim.end]
        if actual != claim.surface:
            report.add("database", DataError(
                f"database: claim {claim.id!r} ({slug}): text[{claim.start}:{claim.end}] is "
                f"{actual!r}, not its surface {claim.surface!r}",
                hint="rebuild with `claims.ingest.corpus.build_bundled()`",
            ))
        if claim.metric is not None and claim.metric not in metrics:
            report.add("database", DataError(
                f"database: claim {claim.id!r} ({slug}): unknown metric {claim.metric!r}",
                hint="add it to data/metrics.yaml or rebuild",
            ))
    topics = {t.key for t in load_topics()}
    for link in session.exec(select(ClaimTopic)).all():
        if link.topic_key not in topics:
            report.add("database", DataError(
                f"database: claim {link.claim_id!r}: unknown topic {link.topic_key!r}",
                hint="add it to data/topics.yaml or rebuild",
            ))
    report.checked["database claims"] = count
    return report


def run_check(
    data_folder: Path | None = None, database: str | None = None, use_database: bool = True
) -> CheckReport:
    """Everything ``claims check`` checks: the data, then the database if there is one.

    ``database`` is a --db value (path or URL; None: CLAIMS_DB or the default file). A
    SQLite file that does not exist is not created: its checks are skipped with a note.
    """
    from claims.db import open_database, session_scope
    from claims.db.location import database_url, sqlite_file

    report = check_data(data_folder)
    if not use_database:
        return report
    url = database_url(database)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        report.notes.append(f"no database at {path}: not checked")
        return report
    engine = open_database(url)
    try:
        with session_scope(engine) as session:
            db_report = check_database(session)
    finally:
        engine.dispose()
    report.problems += db_report.problems
    report.checked.update(db_report.checked)
    return report
