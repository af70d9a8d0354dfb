"""Comments in a real browser: an editor comments on a story and mentions a moderator, who
finds it on the desk and replies on the story's page; the author resolves the thread, and the
activity log shows it all. Screenshots at 1280 px and on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin_pages import DESKTOP, PHONE, log_in, shoot
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_a_comment_thread_from_mention_to_resolved(live_server, browser, screenshot_folder):
    ana = UserFactory(username="ana", first_name="Ana", last_name="Pires", groups=["Editors"])
    UserFactory(username="paulo", first_name="Paulo", last_name="Reis", groups=["Editors"])
    UserFactory(username="moritz", first_name="Moritz", last_name="Bauer", groups=["Moderators"])
    review = ReviewFactory(draft=True, title="Press review: Ports strike spreads north", author=ana)
    StoryFactory(review=review, position=1, headline="Dockers walk out in Leixões")
    story = StoryFactory(review=review, position=2, headline="Ferry timetable cut for winter")
    review_page = f"{live_server.url}/admin/reviews/review/{review.pk}/change/"

    paulo = browser.new_context(viewport=DESKTOP).new_page()
    log_in(paulo, live_server, "paulo")
    paulo.goto(review_page)
    paulo.get_by_label("New comment").fill("The lede names three stories; there are two.")
    paulo.get_by_role("button", name="Post comment").click()
    expect(paulo.locator(".messagelist")).to_contain_text("Your comment is posted.")
    paulo.get_by_label("On", exact=True).select_option(
        label="Story 2: Ferry timetable cut for winter"
    )
    paulo.get_by_label("New comment").fill(
        "@moritz could you tag this one <ferries>? It was cut\nfor the second winter running."
    )
    paulo.get_by_role("button", name="Post comment").click()
    thread = paulo.locator(".comment-thread").nth(1)
    expect(thread.locator(".comment-mention")).to_have_text("@moritz")
    expect(thread.locator(".comment-about")).to_have_text("on story 2")
    expect(thread).to_contain_text("tag this one <ferries>?")

    moritz = browser.new_context(viewport=DESKTOP).new_page()
    log_in(moritz, live_server, "moritz")
    expect(moritz.locator("#desk-conversation .desk-count")).to_have_text("1")
    shoot(moritz, screenshot_folder, "desk-moderator-1280")
    moritz.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    expect(moritz.locator("#comments")).to_contain_text("Comments on this story")
    moritz.get_by_label("Reply").fill("Tagged: ferries, winter.")
    moritz.get_by_role("button", name="Reply").click()
    expect(moritz.locator(".comment-replies")).to_contain_text("Tagged: ferries, winter.")
    expect(moritz.get_by_role("button", name="Resolve")).to_have_count(0)
    shoot(moritz, screenshot_folder, "story-page-comments-1280")

    author = browser.new_context(viewport=DESKTOP).new_page()
    log_in(author, live_server, "ana")
    expect(author.locator("#desk-conversation .desk-count")).to_have_text("3")
    author.goto(review_page)
    expect(author.locator("#comments-title")).to_contain_text("2 open")
    shoot(author, screenshot_folder, "review-page-comments-1280")
    author.locator(".comment-thread").nth(1).get_by_role("button", name="Resolve").click()
    expect(author.locator(".messagelist")).to_contain_text("The thread is resolved.")
    expect(author.locator("#comments-title")).to_contain_text("1 open")
    expect(author.locator(".comment-thread--resolved summary")).to_contain_text("Resolved by ana")

    author.get_by_role("link", name="Activity", exact=True).click()
    expect(author.locator("#result_list tbody tr")).to_have_count(4)
    expect(author.locator("#result_list")).to_contain_text("Comment resolved")
    shoot(author, screenshot_folder, "activity-log-1280")
    author.goto(f"{live_server.url}/admin/reviews/comment/")
    expect(author.locator("#result_list tbody tr")).to_have_count(3)
    shoot(author, screenshot_folder, "comment-list-1280")

    phone = browser.new_context(viewport=PHONE).new_page()
    log_in(phone, live_server, "ana")
    phone.goto(review_page + "#comments")
    expect(phone.locator("#comments")).to_be_visible()
    shoot(phone, screenshot_folder, "review-page-comments-phone")
    phone.locator("#comments").screenshot(path=screenshot_folder / "comments-panel-phone.png")
