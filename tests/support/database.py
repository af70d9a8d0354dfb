"""Data built once for a module's or class's tests, which only read it."""

import contextlib

from django.db import connection, transaction


@contextlib.contextmanager
def built_once(django_db_blocker):
    """For a class- or module-scoped fixture that builds data its tests only read: the data is
    written in a transaction around the tests' own (each test's is a savepoint inside it, rolled
    back as usual) and rolled back after the last of them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def only_gin_index_scans_cheap():
    """PostgreSQL: sequential and plain index scans priced out, the search indexes' pending
    lists merged and the statistics fresh, so that a query that can use a GIN index does."""
    with connection.cursor() as cursor:
        # Earlier tests' rolled-back rows sit in the indexes' pending lists and raise their cost.
        cursor.execute("SELECT gin_clean_pending_list('story_search_vector_idx')")
        cursor.execute("SELECT gin_clean_pending_list('review_search_vector_idx')")
        cursor.execute("ANALYZE reviews_story, reviews_review")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
