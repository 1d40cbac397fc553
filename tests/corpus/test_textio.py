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
