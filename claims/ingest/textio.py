"""Reading documents: decode bytes to text, refusing what is not text.

Offsets everywhere index the text as decoded here: UTF-8 with a leading
byte-order mark dropped; other encodings only as a detected fallback, with a
warning for the caller to show.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from claims.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # far above any article; stops a stray 100 MB dump early
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
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
    if not data.strip():
        raise InputError(f"{name}: file is empty", hint="give a file with text in it")
    if _looks_binary(data[:_BINARY_SNIFF]):
        raise InputError(
            f"{name}: looks like a binary file, not text",
            hint="convert it to .txt, .md or .html first",
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


def read_document(path: Path) -> DecodedText:
    """Read and decode one file, with errors that name it."""
    if not path.exists():
        raise InputError(f"{path}: no such file", hint="check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder", hint="give files, or a folder's files with a glob")
    try:
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
