"""Adding a version to a document: uploads by applicants and letters the system writes.

A document belongs to an application (policies, decision letters) or to a programme (the
collaboration agreement); each new file is the next version, and earlier ones are kept.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from indsats.core.cleaning import safe_file_name

from .models import Document, DocumentVersion
from .uploads import PDF

# The name the user knows the file by (shown, and given back at download): the column's
# 255 characters, and 255 bytes too, so the download's name is one a file system takes.
MAX_ORIGINAL_NAME_BYTES = 255


def add_version(
    kind, *, file, original_name, content_type, size, user, editable_file=None, **owner
) -> DocumentVersion:
    """``owner`` is ``application=...`` or ``programme=...``.

    The names are shortened safely first (C12): a name over a file system's 255 bytes
    would fail to store; the extension is kept."""
    original_name = safe_file_name(original_name, max_bytes=MAX_ORIGINAL_NAME_BYTES)
    file.name = safe_file_name(file.name)
    if editable_file is not None:
        editable_file.name = safe_file_name(editable_file.name)
    with transaction.atomic():
        document, _created = Document.objects.select_for_update().get_or_create(kind=kind, **owner)
        latest = document.versions.order_by("-number").values_list("number", flat=True).first()
        return DocumentVersion.objects.create(
            document=document,
            number=(latest or 0) + 1,
            file=file,
            editable_file=editable_file,
            original_name=original_name,
            content_type=content_type,
            size=size,
            uploaded_by=user,
        )


def add_generated_version(kind, stem: str, pdf: bytes, docx: bytes, user, **owner):
    """A document the system wrote: the PDF to read and the DOCX to edit."""
    return add_version(
        kind,
        file=ContentFile(pdf, name=f"{stem}.pdf"),
        editable_file=ContentFile(docx, name=f"{stem}.docx"),
        original_name=f"{stem}.pdf",
        content_type=PDF,
        size=len(pdf),
        user=user,
        **owner,
    )
