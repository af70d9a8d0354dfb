"""The back office's courtesies in a real browser: a colleague's edit of a record shown and
chosen, not overwritten; a refusal that keeps the admin and a way back."""

import pytest
from playwright.sync_api import expect

from reviews.models import Outlet
from tests.browser.admin_pages import log_in
from tests.support.factories import OutletFactory, ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


def test_two_editors_saving_one_outlet_see_each_other_and_choose_where_they_clash(
    live_server, browser, screenshot_folder
):
    UserFactory(username="ana", first_name="Ana", last_name="Lobo", groups=["Editors"])
    UserFactory(username="rui", first_name="Rui", last_name="Neves", groups=["Editors"])
    outlet = OutletFactory(name="Gazeta Norte", country="Portugal", description="A daily.")
    url = f"{live_server.url}/admin/reviews/outlet/{outlet.pk}/change/"
    first, second = (
        browser.new_context(viewport={"width": 1280, "height": 900}).new_page() for _ in range(2)
    )
    log_in(first, live_server, "ana")
    log_in(second, live_server, "rui")
    first.goto(url)
    second.goto(url)
    expect(second.locator(".workflow-notice--others")).to_contain_text(
        "Ana Lobo opened this outlet in the last minutes"
    )

    first.get_by_label("Country:").fill("Spain")
    first.get_by_label("Description:").fill("Ana's description.")
    first.get_by_role("button", name="Save and continue editing").click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.get_by_label("Description:").fill("Rui's description.")
    second.get_by_role("button", name="Save and continue editing").click()
    conflicts = second.locator(".edit-conflicts")
    expect(conflicts.locator(".edit-conflict")).to_have_count(1)  # the country merged
    for value in ("A daily.", "Rui's description.", "Ana's description."):
        expect(conflicts).to_contain_text(value)
    second.screenshot(path=screenshot_folder / "second-editor-chooses.png", full_page=True)
    assert Outlet.objects.get(pk=outlet.pk).description == "Ana's description."

    second.get_by_role("radio", name="Yours").check()
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")
    outlet.refresh_from_db()
    assert (outlet.country, outlet.description) == ("Spain", "Rui's description.")


def test_a_moderator_refused_stays_in_the_admin_with_a_way_back(
    live_server, browser, screenshot_folder
):
    UserFactory(username="moritz", groups=["Moderators"])
    review = ReviewFactory(title="Press review: Ferries stay in port")
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(page, live_server, "moritz")
    page.goto(f"{live_server.url}/admin/reviews/review/")
    page.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/delete/")

    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    page.screenshot(path=screenshot_folder / "not-allowed.png")
    page.get_by_role("link", name="Back to the editorial desk").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
