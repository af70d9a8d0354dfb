"""The public page cache: anonymous readers get stored pages, invalidated by every change.

Every public page (the reader site, its feeds, the sitemap and robots.txt) is stored in the
default cache (Redis, shared by every app server, when REDIS_URL is set) for anonymous GET
and HEAD requests, marked with the content *generation* it was rendered in: a random token
kept in the same cache, read with the page in one round trip. Any change to the content (a
save or delete of a review, story, citation, tag, outlet, expert or section, and a story's
tags changing) starts a new generation, so every stored page is out of date at once, on
every app server, without finding which pages showed what. An out-of-date page is rendered
again and replaces the old one under the same key (or ages out of the cache).

A scheduled review becomes public by the clock, with no write to notice. So the generation
also records the earliest publish time still to come; the first request after it starts a
new generation, and no page is stored beyond it.

A generation starts when the change is made and again when its transaction commits: a page
rendered in between (from the data before the commit) is marked with a generation that is
no longer in force, and never served. With a read replica (pressreview.routers), pages
rendered during the replica's lag after a change are read from the primary, so that a
lagging replica cannot put an old page in the cache under the new generation.

Public pages set no cookie and do not vary on Cookie, so that a shared cache or a CDN in
front can serve them to everyone; each carries an ETag (a digest of the page), and a
matching If-None-Match is answered 304 Not Modified (pressreview.conditional: no
Last-Modified, which could not be honest).

A signed-in session (staff) or a "pinned to the primary" cookie the site signed (right after
a write) bypasses the stored pages: they always see the database. A cookie that merely bears
one of those names is ignored, so that nobody can make every request a render.

The stored pages are only as shared as the cache: every app process must use the same one
(Redis). With debug off and no REDIS_URL, settings.py turns the page cache off, and says so
(docs/DEPLOYMENT.md, "Without Redis").

Writes that send no signals (`QuerySet.update()`, `bulk_create()`, raw SQL) must call
`content_changed()` themselves.
"""

import datetime
import functools
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import checks
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import patch_cache_control
from prometheus_client import Counter

from pressreview.conditional import answer_conditionally
from pressreview.routers import is_pinned_to_primary, replica_alias

# The views whose pages are stored (URL names, with the namespace).
PUBLIC_VIEWS = {
    "sitemap",
    "robots",
    "reviews:home",
    "reviews:review-list",
    "reviews:review-year",
    "reviews:review-month",
    "reviews:review-detail",
    "reviews:story-list",
    "reviews:outlet-list",
    "reviews:outlet-detail",
    "reviews:expert-list",
    "reviews:expert-detail",
    "reviews:tag-list",
    "reviews:tag-detail",
    "reviews:review-feed-rss",
    "reviews:review-feed-atom",
    "reviews:outlet-feed",
    "reviews:expert-feed",
    "reviews:tag-feed",
    "reviews:search",
}
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


def replica_lag_seconds() -> float:
    return float(getattr(settings, "PRESSREVIEW_REPLICA_LAG_SECONDS", 5))


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


# The generation


@dataclass(frozen=True)
class Generation:
    token: str
    # The earliest publish time known to be ahead (a Unix time), or None when no review is
    # scheduled. Never later than the true one: when in doubt, earlier.
    next_publish: float | None
    # When the generation started (a Unix time).
    started: float


def site_key() -> str:
    """Which database the pages come from, so that two sites (or two test runs) sharing
    one Redis never serve each other's pages."""
    primary = connections["default"].settings_dict
    identity = f"{primary['ENGINE']}|{primary['HOST']}|{primary['PORT']}|{primary['NAME']}"
    return hashlib.blake2b(identity.encode(), digest_size=6).hexdigest()


def generation_key() -> str:
    return f"pages:{site_key()}:generation"


def current_generation(*, now: float | None = None, stored=None) -> Generation:
    """The generation in force, starting a new one when a scheduled publish time has come.
    `stored`: what the cache holds under generation_key(), when the caller read it already."""
    now = time.time() if now is None else now
    generation = cache.get(generation_key()) if stored is None else stored
    if not isinstance(generation, Generation) or (
        generation.next_publish is not None and generation.next_publish <= now
    ):
        generation = Generation(_new_token(), _next_publish_time(now), now)
        cache.set(generation_key(), generation, None)
    return generation


def start_new_generation(*, publish_at=None) -> None:
    """Make every stored page out of date. `publish_at` is a publish time just given to a
    review, which may lie ahead: no page is then stored beyond it."""
    now = time.time()
    key = generation_key()
    old = cache.get(key)
    if not isinstance(old, Generation):
        # The next publish time is unknown: the next request looks it up.
        cache.delete(key)
        return
    next_publish = old.next_publish
    if publish_at is not None and hasattr(publish_at, "timestamp"):
        at = publish_at.timestamp()
        if at > now:
            next_publish = at if next_publish is None else min(next_publish, at)
    cache.set(key, Generation(_new_token(), next_publish, now), None)


def content_changed(*, using: str = "default", publish_at=None) -> None:
    """Public content changed (or is about to, when the transaction commits)."""
    start_new_generation(publish_at=publish_at)
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not any(
        callback is _after_commit for _savepoints, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_after_commit, using=using)


def _after_commit() -> None:
    start_new_generation()


def _new_token() -> str:
    return secrets.token_hex(8)


def _next_publish_time(now: float) -> float | None:
    from .models import Review

    moment = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    upcoming = (
        Review.objects.scheduled(now=moment)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else None


# Fragments: what many pages of one generation share, remembered for that generation.


def fragments_on() -> bool:
    """Whether fragments are remembered: only in a cache every process shares (or in the one
    process of development), for the page cache's reason (settings.py)."""
    return bool(getattr(settings, "PRESSREVIEW_FRAGMENT_CACHE", False))


def remembered(name: str, build):
    """`build()`, computed once per content generation and kept in the cache: as right as a
    stored page, since any change starts a new generation and so a new key. Not kept when
    it may have been read from a replica lagging behind the change that started the
    generation. If the cache fails, `build()` every time."""
    if not fragments_on():
        return build()
    try:
        generation = current_generation()
        key = f"fragments:{site_key()}:{generation.token}:{name}"
        found = cache.get(key)
    except Exception:
        logger.exception("The fragment cache failed: computing %s.", name)
        return build()
    if found is not None:
        return found
    value = build()
    if time.time() - generation.started >= replica_lag_seconds() or not replica_alias():
        try:
            cache.set(key, value, FRAGMENT_SECONDS)
        except Exception:
            logger.exception("The fragment cache failed to store %s.", name)
    return value


# A generation rarely lasts this long; the bound only lets the fragments of old generations
# leave the cache.
FRAGMENT_SECONDS = 3600

# Signals: every model a public page shows.


def _saved(sender, instance, using="default", **kwargs):
    publish_at = getattr(instance, "publish_at", None)
    if getattr(instance, "status", None) != "published":
        publish_at = None
    content_changed(using=using, publish_at=publish_at)


def _deleted(sender, instance, using="default", **kwargs):
    content_changed(using=using)


def _tags_changed(sender, action, using="default", **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed(using=using)


def connect_signals() -> None:
    from taggit.models import Tag

    from .models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory

    for model in (Review, Story, Citation, TaggedStory, Tag, Outlet, Expert, Section):
        uid = f"pressreview-page-cache-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _tags_changed, sender=Story.tags.through, dispatch_uid="pressreview-page-cache-tags"
    )


# The middleware


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    # The generation it was rendered in: served only while that generation lasts.
    generation: str = ""


def is_public_page(path: str) -> bool:
    return _resolves_to_public_view(get_urlconf(), path)


@functools.lru_cache(maxsize=10_000)
def _resolves_to_public_view(urlconf, path: str) -> bool:
    """Remembered: resolving an address is a good part of what serving a stored page costs."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    return match.view_name in PUBLIC_VIEWS


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
        if isinstance(stored, StoredPage) and stored.generation == generation.token:
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
                cache.set(key, self.store(response, generation), timeout)
            except Exception:
                logger.exception("The page cache failed to store %s.", request.path)
        return response

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
    def store(response, generation: Generation) -> StoredPage:
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() in STORED_HEADERS
        )
        return StoredPage(response.status_code, headers, response.content, generation.token)

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


def reset_for_tests() -> None:
    """A new generation for a database known to hold no scheduled review (a test's start)."""
    cache.set(generation_key(), Generation(_new_token(), None, 0.0), None)


# Configuration: the page cache needs a cache every process shares.

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def cache_is_process_local() -> bool:
    return settings.CACHES["default"]["BACKEND"] in PROCESS_LOCAL_CACHES


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy`: production with a cache of each process's own."""
    if settings.DEBUG or not cache_is_process_local():
        return []
    return [
        checks.Warning(
            "The cache is local to each process (REDIS_URL is not set): the public page cache "
            "is off, and the API's rate limit is counted by each worker process separately.",
            hint="Set REDIS_URL to a Redis database every app server shares "
            "(docs/DEPLOYMENT.md, 'Without Redis').",
            id="pressreview.W001",
        )
    ]


def announce_configuration() -> None:
    """Said once as a server process starts (pressreview/wsgi.py, asgi.py)."""
    reason = getattr(settings, "PRESSREVIEW_PAGE_CACHE_OFF_REASON", "")
    if reason:
        logger.warning(reason)
