"""Letters and agreements as editable DOCX and as PDF, from one plain description.

A ``Letter`` is headings, paragraphs and simple two-column tables; ``to_docx`` and
``to_pdf`` lay it out in the Board's house style. Decision letters and collaboration
agreements build a Letter and call both, so the two files always say the same.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.formats import date_format


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()  # label, value
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letter:
    title: str
    date: datetime.date
    recipient_lines: tuple[str, ...] = ()
    reference: str = ""
    sections: tuple[Section, ...] = field(default_factory=tuple)
    closing: tuple[str, ...] = ()


def _dated(letter: Letter) -> str:
    return date_format(letter.date, "DATE_FORMAT")


def to_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = letter.title
    document.core_properties.author = settings.BOARD_NAME
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.add_paragraph(settings.BOARD_NAME).runs[0].bold = True
    for line in letter.recipient_lines:
        document.add_paragraph(line)
    meta = _dated(letter) + (f" · {letter.reference}" if letter.reference else "")
    document.add_paragraph(meta)
    document.add_heading(letter.title, level=1)
    for section in letter.sections:
        if section.heading:
            document.add_heading(section.heading, level=2)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        for bullet in section.bullets:
            document.add_paragraph(bullet, style="List Bullet")
        if section.rows:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in section.rows:
                cells = table.add_row().cells
                cells[0].text = label
                cells[1].text = value
    for line in letter.closing:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(letter: Letter) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    story = [Paragraph(f"<b>{escape(settings.BOARD_NAME)}</b>", styles["Normal"])]
    story += [Paragraph(escape(line), styles["Normal"]) for line in letter.recipient_lines]
    meta = _dated(letter) + (f" · {letter.reference}" if letter.reference else "")
    story += [Spacer(1, 4 * mm), Paragraph(escape(meta), styles["Normal"])]
    story += [Spacer(1, 4 * mm), Paragraph(escape(letter.title), styles["Title"])]
    for section in letter.sections:
        if section.heading:
            story.append(Paragraph(escape(section.heading), styles["Heading2"]))
        for paragraph in section.paragraphs:
            story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), styles["BodyText"]))
        if section.bullets:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(b), styles["BodyText"])) for b in section.bullets],
                    bulletType="bullet",
                )
            )
        if section.rows:
            data = [
                [
                    Paragraph(escape(label), styles["BodyText"]),
                    Paragraph(escape(value), styles["BodyText"]),
                ]
                for label, value in section.rows
            ]
            table = Table(data, colWidths=[55 * mm, 110 * mm])
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
    story.append(Spacer(1, 6 * mm))
    story += [Paragraph(escape(line), styles["Normal"]) for line in letter.closing]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=letter.title, author=settings.BOARD_NAME).build(
        story
    )
    return buffer.getvalue()
