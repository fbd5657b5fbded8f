"""Adding a version to a document: uploads by applicants and letters the system writes.

A document belongs to an application (policies, decision letters) or to a programme (the
collaboration agreement); each new file is the next version, and earlier ones are kept.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Document, DocumentVersion
from .uploads import PDF


def add_version(
    kind, *, file, original_name, content_type, size, user, editable_file=None, **owner
) -> DocumentVersion:
    """``owner`` is ``application=...`` or ``programme=...``."""
    with transaction.atomic():
        document, _created = Document.objects.select_for_update().get_or_create(kind=kind, **owner)
        latest = document.versions.order_by("-number").values_list("number", flat=True).first()
        return DocumentVersion.objects.create(
            document=document,
            number=(latest or 0) + 1,
            file=file,
            editable_file=editable_file,
            original_name=original_name[:255],
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
