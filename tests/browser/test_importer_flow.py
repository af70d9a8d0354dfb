"""Import from text in a real browser: paste, check the proposal, fix it, save, open the draft."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Review
from tests.browser.admin_pages import log_in
from tests.importer.cases import create_catalogue, text_of
from tests.support.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_editor_imports_a_pasted_review_as_a_draft(live_server, page: Page, screenshot):
    UserFactory(username="edna", groups=["Editors"])
    create_catalogue()
    log_in(page, live_server, "edna")

    page.goto(f"{live_server.url}/admin/reviews/review/")
    page.get_by_role("link", name="Import from text").click()
    page.get_by_label("Pasted text").fill(text_of("04_unknown_outlet"))
    page.get_by_role("button", name="Read the text").click()

    expect(page.get_by_role("heading", name="Check the imported review")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(
        "Press review: Ferry operator sold as island fares rise"
    )
    unknown = page.locator("#import-story-2")
    expect(unknown.locator(".field-outlet.import-doubt")).to_contain_text(
        "“The Lagoon Ledger” is not a known outlet"
    )
    expect(page.locator("#id_stories-1-new_outlet_name")).to_have_value("The Lagoon Ledger")
    expect(page.locator("#id_story-1-citations-0-new_expert_name")).to_have_value(
        "Beatriz Medeiros"
    )
    screenshot("proposal")

    # Fix what the parser could not decide, and one headline.
    page.locator("#id_stories-1-create_outlet").check()
    expect(page.locator("#id_stories-1-new_outlet_country")).to_have_value("")  # not guessed
    page.locator("#id_stories-1-new_outlet_country").fill("Portugal")
    page.locator("#id_stories-1-new_outlet_language").fill("Portuguese")
    page.locator("#id_story-1-citations-0-create_expert").check()
    page.locator("#id_story-2-citations-0-DELETE").check()
    page.locator("#id_stories-2-headline").fill("Airport slots go to the highest bidders")
    page.get_by_role("button", name="Save as draft").click()

    expect(page.locator(".messagelist")).to_contain_text("was imported as a draft with 3 stories")
    expect(page).to_have_url(re.compile(r"/admin/reviews/review/\d+/change/$"))
    expect(page.get_by_label("Title:")).to_have_value(
        "Press review: Ferry operator sold as island fares rise"
    )
    expect(page.locator("#id_stories-2-headline")).to_have_value(
        "Airport slots go to the highest bidders"
    )
    screenshot("draft")

    review = Review.objects.get()
    assert review.status == Review.Status.DRAFT
    page.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/preview/")
    expect(page.get_by_role("heading", level=1)).to_have_text(review.title)
    expect(page.get_by_text("The Lagoon Ledger").first).to_be_visible()
    expect(page.get_by_role("link", name="Beatriz Medeiros", exact=True)).to_be_visible()
    screenshot("draft-preview")
