import pytest

from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moritz", groups=["Moderators"])


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


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"
