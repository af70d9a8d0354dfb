"""Conditional GET for the whole site, pages, feeds and API alike: by ETag only (a digest of the
body), never Last-Modified, which could confirm an out-of-date copy. See docs/SECURITY.md,
section 11, "304s that confirm an out-of-date copy".
"""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag


def body_etag(content: bytes) -> str:
    """A strong validator: it changes exactly when the body does."""
    return quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())


def answer_conditionally(request, response):
    """Give a complete 200 response its validator, and answer 304 when the client's copy
    (If-None-Match) is current. The view's own Last-Modified, if any, is dropped."""
    if not response.has_header("ETag"):
        response.headers["ETag"] = body_etag(response.content)
    if response.has_header("Last-Modified"):
        del response.headers["Last-Modified"]
    return get_conditional_response(request, etag=response["ETag"], response=response)
