"""The newsletter shows nothing that is not public: no email for a review in any hidden state,
no hidden story in the email of a public one, no hidden subject to follow, and the email
preview and test send only for editors, who may read the review anyway."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from reviews.models import Subscriber, Subscription
from reviews.newsletter import sending
from reviews.newsletter.tokens import form_token
from tests.support.factories import UserFactory
from tests.support.leaks import HIDDEN_STATES, build_hidden, secret_phrases

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def tasks_at_once(settings):
    settings.TASKS = IMMEDIATE


def follow(email: str, kind: str, **target):
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    Subscription.objects.create(
        subscriber=subscriber, kind=kind, confirmed_at=timezone.now(), **target
    )


def emailed_text() -> str:
    return "\n".join(
        message.body + "".join(content for content, _type in message.alternatives)
        for message in mail.outbox
    ).lower()


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_no_email_shows_a_hidden_review(public, state, django_capture_on_commit_callbacks):
    review, citation = public
    secret, hidden, hidden_citation = build_hidden(state, citation)
    follow("all@example.org", "all")
    follow("expert@example.org", "expert", expert=citation.expert)  # quoted in both
    follow("outlet@example.org", "outlet", outlet=citation.story.outlet)  # in both
    follow("own@example.org", "expert", expert=hidden_citation.expert)

    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start_mailing(hidden.pk) == "not public"
        sending.start_mailing(review.pk)
        call_command("send_newsletter", "--digests", verbosity=0)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "all@example.org",
        "expert@example.org",
        "outlet@example.org",
    ]
    text = emailed_text()
    assert "harbour calm returns" in text, "the control: the public review is in the email"
    for phrase in secret_phrases(secret):
        assert phrase.lower() not in text, phrase


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_hidden_subject_cannot_be_followed_nor_named(client, public, state):
    _review, citation = public
    secret, hidden, hidden_citation = build_hidden(state, citation)
    subjects = [
        f"expert:{hidden_citation.expert.pk}",
        f"outlet:{hidden_citation.story.outlet.pk}",
        f"tag:{hidden_citation.story.tags.get().pk}",
    ]
    for subject in subjects:
        data = {"email": "ana@example.org", "frequency": "at_once", "form": form_token(subject)}
        response = client.post("/newsletter/subscribe/", data)
        assert response.status_code == 400, subject
        assert secret not in response.content.decode().lower()
    section = {"form": form_token("site"), "follow": str(hidden.section_id)}
    assert (
        client.post("/newsletter/subscribe/", {"email": "a@example.org", **section}).status_code
        == 400
    )
    page = client.get("/newsletter/").content.decode().lower()
    assert secret not in page
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_the_email_preview_and_test_send_are_for_editors_only(client, public, state):
    _review, citation = public
    secret, hidden, _citation = build_hidden(state, citation)
    preview = f"/admin/reviews/review/{hidden.pk}/email-preview/"
    test_send = f"/admin/reviews/review/{hidden.pk}/email-test/"

    assert client.get(preview).status_code == 302, "to the login page"
    moderator = UserFactory(username="mo", groups=["Moderators"])
    client.force_login(moderator)
    for response in (client.get(preview), client.post(test_send)):
        assert response.status_code == 403
        assert secret not in response.content.decode().lower()
    assert not mail.outbox

    client.force_login(UserFactory(username="ed", groups=["Editors"]))
    shown = client.get(preview)
    assert shown.status_code == 200 and f"{secret} title" in shown.content.decode().lower()
