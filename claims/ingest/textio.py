"""Reading documents: decode bytes to text, refusing what is not text.

Offsets everywhere index the text as decoded here: UTF-8 with a leading
byte-order mark dropped; UTF-16 and UTF-32 when a byte-order mark says so; other
encodings only as a detected fallback, with a warning for the caller to show.

PDF and Word (.docx) files are not text: their text is *extracted* (pypdf, page by
page; python-docx, paragraph by paragraph), blocks separated by blank lines, and that
extracted text is what is stored, indexed by offsets and cited. A PDF with no text
layer (a scan) or one that cannot be opened is refused, never stored as raw bytes.
Anything that is not a regular file (a FIFO, a device, a socket) is refused before it
is opened, since reading one can block forever.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from claims.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # far above any article; stops a stray 100 MB dump early
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
# Byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", or the detected fallback
    warning: str | None = None  # set when a fallback encoding was used

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """Decode ``data``; empty, binary or undecodable input raises :class:`InputError`.

    >>> decode_bytes(b"\\xef\\xbb\\xbf$49-billion").text
    '$49-billion'
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: file is too large ({len(data) / 1e6:.0f} MB; the limit is "
            f"{MAX_BYTES / 1e6:.0f} MB)",
            hint="split it into documents",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(_PDF_MAGIC):
        return _pdf_text(data, name)
    if data.startswith(_ZIP_MAGIC) and b"word/document.xml" in data:
        return _docx_text(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec, name)
    if not data.strip():
        raise InputError(f"{name}: file is empty", hint="give a file with text in it")
    if _looks_binary(data[:_BINARY_SNIFF]):
        raise InputError(
            f"{name}: looks like a binary file, not text",
            hint="convert it to .txt, .md, .html, .pdf or .docx first",
        )
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text, encoding = _detect(data, name, utf8_error)
    return DecodedText(
        text, encoding,
        warning=f"{name}: not valid UTF-8; read as {encoding} (offsets index the text as decoded)",
    )


def _decode_with_bom(data: bytes, codec: str, name: str) -> DecodedText:
    """UTF-16/32 text; Python's codec reads the byte order from the mark and drops it."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: starts with a {codec.upper()} byte-order mark but is not "
                         f"valid {codec.upper()} (byte {exc.start})",
                         hint="re-save the file as UTF-8") from None
    if not text.strip():
        raise InputError(f"{name}: file is empty", hint="give a file with text in it")
    return DecodedText(text.removeprefix("\ufeff"), codec)


def _extracted(blocks: list[str], encoding: str, name: str, what: str) -> DecodedText:
    text = "\n\n".join(block.strip() for block in blocks if block.strip())
    if not text:
        raise InputError(f"{name}: {what} has no text to read",
                         hint="a scanned PDF needs OCR first; or give the text as .txt")
    return DecodedText(text, encoding)


def _pdf_text(data: bytes, name: str) -> DecodedText:
    """The text of a PDF, page by page (pypdf), pages separated by blank lines."""
    import io
    import logging
    import warnings

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd fonts go nowhere
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise InputError(f"{name}: the PDF is encrypted",
                                 hint="save an unprotected copy, or its text as .txt")
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})",
                         hint="open it in a PDF reader and save its text as .txt") from None
    return _extracted(pages, "pdf", name, "the PDF")


def _docx_text(data: bytes, name: str) -> DecodedText:
    """The text of a Word document's body paragraphs (python-docx), one block each."""
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable Word document ({type(exc).__name__})",
                         hint="open it in a word processor and save it as .docx or .txt"
                         ) from None
    return _extracted([p.text for p in document.paragraphs], "docx", name, "the document")


def _detect(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """The detected encoding; Windows-1252 wins among single-byte guesses.

    charset-normalizer cannot tell the Latin code pages apart on short English text
    (it guesses cp1250 or mac_latin2 for cp1252 curly quotes); cp1252 is by far the
    most common legacy encoding of such web captures, so it is preferred whenever
    the detector's best guess is a single-byte code page and cp1252 decodes cleanly.
    Multi-byte guesses (Shift_JIS, GB18030, ...) are kept.
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {utf8_error.start}) and no other encoding fits",
            hint="re-save the file as UTF-8",
        )
    if not is_multi_byte_encoding(best.encoding):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) // 100)


_FILE_TYPES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_document(path: Path) -> DecodedText:
    """Read and decode one file, with errors that name it."""
    if not path.exists():
        raise InputError(f"{path}: no such file", hint="check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder", hint="give files, or a folder's files with a glob")
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is {_FILE_TYPES.get(stat.S_IFMT(mode), 'a special file')}"
                             ", not a regular file", hint="give a document file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: file is too large ({size / 1e6:.0f} MB; the limit is "
                f"{MAX_BYTES / 1e6:.0f} MB)",
                hint="split it into documents",
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied", hint="check its permissions") from None
    return decode_bytes(data, str(path))
