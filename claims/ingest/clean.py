"""Cleaning a captured document while keeping a map back to the original text.

The cleaned text is built only by *copying* runs of the original (and, for HTML,
decoded entities) and by *inserting* separators between kept blocks; nothing is
rewritten in place. So every cleaned offset maps to an original one, and a claim
found in the cleaned text points at the very characters of the original.

Steps, in order: split into blocks (HTML: block elements; text: blank lines),
drop furniture blocks (``claims.ingest.furniture``), drop Markdown markup inside blocks,
drop a paragraph printed twice, and join a sentence that a blank line or a dropped
block cut in two.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from claims.ingest.furniture import furniture_rule_for

DocFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True)
class Run:
    """Cleaned ``text`` standing for ``original[start:end]`` (equal unless an entity)."""

    start: int
    end: int
    text: str


@dataclass
class Block:
    runs: list[Run]
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def start(self) -> int:
        return self.runs[0].start

    @property
    def end(self) -> int:
        return self.runs[-1].end


@dataclass
class CleanDocument:
    """The cleaned text, its paragraphs, and the map back to the original."""

    original: str
    text: str
    paragraphs: list[tuple[int, int]]  # original offsets of the numbered paragraphs
    dropped: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, rule)
    _clean_starts: list[int] = field(default_factory=list, repr=False)
    _runs: list[tuple[int, Run]] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(init=False, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned span ``[start:end]``.

        A span may cross a separator the cleaner inserted; it then covers the
        original text between its ends, dropped furniture included.
        """
        return self._original_start(start), self._original_end(end)

    def _original_start(self, pos: int) -> int:
        index = bisect.bisect_right(self._clean_starts, pos) - 1
        if index < 0:
            return self._runs[0][1].start if self._runs else 0
        clean_start, run = self._runs[index]
        offset = pos - clean_start
        if offset >= len(run.text):  # inside a separator: the next run begins it
            return self._runs[index + 1][1].start if index + 1 < len(self._runs) else run.end
        return run.start + offset if run.end - run.start == len(run.text) else run.start

    def _original_end(self, pos: int) -> int:
        if pos <= 0:
            return self._original_start(0)
        index = bisect.bisect_right(self._clean_starts, pos - 1) - 1
        clean_start, run = self._runs[max(index, 0)]
        offset = pos - clean_start
        if offset >= len(run.text):
            return run.end
        return run.start + offset if run.end - run.start == len(run.text) else run.end

    def paragraph_number(self, original_offset: int) -> int | None:
        """1-based number of the paragraph holding ``original_offset``, if any."""
        index = bisect.bisect_right(self._paragraph_starts, original_offset) - 1
        if index >= 0 and original_offset < self.paragraphs[index][1]:
            return index + 1
        return None

    def __post_init__(self) -> None:
        # paragraph_number is asked once per claim: the starts are listed once
        self._paragraph_starts = [start for start, _ in self.paragraphs]


# --- splitting into blocks -------------------------------------------------

# Blocks end at a blank line, or where a new list item starts ("- ", "* ", "• ", "1. "):
# each item of a list is its own paragraph for citation purposes.
_BLANK_LINE_SPLIT = re.compile(r"\n[ \t\xa0]*\n\s*|\n(?=[ \t]*(?:[-*+•]|\d{1,2}\.)[ \t]+\S)")
# Markdown markup removed inside a block (the text it marks up is kept):
_MARKDOWN_NOISE = re.compile(
    r"""
      ^[ \t]*\#{1,6}[ \t]+          # heading marker "### "
    | ^[ \t]*[-*+•][ \t]+           # bullet "- ", "• "
    | \*\*|__                       # bold
    | (?<=\])\([^)\s]*\)            # link target "(mailto:...)" after "[text]"
    | \[(?=[^\]\n]*\]\()            # the "[" opening a link
    | (?<=[^\s\\])\](?=\()          # the "]" closing a link text
    | \\(?=[_*\[\]#\\])             # backslash escapes "\_"
    | [ \t]+$                       # trailing spaces (Markdown line breaks)
    """,
    re.MULTILINE | re.VERBOSE,
)
_HEADING = re.compile(r"^[ \t]*\#{1,6}[ \t]+", re.MULTILINE)
_TITLE_MAX = 80  # a short line without closing punctuation is a title, not a paragraph


def _text_blocks(original: str) -> list[Block]:
    blocks: list[Block] = []
    position = 0
    for match in [*_BLANK_LINE_SPLIT.finditer(original), None]:
        end = match.start() if match else len(original)
        _add_text_block(blocks, original, position, end)
        position = match.end() if match else end
    return blocks


def _add_text_block(blocks: list[Block], original: str, start: int, end: int) -> None:
    while start < end and original[start].isspace():
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    if start == end:
        return
    runs: list[Run] = []
    cursor = start
    chunk = original[start:end]
    if not _may_hold_markdown(chunk):  # most paragraphs: one run, no regex over them
        heading = _looks_like_title(chunk)
        blocks.append(Block([Run(start, end, chunk)], heading=heading))
        return
    for noise in _MARKDOWN_NOISE.finditer(original, start, end):
        if noise.start() > cursor:
            runs.append(Run(cursor, noise.start(), original[cursor:noise.start()]))
        cursor = max(cursor, noise.end())
    if cursor < end:
        runs.append(Run(cursor, end, original[cursor:end]))
    runs = [run for run in runs if run.text]
    text = "".join(r.text for r in runs).strip()
    if text:
        heading = bool(_HEADING.match(original, start)) or _looks_like_title(text)
        blocks.append(Block(runs, heading=heading))


_MARKDOWN_CHARACTERS = ("#", "*", "_", "[", "]", "\\", "\u2022", "+", " \n", "\t\n")
_BULLET_DASH = re.compile(r"(?:^|\n)[ \t]*-[ \t]")


def _may_hold_markdown(chunk: str) -> bool:
    """Could ``_MARKDOWN_NOISE`` match in ``chunk``? Each of its branches needs one of
    these characters, a space before a line end, or a dash opening a line; ``in`` finds
    them far faster than the regex scans a paragraph."""
    return any(c in chunk for c in _MARKDOWN_CHARACTERS) or (
        "-" in chunk and _BULLET_DASH.search(chunk) is not None)


def _looks_like_title(text: str) -> bool:
    """Mastheads, headlines, bylines and section titles: short, one line, no end mark."""
    return len(text) <= _TITLE_MAX and "\n" not in text and not _SENTENCE_END.search(text)


_HTML_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul title".split()
)
_HTML_SKIP_TAGS = frozenset(
    "script style noscript template svg nav header footer form aside".split()
)
_HTML_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6 title".split())


class _PositionedHTML(HTMLParser):
    """Collects text runs with their offsets in the source, split at block elements.

    The standard library's parser is used because it reports where each piece of
    text starts (``getpos``); tree builders such as BeautifulSoup or lxml do not
    keep offsets for text nodes, and claims must point at the original bytes.
    """

    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
        self.blocks: list[Block] = []
        self.runs: list[Run] = []
        self.skip_depth = 0
        self.heading = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _flush(self) -> None:
        if self.runs and "".join(r.text for r in self.runs).strip():
            self.blocks.append(Block(_trim(self.runs), heading=self.heading))
        self.runs = []
        self.heading = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HTML_SKIP_TAGS:
            self.skip_depth += 1
        if tag in _HTML_BLOCK_TAGS:
            self._flush()
            self.heading = tag in _HTML_HEADINGS

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_BLOCK_TAGS:
            self._flush()
        if tag in _HTML_SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        if self.original.startswith(data, start):
            self.runs.append(Run(start, start + len(data), data))

    def _reference(self, decoded: str) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        semicolon = self.original.find(";", start, start + 12)
        end = semicolon + 1 if semicolon >= 0 else start
        if end > start:
            self.runs.append(Run(start, end, decoded))

    def handle_entityref(self, name: str) -> None:
        from html import unescape

        self._reference(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        from html import unescape

        self._reference(unescape(f"&#{name};"))

    def close(self) -> None:
        super().close()
        self._flush()


def _trim(runs: list[Run]) -> list[Run]:
    """Drop leading and trailing whitespace of a block, keeping runs verbatim."""
    runs = list(runs)
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs and runs[0].start + len(runs[0].text) == runs[0].end:
        first = runs[0]
        lead = len(first.text) - len(first.text.lstrip())
        runs[0] = Run(first.start + lead, first.end, first.text[lead:])
    if runs and runs[-1].start + len(runs[-1].text) == runs[-1].end:
        last = runs[-1]
        tail = len(last.text) - len(last.text.rstrip())
        runs[-1] = Run(last.start, last.end - tail, last.text[: len(last.text) - tail])
    return runs


def _html_blocks(original: str) -> list[Block]:
    parser = _PositionedHTML(original)
    parser.feed(original)
    parser.close()
    return parser.blocks


# --- choosing and joining blocks -------------------------------------------

_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]$""")


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def clean_document(original: str, fmt: DocFormat = "text") -> CleanDocument:
    """Clean ``original`` (decoded text) and map the result back to it."""
    blocks = _html_blocks(original) if fmt == "html" else _text_blocks(original)
    kept: list[Block] = []
    joins: list[bool] = []  # joins[i]: kept[i] continues the sentence of kept[i-1]
    dropped: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    cut_since_last = False
    for index, block in enumerate(blocks):
        rule = furniture_rule_for(block.text)
        if rule is not None:
            if rule.action == "cut":
                dropped.append((block.start, blocks[-1].end, rule.name))
                break
            dropped.append((block.start, block.end, rule.name))
            cut_since_last = True
            continue
        key = _normalized(block.text)
        if len(key) >= 40 and key in seen:
            dropped.append((block.start, block.end, "repeated paragraph"))
            continue
        seen.add(key)
        joins.append(bool(kept) and _continues(kept[-1], block, cut_since_last))
        kept.append(block)
        cut_since_last = False
        del index
    _mark_front_matter(kept)
    return _assemble(original, kept, joins, dropped)


def _mark_front_matter(kept: list[Block]) -> None:
    """Headline and byline blocks before the body are not numbered paragraphs.

    Paragraph locators count body paragraphs only, the same way in every source: a
    byline ("By NAME", "Headline by NAME", an archive's "DATE|NAME |" line; the rule is
    ``claims.ingest.selfdesc.is_byline``) and the headline block just above it open the
    document but are not its paragraphs. Headings are never numbered anyway.
    """
    from claims.ingest.selfdesc import is_byline

    for index, block in enumerate(kept):
        if block.heading:
            continue
        following = kept[index + 1] if index + 1 < len(kept) else None
        if is_byline(block.text):
            block.heading = True
        elif following is not None and is_byline(following.text):
            block.heading = True  # the headline (and deck) above the byline
        else:
            return  # the first body paragraph: what follows is body


def _continues(previous: Block, block: Block, after_cut: bool) -> bool:
    """Whether ``block`` finishes a sentence that ``previous`` left open."""
    if previous.heading or block.heading:
        return False
    tail = previous.text.rstrip()
    if not tail or _SENTENCE_END.search(tail) or len(tail) < 80:
        return False
    head = block.text.lstrip()[:1]
    # A lower-case start continues a sentence; so does any start after a dropped
    # block that interrupted prose ("former Assistant / 20011001 048 / Secretary").
    return head.islower() or (after_cut and tail[-1:].isalpha())


def _assemble(
    original: str, kept: list[Block], joins: list[bool], dropped: list[tuple[int, int, str]]
) -> CleanDocument:
    pieces: list[str] = []
    clean_starts: list[int] = []
    runs: list[tuple[int, Run]] = []
    paragraphs: list[tuple[int, int]] = []
    length = 0
    for block, joined in zip(kept, joins, strict=True):
        if pieces:
            separator = " " if joined else "\n\n"
            pieces.append(separator)
            length += len(separator)
        for run in block.runs:
            clean_starts.append(length)
            runs.append((length, run))
            pieces.append(run.text)
            length += len(run.text)
        if joined and paragraphs:
            paragraphs[-1] = (paragraphs[-1][0], block.end)
        elif not block.heading:
            paragraphs.append((block.start, block.end))
    return CleanDocument(
        original=original,
        text="".join(pieces),
        paragraphs=paragraphs,
        dropped=dropped,
        _clean_starts=clean_starts,
        _runs=runs,
    )


def detect_format(name: str, text: str) -> DocFormat:
    """``html`` for .html/.htm files (or text that starts like HTML), ``markdown`` for .md."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm")) or re.match(r"\s*<(?:!doctype|html)\b", text, re.I):
        return "html"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    return "text"
