"""How stored pages go stale: the content generation, and the one way to say "content changed".

Every write of public content ends with `content_changed()`: the signals connected here call
it after saves and deletes, and writes that send none (`update()`, `bulk_create()`, raw SQL)
call it themselves. Why and how: docs/PERFORMANCE.md, "The page cache".
"""

import contextvars
import datetime
import functools
import hashlib
import logging
import secrets
import time
from collections.abc import Collection
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_save,
)

from reviews.pagecache import dependencies

logger = logging.getLogger(__name__)

# Fields of content models that no public page, feed or API answer shows: writing only these
# changes no page (a share link's key). By model label, lower case.
UNSEEN_FIELDS = {"reviews.review": {"preview_key"}}


def replica_lag_seconds() -> float:
    return float(getattr(settings, "PRESSREVIEW_REPLICA_LAG_SECONDS", 5))


@dataclass(frozen=True)
class Generation:
    # Renewed by every change: the lists, feeds and other pages stored under it are stale.
    token: str
    # The earliest publish time known to be ahead (a Unix time), or None when no review is
    # scheduled. Never later than the true one: when in doubt, earlier.
    next_publish: float | None
    # When the generation started (a Unix time).
    started: float


def content_models() -> tuple:
    """Every model a public page shows: a write to any of them makes pages stale."""
    from taggit.models import Tag

    from reviews.models import (
        Citation,
        Expert,
        Outlet,
        Review,
        Section,
        SlugRedirect,
        Story,
        TaggedStory,
        TagTranslation,
    )

    return (
        Review,
        Story,
        Citation,
        TaggedStory,
        Tag,
        TagTranslation,
        Outlet,
        Expert,
        Section,
        SlugRedirect,
    )


@functools.cache
def content_tables() -> dict[str, frozenset[str]]:
    """{table of a content model: its columns whose writing alone changes no page}."""
    return {
        model._meta.db_table: frozenset(
            model._meta.get_field(name).column
            for name in UNSEEN_FIELDS.get(model._meta.label_lower, ())
        )
        for model in content_models()
    }


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
        # A scheduled review may have become public: no write says what that changed.
        renew_versions(None)
    return generation


def start_new_generation(
    *, publish_at=None, schedule_unknown: bool = False, affects: Collection[str] | None = None
) -> None:
    """Make stored pages out of date: every page stored under the generation, and the review
    pages that depend on what the change `affects` (dependencies' names; None: anything, so
    every stored page). `publish_at` is a publish time just given to a review, which may lie
    ahead: no page is then stored beyond it. `schedule_unknown`: the publish times ahead may
    have changed in ways not told (many rows written at once)."""
    now = time.time()
    key = generation_key()
    old = None if schedule_unknown else cache.get(key)
    if not isinstance(old, Generation):
        # The next publish time is unknown: the next request looks it up.
        cache.delete(key)
        renew_versions(None)
        return
    next_publish = old.next_publish
    if publish_at is not None and hasattr(publish_at, "timestamp"):
        at = publish_at.timestamp()
        if at > now:
            next_publish = at if next_publish is None else min(next_publish, at)
    cache.set(key, Generation(_new_token(), next_publish, now), None)
    renew_versions(affects)


def renew_versions(affects: Collection[str] | None) -> None:
    """New versions for the names a change `affects` (None: it may affect anything, so the
    published set, on which every page stored by its dependencies depends). Always after
    the new generation: a page rendered before the change and checked after it sees either
    the new generation (and is not stored) or the old versions (and is soon stale)."""
    names = [dependencies.PUBLISHED_SET] if affects is None else affects
    if names:
        cache.set_many({dependency_key(name): _new_token() for name in names}, DEPENDENCY_SECONDS)


# A missing version makes the pages that depend on it stale (and it is then set anew), so
# versions may leave the cache: the bound only lets those of unchanged objects go.
DEPENDENCY_SECONDS = 24 * 3600


def dependency_key(name: str) -> str:
    return f"pages:{site_key()}:depends:{name}"


def dependency_versions(names, *, rendered_in: Generation) -> tuple[tuple[str, str], ...] | None:
    """The version of each name (its key's, in fact) for a page that depends on them and was
    rendered in generation `rendered_in`; None when content changed since it began, so that
    the page may show what is no longer so. Read after the page is rendered (only then are
    its dependencies known): a write renews the generation before the versions, so if the
    generation is still the same, so is every version since the rendering began."""
    keys = sorted({dependency_key(name) for name in names})
    found = cache.get_many([generation_key(), *keys])
    missing = [key for key in keys if key not in found]
    if missing:
        # Never set, or gone from the cache: a fresh version, never one a page was stored with.
        for key in missing:
            cache.add(key, _new_token(), DEPENDENCY_SECONDS)
        found.update(cache.get_many([generation_key(), *missing]))
    generation = found.get(generation_key())
    if not isinstance(generation, Generation) or generation.token != rendered_in.token:
        return None
    if any(key not in found for key in keys):
        return None
    return tuple((key, found[key]) for key in keys)


# Set while writes are made only to be shown and rolled back (see rolled_back_writes).
_ROLLED_BACK = contextvars.ContextVar("pressreview_rolled_back_writes", default=False)


def content_changed(
    *,
    using: str = "default",
    publish_at=None,
    schedule_unknown: bool = False,
    affects: Collection[str] | None = None,
) -> None:
    """Public content changed (or is about to, when the transaction commits): call it after
    the writes. `affects`: the names (reviews.pagecache.dependencies) of what the writes
    changed, when known; None (the default) makes every stored page stale. `publish_at`,
    `schedule_unknown`: see start_new_generation()."""
    if _ROLLED_BACK.get():
        return
    start_new_generation(publish_at=publish_at, schedule_unknown=schedule_unknown, affects=affects)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    told = next(
        (
            callback
            for _savepoints, callback, _robust in connection.run_on_commit
            if isinstance(callback, _ToldAgainAtCommit)
        ),
        None,
    )
    if told is None:
        told = _ToldAgainAtCommit()
        transaction.on_commit(told, using=using)
    told.add(affects, schedule_unknown=schedule_unknown)


class _ToldAgainAtCommit:
    """What a transaction changed, said again when it commits: a page rendered between a
    change and its commit shows the old content. One per transaction, however many writes."""

    def __init__(self):
        self.affects: set[str] | None = set()
        self.schedule_unknown = False

    def add(self, affects: Collection[str] | None, *, schedule_unknown: bool) -> None:
        if affects is None or self.affects is None:
            self.affects = None
        else:
            self.affects.update(affects)
        self.schedule_unknown = self.schedule_unknown or schedule_unknown

    def __call__(self) -> None:
        start_new_generation(affects=self.affects, schedule_unknown=self.schedule_unknown)


@contextmanager
def rolled_back_writes():
    """Writes made only to be looked at, inside a transaction that is then rolled back (the
    admin's revert preview): they make no page stale, so content_changed() does nothing."""
    token = _ROLLED_BACK.set(True)
    try:
        yield
    finally:
        _ROLLED_BACK.reset(token)


def _new_token() -> str:
    return secrets.token_hex(8)


def _next_publish_time(now: float) -> float | None:
    from reviews.models import Review

    moment = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    upcoming = (
        Review.objects.scheduled(now=moment)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else None


def _about_to_save(sender, instance, using="default", raw=False, **kwargs):
    instance._placement_before_save = dependencies.placement_before_save(instance, using)


def _saved(sender, instance, using="default", created=False, **kwargs):
    publish_at = getattr(instance, "publish_at", None)
    if getattr(instance, "status", None) != "published":
        publish_at = None
    before = instance.__dict__.pop("_placement_before_save", None)
    affects = dependencies.affected_by_save(instance, before=before, created=created, using=using)
    content_changed(using=using, publish_at=publish_at, affects=affects)


def _deleted(sender, instance, using="default", **kwargs):
    content_changed(using=using, affects=dependencies.affected_by_delete(instance, using=using))


def _tags_changed(sender, instance, action, reverse, pk_set, using="default", **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        affects = dependencies.affected_by_tagging(
            instance, reverse=reverse, pk_set=None if action == "post_clear" else pk_set
        )
        content_changed(using=using, affects=affects)


def _migrated(sender, using="default", **kwargs):
    """After `migrate` and `flush` (which empties every table without a signal). A cache
    that cannot be reached must not fail the command: stored pages then age out."""
    try:
        content_changed(using=using, schedule_unknown=True)
    except Exception:
        logger.warning(
            "The page cache could not be told of the migration or flush: stored pages "
            "are served until they expire (PRESSREVIEW_PAGE_CACHE_SECONDS).",
            exc_info=True,
        )


def connect_signals(app_config) -> None:
    """Called once, by the app's ready()."""
    from reviews.models import Story

    for model in content_models():
        uid = f"pressreview-page-cache-{model._meta.label_lower}"
        pre_save.connect(_about_to_save, sender=model, dispatch_uid=f"{uid}-before-save")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _tags_changed, sender=Story.tags.through, dispatch_uid="pressreview-page-cache-tags"
    )
    post_migrate.connect(
        _migrated, sender=app_config, dispatch_uid="pressreview-page-cache-migrate"
    )
