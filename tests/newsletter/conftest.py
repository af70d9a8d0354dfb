import re
import secrets

import pytest
from taggit.models import Tag

from reviews.newsletter.tokens import form_token
from tests.support.factories import CitationFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def rate_limits(settings):
    """The sign-up limits on, and a client address of this test's own, so that the counts
    of earlier tests (kept in the cache) do not count. Returns the client's address."""
    settings.RATELIMIT_ENABLE = True
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"


@pytest.fixture
def tasks_at_once(settings):
    """Email is sent as soon as it is queued; the worker's own path is in test_sending.py."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def mailbox(smtp_server, settings):
    """The real SMTP server, and tasks run as soon as they are queued."""
    settings.TASKS = IMMEDIATE
    return smtp_server


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call `function` as the worker would: its queued work (the batches) done at once."""

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


@pytest.fixture
def citation(db):
    """A published review: one story by the Courier about ports, quoting Rui Costa."""
    return CitationFactory(
        story__review__title="Port strike spreads north",
        story__review__section__name="Business",
        story__review__section__slug="business",
        story__outlet__name="The Courier",
        story__outlet__slug="courier",
        story__headline="Dockers walk out in Leixões",
        story__tags=["ports"],
        expert__name="Rui Costa",
        expert__slug="rui-costa",
    )


@pytest.fixture
def expert(citation):
    return citation.expert


@pytest.fixture
def tag(citation):
    return Tag.objects.get(slug="ports")


def post_sign_up(client, subject: str, email: str, frequency: str = "at_once", **extra):
    """POST the sign-up form of the page whose subject is `subject` ("expert:12")."""
    data = {"email": email, "frequency": frequency, "form": form_token(subject), "website": ""}
    return client.post("/newsletter/subscribe/", data | extra.pop("data", {}), **extra)


@pytest.fixture
def sign_up(django_capture_on_commit_callbacks):
    """`post_sign_up`, with what it queues on commit done (the confirmation email)."""

    def post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post_sign_up(*args, **kwargs)

    return post


LINK = re.compile(r"http://\S+/newsletter/(confirm|manage|unsubscribe)/([^/\s]+)/")


def links_in(text: str) -> dict[str, str]:
    """The newsletter's links in an email's text, by kind: {"confirm": "/newsletter/…/"}."""
    return {kind: f"/newsletter/{kind}/{token}/" for kind, token in LINK.findall(text)}
