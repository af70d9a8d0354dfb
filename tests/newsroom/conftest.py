import pytest

from reviews.publishing import workflow
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Email is sent as soon as it is queued (into Django's test outbox); the worker's own
    path, with the database queue and a real SMTP server, is tested in test_email_worker.py."""
    settings.TASKS = IMMEDIATE


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    """These tests are not about passwords: hash the accounts' quickly (the default hasher
    takes most of a test's time on a busy machine)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def author(db):
    return UserFactory(username="ana", first_name="Ana", last_name="Pires", groups=["Editors"])


@pytest.fixture
def chief(db):
    """A second editor, who may publish: the one who reviews Ana's work."""
    return UserFactory(username="paulo", first_name="Paulo", last_name="Reis", groups=["Editors"])


@pytest.fixture
def ready_draft(author):
    """Ana's draft, complete enough to publish."""
    review = ReviewFactory(draft=True, author=author, title="Ports strike spreads north")
    StoryFactory(review=review, position=1)
    return review


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run `transition(...)` as a request would: its on-commit work (the signal, the
    notifications, their email) happens."""

    def run(transition, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return getattr(workflow, f"review_{transition}")(**kwargs)

    return run
