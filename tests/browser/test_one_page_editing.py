"""A review edited on one page, in a real browser: stories with their citations, in order, new
experts without leaving the page, and no colleague's work lost to a stale save."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Citation, Review, Story
from tests.browser.admin_pages import add_in_popup, add_row, choose, log_in
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]

LAPTOP = {"width": 1280, "height": 800}


def review_page(live_server, review) -> str:
    return f"{live_server.url}/admin/reviews/review/{review.pk}/change/"


def logged_in(browser, live_server, username) -> Page:
    """A page of its own browser context (its own session), at a laptop's width."""
    page = browser.new_context(viewport=LAPTOP).new_page()
    log_in(page, live_server, username)
    return page


def save(page: Page) -> None:
    page.get_by_role("button", name="Save and continue editing").click()


@pytest.fixture
def review():
    review = ReviewFactory(title="Press review: Ferries stay in port", draft=True)
    story = StoryFactory(
        review=review,
        position=1,
        headline="Ferry crews strike",
        outlet=OutletFactory(name="Gazeta Norte"),
    )
    CitationFactory(
        story=story,
        expert=ExpertFactory(name="Inês Amaral"),
        quote="Nobody sails before Monday.",
        organisation="Harbour Board",
    )
    return review


def test_a_review_with_citations_is_written_on_one_page_and_published_in_that_order(
    live_server, browser, review, screenshot_folder
):
    UserFactory(username="edna", groups=["Editors"])
    OutletFactory(name="The Harbour Post")
    ExpertFactory(name="Duarte Pimentel")
    page = logged_in(browser, live_server, "edna")
    page.goto(review_page(live_server, review))

    # A second story, with a citation picked by search.
    add_row(page, "stories")
    choose(page, "id_stories-1-outlet", "The Harbour Post")
    page.locator("#id_stories-1-headline").fill("Islanders queue for the last boat")
    page.locator("#id_stories-1-body").fill("The paper counts two hundred people on the quay.")
    add_row(page, "stories-1-citations")
    choose(page, "id_stories-1-citations-0-expert", "Duarte Pimentel")
    page.locator("#id_stories-1-citations-0-quote").fill("The quay has never been this full.")

    # A second citation on the first story, of an expert created in the "+" popup.
    add_row(page, "stories-0-citations")
    add_in_popup(
        page,
        "id_stories-0-citations-1-expert",
        {"Name:": "Carla Meireles", "Position:": "ferry captain"},
    )
    expect(page.locator("#id_stories-0-citations-1-expert option:checked")).to_have_text(
        "Carla Meireles"
    )
    page.locator("#id_stories-0-citations-1-quote").fill("We wait for the wind to drop.")

    # The new story first, from the keyboard.
    move_up = page.locator("#stories-1").get_by_role("button", name="Move up")
    move_up.focus()
    page.keyboard.press("Enter")
    expect(move_up).to_be_focused()
    expect(page.locator("#stories-1 > h3 .inline_label")).to_have_text("#1")
    expect(page.locator("#id_stories-1-position")).to_have_value("1")
    expect(page.locator("#id_stories-0-position")).to_have_value("2")
    page.screenshot(path=screenshot_folder / "one-page-editor.png", full_page=True)

    save(page)
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    headings = page.locator("#stories-group .djn-inline-form > h3 .inline_label")
    expect(headings.first).to_contain_text("Islanders queue for the last boat")
    page.screenshot(path=screenshot_folder / "one-page-saved.png", full_page=True)

    stories = list(Story.objects.filter(review=review).order_by("position"))
    assert [story.headline for story in stories] == [
        "Islanders queue for the last boat",
        "Ferry crews strike",
    ]
    assert sorted(
        Citation.objects.filter(story=stories[1]).values_list("expert__name", flat=True)
    ) == [
        "Carla Meireles",
        "Inês Amaral",
    ]

    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("submitted")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    page.goto(live_server.url + Review.objects.get(pk=review.pk).get_absolute_url())
    expect(page.get_by_text("Islanders queue for the last boat")).to_be_visible()
    text = page.locator("main").inner_text()
    assert text.index("Islanders queue for the last boat") < text.index("Ferry crews strike")
    for name in ("Duarte Pimentel", "Carla Meireles", "Inês Amaral"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.screenshot(path=screenshot_folder / "public-review.png", full_page=True)


def test_a_citation_fix_is_not_overwritten_by_a_colleagues_stale_save_of_the_review_page(
    live_server, browser, review, screenshot_folder
):
    """Ana fixes a quote; Rui, on a page opened before, changes the same quote and the
    organisation: the organisation merges, the quote waits for his choice."""
    UserFactory(username="ana", groups=["Editors"])
    UserFactory(username="rui", groups=["Editors"])
    ana, rui = logged_in(browser, live_server, "ana"), logged_in(browser, live_server, "rui")
    ana.goto(review_page(live_server, review))
    rui.goto(review_page(live_server, review))

    ana.locator("#id_stories-0-citations-0-quote").fill("Nobody sails before Tuesday.")
    save(ana)
    expect(ana.locator(".messagelist")).to_contain_text("was changed successfully")

    rui.locator("#id_stories-0-citations-0-quote").fill("Nobody sails this week.")
    rui.locator("#id_stories-0-citations-0-organisation").fill("Port Authority")
    save(rui)
    expect(rui.get_by_text("Not saved")).to_be_visible()
    conflicts = rui.locator(".edit-conflicts")
    for value in ("Nobody sails this week.", "Nobody sails before Tuesday.", "before Monday."):
        expect(conflicts).to_contain_text(value)
    expect(rui.locator("#id_stories-0-citations-0-organisation")).to_have_value("Port Authority")
    rui.screenshot(path=screenshot_folder / "conflict-on-a-citation.png", full_page=True)
    assert Citation.objects.get().quote == "Nobody sails before Tuesday."

    rui.get_by_role("radio", name="Theirs (saved meanwhile)").check()
    save(rui)
    expect(rui.locator(".messagelist")).to_contain_text("was changed successfully")
    citation = Citation.objects.get()
    assert citation.quote == "Nobody sails before Tuesday."
    assert citation.organisation == "Port Authority"


def test_a_stale_review_save_restores_neither_a_headline_nor_removes_a_tag_added_meanwhile(
    live_server, browser, review, screenshot_folder
):
    """Ana's page is opened first; Rui renames the story on its own page and the moderator
    tags it; Ana's save of the lede keeps both."""
    UserFactory(username="ana", groups=["Editors"])
    UserFactory(username="rui", groups=["Editors"])
    UserFactory(username="moritz", groups=["Moderators"])
    story = review.stories.get()
    ana = logged_in(browser, live_server, "ana")
    rui = logged_in(browser, live_server, "rui")
    moritz = logged_in(browser, live_server, "moritz")
    ana.goto(review_page(live_server, review))

    rui.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    rui.get_by_label("Headline:").fill("Ferry crews end their strike")
    rui.get_by_role("button", name="Save", exact=True).click()
    expect(rui.locator(".messagelist")).to_contain_text("was changed successfully")
    moritz.goto(f"{live_server.url}/admin/reviews/storytotag/{story.pk}/change/")
    moritz.locator("#id_tags").fill("ferries")
    moritz.get_by_role("button", name="Save", exact=True).click()
    expect(moritz.locator(".messagelist")).to_contain_text("was changed successfully")

    ana.get_by_label("Lede:").fill("The papers follow the ferries all day.")
    save(ana)
    expect(ana.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(ana.locator("#id_stories-0-headline")).to_have_value("Ferry crews end their strike")
    expect(ana.locator("#id_stories-0-tags")).to_have_value(re.compile("ferries"))
    ana.screenshot(path=screenshot_folder / "stale-save-merged.png", full_page=True)

    story.refresh_from_db()
    assert story.headline == "Ferry crews end their strike"
    assert [tag.name for tag in story.tags.all()] == ["ferries"]
    assert Review.objects.get(pk=review.pk).lede == "The papers follow the ferries all day."


def test_the_moderator_reads_the_review_page_with_nothing_to_change(
    live_server, browser, review, screenshot_folder
):
    UserFactory(username="moritz", groups=["Moderators"])
    page = logged_in(browser, live_server, "moritz")
    page.goto(review_page(live_server, review))

    expect(page.get_by_text("Nobody sails before Monday.")).to_be_visible()
    expect(page.locator("#stories-group input:visible, #stories-group textarea")).to_have_count(0)
    expect(page.get_by_role("button", name="Move up")).to_have_count(0)
    expect(page.get_by_text("Add another Story")).to_be_hidden()
    expect(page.get_by_text("Add another Citation")).to_be_hidden()
    page.screenshot(path=screenshot_folder / "moderator-view.png", full_page=True)
