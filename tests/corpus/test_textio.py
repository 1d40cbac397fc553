"""Decoding documents: what is text goes in, what is not gets a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import InputError
from claims.ingest.textio import MAX_BYTES, decode_bytes, read_document


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode_bytes("\ufeff$49-billion".encode())
    assert decoded.text == "$49-billion" and decoded.encoding == "utf-8" and decoded.warning is None


def test_latin1_falls_back_with_a_warning() -> None:
    decoded = decode_bytes(("Le déficit atteint 49 milliards de dollars en 1992. " * 5).encode("cp1252"))
    assert "déficit" in decoded.text
    assert decoded.warning and "not valid UTF-8" in decoded.warning


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (bytes(range(32)) * 50, "looks like a binary file"),
    ],
    ids=["empty", "blank", "png", "control-bytes"],
)
def test_refused_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "doc.txt")
    assert info.value.message.startswith("doc.txt: ") and message in info.value.message


def test_huge_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES * 2)  # 100 MB sparse file: nothing is read
    with pytest.raises(InputError, match="too large"):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_document(tmp_path)


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_utf8_text_round_trips(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except InputError as exc:  # only control-character soup may be called binary
        assert "binary" in exc.message
        return
    assert decoded.text == text.removeprefix("\ufeff")


# --- UTF-16/32, PDF, Word, special files ------------------------------------------------

BOM_CASES = [
    # (codec as Python writes it, with its byte-order mark; the encoding reported)
    ("utf-16", "utf-16"),  # native order with its mark
    ("utf-16-le", "utf-16"),
    ("utf-16-be", "utf-16"),
    ("utf-32", "utf-32"),
]
_MARKS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


@pytest.mark.parametrize(("codec", "encoding"), BOM_CASES, ids=[c for c, _ in BOM_CASES])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_text(codec: str, encoding: str) -> None:
    text = "Japan’s surplus: $49-billion (1992)."
    data = _MARKS.get(codec, b"") + text.encode(codec)
    decoded = decode_bytes(data, "notes.txt")
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, encoding, None)


# A text that opens with U+0000 is left out: "\xff\xfe\x00\x00" is also the UTF-32 mark.
@given(st.text(min_size=1).filter(lambda t: t.strip() and not t.startswith(("\ufeff", "\x00"))))
def test_any_utf16_text_with_a_mark_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-16"), "x.txt").text == text


def test_a_broken_utf16_file_is_refused() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"\xff\xfeA\x00\x00\xd8", "x.txt")  # a lone surrogate half
    assert info.value.message == ("x.txt: starts with a UTF-16 byte-order mark but is not "
                                  "valid UTF-16 (byte 4)")


def test_pdf_text_is_extracted_page_by_page(tmp_path: Path) -> None:
    from corpus.documents import tiny_pdf

    path = tmp_path / "brief.pdf"
    path.write_bytes(tiny_pdf([["The alliance is the cornerstone.", "More than 45,000 troops."],
                               ["Page two: 20 percent."]]))
    decoded = read_document(path)
    # pages are blocks apart; the extracted text is what is stored and indexed
    assert decoded.text == ("The alliance is the cornerstone.\nMore than 45,000 troops.\n\n"
                            "Page two: 20 percent.")
    assert decoded.encoding == "pdf" and "%PDF" not in decoded.text


def test_docx_paragraphs_are_blocks(tmp_path: Path) -> None:
    from corpus.documents import tiny_docx

    path = tiny_docx(tmp_path / "memo.docx", ["A memo", "", "Japan spent $33 billion."])
    decoded = read_document(path)
    assert (decoded.text, decoded.encoding) == ("A memo\n\nJapan spent $33 billion.", "docx")


REFUSED_DOCUMENTS = [
    # (what the bytes are, the bytes, the message after "x.pdf: ")
    ("broken PDF", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "not a readable PDF"),
    ("PDF without text", None, "the PDF has no text to read"),
    ("broken Word file", b"PK\x03\x04word/document.xml" + b"\x00" * 30,
     "not a readable Word document"),
]


@pytest.mark.parametrize(("what", "data", "message"), REFUSED_DOCUMENTS,
                         ids=[c[0] for c in REFUSED_DOCUMENTS])
def test_unreadable_pdf_and_word_files_are_refused(what: str, data: bytes | None,
                                                   message: str) -> None:
    from corpus.documents import tiny_pdf

    with pytest.raises(InputError) as info:
        decode_bytes(data if data is not None else tiny_pdf([[]]), "x.pdf")
    assert info.value.message.startswith(f"x.pdf: {message}"), what
    assert info.value.hint


def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    with pytest.raises(InputError) as info:
        read_document(fifo)
    assert info.value.message == f"{fifo}: is a FIFO (named pipe), not a regular file"
    assert info.value.hint == "give a document file"


def test_device_is_refused() -> None:
    with pytest.raises(InputError, match=r"^/dev/null: is a character device, not a regular"):
        read_document(Path("/dev/null"))
