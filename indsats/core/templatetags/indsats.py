from django import template

register = template.Library()


@register.filter
def lines(text: str) -> list[str]:
    """The non-blank lines of a text field, for fields that hold one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
