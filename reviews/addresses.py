"""Public addresses, reversed once: `address()` is `reverse()` remembered.

A list page links every story, review, expert and tag it shows, a hundred addresses and
more, and Django's `reverse()` costs tens of microseconds each: a tenth of the page. The
same name and arguments always give the same address for the same URL configuration and
script prefix and language, which are part of what is remembered.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(viewname: str, *args, **kwargs) -> str:
    """`reverse(viewname, args=args, kwargs=kwargs)`, remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(
        urlconf, get_script_prefix(), get_language(), viewname, args, tuple(kwargs.items())
    )


@functools.lru_cache(maxsize=20_000)
def _reversed(urlconf, prefix: str, language, viewname: str, args: tuple, kwargs: tuple) -> str:
    # `language` is part of what is remembered: the reader site's addresses carry the active
    # language's prefix (/ru/...), which reverse() reads from it.
    return reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs))
