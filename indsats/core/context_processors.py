from django.conf import settings

from .menu import menu_for


def site(request):
    """What every page's frame needs: the Board's name and the user's menu."""
    user = getattr(request, "user", None)
    return {
        "board_name": settings.BOARD_NAME,
        "main_menu": menu_for(user) if user is not None else [],
    }
