"""Uploads are judged by content, not name: PDF, DOCX, ODT up to 20 MB (C3)."""

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indsats.applications.uploads import (
    DOCX,
    MAX_UPLOAD_BYTES,
    ODT,
    PDF,
    detect_content_type,
    judge_upload,
)


def make_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def make_odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def make_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def test_it_recognises_pdf_docx_and_odt_by_content():
    assert detect_content_type(b"%PDF-1.7\n...") == PDF
    assert detect_content_type(make_docx()) == DOCX
    assert detect_content_type(make_odt()) == ODT


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100,  # a Windows executable
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,  # a Linux executable
        make_xlsx(),  # a ZIP, but a spreadsheet
        b"PK\x03\x04 not really a zip",
        b"<html>%PDF-</html>",
    ],
    # Named ids: the spreadsheet's bytes hold the time it was made, and every xdist
    # worker must collect the same test ids.
    ids=["exe", "elf", "xlsx", "fake-zip", "html"],
)
def test_it_refuses_anything_else_whatever_it_is_called(data):
    verdict = judge_upload(data)
    assert not verdict.accepted
    assert "PDF-, DOCX- eller ODT-fil" in verdict.problem


def test_it_refuses_a_file_over_20_mb_with_its_size():
    verdict = judge_upload(b"%PDF-", declared_size=30 * 1024 * 1024)
    assert verdict.problem == "Filen fylder 30,0 MB. Den må højst fylde 20 MB."


def test_it_accepts_exactly_20_mb():
    assert judge_upload(b"%PDF-", declared_size=MAX_UPLOAD_BYTES).accepted


def test_it_refuses_an_empty_file():
    assert "tom" in judge_upload(b"").problem


@given(st.binary(max_size=512))
def test_it_never_crashes_on_arbitrary_bytes(data):
    verdict = judge_upload(data)
    assert verdict.accepted == (verdict.content_type is not None)
