from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DanishFirstLocaleMiddleware(LocaleMiddleware):
    """Danish unless the user chose English with the language switch (C11).

    Django's own middleware follows the browser's Accept-Language, which would show a
    Danish case officer with an English browser the English UI. Here only the choice the
    user made (the language cookie set by ``set_language``) counts.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # The language belongs to this request; don't leave it active on the thread.
        translation.deactivate()
        return response
