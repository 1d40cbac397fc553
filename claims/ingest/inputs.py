"""What ``claims ingest`` reads: files, folders, globs and JSONL, one document at a time.

``iter_inputs`` walks the paths lazily (a folder of a million files is never listed in
memory) and yields small ``Input`` items: a file to read, or one line of a JSONL file
(one document per line: ``{"text": ..., "title": ..., "authors": [...], "date": ...,
"publisher": ..., "url": ..., "kind": ..., "slug": ...}``; only ``text`` is required).
Each item knows its slug before it is read, so ``resume`` can skip stored documents
without reading them. ``load`` turns an item into a ``PreparedDocument``; it runs in
the worker processes.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.errors import InputError, UsageError
from claims.ingest.ids import slugify
from claims.ingest.textio import SUPPORTED_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".ndjson")
GLOB_CHARACTERS = frozenset("*?[")
# The fields a JSONL record may carry besides its text (claims.ingest.metadata.SourceMeta).
RECORD_FIELDS = ("slug", "title", "subtitle", "authors", "publisher", "container", "number",
                 "date", "kind", "url", "note")


@dataclass(frozen=True)
class Input:
    """One document to ingest: a file (``path``) or a JSONL line (``line``)."""

    name: str  # a file's name, or "archive.jsonl:12"
    slug: str
    path: str | None = None
    record: dict[str, Any] | None = None
    error: str | None = None  # a JSONL line that is not a JSON object


def _wanted(name: str, glob: str | None) -> bool:
    if glob is not None:
        return fnmatch.fnmatch(name, glob)
    return name.lower().endswith(SUPPORTED_SUFFIXES + JSONL_SUFFIXES)


def _walk(folder: Path, glob: str | None) -> Iterator[Path]:
    """A folder's wanted files in name order, one directory listed at a time."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if _wanted(name, glob):
                yield Path(root) / name


def _expand(path: Path, glob: str | None) -> Iterator[Path]:
    if path.is_dir():
        yield from _walk(path, glob)
    elif not path.exists() and GLOB_CHARACTERS & set(str(path)):
        anchor = Path(path.anchor) if path.is_absolute() else Path()
        pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(path)
        yield from sorted(p for p in anchor.glob(pattern) if p.is_file())
    else:
        yield path


def check_paths(paths: Sequence[Path], glob: str | None = None) -> None:
    """Refuse, before anything is read, a path that does not exist or matches no file."""
    for path in paths:
        if next(_expand(path, glob), None) is None:
            if path.is_dir():
                kinds = SUPPORTED_SUFFIXES + JSONL_SUFFIXES
                what = (f"files matching {glob!r}" if glob else
                        f"{', '.join(kinds[:-1])} or {kinds[-1]} files")
                raise InputError(f"{path}: no {what} in this folder",
                                 hint="give document files, or a folder that holds some")
            raise InputError(f"{path}: no file matches this pattern", hint="check the pattern")
        if not path.exists() and not GLOB_CHARACTERS & set(str(path)):
            raise InputError(f"{path}: no such file", hint="check the path")


def iter_inputs(paths: Sequence[Path], glob: str | None = None, slug: str | None = None,
                parse: bool = True) -> Iterator[Input]:
    """Every document under ``paths``, lazily. ``slug`` names the one document of a
    single file; ``parse=False`` counts JSONL lines without reading them as JSON."""
    for path in paths:
        for file in _expand(path, glob):
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl(file, parse)
            else:
                yield Input(file.name, slug or slugify(file.stem), path=str(file))


def count_inputs(paths: Sequence[Path], glob: str | None = None) -> int:
    """How many documents ``iter_inputs`` will yield (for a progress bar's ETA)."""
    return sum(1 for _ in iter_inputs(paths, glob, parse=False))


def _jsonl(file: Path, parse: bool) -> Iterator[Input]:
    with file.open(encoding="utf-8-sig", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            name = f"{file.name}:{number}"
            fallback = f"{slugify(file.stem)}-{number}"
            if not parse:
                yield Input(name, fallback)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Input(name, fallback, error=f"not a JSON object ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield Input(name, fallback, error="not a JSON object")
                continue
            slug = record.get("slug") or (slugify(str(record["id"])) if record.get("id")
                                          else fallback)
            yield Input(name, str(slug), record=record)


def record_fields(record: dict[str, Any], name: str) -> tuple[str, dict[str, Any]]:
    """A JSONL record's text and its metadata fields (unknown keys are ignored)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{name}: no "text" in this record',
                         hint='give each line a non-empty "text"')
    fields = {key: record[key] for key in RECORD_FIELDS if record.get(key) is not None}
    authors = fields.get("authors", [])
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list):
        fields["authors"] = [{"name": a} if isinstance(a, str) else a for a in authors]
    return text, fields


def refuse_many_with_one_name(title: str | None, slug: str | None, documents: int) -> None:
    if (title or slug) and documents > 1:
        raise UsageError("`overrides.title` and `overrides.slug` name one document; "
                         "got several", hint="ingest the files one at a time")
