"""The desk and the inbox in a real browser: an author submits, a colleague is told, sends
the review back, and the author sees it on the desk, at 1280 px and on a phone."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin_pages import DESKTOP, PHONE, log_in, shoot
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_submitted_sent_back_and_seen_on_the_desk(live_server, browser, screenshot_folder):
    ana = UserFactory(username="ana", first_name="Ana", last_name="Pires", groups=["Editors"])
    UserFactory(username="paulo", first_name="Paulo", last_name="Reis", groups=["Editors"])
    UserFactory(username="moritz", groups=["Moderators"])
    now = timezone.now()
    review = ReviewFactory(draft=True, title="Press review: Ports strike spreads north", author=ana)
    StoryFactory(review=review, position=1, headline="Dockers walk out in Leixões")
    StoryFactory(review=review, position=2, headline="Ferry timetable cut for winter")
    for number, hours in enumerate((3, 27)):
        scheduled = ReviewFactory(
            title=f"Press review: Evening edition {number + 1}",
            publish_at=now + datetime.timedelta(hours=hours, minutes=20),
        )
        StoryFactory(review=scheduled, position=1, tags=["harbours"])
    published = ReviewFactory(
        title="Press review: Central bank holds rates",
        publish_at=now - datetime.timedelta(minutes=1),
    )
    StoryFactory(review=published, position=1, headline="Rates hold, again")

    author = browser.new_context(viewport=DESKTOP).new_page()
    log_in(author, live_server, "ana")
    author.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/change/")
    author.get_by_role("button", name="Submit for review").click()
    expect(author.locator(".messagelist")).to_contain_text("submitted")

    chief = browser.new_context(viewport=DESKTOP).new_page()
    log_in(chief, live_server, "paulo")
    expect(chief.locator(".inbox-link")).to_contain_text("Inbox 1")
    expect(chief.locator("#desk-waiting .desk-count")).to_have_text("1")
    expect(chief.locator("#desk-scheduled")).to_contain_text("in 3\xa0hours")
    shoot(chief, screenshot_folder, "desk-editor-1280")

    chief.locator(".inbox-link").click()
    expect(chief.locator("#result_list")).to_contain_text(
        "Ana Pires submitted “Press review: Ports strike spreads north” for review"
    )
    shoot(chief, screenshot_folder, "inbox-1280")
    chief.locator("#result_list a.notification-unread").click()
    expect(chief).to_have_url(f"{live_server.url}/admin/reviews/review/{review.pk}/change/")
    expect(chief.locator(".inbox-link")).to_have_text("Inbox")
    chief.get_by_label("Why send it back?").fill("The second story needs a named source.")
    chief.get_by_role("button", name="Send back").click()
    expect(chief.locator(".messagelist")).to_contain_text("sent back")

    phone = browser.new_context(viewport=PHONE).new_page()
    log_in(phone, live_server, "ana")
    expect(phone.locator("#desk-sent_back .desk-count")).to_have_text("1")
    expect(phone.locator("#desk-sent_back")).to_contain_text(
        "The second story needs a named source."
    )
    expect(phone.locator(".inbox-link")).to_contain_text("Inbox 1")
    shoot(phone, screenshot_folder, "desk-author-phone")
    phone.locator("#desk-sent_back h2 a").click()
    expect(phone.locator("#result_list")).to_contain_text("Ports strike spreads north")
    phone.goto(f"{live_server.url}/admin/reviews/notification/settings/")
    shoot(phone, screenshot_folder, "settings-phone")

    moderator = browser.new_context(viewport=DESKTOP).new_page()
    log_in(moderator, live_server, "moritz")
    expect(moderator.locator("#desk-untagged .desk-count")).to_have_text("3")
    expect(moderator.locator("#desk-my_drafts")).to_have_count(0)
    shoot(moderator, screenshot_folder, "desk-moderator-1280")
