"""Small helpers for the text users type."""

from __future__ import annotations


def one_kind_of_line_break(text: str) -> str:
    """A text with every line break as \\n: browsers send a text area's lines with \\r\\n,
    and the stored text has \\n, so the same text would otherwise count as changed (an
    edit conflict on a field nobody touched, a change in the history that did not happen)."""
    return "\n".join(text.splitlines()) if "\r" in text else text


class LineBreaksMixin:
    """For a form: the texts it cleans have \\n line breaks (``one_kind_of_line_break``)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = one_kind_of_line_break(value)
        return cleaned
