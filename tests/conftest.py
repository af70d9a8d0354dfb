import pytest

from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moritz", groups=["Moderators"])


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"
