"""Tag suggestions in the moderators' queue, in a real browser: one accepted with the
keyboard, one put into a story's tag field and saved with it, then the top ones for the
rest of the page at once."""

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


def test_a_moderator_accepts_suggestions_by_key_in_the_tag_field_and_for_a_whole_page(
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
    signals = StoryFactory(review=draft, headline="Railway signalling works delay the train line")
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
    page.goto(f"{live_server.url}/admin/reviews/storytotag/{cranes.pk}/change/")
    page.get_by_role("button", name="+ labour").click()
    expect(page.get_by_label("Tags:")).to_have_value("labour, ")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(cranes.tags.names()) == ["labour"]

    page.goto(f"{live_server.url}/admin/reviews/storytotag/")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("accept_top_suggestions")
    page.get_by_role("button", name="Go", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("Added")
    assert list(dockers.tags.names()) == ["ports"], "tagged: no longer in the untagged queue"
    assert list(rail.tags.names()) == ["rail"]
    assert list(signals.tags.names()) == ["rail"]
