"""The public page cache's middleware: anonymous readers' GET and HEAD of `@public_page`
views are answered from copies stored under the current content generation. See
docs/PERFORMANCE.md, "The page cache".
"""

import functools
import hashlib
import logging
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control
from prometheus_client import Counter

from pressreview.http.conditional import answer_conditionally
from pressreview.http.language import language_of_path
from pressreview.routers import is_pinned_to_primary
from reviews.pagecache.dependencies import DEPENDENCIES_ATTRIBUTE
from reviews.pagecache.invalidation import (
    Generation,
    current_generation,
    dependency_versions,
    generation_key,
    replica_lag_seconds,
    site_key,
)
from reviews.pagecache.marks import PUBLIC, page_kind

# Response headers stored with a page (the others are either per request or recomputed).
STORED_HEADERS = {
    "content-type",
    "content-language",
    "content-security-policy",
    "content-security-policy-report-only",
    "cross-origin-opener-policy",
    "etag",
    "location",
    "referrer-policy",
    "x-content-type-options",
    "x-frame-options",
    "x-robots-tag",
}
CACHE_STATUS_HEADER = "X-Page-Cache"
# What the page cache answered, by the same word as CACHE_STATUS_HEADER (hit, miss, bypass,
# off): exported at /metrics (pressreview/operations.py).
PAGE_CACHE_ANSWERS = Counter(
    "pressreview_page_cache_answers",
    "Public pages answered, by what the page cache did (hit, miss, bypass, off).",
    ["status"],
)

logger = logging.getLogger(__name__)


def page_seconds() -> int:
    """How long a page may be stored at most (0 turns the page cache off)."""
    return int(getattr(settings, "PRESSREVIEW_PAGE_CACHE_SECONDS", 600))


def bypasses_the_cache(request) -> bool:
    """Staff who signed in, or a writer whose change the cache may not show yet: always
    from the database. Only a session that exists and holds a signed-in user counts (one
    session-store read, only for requests that carry the cookie), and only a pin cookie
    the site signed and that has not expired."""
    return is_pinned_to_primary(request) or has_signed_in_session(request)


def has_signed_in_session(request) -> bool:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        return SESSION_KEY in store
    except Exception:
        logger.exception("The session store failed: serving the request as anonymous.")
        return False


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    # The generation it was rendered in: served while that generation lasts.
    generation: str = ""
    # A page stored by its dependencies (a review page) is also served in a later
    # generation while none of them changed: the version of each name
    # (reviews.pagecache.dependencies), by its key, when it was rendered.
    depends_on: tuple[tuple[str, str], ...] = ()


def is_public_page(path: str) -> bool:
    return _resolves_to_public_view(get_urlconf(), path)


@functools.lru_cache(maxsize=10_000)
def _resolves_to_public_view(urlconf, path: str) -> bool:
    """Remembered: resolving an address is a good part of what serving a stored page costs."""
    # Before the language middleware: /ru/... resolves only with its language active.
    try:
        with translation.override(language_of_path(path)):
            match = resolve(path, urlconf)
    except Resolver404:
        return False
    return page_kind(match.func) == PUBLIC


def page_key(request) -> str:
    """Where a page is stored. One key per address, whatever the generation: the stored
    page says which generation it belongs to, so that the generation and the page are read
    in one round trip to the cache, and a new version replaces the old one."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"pages:{site_key()}:{digest}"


class PublicPageCacheMiddleware:
    """Serve and store public pages for anonymous readers (see the module's docstring).

    Placed early (right after WhiteNoise), so that a stored page costs no session, user or
    database work; the headers of the middleware inside it are stored with the page.
    If the cache itself fails, pages are served from the database and the failure logged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not is_public_page(request.path_info):
            return self.get_response(request)
        if bypasses_the_cache(request):
            response = self.get_response(request)
            if not is_storable(response):
                return response
            patch_cache_control(response, private=True)
            return self.finish(request, response, status="bypass")
        if page_seconds() <= 0:
            return self.serve_unstored(request)
        now = time.time()
        try:
            key, generation_at = page_key(request), generation_key()
            found = cache.get_many([generation_at, key])
            generation = current_generation(now=now, stored=found.get(generation_at))
        except Exception:
            logger.exception("The page cache failed: serving from the database.")
            return self.serve_unstored(request)
        stored = found.get(key)
        if isinstance(stored, StoredPage) and self.is_current(stored, generation):
            return self.finish(request, self.rebuild(stored), status="hit")

        response = self.render(request, generation, now)
        if not is_storable(response):
            return response
        response = self.finish(request, response, status="miss")
        timeout = page_seconds()
        if generation.next_publish is not None:
            timeout = min(timeout, int(generation.next_publish - now))
        if request.method == "GET" and response.status_code == 200 and timeout > 0:
            try:
                page = self.store(response, generation)
                if page is not None:
                    cache.set(key, page, timeout)
            except Exception:
                logger.exception("The page cache failed to store %s.", request.path)
        return response

    @staticmethod
    def is_current(stored: StoredPage, generation: Generation) -> bool:
        """Rendered in this generation, or, for a page stored by its dependencies, none of
        them changed since (one more round trip)."""
        if stored.generation == generation.token:
            return True
        if not stored.depends_on:
            return False
        try:
            versions = cache.get_many([key for key, _version in stored.depends_on])
        except Exception:
            logger.exception("The page cache failed: rendering the page again.")
            return False
        return all(versions.get(key) == version for key, version in stored.depends_on)

    def serve_unstored(self, request):
        response = self.get_response(request)
        if not is_storable(response):
            return response
        return self.finish(request, response, status="off")

    def render(self, request, generation: Generation, now: float):
        """The view's response; from the primary while a replica may still lag behind."""
        if now - generation.started < replica_lag_seconds():
            from pressreview.routers import use_primary

            with use_primary():
                return self.get_response(request)
        return self.get_response(request)

    @staticmethod
    def store(response, generation: Generation) -> StoredPage | None:
        """What is stored of the response (None: nothing, the content changed meanwhile)."""
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() in STORED_HEADERS
        )
        names = getattr(response, DEPENDENCIES_ATTRIBUTE, None)
        if names is None:
            return StoredPage(response.status_code, headers, response.content, generation.token)
        depends_on = dependency_versions(names, rendered_in=generation)
        if depends_on is None:
            return None
        return StoredPage(
            response.status_code, headers, response.content, generation.token, depends_on
        )

    @staticmethod
    def rebuild(stored: StoredPage) -> HttpResponse:
        response = HttpResponse(stored.content, status=stored.status)
        for name, value in stored.headers:
            response.headers[name] = value
        return response

    @staticmethod
    def finish(request, response, *, status: str):
        """Validators and caching headers; 304 for a conditional request that matches."""
        if status != "bypass":
            patch_cache_control(response, public=True, max_age=page_max_age())
        response.headers["Content-Length"] = str(len(response.content))
        response = answer_conditionally(request, response)
        response.headers[CACHE_STATUS_HEADER] = status
        PAGE_CACHE_ANSWERS.labels(status=status).inc()
        if request.method == "HEAD" and response.status_code == 200:
            # The headers of the GET, without its body.
            stripped = HttpResponse(status=200)
            for name, value in response.headers.items():
                stripped.headers[name] = value
            return stripped
        return response


def page_max_age() -> int:
    """How long browsers and shared caches may reuse a page without asking (default 0:
    they revalidate every time, and get a 304 while the page is unchanged)."""
    return int(getattr(settings, "PRESSREVIEW_PAGE_MAX_AGE", 0))


def is_storable(response) -> bool:
    """A complete, public 200 page that sets no cookie and does not depend on one."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    if "cookie" in vary or "*" in vary:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))
