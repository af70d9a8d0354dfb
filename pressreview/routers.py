"""Reads from a replica, writes to the primary (DATABASE_REPLICA_URL): only a request's public
reads go to the replica; the admin, writes, a client right after its write (a signed cookie)
and work outside requests read the primary. See docs/DEPLOYMENT.md, "The read replica".
"""

import contextlib
from contextvars import ContextVar

from django.conf import settings
from django.urls import reverse

PRIMARY = "default"

# Where this request's reads go; outside a request, the primary.
_reads: ContextVar[str] = ContextVar("pressreview_reads", default=PRIMARY)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def replica_alias() -> str:
    """The database alias of the read replica, or "" when there is none."""
    return getattr(settings, "PRESSREVIEW_READ_REPLICA", "")


@contextlib.contextmanager
def use_primary():
    """Read from the primary for the duration of the block."""
    token = _reads.set(PRIMARY)
    try:
        yield
    finally:
        _reads.reset(token)


@contextlib.contextmanager
def reads_from(alias: str):
    token = _reads.set(alias)
    try:
        yield
    finally:
        _reads.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            # Related objects come from where their instance came from.
            return instance._state.db
        return _reads.get()

    def db_for_write(self, model, **hints):
        # Whatever this request reads next must include what it is writing.
        _reads.set(PRIMARY)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        both = {obj1._state.db, obj2._state.db}
        return both <= {PRIMARY, replica_alias() or PRIMARY} or None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary by replication, never by migrations.
        if replica_alias() and db == replica_alias():
            return False
        # What the database keeps by itself (unmanaged models: SQLite's full-text indexes,
        # reviews.fulltext) is neither dumped nor loaded by dumpdata and loaddata.
        model = hints.get("model")
        if model is not None and not model._meta.managed:
            return False
        return None


def pin_seconds() -> int:
    return int(getattr(settings, "PRESSREVIEW_PRIMARY_PIN_SECONDS", 15))


def pin_cookie_name() -> str:
    return getattr(settings, "PRESSREVIEW_PRIMARY_COOKIE", "pressreview_primary")


PIN_SALT = "pressreview.routers.pin"


def is_pinned_to_primary(request) -> bool:
    """Whether the client wrote something in the last few seconds: a pin cookie this site
    signed, not older than the pin. Any other value of that cookie counts for nothing."""
    if pin_cookie_name() not in request.COOKIES:
        return False
    value = request.get_signed_cookie(
        pin_cookie_name(), default=None, salt=PIN_SALT, max_age=pin_seconds()
    )
    return value == "1"


class PrimaryPinningMiddleware:
    """Choose where this request reads; after a write, pin the client to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cookie = pin_cookie_name()

    def __call__(self, request):
        replica = replica_alias()
        if not replica:
            return self.get_response(request)
        with reads_from(replica if self.may_use_replica(request) else PRIMARY):
            response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            response.set_signed_cookie(
                self.cookie,
                "1",
                salt=PIN_SALT,
                max_age=pin_seconds(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def may_use_replica(self, request) -> bool:
        return (
            request.method in SAFE_METHODS
            and not is_pinned_to_primary(request)
            and not request.path_info.startswith(reverse("admin:index"))
        )
