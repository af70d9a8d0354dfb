"""The language of a page is in its address, never in the reader's browser.

Django's LocaleMiddleware would also read the Accept-Language header and the language
cookie for addresses without a prefix. Here the default language keeps every unprefixed
address (the public URL contract), a non-default language lives under `/<code>/`, and
nothing else decides: a page at one address is the same page for every reader, so the page
cache (keyed by the full address) and shared caches may keep it, and no `Vary:
Accept-Language` is needed. The back office, the API, feeds of the default language and
the sitemap are unprefixed, hence in the default language, whatever the browser asks.
"""

from django.conf import settings
from django.utils import translation


def language_of_path(path: str) -> str:
    """The language an address is in: its prefix's, or the default."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class AddressLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response
