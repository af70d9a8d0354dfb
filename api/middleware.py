"""HTTP manners for everything under /api/, in one place rather than in each endpoint: read-only
methods, the rate limit, ETags and Cache-Control, and every error as JSON. See README.md,
"API"; CORS is django-cors-headers', above this middleware.
"""

import ipaddress
import logging
import math
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control

from pressreview.http.conditional import answer_conditionally
from pressreview.http.security import client_address

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# How long a shared cache or a browser may reuse an answer without asking again.
DEFAULT_MAX_AGE = 60
RATE_PERIODS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}


@lru_cache(maxsize=8)
def parse_rate(value: str) -> tuple[int, int] | None:
    """`"120/minute"` -> (120 requests, 60 seconds); a bare number is per minute.

    `"0"`, `"off"` or an empty value turn the limit off (None).
    """
    text = str(value).strip().lower()
    if text in {"", "0", "off", "none"}:
        return None
    count, _, period = text.partition("/")
    try:
        requests = int(count)
        seconds = RATE_PERIODS[period.strip() or "minute"]
    except (ValueError, KeyError):
        raise ImproperlyConfigured(
            f"PRESSREVIEW_API_RATE_LIMIT={value!r} is not a rate: write e.g. 120/minute, "
            "1000/hour or 0 (no limit)."
        ) from None
    if requests < 0:
        raise ImproperlyConfigured("PRESSREVIEW_API_RATE_LIMIT cannot be negative.")
    return (requests, seconds) if requests else None


def configured_rate() -> tuple[int, int] | None:
    return parse_rate(getattr(settings, "PRESSREVIEW_API_RATE_LIMIT", "120/minute"))


def rate_limit_key(request) -> str:
    """Whom to count a request against: its client's address (as the login lockout sees it,
    behind DJANGO_TRUSTED_PROXY_COUNT proxies), an IPv6 client by its /64, the block one
    subscriber usually holds."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:100]
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def seconds_until_allowed(request) -> int | None:
    """Count this request; None if it may go ahead, else how long to wait.

    A fixed window per address: at most N requests from the start of each period. add() and
    incr() are atomic in Redis and in the local-memory cache. A broken cache lets requests
    through: the limit protects the site, it must not be what takes it down.
    """
    rate = configured_rate()
    if rate is None:
        return None
    limit, period = rate
    now = time.time()
    window = int(now // period)
    key = f"pressreview:api-rate:{period}:{rate_limit_key(request)}:{window}"
    cache = caches["default"]
    try:
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, 1, timeout=period + 1)
            count = 1
    except Exception:
        logger.warning("API rate limit not applied: the cache is not answering.", exc_info=True)
        return None
    if count <= limit:
        return None
    return max(1, math.ceil((window + 1) * period - now))


def is_json(response) -> bool:
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def json_error(status: int, detail: str, **headers) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def as_json_error(response: HttpResponse) -> JsonResponse:
    """The same error, status and headers, with `{"detail": ...}` for a body."""
    replacement = json_error(response.status_code, f"{response.reason_phrase}.")
    for name, value in response.items():
        if name.lower() not in {"content-type", "content-length"}:
            replacement[name] = value
    replacement.cookies = response.cookies
    return replacement


class ApiMiddleware:
    """See the module's docstring. Goes right below CorsMiddleware in MIDDLEWARE, so that
    its 429s and 405s carry CORS headers too (CORS_URLS_REGEX limits those to /api/)."""

    def __init__(self, get_response):
        self.get_response = get_response
        configured_rate()  # a malformed limit stops the start, not the first request

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        method = request.method
        if method == "OPTIONS":
            # Preflights are answered above by CorsMiddleware; this is a plain OPTIONS.
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED_METHODS
            return response
        if method not in {"GET", "HEAD"}:
            return json_error(405, "This API is read-only: use GET.", Allow=ALLOWED_METHODS)
        wait = seconds_until_allowed(request)
        if wait is not None:
            response = json_error(
                429,
                f"Too many requests from this address: try again in {wait} seconds.",
                Retry_After=str(wait),
            )
            patch_cache_control(response, no_store=True)
            return response

        if method == "HEAD":
            request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = method
        if response.status_code >= 400 and not is_json(response):
            response = as_json_error(response)
        if response.status_code == 200 and not response.streaming:
            # Cache-Control is set below, on this answer or the 304 that replaces it.
            response = answer_conditionally(request, response)
        if "Cache-Control" not in response:
            if response.status_code == 429 or response.status_code >= 500:
                patch_cache_control(response, no_store=True)
            else:
                max_age = getattr(settings, "PRESSREVIEW_API_MAX_AGE", DEFAULT_MAX_AGE)
                patch_cache_control(response, public=True, max_age=max_age)
        if method == "HEAD" and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
