"""Signing up without an account: double opt-in by signed link, clear refusals, nothing that
tells whether an address is subscribed, throttling, and pages that set no cookie."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from reviews.models import Delivery, Subscriber, Subscription
from reviews.newsletter import tokens
from reviews.newsletter.sending import start_mailing
from tests.newsletter.conftest import links_in

pytestmark = pytest.mark.usefixtures("tasks_at_once")


def confirm_link(message) -> str:
    return links_in(message.body)["confirm"]


def test_signing_up_sends_a_confirmation_and_nothing_else_before_it(client, sign_up, expert):
    response = sign_up(client, f"expert:{expert.pk}", " Ana@Example.org ")

    assert response.status_code == 200
    assert b"Check your inbox" in response.content
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Rui Costa" in message.body
    subscription = Subscription.objects.get()
    assert subscription.kind == "expert" and subscription.expert == expert
    assert subscription.confirmed_at is None
    start_mailing(expert.citations.get().story.review_id)
    assert not Delivery.objects.exists(), "nothing is sent before confirmation"


def test_the_confirmation_link_asks_then_confirms(client, sign_up, expert):
    sign_up(client, f"expert:{expert.pk}", "ana@example.org")
    link = confirm_link(mail.outbox[0])

    shown = client.get(link)
    assert shown.status_code == 200
    assert Subscription.objects.get().confirmed_at is None, "opening the link is not enough"

    confirmed = client.post(link)
    assert b"Confirmed" in confirmed.content
    assert Subscription.objects.get().confirmed_at is not None


def test_a_forged_or_expired_confirmation_link_says_so(client, sign_up, expert, time_machine):
    sign_up(client, f"expert:{expert.pk}", "ana@example.org")
    link = confirm_link(mail.outbox[0])

    assert client.post(link[:-3] + "xx/").status_code == 404
    time_machine.move_to(timezone.now() + datetime.timedelta(days=8))
    expired = client.post(link)
    assert expired.status_code == 404
    assert b"This link does not work" in expired.content
    assert Subscription.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Enter your email address."),
        ("ana.example.org", "is not an email address"),
        ("ana@localhost", "full domain"),
        ("ana@mailinator.com", "throwaway addresses"),
    ],
)
def test_a_bad_address_gets_a_clear_message(client, sign_up, expert, address, message):
    response = sign_up(client, f"expert:{expert.pk}", address)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert b'aria-invalid="true"' in response.content or not address
    assert not Subscriber.objects.exists() and not mail.outbox


def test_signing_up_twice_neither_duplicates_nor_tells(client, sign_up, expert):
    first = sign_up(client, f"expert:{expert.pk}", "ana@example.org")
    client.post(confirm_link(mail.outbox[0]))

    again = sign_up(client, f"expert:{expert.pk}", "ANA@example.org", frequency="daily")

    assert again.status_code == first.status_code == 200
    assert again.content == first.content, "the page says the same whether subscribed or not"
    assert Subscriber.objects.count() == Subscription.objects.count() == 1
    assert "already" in mail.outbox[-1].subject, "the inbox, not the page, says it"
    assert Subscription.objects.get().frequency == "at_once", "changes go by the manage link"


def test_every_review_and_a_section_from_the_newsletter_page(client, sign_up, citation):
    section = citation.story.review.section
    page = client.get("/newsletter/")
    assert f'value="{section.pk}"'.encode() in page.content

    sign_up(client, "site", "ana@example.org", data={"follow": "all"})
    sign_up(client, "site", "ana@example.org", data={"follow": str(section.pk)})

    kinds = sorted(Subscription.objects.values_list("kind", flat=True))
    assert kinds == ["all", "section"]


def test_a_subject_readers_cannot_see_cannot_be_followed(client, sign_up, citation):
    from tests.support.factories import CitationFactory

    hidden = CitationFactory(story__review__draft=True).expert

    response = sign_up(client, f"expert:{hidden.pk}", "ana@example.org")

    assert response.status_code == 400
    assert hidden.name.encode() not in response.content
    assert not Subscription.objects.exists()


def test_a_post_from_another_site_is_refused(client, sign_up, expert):
    cross = sign_up(
        client, f"expert:{expert.pk}", "ana@example.org", headers={"Sec-Fetch-Site": "cross-site"}
    )
    foreign = sign_up(
        client, f"expert:{expert.pk}", "ana@example.org", headers={"Origin": "https://evil.test"}
    )
    own = sign_up(
        client,
        f"expert:{expert.pk}",
        "ana@example.org",
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )

    assert cross.status_code == foreign.status_code == 403
    assert own.status_code == 200
    assert Subscriber.objects.count() == 1


def test_a_forged_form_token_is_refused_and_an_old_one_shows_a_fresh_form(client, sign_up, expert):
    forged = sign_up(client, "all", "ana@example.org", data={"form": "all:forged"})
    old = tokens.form_token(f"expert:{expert.pk}", now=timezone.now() - datetime.timedelta(days=9))
    stale = sign_up(client, "all", "ana@example.org", data={"form": old})

    assert forged.status_code == 400
    assert stale.status_code == 400
    assert b"open for a long time" in stale.content
    assert b'value="ana@example.org"' in stale.content, "what was typed is kept"
    assert not Subscriber.objects.exists()


def test_a_robot_filling_the_hidden_field_is_told_nothing_and_gets_nothing(client, sign_up, expert):
    response = sign_up(client, "all", "bot@example.org", data={"website": "http://spam.test"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not mail.outbox


def test_sign_ups_are_throttled_per_address(client, sign_up, settings, expert, rate_limits):
    settings.PRESSREVIEW_NEWSLETTER_ADDRESS_RATE = "2/h"
    ana = f"ana.{rate_limits}@example.org"
    for _ in range(2):
        assert sign_up(client, "all", ana, REMOTE_ADDR=rate_limits).status_code == 200

    flood = sign_up(client, "all", ana, REMOTE_ADDR=rate_limits)

    assert flood.status_code == 429
    assert int(flood["Retry-After"]) > 0
    assert b"try again in" in flood.content
    assert len(mail.outbox) == 2
    other = f"rui.{rate_limits}@example.org"
    assert sign_up(client, "all", other, REMOTE_ADDR=rate_limits).status_code == 200


def test_sign_ups_are_throttled_per_client(client, sign_up, settings, expert, rate_limits):
    settings.PRESSREVIEW_NEWSLETTER_CLIENT_RATE = "3/h"
    for number in range(3):
        sign_up(client, "all", f"reader{number}.{rate_limits}@example.org", REMOTE_ADDR=rate_limits)

    flood = sign_up(client, "all", f"more.{rate_limits}@example.org", REMOTE_ADDR=rate_limits)

    assert flood.status_code == 429
    assert Subscriber.objects.count() == 3


def test_the_manage_link_changes_frequency_and_ends_one_subscription(client, sign_up, expert, tag):
    sign_up(client, f"expert:{expert.pk}", "ana@example.org")
    sign_up(client, f"tag:{tag.pk}", "ana@example.org")
    subscriber = Subscriber.objects.get()
    expert_sub, tag_sub = subscriber.subscriptions.order_by("kind")
    link = f"/newsletter/manage/{tokens.manage_token(subscriber)}/"

    page = client.get(link)
    assert b"Expert: Rui Costa" in page.content and b"Topic: ports" in page.content
    client.post(link, {f"frequency-{expert_sub.pk}": "daily", f"remove-{tag_sub.pk}": "1"})

    assert list(subscriber.subscriptions.values_list("kind", "frequency")) == [("expert", "daily")]
    assert client.get("/newsletter/manage/forged/").status_code == 404


def test_pages_with_the_form_and_the_newsletter_pages_set_no_cookie(
    client, sign_up, citation, expert
):
    """The form keeps public pages cacheable: no CSRF cookie, no session, no Vary: Cookie."""
    pages = [
        "/newsletter/",
        expert.get_absolute_url(),
        citation.story.outlet.get_absolute_url(),
        "/tags/ports/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'action="/newsletter/subscribe/"' in response.content, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
    posted = sign_up(client, f"expert:{expert.pk}", "ana@example.org")
    token = tokens.manage_token(Subscriber.objects.get())
    for response in [
        posted,
        client.get(f"/newsletter/manage/{token}/"),
        client.get(f"/newsletter/unsubscribe/{token}/"),
    ]:
        assert not response.cookies
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert not client.cookies


@pytest.mark.once
def test_the_form_is_the_same_on_every_render_of_a_day(time_machine):
    """A page with the form renders the same bytes all day (one ETag, cacheable anywhere)."""
    time_machine.move_to("2026-03-03 08:00:00Z")
    morning = tokens.form_token("expert:12")
    time_machine.move_to("2026-03-03 21:30:07Z")

    assert tokens.form_token("expert:12") == morning
    assert tokens.form_subject(morning) == "expert:12"
