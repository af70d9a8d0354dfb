"""A reader reads a review in English, switches to its Russian edition and back."""

import pytest
from playwright.sync_api import expect

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_reader_switches_between_a_review_s_two_editions(live_server, page, editor, screenshot):
    english = ReviewFactory(title="Press review: Ferries resume", slug="ferries-resume")
    StoryFactory(review=english, position=1, headline="Ferries resume")
    russian = edition_create(source=english, language="ru", by=editor)
    russian.title = "Обзор прессы: паромы снова ходят"
    russian.save()
    workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)

    page.goto(live_server.url + english.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(russian.title)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    screenshot("russian-edition")

    page.get_by_role("navigation").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)
