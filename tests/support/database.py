"""Data built once for a module's or class's tests, which only read it."""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def built_once(django_db_blocker):
    """For a class- or module-scoped fixture that builds data its tests only read: the data is
    written in a transaction around the tests' own (each test's is a savepoint inside it, rolled
    back as usual) and rolled back after the last of them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
