"""How stored pages go stale: the content generation, and the one way to say "content changed"."""

import datetime
import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def replica_lag_seconds() -> float:
    return float(getattr(settings, "PRESSREVIEW_REPLICA_LAG_SECONDS", 5))


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
    from reviews.models import Review

    moment = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    upcoming = (
        Review.objects.scheduled(now=moment)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else None


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

    from reviews.models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory

    for model in (Review, Story, Citation, TaggedStory, Tag, Outlet, Expert, Section):
        uid = f"pressreview-page-cache-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _tags_changed, sender=Story.tags.through, dispatch_uid="pressreview-page-cache-tags"
    )
