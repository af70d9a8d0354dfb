"""A reader searches the demo site (`make run`'s content) with each operator, in a real
browser, on whichever database the run uses."""

import re

import pytest
from playwright.sync_api import expect

from reviews.demo.loader import load_demo_content

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]

COUNT = re.compile(r"(\d+) stor(?:y matches|ies match)")


def search(page, q: str) -> int:
    """Search from the search page's own box; the number of stories the page says match."""
    box = page.get_by_label("Search reviews and stories for")
    box.fill(q)
    box.press("Enter")
    expect(page).to_have_title(re.compile("^Search: "))
    heading = page.locator("#story-results")
    if not heading.count():
        return 0
    return int(COUNT.search(heading.inner_text())[1])


def found_texts(page) -> list[str]:
    """Each story result's headline and snippet, as the reader sees them."""
    cards = page.locator('[aria-labelledby="story-results"] .card')
    return [
        f"{card.locator('.card__title').inner_text()} {card.locator('.card__lede').inner_text()}"
        for card in cards.all()
    ]


def test_reader_searches_with_each_operator(live_server, page, screenshot):
    load_demo_content()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/search/")

    page.get_by_text("How to search").click()
    expect(page.get_by_text("Words in quotes: together, in that order.")).to_be_visible()
    screenshot("1-how-to-search")

    housing = search(page, "housing")
    assert housing >= 3
    # Words match whatever their ending: housing, houses, house.
    assert all(re.search(r"\bhous", text, re.IGNORECASE) for text in found_texts(page))
    expect(page.locator("mark").first).to_have_text(re.compile("^hous", re.IGNORECASE))
    screenshot("2-housing")

    without_dublin = search(page, "housing -Dublin")
    assert 0 < without_dublin < housing
    assert not any("dublin" in text.lower() for text in found_texts(page))

    either = search(page, "housing or drought")
    assert either > housing
    texts = " ".join(found_texts(page)).lower()
    assert "hous" in texts and "drought" in texts
    screenshot("3-housing-or-drought")

    assert search(page, '"tax break"') >= 1
    assert all(re.search(r"tax break", text, re.IGNORECASE) for text in found_texts(page))
    assert search(page, '"break tax"') == 0

    assert search(page, "strikes") >= 1
    marks = page.locator("mark").all_inner_texts()
    assert {mark.lower() for mark in marks} & {"strike", "striking", "strikes"}

    assert search(page, "a") == 0
    expect(page.get_by_text("“a” is too common to search for")).to_be_visible()
    screenshot("4-too-common")
