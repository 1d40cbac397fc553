"""Rows written as they come: a long run's results reach stdout batch by batch, so the
command holds none of them (``claims ingest`` of millions of documents).

jsonl and csv are written a row at a time; json as one array, opened before the first
row and closed after the last (the same text ``render_rows`` prints); md as one table,
its header first. A table for people is drawn at the end: ``kept`` holds its rows, at
most ``keep`` of them (``overflow`` says more came).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cli.output import OutputFormat, csv_cell, markdown_header, markdown_row


@dataclass
class RowStream:
    fmt: OutputFormat
    columns: Sequence[str]
    keep: int
    kept: list[dict[str, Any]] = field(default_factory=list)
    overflow: bool = False
    written: int = 0

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if self.fmt is OutputFormat.table:
            room = self.keep - len(self.kept)
            self.kept += rows[:max(room, 0)]
            self.overflow = self.overflow or len(rows) > room
            return
        for row in rows:
            sys.stdout.write(self._text(row))
            self.written += 1
        sys.stdout.flush()

    def _text(self, row: dict[str, Any]) -> str:
        if self.fmt is OutputFormat.jsonl:
            return json.dumps(row, ensure_ascii=False) + "\n"
        if self.fmt is OutputFormat.json:
            item = textwrap.indent(json.dumps(row, ensure_ascii=False, indent=2), "  ")
            return ("[\n" if self.written == 0 else ",\n") + item
        if self.fmt is OutputFormat.csv:
            return _csv_line([csv_cell(row.get(c)) for c in self.columns])
        return markdown_row(row, self.columns)  # md

    def open(self) -> None:
        if self.fmt is OutputFormat.csv:
            sys.stdout.write(_csv_line(list(self.columns)))
        elif self.fmt is OutputFormat.md:
            sys.stdout.write(markdown_header(self.columns))

    def close(self) -> None:
        if self.fmt is OutputFormat.json:
            sys.stdout.write("[]\n" if self.written == 0 else "\n]\n")


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


@contextmanager
def row_stream(fmt: OutputFormat, columns: Sequence[str], keep: int) -> Iterator[RowStream]:
    """A ``RowStream`` for ``fmt``, its opening and closing written around the block (not
    closed when the block fails: a JSON array left open is not mistaken for a whole one)."""
    stream = RowStream(fmt, columns, keep)
    stream.open()
    yield stream
    stream.close()
