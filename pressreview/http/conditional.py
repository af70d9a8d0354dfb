"""Conditional GET for the whole site, pages, feeds and API alike: by ETag only.

The ETag is a digest of the body, so it changes exactly when the answer does: an old copy is
confirmed (304) only while it is still what the site would send. No Last-Modified is sent:
an HTTP date counts whole seconds, and nothing in the data says when an answer last changed
(a withdrawal makes a feed's newest item older, a page rendered in the second of a change
would share its date with the page after it), so a Last-Modified would let
If-Modified-Since confirm a copy that is out of date. Without a Last-Modified, clients
revalidate with If-None-Match; an If-Modified-Since alone is answered in full.
See docs/SECURITY.md, "Honest 304s".
"""

from django.utils.cache import get_conditional_response, set_response_etag


def answer_conditionally(request, response):
    """Give a complete 200 response its validator, and answer 304 when the client's copy
    (If-None-Match) is current. The view's own Last-Modified, if any, is dropped."""
    if not response.has_header("ETag"):
        set_response_etag(response)
    if response.has_header("Last-Modified"):
        del response.headers["Last-Modified"]
    return get_conditional_response(request, etag=response["ETag"], response=response)
