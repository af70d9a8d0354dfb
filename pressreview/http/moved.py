"""A page not found at an old address answers 301 to where it lives now, when that is known:
the site's pages and feeds and the API alike (the old slugs of renamed or merged subjects,
reviews.vocabulary.redirects)."""

from collections.abc import Callable
from typing import TypeVar

from django.http import Http404, HttpResponsePermanentRedirect

Answer = TypeVar("Answer")


def answer_or_moved(
    answer: Callable[[], Answer], moved_to: Callable[[], str | None]
) -> Answer | HttpResponsePermanentRedirect:
    """`answer()` (a response, or what an API endpoint returns); if it finds nothing
    (Http404), a 301 to `moved_to()`, unless that is None."""
    try:
        return answer()
    except Http404:
        location = moved_to()
        if location is None:
            raise
        return HttpResponsePermanentRedirect(location)
