"""What many pages of one generation share, worked out once per generation."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from pressreview.routers import replica_alias
from reviews.pagecache.invalidation import current_generation, replica_lag_seconds, site_key

logger = logging.getLogger(__name__)


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
