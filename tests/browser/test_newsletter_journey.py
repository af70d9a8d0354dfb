"""A reader follows an expert by email in a real browser: signs up on the expert's page,
confirms from the email the SMTP server received, reads a review's email (screenshots of it
rendered, at desktop and phone widths), and unsubscribes from the email's link."""

import re

import pytest
from playwright.sync_api import expect

from reviews.models import Subscription
from reviews.newsletter import sending
from tests.newsletter.conftest import IMMEDIATE
from tests.support.factories import CitationFactory
from tests.support.smtp import received

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.once]


def last_email(mailbox):
    return received(mailbox)[-1]


def test_reader_signs_up_on_an_expert_page_confirms_and_unsubscribes(
    live_server, page, screenshot, smtp_server, settings
):
    settings.TASKS = IMMEDIATE
    settings.PRESSREVIEW_SITE_URL = live_server.url
    first = CitationFactory(
        expert__name="Rui Costa",
        expert__slug="rui-costa",
        story__outlet__name="The Courier",
        story__headline="Dockers walk out in Leixões",
    )
    expert = first.expert

    page.goto(f"{live_server.url}{expert.get_absolute_url()}")
    form = page.locator("form#newsletter")  # the expert's; the footer has one for every review
    expect(form.get_by_role("heading")).to_have_text("Email me when Rui Costa is quoted")
    form.get_by_label("Your email address").fill("ana@example.org")
    form.get_by_label("One daily digest").check()
    form.get_by_label("At once, each time").check()
    screenshot("1-expert-page-form")
    form.get_by_role("button", name="Email me").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")

    confirmation = last_email(smtp_server).get_body(("plain",)).get_content()
    confirm_link = re.search(r"http://\S+/newsletter/confirm/\S+/", confirmation).group(0)
    page.goto(confirm_link)
    page.get_by_role("button", name="Yes, send it to me").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmed")
    assert Subscription.objects.get().confirmed_at is not None

    review = CitationFactory(
        expert=expert,
        story__review__title="Port strike spreads north as rates hold",
        story__outlet__name="Diário Económico",
        story__headline="Central bank holds rates for a third month",
        quote="Holding was the prudent choice.",
    ).story.review
    sending.start_mailing(review.pk)
    message = last_email(smtp_server)
    assert message["Subject"] == review.title
    html = message.get_body(("html",)).get_content()

    for name, width in (("desktop", 1280), ("phone", 375)):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("about:blank")  # as a mail reader shows it: not under the site's CSP
        page.set_content(html)
        expect(page.get_by_role("heading", level=1)).to_have_text(review.title)
        screenshot(f"2-email-{name}", full_page=True)

    page.get_by_role("link", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    screenshot("3-unsubscribed")
    assert not Subscription.objects.exists()
