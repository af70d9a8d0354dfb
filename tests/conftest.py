import pytest

from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moritz", groups=["Moderators"])
