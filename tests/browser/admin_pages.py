"""Steps every browser test of the admin takes: logging in, picking from an autocomplete,
adding an inline row, adding a related record in the "+" popup."""

import re

from playwright.sync_api import Page, expect

# The password tests.support.factories.UserFactory gives every account.
PASSWORD = "correct horse battery staple"
# The screens the newsroom's pages are looked at on: a laptop, a phone.
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def shoot(page: Page, folder, name: str) -> None:
    """A full-page screenshot of `page` as <folder>/<name>.png."""
    page.screenshot(path=folder / f"{name}.png", full_page=True)


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def choose(page: Page, field_id: str, text: str) -> None:
    """Pick `text` in an admin autocomplete (select2) field."""
    page.locator(f"[aria-labelledby='select2-{field_id}-container']").click()
    page.locator(".select2-search__field").fill(text)
    # Wait for the answer to this search: an option from an earlier list may be replaced
    # under the click on a busy machine.
    expect(page.locator(".select2-results__option.loading-results")).to_have_count(0)
    page.locator(".select2-results__option", has_text=text).first.click()
    expect(page.locator(f"#select2-{field_id}-container")).to_contain_text(text)


def add_row(page: Page, group: str) -> None:
    """Click "Add another" of one inline group of the review's page (nested-admin's link):
    "stories", or a story's "stories-N-citations"."""
    model = "citation" if group.endswith("citations") else "story"
    page.locator(f"#{group}-group .djn-add-handler.djn-model-reviews-{model}").click()


def add_in_popup(page: Page, field_id: str, values: dict[str, str]) -> None:
    """Add a record with the "+" beside the field `field_id`, filling the popup's fields by
    label ({"Name:": "..."}); the new record comes back chosen in the field."""
    with page.expect_popup() as opened:
        page.locator(f"#add_{field_id}").click()
    popup = opened.value
    popup.wait_for_load_state()
    for label, value in values.items():
        popup.get_by_label(label).fill(value)
    # The popup's answer closes it: listen before clicking, the close may come at once.
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()
