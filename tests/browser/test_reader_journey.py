"""A reader's journey through the public site in a real browser, on a phone and a desktop."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from reviews.demo.loader import load_demo_content
from reviews.models import Review

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]

WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.mark.parametrize("screen", WIDTHS)
def test_reader_filters_reviews_opens_one_and_follows_an_expert(
    live_server, page, screenshot, screen
):
    load_demo_content()
    review = Review.objects.for_lists(language="en").filter(stories__citations__isnull=False)[0]
    story = review.stories.filter(citations__isnull=False).first()
    tag = story.tags.order_by("name").first()
    expert = story.citations.first().expert
    after = review.review_date - datetime.timedelta(days=3)
    before = review.review_date + datetime.timedelta(days=1)
    page.set_viewport_size({"width": WIDTHS[screen], "height": 900})

    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    screenshot(f"{screen}-1-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reviews").click()
    expect(page).to_have_url(re.compile(r"/reviews/$"))
    filters = page.get_by_role("search", name="Filter")
    filters.locator("summary", has_text="Outlets").click()
    filters.get_by_label(story.outlet.name, exact=True).check()
    filters.locator("summary", has_text="Tags").click()
    filters.get_by_label(tag.name, exact=True).check()
    filters.get_by_label("From").fill(after.isoformat())
    filters.get_by_label("Until").fill(before.isoformat())
    filters.get_by_role("button", name="Apply filters").click()

    expect(
        page.get_by_role("link", name=f"Remove filter Outlet: {story.outlet.name}")
    ).to_be_visible()
    expect(page.get_by_role("link", name=f"Remove filter Tag: {tag.name}")).to_be_visible()
    expect(page.get_by_role("link", name=review.title)).to_be_visible()
    screenshot(f"{screen}-2-filtered-reviews")

    page.get_by_role("link", name=review.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(review.title)
    expect(page.get_by_text(review.dateline)).to_be_visible()
    screenshot(f"{screen}-3-review")

    page.locator(f"#{story.anchor}").get_by_role("link", name=expert.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(expert.name)
    expect(page.get_by_role("link", name=re.compile(re.escape(story.headline)))).to_be_visible()
    screenshot(f"{screen}-4-expert")


def test_keyboard_users_can_skip_to_the_content(live_server, page):
    load_demo_content()
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
