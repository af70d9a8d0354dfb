"""Public addresses, reversed once: `address()` is `reverse()` remembered.

A list page links every story, review, expert and tag it shows, a hundred addresses and
more, and Django's `reverse()` costs tens of microseconds each: a tenth of the page. The
same name and arguments always give the same address for the same URL configuration and
script prefix, which are part of what is remembered.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def address(viewname: str, *args, **kwargs) -> str:
    """`reverse(viewname, args=args, kwargs=kwargs)`, remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(urlconf, get_script_prefix(), viewname, args, tuple(kwargs.items()))


@functools.lru_cache(maxsize=20_000)
def _reversed(urlconf, prefix: str, viewname: str, args: tuple, kwargs: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs))
