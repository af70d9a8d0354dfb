"""When the database cannot be reached, every page says so plainly: a 503 with `Retry-After`,
never a traceback, and the next request tries again. See docs/SECURITY.md, section 7.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

# Should the template itself fail (say, static files were never collected), this still is a
# friendly page rather than Django's bare 500.
FALLBACK_PAGE = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>Temporarily unavailable</title>\n</head>\n<body>\n"
    "<h1>Temporarily unavailable</h1>\n"
    "<p>The site cannot reach its database for a moment. Please try again in a minute.</p>\n"
    "</body>\n</html>\n"
)


def is_admin_request(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return "admin" in match.namespaces
    return request.path_info.startswith("/admin/")


def database_unavailable_response(request) -> HttpResponse:
    """The 503 page, for readers or for the editorial desk."""
    try:
        content = render_to_string(
            "503.html", {"admin": is_admin_request(request), "retry_after": RETRY_AFTER_SECONDS}
        )
    except Exception:
        logger.exception("The 503 page could not be rendered; answering the plain one.")
        content = FALLBACK_PAGE
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # No cache in between may keep the outage after the database is back.
    add_never_cache_headers(response)
    return response


DATABASE_ERRORS = (OperationalError, InterfaceError)
UNAVAILABLE_MARK = "_pressreview_database_unavailable"


def note_database_error(sender, request=None, **kwargs) -> None:
    """Mark a request whose uncaught error was the database's (got_request_exception)."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, UNAVAILABLE_MARK, True)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(note_database_error, dispatch_uid=UNAVAILABLE_MARK)

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, UNAVAILABLE_MARK, False):
            return database_unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        # Logged in full: an OperationalError can also be a bug (a missing table), and the
        # 503 must not hide it from whoever reads the log.
        logger.error(
            "Database unavailable while answering %s %s",
            request.method,
            request.path,
            exc_info=exception,
        )
        return database_unavailable_response(request)
