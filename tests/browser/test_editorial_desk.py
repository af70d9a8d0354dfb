"""The editorial desk in a real browser: write and publish, tag, and never lose an edit."""

import re

import pytest
from playwright.sync_api import expect

from reviews.models import Review, Story
from tests.browser.admin_pages import add_row, choose, log_in
from tests.support.factories import (
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_editor_writes_submits_and_publishes_a_review(live_server, page, screenshot):
    UserFactory(username="edna", groups=["Editors"])
    SectionFactory(name="Business", slug="business")
    OutletFactory(name="Gazeta Norte", slug="gazeta-norte")
    OutletFactory(name="The Harbour Post", slug="harbour-post")
    ExpertFactory(name="Inês Amaral", slug="ines-amaral")
    log_in(page, live_server, "edna")

    page.goto(f"{live_server.url}/admin/reviews/review/add/")
    page.get_by_label("Title:").fill("Press review: Cranes idle as rates hold")
    choose(page, "id_section", "Business")
    page.get_by_label("Dateline city:").fill("Lisbon")
    page.get_by_label("Review date:").fill("2026-03-03")
    page.get_by_label("Lede:").fill("The papers lead with the port strike and the central bank.")
    for index, (outlet, headline) in enumerate(
        [("Gazeta Norte", "Cranes stand idle"), ("The Harbour Post", "Rates hold again")]
    ):
        add_row(page, "stories")
        page.locator(f"#id_stories-{index}-position").fill(str(index + 1))
        choose(page, f"id_stories-{index}-outlet", outlet)
        page.locator(f"#id_stories-{index}-headline").fill(headline)
        page.locator(f"#id_stories-{index}-body").fill(f"The paper writes that {headline.lower()}.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    story = Story.objects.get(headline="Cranes stand idle")
    page.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    page.get_by_role("button", name="Add another Citation").click()
    choose(page, "id_citations-0-expert", "Inês Amaral")
    page.locator("#id_citations-0-position").fill("port economist")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    review = Review.objects.get(title="Press review: Cranes idle as rates hold")
    page.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/change/")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("submitted")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    screenshot("admin-published")

    page.goto(live_server.url)
    page.get_by_role("link", name="Press review: Cranes idle as rates hold").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Press review: Cranes idle as rates hold"
    )
    expect(page.get_by_role("link", name="Inês Amaral", exact=True)).to_be_visible()
    screenshot("public-review")


def test_moderator_tags_a_story_but_cannot_edit_its_text(live_server, page, screenshot):
    UserFactory(username="moritz", groups=["Moderators"])
    story = StoryFactory(headline="Dockers walk out", tags=["ports"])
    log_in(page, live_server, "moritz")

    page.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    expect(page.locator("#id_headline")).to_have_count(0)
    expect(page.get_by_text("Dockers walk out").first).to_be_visible()
    page.locator("#id_tags").fill("ports, labour")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    screenshot("moderator-saved")

    story.refresh_from_db()
    assert sorted(tag.name for tag in story.tags.all()) == ["labour", "ports"]
    assert story.headline == "Dockers walk out"


def test_two_editors_saving_the_same_review_merge_and_the_second_chooses_where_they_clash(
    live_server, browser, screenshot_folder
):
    UserFactory(username="ana", groups=["Editors"])
    UserFactory(username="rui", groups=["Editors"])
    review = ReviewFactory(title="Press review: Original title", draft=True)
    StoryFactory(review=review, position=1)
    url = f"{live_server.url}/admin/reviews/review/{review.pk}/change/"
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    log_in(first, live_server, "ana")
    log_in(second, live_server, "rui")
    first.goto(url)
    second.goto(url)

    first.get_by_label("Title:").fill("Press review: Ana's title")
    first.get_by_role("button", name="Save and continue editing").click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.get_by_label("Title:").fill("Press review: Rui's title")
    second.get_by_label("Lede:").fill("Rui's new lede, typed at the same time.")
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.get_by_text("Not saved")).to_be_visible()
    conflicts = second.locator(".edit-conflicts")
    for value in ("Rui's title", "Ana's title", "Original title"):
        expect(conflicts).to_contain_text(value)
    expect(second.get_by_label("Lede:")).to_have_value("Rui's new lede, typed at the same time.")
    second.screenshot(path=screenshot_folder / "second-editor-chooses.png", full_page=True)
    review.refresh_from_db()
    assert review.title == "Press review: Ana's title"

    second.get_by_role("radio", name="Theirs (saved meanwhile)").check()
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")

    review.refresh_from_db()
    assert review.title == "Press review: Ana's title"
    assert review.lede == "Rui's new lede, typed at the same time."


def test_a_moderators_new_tag_survives_an_editors_stale_save_of_the_review(
    live_server, browser, screenshot_folder
):
    UserFactory(username="ana", groups=["Editors"])
    UserFactory(username="moritz", groups=["Moderators"])
    review = ReviewFactory(draft=True)
    story = StoryFactory(review=review, position=1, headline="Dockers walk out", tags=["ports"])
    editor, moderator = browser.new_context().new_page(), browser.new_context().new_page()
    log_in(editor, live_server, "ana")
    log_in(moderator, live_server, "moritz")
    editor.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/change/")

    moderator.goto(f"{live_server.url}/admin/reviews/storytotag/{story.pk}/change/")
    moderator.locator("#id_tags").fill("ports, labour")
    moderator.get_by_role("button", name="Save", exact=True).click()
    expect(moderator.locator(".messagelist")).to_contain_text("was changed successfully")

    editor.get_by_label("Lede:").fill("A lede written while the story was being tagged.")
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(editor.locator("#id_stories-0-tags")).to_have_value(re.compile("labour"))
    editor.screenshot(path=screenshot_folder / "editor-merged.png", full_page=True)

    review.refresh_from_db()
    assert review.lede == "A lede written while the story was being tagged."
    assert sorted(tag.name for tag in story.tags.all()) == ["labour", "ports"]


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        ("/admin/reviews/review/", ["state", "publish_time"]),
        ("/admin/reviews/storytotag/", ["review_state", "review_date"]),
    ],
    ids=["reviews", "stories-to-tag"],
)
def test_state_and_time_columns_stay_in_view_at_1280_pixels(
    live_server, browser, screenshot_folder, path, columns
):
    UserFactory(username="ana", groups=["Editors"])
    StoryFactory(
        headline="Dockers extend their walkout as talks stall over pay and pensions",
        review=ReviewFactory(title="Press review: Dockers extend walkout as talks stall again"),
    )
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(page, live_server, "ana")
    page.goto(f"{live_server.url}{path}")
    # The table scrolls inside its own box, beside the filters: in view means inside it.
    visible = page.locator("#changelist-form .results").bounding_box()
    for column in columns:
        box = page.locator(f"#result_list th.column-{column}").bounding_box()
        assert box["x"] + box["width"] <= visible["x"] + visible["width"], column
    page.screenshot(path=screenshot_folder / f"{columns[0]}.png")
