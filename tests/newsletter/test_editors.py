"""The newsletter for editors: the subscriber counts on the desk, the email preview and the
test send from the review's page, its send log, and one subscriber's data exported or erased
(GDPR)."""

import json

import pytest
from django.core import mail
from django.utils import timezone
from taggit.models import Tag

from reviews.models import Delivery, Subscriber, Subscription
from reviews.newsroom.desk import desk_for
from tests.newsletter.conftest import IMMEDIATE
from tests.support.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="ed", email="ed@example.org", groups=["Editors"])


@pytest.fixture
def ana(citation):
    subscriber = Subscriber.objects.create(email="ana@example.org", confirmed_at=timezone.now())
    Subscription.objects.create(
        subscriber=subscriber, kind="expert", expert=citation.expert, confirmed_at=timezone.now()
    )
    Subscription.objects.create(subscriber=subscriber, kind="all", confirmed_at=timezone.now())
    Delivery.objects.create(
        subscriber=subscriber, review=citation.story.review, status="failed", error="451 busy"
    )
    return subscriber


def test_the_desk_counts_subscribers_and_subscriptions_per_kind(editor, ana):
    Subscription.objects.create(
        subscriber=Subscriber.objects.create(email="new@example.org"), kind="all"
    )  # not confirmed: not counted

    [panel] = [panel for panel in desk_for(editor) if panel.key == "newsletter"]

    assert panel.count == 1
    assert [item.label for item in panel.items] == [
        "Every review: 1",
        "A section: 0",
        "An outlet: 0",
        "An expert: 1",
        "A topic: 0",
    ]
    moderator = UserFactory(username="mo", groups=["Moderators"])
    assert "newsletter" not in [panel.key for panel in desk_for(moderator)]


def test_the_review_page_offers_preview_test_send_and_send_log(client, editor, ana, citation):
    review = citation.story.review
    client.force_login(editor)

    page = client.get(f"/admin/reviews/review/{review.pk}/change/").content.decode()
    assert "Email preview" in page and "Send test to me" in page and "Send log (1)" in page

    preview = client.get(f"/admin/reviews/review/{review.pk}/email-preview/")
    assert preview.status_code == 200
    assert "Dockers walk out in Leixões" in preview.content.decode()
    assert "sandbox" in preview["Content-Security-Policy"]
    text = client.get(f"/admin/reviews/review/{review.pk}/email-preview/?format=text")
    assert text["Content-Type"].startswith("text/plain")

    log = client.get(f"/admin/reviews/delivery/?review__id__exact={review.pk}")
    assert "ana@example.org" in log.content.decode() and "451 busy" in log.content.decode()


def test_a_test_send_goes_to_the_editor_only(client, settings, editor, ana, citation):
    settings.TASKS = IMMEDIATE
    client.force_login(editor)

    response = client.post(f"/admin/reviews/review/{citation.story.review_id}/email-test/")

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ed@example.org"]
    assert message.subject.startswith("[Test]")
    assert Delivery.objects.count() == 1, "a test is not a delivery"


def test_one_subscriber_s_data_is_exported_then_erased(client, editor, ana):
    client.force_login(editor)
    changelist = "/admin/reviews/subscriber/"

    exported = client.post(changelist, {"action": "export_data", "_selected_action": [ana.pk]})
    data = json.loads(exported.content)
    assert data["email"] == "ana@example.org"
    assert sorted(item["follows"] for item in data["subscriptions"]) == [
        "Every review",
        "Expert: Rui Costa",
    ]
    assert data["emails"][0]["status"] == "failed"

    client.post(changelist, {"action": "erase", "_selected_action": [ana.pk]})

    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists() and not Delivery.objects.exists()


def test_a_moderator_sees_no_subscriber(client, ana):
    client.force_login(UserFactory(username="mo", groups=["Moderators"]))

    assert client.get("/admin/reviews/subscriber/").status_code == 403
    assert client.get("/admin/reviews/delivery/").status_code == 403


def test_followers_of_a_merged_expert_or_tag_follow_the_one_kept(editor, citation, tag):
    from reviews.vocabulary.moderation import experts_merge, tags_merge
    from tests.support.factories import ExpertFactory

    kept_expert, kept_tag = ExpertFactory(name="Rui M. Costa"), Tag.objects.create(name="harbours")
    ana = Subscriber.objects.create(email="ana@example.org")
    rui = Subscriber.objects.create(email="rui@example.org")
    Subscription.objects.create(subscriber=ana, kind="expert", expert=citation.expert)
    Subscription.objects.create(subscriber=rui, kind="expert", expert=citation.expert)
    Subscription.objects.create(subscriber=rui, kind="expert", expert=kept_expert)
    Subscription.objects.create(subscriber=ana, kind="tag", tag=tag)

    experts_merge(experts=[citation.expert], into=kept_expert, by=editor)
    tags_merge(tags=[tag], into=kept_tag, by=editor)

    assert sorted(
        Subscription.objects.values_list("subscriber__email", "kind", "expert", "tag")
    ) == [
        ("ana@example.org", "expert", kept_expert.pk, None),
        ("ana@example.org", "tag", None, kept_tag.pk),
        ("rui@example.org", "expert", kept_expert.pk, None),
    ]
