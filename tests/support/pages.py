"""The page cache as a test starts: no stored page, whatever the tests before it stored."""

import secrets

from django.core.cache import cache

from reviews.pagecache.invalidation import Generation, generation_key, renew_versions


def forget_stored_pages() -> None:
    """A new generation for a database known to hold no scheduled review (a test's start:
    its database was rolled back without telling the cache)."""
    cache.set(generation_key(), Generation(secrets.token_hex(8), None, 0.0), None)
    renew_versions(None)  # and every review page stored by its dependencies
