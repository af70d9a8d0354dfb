"""What many pages share: worked out once per generation, or rendered once per content."""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.translation import get_language

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


def rendered_each(template_name: str, items, *, name: str, parts, extra: dict) -> list[str]:
    """`template_name` rendered once per item (as `name`, with `extra`), each kept in the
    cache under a digest of everything it is made of, so that it outlives generations.

    `parts(item)` lists every model instance the template reads for that item; the digest
    covers all their fields, the template's source, the language and the script prefix.
    The template sees nothing else (no context processors, no request), so nothing else
    can change it. An item with a deferred field is rendered, not kept.
    """
    template = get_template(template_name)
    fixed = repr(
        (
            template_name,
            template.template.source,
            get_language(),
            get_script_prefix(),
            sorted(extra.items()),
        )
    ).encode()
    site = site_key()
    keys = [_content_key(site, fixed, parts(item)) for item in items]
    try:
        found = cache.get_many([key for key in keys if key])
    except Exception:
        logger.exception("The fragment cache failed: rendering %s.", template_name)
        found = {}
    made, rendered = {}, []
    for key, item in zip(keys, items, strict=True):
        html = found.get(key) if key else None
        if html is None:
            html = template.render({name: item, **extra})
            if key:
                made[key] = html
        rendered.append(html)
    if made:
        try:
            cache.set_many(made, CONTENT_FRAGMENT_SECONDS)
        except Exception:
            logger.exception("The fragment cache failed to store %s.", template_name)
    return rendered


def _content_key(site: str, fixed: bytes, instances) -> str | None:
    digest = hashlib.blake2b(fixed, digest_size=16)
    for instance in instances:
        values = instance.__dict__
        fields = _field_names(type(instance))
        if not all(field in values for field in fields):
            return None
        digest.update(repr((type(instance).__name__, [values[f] for f in fields])).encode())
    return f"fragments:{site}:content:{digest.hexdigest()}"


@functools.cache
def _field_names(model) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


# Kept by content, never stale: the bound only lets fragments of what is no longer shown
# leave the cache.
CONTENT_FRAGMENT_SECONDS = 24 * 3600
