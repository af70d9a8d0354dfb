"""The newsletter through a real SMTP server: what each kind of subscription receives, at once
or in the daily digest, what the email holds, one-click unsubscribing (RFC 8058), and
withdrawn reviews. The worker's own path (queue, two workers, retries) is in test_worker.py."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from reviews.models import Delivery, Review, Subscriber, Subscription
from reviews.newsletter import sending
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory
from tests.support.smtp import received


def follower(email: str, kind: str, target=None, *, frequency="at_once", confirmed=True):
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    field = {"section": "section", "outlet": "outlet", "expert": "expert", "tag": "tag"}
    return Subscription.objects.create(
        subscriber=subscriber,
        kind=kind,
        frequency=frequency,
        confirmed_at=timezone.now() if confirmed else None,
        **({field[kind]: target} if target is not None else {}),
    )


def by_recipient(mailbox) -> dict:
    return {message["To"]: message for message in received(mailbox)}


def test_each_kind_of_subscription_gets_the_review_once(mailbox, run, citation, tag):
    review = citation.story.review
    follower("all@example.org", "all")
    follower("section@example.org", "section", review.section)
    follower("outlet@example.org", "outlet", citation.story.outlet)
    follower("expert@example.org", "expert", citation.expert)
    follower("tag@example.org", "tag", tag)
    follower("expert@example.org", "tag", tag)  # two matches: one email
    follower("other@example.org", "expert", CitationFactory().expert)
    follower("unconfirmed@example.org", "all", confirmed=False)

    run(sending.start_mailing, review.pk)

    messages = by_recipient(mailbox)
    assert sorted(messages) == [
        "all@example.org",
        "expert@example.org",
        "outlet@example.org",
        "section@example.org",
        "tag@example.org",
    ]
    assert (
        "Because you follow Expert: Rui Costa"
        in messages["expert@example.org"].get_body(("plain",)).get_content()
    )
    assert Delivery.objects.filter(status="sent").count() == 5

    run(sending.start_mailing, review.pk)
    assert len(mailbox.messages) == 5, "started again, nobody gets it twice"


def test_the_email_is_html_with_inlined_css_a_text_part_and_one_click_headers(
    mailbox, run, citation
):
    follower("ana@example.org", "expert", citation.expert)

    run(sending.start_mailing, citation.story.review_id)

    [message] = received(mailbox)
    assert message["Subject"] == "Port strike spreads north"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        message["List-Unsubscribe"]
        .strip()
        .startswith("<http://127.0.0.1:8000/newsletter/unsubscribe/")
    )
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "<style" not in html and 'style="' in html, "CSS inlined for mail readers"
    assert "<img" not in html and "<script" not in html, "no remote image, no tracker"
    for part in (html, text):
        assert "The Courier" in part and "Dockers walk out in Leixões" in part
        assert "Rui Costa" in part, "the quoted experts"
        assert "/newsletter/manage/" in part
        assert citation.story.review.get_absolute_url() in part


def test_a_daily_digest_collects_the_days_reviews_in_one_email(mailbox, run, citation):
    section = citation.story.review.section
    follower("daily@example.org", "section", section, frequency="daily")
    follower("now@example.org", "section", section)
    later = ReviewFactory(section=section, title="Rail tender reopens")
    StoryFactory(review=later)

    run(sending.start_mailing, citation.story.review_id)
    run(sending.start_mailing, later.pk)
    assert sorted(by_recipient(mailbox)) == ["now@example.org"], "the digest waits"
    assert len(mailbox.messages) == 2

    run(call_command, "send_newsletter", "--digests", verbosity=0)
    run(call_command, "send_newsletter", "--digests", verbosity=0)

    digests = [m for m in received(mailbox) if m["To"] == "daily@example.org"]
    assert len(digests) == 1, "one digest, sent once"
    body = digests[0].get_body(("plain",)).get_content()
    assert "PORT STRIKE SPREADS NORTH" in body and "RAIL TENDER REOPENS" in body
    assert "and 1 more" in digests[0]["Subject"]


def test_one_click_unsubscribe_by_a_post_to_the_header_address(mailbox, run, client, citation):
    follower("ana@example.org", "expert", citation.expert)
    follower("ana@example.org", "all")
    run(sending.start_mailing, citation.story.review_id)
    [message] = received(mailbox)
    address = message["List-Unsubscribe"].strip().strip("<>").removeprefix("http://127.0.0.1:8000")

    response = client.post(
        address,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        headers={"Sec-Fetch-Site": "cross-site"},  # a mail server's POST comes from anywhere
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists()
    later = CitationFactory(expert=citation.expert).story.review
    run(sending.start_mailing, later.pk)
    assert len(mailbox.messages) == 1, "nothing more after unsubscribing"


def test_a_review_withdrawn_before_its_turn_is_never_sent(mailbox, citation):
    """Its deliveries were queued; the review is withdrawn before the worker gets to them."""
    review = citation.story.review
    follower("ana@example.org", "all")
    sending.start_mailing(review.pk)  # its batch not run yet
    Review.objects.filter(pk=review.pk).update(status=Review.Status.WITHDRAWN)

    sending.send_batch(list(Delivery.objects.values_list("pk", flat=True)))

    assert mailbox.messages == []
    delivery = Delivery.objects.get()
    assert delivery.status == "skipped" and "withdrawn" in delivery.error


def test_a_review_withdrawn_after_sending_and_published_again_is_not_sent_again(
    mailbox, run, citation
):
    review = citation.story.review
    follower("ana@example.org", "all")
    run(sending.start_mailing, review.pk)
    Review.objects.filter(pk=review.pk).update(status=Review.Status.WITHDRAWN)
    assert run(sending.start_mailing, review.pk) == "not public"
    Review.objects.filter(pk=review.pk).update(status=Review.Status.PUBLISHED)

    run(sending.start_mailing, review.pk)

    assert len(mailbox.messages) == 1


def test_what_a_stopped_worker_left_sending_is_sent_after_its_lease(
    mailbox, run, citation, time_machine, settings
):
    """A worker stopped between claiming rows and sending them: after the lease the command
    cron runs queues them again, and each reader gets the email once."""
    follower("ana@example.org", "all")
    follower("rui@example.org", "all")
    time_machine.move_to(timezone.now(), tick=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sending, "outcome_of", lambda emails: (0, []))  # the worker stops here
        run(sending.start_mailing, citation.story.review_id)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sending"}

    run(call_command, "send_newsletter", verbosity=0)
    assert mailbox.messages == [], "within its lease the row may still be the worker's"

    time_machine.shift(
        datetime.timedelta(minutes=settings.PRESSREVIEW_NEWSLETTER_LEASE_MINUTES + 1)
    )
    out = io.StringIO()
    run(call_command, "send_newsletter", stdout=out)

    assert sorted(by_recipient(mailbox)) == ["ana@example.org", "rui@example.org"]
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 2)}
    assert "Queued 2 emails again that a stopped worker left unsent." in out.getvalue()


def test_sign_ups_nobody_confirmed_are_forgotten_once_their_link_expires(
    run, citation, time_machine, settings
):
    time_machine.move_to(timezone.now(), tick=False)
    follower("ana@example.org", "all", confirmed=False)
    follower("rui@example.org", "all", confirmed=False)
    follower("rui@example.org", "expert", citation.expert)  # confirmed: Rui stays
    Subscriber.objects.filter(email="rui@example.org").update(confirmed_at=timezone.now())
    days = settings.PRESSREVIEW_NEWSLETTER_CONFIRM_DAYS

    time_machine.shift(datetime.timedelta(days=days) - datetime.timedelta(minutes=1))
    run(call_command, "send_newsletter", verbosity=0)
    assert Subscription.objects.count() == 3, "their links still work"

    time_machine.shift(datetime.timedelta(minutes=2))
    out = io.StringIO()
    run(call_command, "send_newsletter", stdout=out)

    assert list(Subscriber.objects.values_list("email", flat=True)) == ["rui@example.org"]
    assert list(Subscription.objects.values_list("kind", flat=True)) == ["expert"]
    assert "Forgot 2 sign-ups nobody confirmed in time." in out.getvalue()
