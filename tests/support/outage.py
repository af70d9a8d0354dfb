"""A database that cannot be reached, and what no answer may show when it is."""

import re
from unittest import mock

from django.db import OperationalError

# What no friendly page may show: a traceback, the exception, the driver, the server's address.
INTERNALS = re.compile(r"Traceback|OperationalError|psycopg|PoolTimeout|Connection refused|5432")


def unreachable_database():
    """Every attempt to reach any database fails, as when the server is down."""
    return mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection refused: is the server running on port 5432?"),
    )
