"""Tag suggestions in the moderators' queue, in a real browser: one accepted with the
keyboard, then the top ones for the rest of the page at once."""

import pytest
from playwright.sync_api import expect

from reviews.suggesting import store
from tests.browser.admin_pages import DESKTOP, log_in, shoot
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]

ARCHIVE = {
    ("ports", "labour"): "Dockers strike at the container terminal as harbour cranes stop",
    ("rail",): "Railway tender for new train carriages and signalling on the commuter line",
}


def test_a_moderator_accepts_one_suggestion_by_key_then_the_top_ones_for_the_page(
    live_server, browser, screenshot_folder, settings, tmp_path
):
    settings.PRESSREVIEW_TAG_MODEL_DIR = tmp_path
    settings.PRESSREVIEW_TAG_MODEL_TUNING = {"min_tag_stories": 3, "neighbours": 6}
    for tags, text in ARCHIVE.items():
        for day in range(4):
            StoryFactory(headline=f"{text}, day {day}", body=f"{text}.", tags=list(tags))
    draft = ReviewFactory(draft=True)
    dockers = StoryFactory(review=draft, headline="Dockers strike shuts the terminal")
    rail = StoryFactory(review=draft, headline="Train carriages tender on the railway line")
    cranes = StoryFactory(review=draft, headline="Harbour cranes stop at the container terminal")
    store.rebuild()
    UserFactory(username="moritz", groups=["Moderators"])
    page = browser.new_context(viewport=DESKTOP).new_page()
    log_in(page, live_server, "moritz")

    page.goto(f"{live_server.url}/admin/reviews/storytotag/")
    row = page.locator("tr", has_text=dockers.headline)
    accept = row.get_by_role("button", name="+ ports")
    expect(accept).to_have_attribute(
        "title", "Like 4 similar stories tagged ports; words: dockers, strike, terminal"
    )
    shoot(page, screenshot_folder, "queue-with-suggestions")
    accept.focus()
    page.keyboard.press("Enter")

    expect(page.locator(".messagelist")).to_contain_text("“ports”")
    assert list(dockers.tags.names()) == ["ports"]
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("accept_top_suggestions")
    page.get_by_role("button", name="Go", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("Added")
    assert list(dockers.tags.names()) == ["ports"], "tagged: no longer in the untagged queue"
    assert list(rail.tags.names()) == ["rail"]
    assert "ports" in cranes.tags.names()
