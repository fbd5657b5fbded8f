"""Which documents applicants may upload, judged by content, never by file name.

Policies arrive as PDF, DOCX or ODT, at most 20 MB. A PDF starts with ``%PDF-``; DOCX and
ODT are ZIP archives with the parts those formats require. Anything else – an executable
renamed ``.pdf``, a spreadsheet, an empty file – is refused with a reason the user can act on.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}


@dataclass(frozen=True)
class UploadVerdict:
    content_type: str | None
    problem: str | None  # a Danish sentence for the user, or None when accepted

    @property
    def accepted(self) -> bool:
        return self.problem is None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    return None


def detect_content_type(data: bytes) -> str | None:
    """PDF, DOCX or ODT by looking inside; None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


def judge_upload(data: bytes, declared_size: int | None = None) -> UploadVerdict:
    size = len(data) if declared_size is None else declared_size
    if size == 0:
        return UploadVerdict(None, _("Filen er tom. Vælg filen igen."))
    if size > MAX_UPLOAD_BYTES:
        megabytes = size / (1024 * 1024)
        return UploadVerdict(
            None,
            _("Filen fylder %(size)s MB. Den må højst fylde 20 MB.")
            % {"size": f"{megabytes:.1f}".replace(".", ",")},
        )
    content_type = detect_content_type(data)
    if content_type is None:
        return UploadVerdict(
            None,
            _(
                "Filen er ikke en PDF-, DOCX- eller ODT-fil, uanset hvad den hedder. "
                "Gem dokumentet i et af de formater, og prøv igen."
            ),
        )
    return UploadVerdict(content_type, None)
