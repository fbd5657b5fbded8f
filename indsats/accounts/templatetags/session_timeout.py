"""``{% session_timeout_warning %}``: the DKFDS "session expires" modal for base.html (C12)."""

from django import template

from indsats.accounts.sessions import session_state

register = template.Library()


@register.inclusion_tag("accounts/session_timeout.html", takes_context=True)
def session_timeout_warning(context):
    request = context.get("request")
    state = session_state(request) if request is not None and hasattr(request, "user") else None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "session_state": state,
        "warning_minutes": state["warning_seconds"] // 60 if state else 0,
    }
