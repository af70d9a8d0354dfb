"""The page cache needs a cache every process shares: the deploy check, and the start-up note."""

import logging

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}

logger = logging.getLogger(__name__)


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
