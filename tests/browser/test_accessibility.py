"""axe-core in a real browser: every kind of public page has no accessibility violation.

axe-core comes from npm (package.json; `make install` runs `npm ci`). Each page is checked
against WCAG 2.1 A and AA and axe's best practices, on a phone and a desktop screen.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from reviews.demo.loader import load_demo_content
from reviews.models import Review
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from tests.support.factories import ReviewFactory, StoryFactory
from tests.support.services import services_required

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": 375, "desktop": 1280}
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def addresses() -> dict[str, str]:
    """The address of each kind of public page, on the demo content and one shared draft."""
    review = Review.objects.for_lists(language="en").filter(stories__citations__isnull=False)[0]
    date = review.review_date
    story = review.stories.filter(citations__isnull=False).first()
    outlet, expert, tag = story.outlet, story.citations.first().expert, story.tags.first()
    section = review.section.slug
    draft = ReviewFactory(title="Press review: Lighthouse keepers vote", draft=True)
    StoryFactory(review=draft, position=1, tags=["coast"])
    ensure_preview_key(draft)
    reviews = reverse("reviews:review-list")
    search = reverse("reviews:search")
    return {
        "home": reverse("reviews:home"),
        "reviews": reviews,
        "reviews-filtered": f"{reviews}?outlet={outlet.slug}&tag={tag.slug}&ordering=date",
        "reviews-invalid-filter": f"{reviews}?date_after=not-a-date",
        "reviews-page-2": f"{reviews}?page=2",
        "section": f"{reviews}?section={section}",
        "review": review.get_absolute_url(),
        "stories": reverse("reviews:story-list") + f"?tag={tag.slug}",
        "outlets": reverse("reviews:outlet-list"),
        "outlet": outlet.get_absolute_url(),
        "experts": reverse("reviews:expert-list"),
        "expert": expert.get_absolute_url(),
        "tags": reverse("reviews:tag-list"),
        "tag": reverse("reviews:tag-detail", args=[tag.slug]),
        "search": f"{search}?q={tag.name}",
        "search-no-results": f"{search}?q=zeppelin+quarantine",
        "search-empty": search,
        "year": reverse("reviews:review-year", args=[date.year]),
        "month": reverse("reviews:review-month", args=[date.year, date.month]),
        "day": reverse("reviews:review-day", args=[date.year, date.month, date.day]),
        "trends": reverse("reviews:trends"),
        "trends-invalid-period": reverse("reviews:trends") + "?date_after=2026-02-30",
        "share-preview": reverse("reviews:review-share-preview", args=[make_share_token(draft)]),
        "newsletter": reverse("newsletter:signup"),
        "not-found": "/no-such-page/",
    }


PAGES = [
    "home",
    "reviews",
    "reviews-filtered",
    "reviews-invalid-filter",
    "reviews-page-2",
    "section",
    "review",
    "stories",
    "outlets",
    "outlet",
    "experts",
    "expert",
    "tags",
    "tag",
    "search",
    "search-no-results",
    "search-empty",
    "year",
    "month",
    "day",
    "trends",
    "trends-invalid-period",
    "share-preview",
    "newsletter",
    "not-found",
]


@pytest.fixture(scope="session")
def axe_source() -> str:
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    reason = f"no axe-core at {AXE} (make install runs npm ci)"
    if os.environ.get("PRESSREVIEW_REQUIRE_BROWSER") or services_required():
        pytest.fail(f"{reason}; this run requires the browser tests, it may not skip")
    pytest.skip(reason)


def run_axe(page: Page, axe_source: str) -> list[dict]:
    """axe's violations on the page as it stands."""
    # The site's policy (script-src 'self') refuses the inline <script> that
    # page.add_script_tag would add; page.evaluate runs outside the policy, which stays in force.
    page.evaluate(axe_source)
    # axe passes over what is hidden: open the filter form's folded lists so their boxes count.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    # Violations only: axe then skips describing every passing node, three to four times faster.
    results = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules},"
        " resultTypes: ['violations']})",
        RULES,
    )
    return results["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            why = node["failureSummary"].splitlines()[-1].strip()
            lines.append(f"    {' '.join(node['target'])}: {why}")
    return "\n".join(lines)


# The pages in three shares, so that the suite's workers check them side by side; each share
# loads the demo content once and checks its pages on both screens.
SHARES = 3
EXPECTED_STATUS = {"not-found": 404, "reviews-invalid-filter": 400, "trends-invalid-period": 400}


@pytest.mark.parametrize("share", range(SHARES))
def test_every_public_page_has_no_accessibility_violation(
    live_server, page, screenshot, axe_source, share
):
    """Every kind of page, a share of them per test, on a phone and a desktop screen, each
    page's violations reported together. A screenshot of each page's first screen is kept
    for a human to look at."""
    load_demo_content()
    pages = addresses()
    assert list(pages) == PAGES, "every kind of public page is checked"
    found = {}

    for kind, address in list(pages.items())[share::SHARES]:
        for screen, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + address)
            assert response.status == EXPECTED_STATUS.get(kind, 200), (kind, address)
            screenshot(f"{screen}-{kind}")
            if violations := run_axe(page, axe_source):
                found[f"{kind} at {width} px"] = describe(violations)

    assert not found, "\n".join(f"{where}:\n{text}" for where, text in found.items())
