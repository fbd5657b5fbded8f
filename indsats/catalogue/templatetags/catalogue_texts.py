"""``{{ offer|in_language:"summary" }}``: a catalogue text in the user's language (C11)."""

from django import template

register = template.Library()


@register.filter
def in_language(record, name: str) -> str:
    """The English text when the user chose English and it is written, else the Danish."""
    return record.in_language(name)
