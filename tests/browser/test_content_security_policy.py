"""The Content Security Policy in a real browser: no page breaks it, and the admin still works.

Every violation Chromium sees is collected twice, from the page's `securitypolicyviolation`
events and from its console ("Refused to ..."), across navigations; each test ends by
asserting that there were none.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import Page, expect

from reviews.models import Review, Story
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from tests.browser.admin_pages import add_in_popup, add_row, choose, log_in
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("editorial_groups")]


# Runs before any script of each page (Playwright injects it outside the page's policy).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    [location.href, event.violatedDirective, event.blockedURI, event.sourceFile,
     event.lineNumber, event.sample].join(" | ")
  );
});
"""


@pytest.fixture
def violations(page: Page) -> list[str]:
    """Every CSP violation in `page` and the windows it opens, asserted empty by each test."""
    seen: list[str] = []
    context = page.context
    context.expose_function("reportCspViolation", lambda text: seen.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            seen.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return seen


def published_review_with_everything() -> Review:
    """A public review with two stories, tags, a citation, a link and a related review."""
    section = SectionFactory(name="Business", slug="business")
    outlet = OutletFactory(
        name="Gazeta Norte",
        slug="gazeta-norte",
        website="https://gazeta-norte.example.org/",
        description="A regional daily of the north.",
    )
    review = ReviewFactory(title="Press review: Cranes idle as rates hold", section=section)
    story = StoryFactory(
        review=review,
        outlet=outlet,
        position=1,
        headline="Cranes stand idle",
        link="https://gazeta-norte.example.org/cranes",
        tags=["ports", "labour"],
    )
    StoryFactory(review=review, position=2, tags=["ports"])
    CitationFactory(story=story, expert=ExpertFactory(name="Inês Amaral", slug="ines-amaral"))
    StoryFactory(review=ReviewFactory(section=section), position=1, tags=["ports"])
    return review


def test_public_pages_break_no_rule_of_the_policy(live_server, page, violations):
    review = published_review_with_everything()
    draft = ReviewFactory(title="Press review: Not yet", draft=True)
    StoryFactory(review=draft, position=1)
    ensure_preview_key(draft)
    date = review.review_date
    addresses = [
        "/",
        "/reviews/?outlet=gazeta-norte&tag=ports&ordering=date",
        "/reviews/?date_after=not-a-date",
        f"/reviews/{date:%Y}/",
        f"/reviews/{date:%Y}/{date:%m}/",
        review.get_absolute_url(),
        "/stories/?tag=labour",
        "/outlets/",
        "/outlets/gazeta-norte/",
        "/experts/",
        "/experts/ines-amaral/",
        "/tags/",
        "/tags/ports/",
        "/search/?q=cranes",
        reverse("reviews:review-share-preview", args=[make_share_token(draft)]),
        "/no-such-page/",
    ]
    for address in addresses:
        page.goto(live_server.url + address)
        expect(page.locator("h1").first).to_be_visible()

    page.goto(live_server.url + review.get_absolute_url())
    # The JSON-LD is data, not script: the policy lets it stand and it parses.
    structured = page.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(structured)[0]["headline"] == review.title
    # The site's style sheet applies (style-src 'self').
    assert page.locator(".site-header").evaluate("e => getComputedStyle(e).display") != "inline"
    assert violations == []


def test_the_admin_works_under_the_policy(live_server, page, violations):
    UserFactory(username="edna", groups=["Editors"])
    SectionFactory(name="Business", slug="business")
    OutletFactory(name="Gazeta Norte", slug="gazeta-norte")
    ExpertFactory(name="Inês Amaral", slug="ines-amaral")
    StoryFactory(tags=["ports", "port strike"])
    log_in(page, live_server, "edna")

    # A new review: prepopulated slug, autocomplete, calendar, an inline added by script.
    page.goto(f"{live_server.url}/admin/reviews/review/add/")
    page.get_by_label("Title:").press_sequentially("Press review: Cranes idle")
    expect(page.get_by_label("Slug:")).to_have_value("press-review-cranes-idle")
    choose(page, "id_section", "Business")
    page.get_by_label("Dateline city:").fill("Lisbon")
    page.locator("#calendarlink0").click()
    page.locator(".calendarbox a", has_text="Today").first.click()
    expect(page.get_by_label("Review date:")).not_to_have_value("")
    page.get_by_label("Lede:").fill("The papers lead with the port strike.")
    add_row(page, "stories")
    page.locator("#id_stories-0-position").fill("1")
    choose(page, "id_stories-0-outlet", "Gazeta Norte")
    page.locator("#id_stories-0-headline").fill("Cranes stand idle")
    page.locator("#id_stories-0-body").fill("The paper writes that cranes stand idle.")
    # Tag suggestions: a local script asking the admin for existing tags.
    page.locator("#id_stories-0-tags").press_sequentially("por")
    expect(page.locator("#tag-suggestions [role=option]").first).to_be_visible()
    page.locator("#id_stories-0-tags").press("ArrowDown")
    page.locator("#id_stories-0-tags").press("Enter")
    expect(page.locator("#id_stories-0-tags")).to_have_value(re.compile(r"^port"))
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    review = Review.objects.get(title="Press review: Cranes idle")
    story = Story.objects.get(review=review)
    assert story.tags.exists()

    # The review's one page (nested-admin): a second story moved up, a citation nested in
    # a story with its expert autocomplete, a new expert from the "+" popup.
    add_row(page, "stories")
    choose(page, "id_stories-1-outlet", "Gazeta Norte")
    page.locator("#id_stories-1-headline").fill("Rates hold again")
    page.locator("#id_stories-1-body").fill("The paper writes that rates hold.")
    page.locator("#stories-1").get_by_role("button", name="Move up").click()
    add_row(page, "stories-1-citations")
    choose(page, "id_stories-1-citations-0-expert", "Inês Amaral")
    add_row(page, "stories-0-citations")
    add_in_popup(page, "id_stories-0-citations-0-expert", {"Name:": "Duarte Pimentel"})
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(review.stories.values_list("headline", flat=True)) == [
        "Rates hold again",
        "Cranes stand idle",
    ]

    # The story's own form: a citation inline with its expert autocomplete.
    page.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    page.get_by_role("button", name="Add another Citation").click()
    choose(page, "id_citations-1-expert", "Inês Amaral")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # A related-object popup: add an outlet from the story form, back into its select.
    page.goto(f"{live_server.url}/admin/reviews/story/{story.pk}/change/")
    add_in_popup(
        page,
        "id_outlet",
        {"Name:": "The Harbour Post", "Country:": "Portugal", "Language:": "Portuguese"},
    )
    expect(page.locator("#id_outlet option:checked")).to_have_text("The Harbour Post")

    # Lists, history, comparison, preview, and a moderation action page.
    review_pk = review.pk
    page.goto(f"{live_server.url}/admin/reviews/review/{review_pk}/change/")
    page.get_by_label("Lede:").fill("The papers lead with the port strike, again.")
    page.get_by_role("button", name="Save and continue editing").click()
    for address in [
        "/admin/reviews/review/?publication=draft",
        f"/admin/reviews/review/{review_pk}/history/",
        f"/admin/reviews/review/{review_pk}/preview/",
        "/admin/reviews/story/?q=cranes",
        "/admin/reviews/expert/",
        "/admin/reviews/outlet/",
        "/admin/taggit/tag/",
        "/admin/reviews/review/recover/",
        "/admin/password_change/",
    ]:
        page.goto(live_server.url + address)
        expect(page.locator("#content, main").first).to_be_visible()
    page.goto(f"{live_server.url}/admin/reviews/review/{review_pk}/history/")
    page.get_by_role("button", name="Compare selected revisions").click()
    expect(page.locator(".revision-diff")).to_be_visible()

    page.goto(f"{live_server.url}/admin/reviews/story/")
    page.locator("input.action-select").first.check()
    page.locator("select[name=action]").select_option("add_tag_to_selected")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Tag to add").press_sequentially("por")
    expect(page.locator("#tag-suggestions [role=option]").first).to_be_visible()
    assert violations == []


def test_a_locked_out_login_and_the_error_pages_break_no_rule(live_server, page, violations):
    UserFactory(username="edna", groups=["Editors"])
    for _attempt in range(5):
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill("edna")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Too many failed logins")
    page.goto(f"{live_server.url}/reviews/2026/01/01/no-such-review/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations == []


def test_the_superusers_pages_break_no_rule(live_server, page, violations):
    UserFactory(username="root", is_superuser=True)
    group_pk = Group.objects.get(name="Editors").pk
    log_in(page, live_server, "root")
    for address in [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        f"/admin/auth/group/{group_pk}/change/",
        "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/",
        "/admin/reviews/section/add/",
    ]:
        page.goto(live_server.url + address)
        expect(page.locator("#content").first).to_be_visible()
    # The permissions' two-list selector is built by script.
    page.goto(f"{live_server.url}/admin/auth/group/{group_pk}/change/")
    expect(page.locator("#id_permissions_from")).to_be_visible()
    try:
        import_page = reverse("admin:reviews_review_import")
    except NoReverseMatch:
        import_page = None
    if import_page:
        page.goto(live_server.url + import_page)
        expect(page.locator("textarea").first).to_be_visible()
    assert violations == []


def test_the_api_documentation_works_under_the_policy(live_server, page, violations):
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Pressreview API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert violations == []


def test_the_policy_blocks_an_injected_inline_script(live_server, page, violations):
    """Had some text slipped through unescaped, its script would not run."""
    StoryFactory()
    page.goto(live_server.url)
    ran = page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
          const image = document.createElement("div");
          image.innerHTML = '<img src="x" onerror="window.injected = true">';
          document.body.append(image);
          return new Promise((resolve) => setTimeout(() => resolve(window.injected), 300));
        }"""
    )
    assert ran is None
    assert any("script-src" in violation for violation in violations)
