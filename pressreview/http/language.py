"""The language of a page is in its address, never in the reader's browser.

Django's LocaleMiddleware would also read the Accept-Language header and the language
cookie for addresses without a prefix. Here the default language keeps every unprefixed
address (the public URL contract), a non-default language lives under `/<code>/`, and
nothing else decides: a page at one address is the same page for every reader, so the page
cache (keyed by the full address) and shared caches may keep it, and no `Vary:
Accept-Language` is needed. The API, feeds of the default language and the sitemap (whose
index lists every language's sections) are unprefixed, hence in the default language,
whatever the browser asks.

The back office is the exception: it is never cached for anyone else, so it speaks the
editor's language, as their browser (or Django's language cookie) asks, with `Vary:
Accept-Language` on its answers.
"""

from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_of_path(path: str) -> str:
    """The language an address is in: its prefix's, or the default."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


@cache
def back_office_prefix() -> str:
    return reverse("admin:index")


class AddressLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        back_office = request.path_info.startswith(back_office_prefix())
        if back_office:
            language = translation.get_language_from_request(request)
        else:
            language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        if back_office:
            patch_vary_headers(response, ["Accept-Language"])
        return response
