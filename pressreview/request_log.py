"""Every log line of a request carries its request id: `RequestIdMiddleware` takes a sane
`X-Request-ID` or makes one, `RequestIdFilter` (settings.LOGGING) adds it to every record.
See docs/DEPLOYMENT.md, "Logs".
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

REQUEST_ID_HEADER = "X-Request-ID"
# What an incoming id may be: anything else (too long, spaces, quotes, control characters
# that could forge log lines) is replaced by a fresh one.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NO_REQUEST = "-"

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "pressreview_request_id", default=NO_REQUEST
)


def request_id_for(request) -> str:
    """The client's or proxy's id when it is sane, a new one otherwise."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if VALID_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in settings.MIDDLEWARE, so that everything after it logs with the id."""

    def __init__(self, get_response):
        self.get_response = get_response
        request_finished.connect(forget_request_id, dispatch_uid="pressreview-request-id")

    def __call__(self, request):
        request_id = request_id_for(request)
        request.request_id = request_id
        # Kept until the request is finished, not only while the middleware runs: Django logs
        # an error answer ("Not Found: /x") after the last middleware has returned.
        current_request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


def forget_request_id(**kwargs) -> None:
    """request_finished: what is logged between two requests belongs to neither."""
    current_request_id.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to each record (settings.LOGGING puts it on the console handler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True
