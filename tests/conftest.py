import os
import tempfile

import pytest
from django.conf import settings
from django.db import connections

from tests.support.content_writes import watching_content_writes
from tests.support.factories import UserFactory

# Fixtures that tests in more than one folder use, beside the ones below.
pytest_plugins = ["tests.support.leaks", "tests.support.smtp"]

# A second database alias, "replica", mirroring the primary's test database, so that the
# read-replica router can be tested in every run. Nothing reads there unless a test sets
# PRESSREVIEW_READ_REPLICA (tests/test_scale_out.py). Django has read the settings already.
if "replica" not in connections.settings:
    connections.settings["replica"] = {
        **connections.settings["default"],
        "TEST": {**connections.settings["default"]["TEST"], "MIRROR": "default"},
    }


# The production hasher takes 0.4 s (2 s on a busy machine) per password, and the suite creates
# and signs in users by the thousand; what it tests is who may do what, not the hash's cost.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The newsletter's sign-up limits count in the cache, which outlives each test: only the tests
# of the limits turn them on (tests/newsletter/test_signup.py), with addresses of their own.
settings.RATELIMIT_ENABLE = False


# No tag model unless a test builds one (tests/suggesting): each run, each worker, its own
# empty folder, whatever a developer's var/tag-model holds.
settings.PRESSREVIEW_TAG_MODEL_DIR = tempfile.mkdtemp(prefix="pressreview-tag-model-")


# Under pytest-xdist each worker has its own test database; give it its own keys in a shared
# cache (Redis) too, so that one worker's new generation never empties another's pages.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    for alias in settings.CACHES.values():
        alias["KEY_PREFIX"] = f"{alias.get('KEY_PREFIX', '')}-{worker}"


@pytest.fixture(scope="session", autouse=True)
def close_every_connection_last(django_db_setup):
    """Close every alias's connections, pools included, before the test database is dropped:
    PostgreSQL refuses to drop a database the replica alias's pool is still connected to."""
    yield
    for connection in connections.all():
        connection.close()
        if hasattr(connection, "close_pool"):
            connection.close_pool()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no stored public page, whatever the tests before it stored
    (their database was rolled back without telling the cache)."""
    from tests.support.pages import forget_stored_pages

    forget_stored_pages()


@pytest.fixture(autouse=True)
def content_writes(request):
    """Every test using the database: content written by the site's code must be followed by
    a new page-cache generation, or the test fails (tests/support/content_writes.py). Yields
    the record (None for tests without the database)."""
    marker = request.node.get_closest_marker("django_db")
    if not marker and "_django_db_helper" not in request.fixturenames:
        yield None
        return
    request.getfixturevalue("_django_db_helper")
    with watching_content_writes() as guard:
        request.node.content_writes = guard
        yield guard


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a test whose code wrote public content the page cache was not told of."""
    result = yield
    guard = getattr(item, "content_writes", None)
    if guard is not None and (message := guard.failure()):
        pytest.fail(message, pytrace=False)
    return result


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moritz", groups=["Moderators"])


@pytest.fixture
def superuser(db):
    return UserFactory(username="sue", is_superuser=True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run tests that commit (live_server, transactional_db) last.

    Their teardown flushes every table, including the groups a data migration created,
    which the tests wrapped in a transaction rely on.
    """

    def commits(item) -> bool:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction"))
        return transactional or "live_server" in getattr(item, "fixturenames", ())

    items.sort(key=commits)


def pytest_itemcollected(item):
    """The browser tests check what the browser sees, the same on every database."""
    if item.nodeid.startswith("tests/browser/"):
        item.add_marker(pytest.mark.once)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"
