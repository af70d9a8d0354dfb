"""Every surface, every state: a review that is not public shows nothing of itself anywhere.

The matrix crosses each non-public state (draft, in review, scheduled, withdrawn, deleted) with
each public surface (every page, each filter, the counts, search, every feed, the sitemap,
JSON-LD and its Quotations, the trends page, related reviews, previous/next links), one test
per cell.

Each cell first renders its surface while the hidden review is still published, and checks
that the surface does show it then (the control: a surface that never shows the review
would prove nothing). Then the review leaves the public through the workflow services
(withdraw, back to draft, submit, schedule) or is deleted, and the same URLs are rendered
again with the page cache on, as in production (reviews/pagecache/): every reader page
rendered while the review was public is checked to be stored, and must not be served once
the review is hidden.

The hidden review has a word of its own in its title, lede, headlines, body and quote, and
a section, an outlet, an expert and a topic that only it uses. A second story shares the public
review's outlet, expert and topic, so that counts, subject pages and related reviews are
exercised too; its date makes it the public review's previous one.
"""

import datetime
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from reviews.newsroom import comments
from reviews.publishing import workflow
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from tests.support.database import built_once
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory
from tests.support.leaks import public_review, secret_review

pytestmark = pytest.mark.django_db

SECRET = "zqxhidden"
# Words of the hidden review that no request contains. A search for the secret word echoes
# the word itself, so phrases around it are what must never show. First the review's own
# words, which any surface showing the review shows...
CONTENT_PHRASES = [
    f"{SECRET} title",
    f"{SECRET} lede",
    f"{SECRET} headline",
    f"{SECRET} body",
    f"{SECRET} quote",
    f"{SECRET} shared",
    f"{SECRET} said",
]
# ...and the names of the section, outlet, expert and topic that only it uses.
SECRET_PHRASES = [
    *CONTENT_PHRASES,
    f"{SECRET} gazette",
    f"{SECRET} expert",
    f"{SECRET} topic",
    f"{SECRET} desk",
]
# Its addresses' slugs; a filter on a hidden slug may echo the reader's own value, so a
# slug counts only where the request did not contain it.
SECRET_SLUGS = [
    f"{SECRET}-review",
    f"{SECRET}-gazette",
    f"{SECRET}-expert",
    f"{SECRET}-topic",
    f"{SECRET}-desk",
]

PUBLIC_DAY = datetime.date(2026, 3, 3)
HIDDEN_DAY = datetime.date(2026, 2, 27)


def hide(state: str, review, by) -> None:
    """Take a published review out of the public's sight the way an editor would."""
    if state == "deleted":
        review.delete()
        return
    review = workflow.review_withdraw(review=review, by=by)
    if state == "withdrawn":
        return
    review = workflow.review_to_draft(review=review, by=by)
    if state == "in review":
        workflow.review_submit(review=review, by=by)
    elif state == "scheduled":
        workflow.review_schedule(
            review=review, by=by, at=timezone.now() + datetime.timedelta(days=1)
        )


HIDDEN_STATES = ["draft", "in review", "scheduled", "withdrawn", "deleted"]


@pytest.fixture(autouse=True)
def unlimited_api(settings):
    """The API's rate limit would refuse the matrix's requests long before the end."""
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


@pytest.fixture(scope="module")
def world_built(django_db_setup, django_db_blocker):
    """One public review and one published review about to be hidden, built once: each cell
    hides the review in its own transaction, which is rolled back after it."""
    with built_once(django_db_blocker):
        public, public_citation = public_review(
            slug="harbour-calm-returns",
            review_date=PUBLIC_DAY,
            section__name="Business",
            section__slug="business",
        )
        hidden, _ = secret_review(
            SECRET,
            public_citation,
            tag=f"{SECRET} topic",
            review_date=HIDDEN_DAY,
            publish_at=timezone.now() - datetime.timedelta(hours=2),
        )
        yield public.pk, hidden.pk


@pytest.fixture
def world(world_built):
    """The two reviews, read afresh for each cell."""
    public, hidden = (Review.objects.get(pk=pk) for pk in world_built)
    return SimpleNamespace(public=public, hidden=hidden, hidden_url=hidden.get_absolute_url())


def visible_text(content: str) -> str:
    """The page in lower case, plus its text without tags, entities or extra spaces."""
    page = content.lower()
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return page + "\n" + re.sub(r"\s+", " ", text)


def whole(content: str) -> str:
    return content


def between(start: str, end: str) -> Callable[[str], str]:
    """Only the part of a page from `start` to the next `end` (empty when absent)."""

    def part(content: str) -> str:
        begin = content.find(start)
        if begin < 0:
            return ""
        stop = content.find(end, begin)
        return content[begin : stop if stop >= 0 else None]

    return part


def json_ld(content: str) -> str:
    """The JSON-LD blocks of a page, decoded so that escaped characters cannot hide words."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return "\n".join(json.dumps(json.loads(block), ensure_ascii=False) for block in blocks)


@dataclass(frozen=True)
class Surface:
    """A public surface: the URLs that make it up and how to look at them."""

    # Pages that stay public and must forget the hidden review.
    urls: Callable[[SimpleNamespace], list[str]] = lambda world: []
    # Pages of the hidden content itself (its page, its subjects): 404 once hidden.
    gone: Callable[[SimpleNamespace], list[str]] = lambda world: []
    part: Callable[[str], str] = whole
    # Texts that only appear when the hidden review is counted (e.g. "2 stories").
    counted: tuple[str, ...] = ()
    # The control, while the review is public: the surface must show its "content" (its own
    # words, not merely a filter form offering its outlet), or "anything" of it (a name, a
    # slug, a count: for lists of subjects and the sitemap), or nothing ("none").
    control: str = "content"

    def shows(self, response, url: str, *, content_only: bool = False) -> bool:
        if response.status_code == 404:
            return False
        text = visible_text(self.part(response.content.decode()))
        if content_only:
            return any(phrase in text for phrase in CONTENT_PHRASES)
        if any(phrase in text for phrase in SECRET_PHRASES):
            return True
        if any(slug in text for slug in SECRET_SLUGS if slug not in url.lower()):
            return True
        return any(count in text for count in self.counted)


def url(name: str, *args, query: str = "") -> Callable[[SimpleNamespace], list[str]]:
    return lambda world: [reverse(name, args=args) + (f"?{query}" if query else "")]


def on_list(name: str, query: str) -> Callable[[SimpleNamespace], list[str]]:
    return url(name, query=query)


def filter_surfaces(list_name: str, label: str) -> dict[str, Surface]:
    """Every filter of a list page, each set to a value that selects the hidden review."""
    queries = {
        "unfiltered": "",
        "q": f"q={SECRET}",
        "section": f"section={SECRET}-desk",
        "outlet": "outlet=public-gazette",
        "two outlets": f"outlet=public-gazette&outlet={SECRET}-gazette",
        "hidden outlet": f"outlet={SECRET}-gazette",
        "expert": "expert=public-expert",
        "hidden expert": f"expert={SECRET}-expert",
        "tag": "tag=harbours",
        "hidden tag": f"tag={SECRET}-topic",
        "dates": f"date_after={HIDDEN_DAY}&date_before={HIDDEN_DAY}",
        "ordering": "ordering=date",
        "page": "ordering=date&page=1",
    }
    return {
        f"{label} {name}" if name != "unfiltered" else label: Surface(on_list(list_name, query))
        for name, query in queries.items()
    }


def api(name: str, *args, query: str = "") -> Callable[[SimpleNamespace], list[str]]:
    """An address of the content API (/api/v1/)."""

    def urls(world) -> list[str]:
        values = [world.hidden.pk if arg is HIDDEN_PK else arg for arg in args]
        path = reverse(f"api-v1:{name}", args=values)
        return [path + (f"?{query}" if query else "")]

    return urls


HIDDEN_PK = object()


def review_page(world) -> list[str]:
    return [world.public.get_absolute_url()]


def hidden_review_page(world) -> list[str]:
    return [world.hidden_url]


SURFACES: dict[str, Surface] = {
    "home": Surface(url("reviews:home")),
    "home page 1": Surface(url("reviews:home", query="page=1")),
    **filter_surfaces("reviews:review-list", "review list"),
    **filter_surfaces("reviews:story-list", "story list"),
    "year archive": Surface(url("reviews:review-year", HIDDEN_DAY.year)),
    "month archive of the hidden review": Surface(
        gone=url("reviews:review-month", HIDDEN_DAY.year, HIDDEN_DAY.month)
    ),
    "day archive of the hidden review": Surface(
        gone=url("reviews:review-day", HIDDEN_DAY.year, HIDDEN_DAY.month, HIDDEN_DAY.day)
    ),
    "review page": Surface(gone=hidden_review_page),
    "public review page": Surface(review_page),
    "previous and next links": Surface(
        review_page, part=between('<nav class="prev-next"', "</nav>")
    ),
    "related reviews": Surface(review_page, part=between('<section class="related"', "</section>")),
    "json-ld": Surface(review_page, gone=hidden_review_page, part=json_ld),
    "outlet list counts": Surface(
        url("reviews:outlet-list"), counted=("2 stories",), control="anything"
    ),
    "expert list counts": Surface(
        url("reviews:expert-list"), counted=("quoted 2 times",), control="anything"
    ),
    "tag list counts": Surface(url("reviews:tag-list"), counted=("2 stories",), control="anything"),
    "public outlet page": Surface(url("reviews:outlet-detail", "public-gazette")),
    "public expert page": Surface(url("reviews:expert-detail", "public-expert")),
    "public tag page": Surface(url("reviews:tag-detail", "harbours")),
    "hidden outlet page": Surface(gone=url("reviews:outlet-detail", f"{SECRET}-gazette")),
    "hidden expert page": Surface(gone=url("reviews:expert-detail", f"{SECRET}-expert")),
    "hidden tag page": Surface(gone=url("reviews:tag-detail", f"{SECRET}-topic")),
    "search": Surface(url("reviews:search", query=f"q={SECRET}")),
    "search counts": Surface(
        url("reviews:search", query="q=harbour"), counted=("2 stories match", "2 reviews match")
    ),
    # Both reviews in the period: the hidden one's outlet, expert and topic (rising in its
    # week) show while it is public, and the public expert is counted twice.
    "trends": Surface(
        url("reviews:trends", query=f"date_after=2026-02-01&date_before={HIDDEN_DAY}"),
        control="anything",
    ),
    "trends counts": Surface(
        url("reviews:trends", query=f"date_after=2026-02-01&date_before={PUBLIC_DAY}"),
        counted=("public expert 2",),
        control="anything",
    ),
    "rss feed": Surface(url("reviews:review-feed-rss")),
    "atom feed": Surface(url("reviews:review-feed-atom")),
    "public outlet feed": Surface(url("reviews:outlet-feed", "public-gazette")),
    "public expert feed": Surface(url("reviews:expert-feed", "public-expert")),
    "public tag feed": Surface(url("reviews:tag-feed", "harbours")),
    "hidden outlet feed": Surface(gone=url("reviews:outlet-feed", f"{SECRET}-gazette")),
    "hidden expert feed": Surface(gone=url("reviews:expert-feed", f"{SECRET}-expert")),
    "hidden tag feed": Surface(gone=url("reviews:tag-feed", f"{SECRET}-topic")),
    "sitemap": Surface(url("sitemap"), control="none"),
    **{
        f"sitemap of {section}": Surface(url("sitemap-section", section), control="anything")
        for section in ("reviews", "outlets", "experts", "tags")
    },
    "robots.txt": Surface(url("robots"), control="none"),
    "api reviews": Surface(api("reviews")),
    "api reviews q": Surface(api("reviews", query=f"q={SECRET}")),
    "api reviews dates": Surface(
        api("reviews", query=f"date_after={HIDDEN_DAY}&date_before={HIDDEN_DAY}")
    ),
    "api stories": Surface(api("stories")),
    "api stories outlet": Surface(api("stories", query="outlet=public-gazette")),
    "api stories expert": Surface(api("stories", query="expert=public-expert")),
    "api stories tag": Surface(api("stories", query="tag=harbours")),
    "api outlets": Surface(api("outlets"), counted=('"story_count": 2',), control="anything"),
    "api experts": Surface(api("experts"), counted=('"citation_count": 2',), control="anything"),
    "api tags": Surface(api("tags"), counted=('"story_count": 2',), control="anything"),
    "api public outlet": Surface(
        api("outlet-detail", "public-gazette"), counted=('"story_count": 2',), control="anything"
    ),
    "api sections": Surface(api("sections"), control="anything"),
    "api reviews section": Surface(api("reviews", query=f"section={SECRET}-desk")),
    "api stories section": Surface(api("stories", query=f"section={SECRET}-desk")),
    "api hidden section": Surface(gone=api("section-detail", f"{SECRET}-desk"), control="anything"),
    "api review by id": Surface(gone=api("review-detail", HIDDEN_PK)),
    "api review by date": Surface(
        gone=api(
            "review-by-date", HIDDEN_DAY.year, HIDDEN_DAY.month, HIDDEN_DAY.day, f"{SECRET}-review"
        )
    ),
    "api hidden outlet": Surface(
        gone=api("outlet-detail", f"{SECRET}-gazette"), control="anything"
    ),
    "api hidden expert": Surface(gone=api("expert-detail", f"{SECRET}-expert"), control="anything"),
    "api expert citations over time": Surface(
        api(
            "expert-citations-over-time",
            "public-expert",
            query=f"date_after=2026-02-01&date_before={PUBLIC_DAY}",
        ),
        counted=('"month": "2026-02", "citations": 1',),
        control="anything",
    ),
    "api hidden expert citations over time": Surface(
        gone=api("expert-citations-over-time", f"{SECRET}-expert"), control="anything"
    ),
    "api hidden tag": Surface(gone=api("tag-detail", f"{SECRET}-topic"), control="anything"),
}


@pytest.mark.parametrize("list_name", ["reviews:review-list", "reviews:story-list"])
def test_a_review_published_after_start_can_be_filtered_by_its_subjects(client, list_name):
    """The filters' choices follow publication as it happens, not the time the site started."""
    client.get(reverse(list_name))  # the filters exist before the review is published
    CitationFactory(
        story__review__publish_at=timezone.now(),
        story__headline="Fresh ferry timetable",
        story__outlet__slug="fresh-gazette",
        story__tags=["fresh topic"],
        expert__slug="fresh-expert",
    )
    for parameter, value in [
        ("outlet", "fresh-gazette"),
        ("expert", "fresh-expert"),
        ("tag", "fresh-topic"),
    ]:
        response = client.get(reverse(list_name), {parameter: value})
        assert response.status_code == 200, parameter


@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("surface", SURFACES)
def test_hidden_review_shows_nothing_on_the_surface(client, world, editor, surface, state):
    """Rendered while public, then hidden through the workflow: the surface forgets it."""
    spec = SURFACES[surface]
    staying, going = spec.urls(world), spec.gone(world)

    while_public = {each: client.get(each) for each in staying + going}
    for each, response in while_public.items():
        assert response.status_code in (200, 400), (each, response.status_code)
    if spec.control != "none":
        content_only = spec.control == "content"
        assert any(
            spec.shows(response, each, content_only=content_only)
            for each, response in while_public.items()
        ), f"control: the {surface} should show the review while it is public"

    # The reader pages are now in the page cache (the API is not cached there).
    for each, response in while_public.items():
        if response.status_code == 200 and not each.startswith("/api/"):
            assert client.get(each).get("X-Page-Cache") == "hit", each

    hide(state, world.hidden, editor)

    for each in staying:
        response = client.get(each)
        assert response.status_code in (200, 400), (each, response.status_code)
        assert not spec.shows(response, each), each
    for each in going:
        assert client.get(each).status_code == 404, each


# Comments are the newsroom's own: the same world, both reviews published, gets comments on
# each review and on their stories (threads, replies, a resolved thread, a mention), each
# carrying a marker word; every surface above, the share-link preview of a draft, a search for
# the marker and the same pages seen by a signed-in editor show it nowhere.

MARKER = "zqcommentmarker"
# A search for the marker echoes it: there, the words around it are what must not show.
PHRASES = [f"{MARKER} on the review", f"{MARKER} replied", f"{MARKER} on the story"]


def comment_on(review: Review, by) -> None:
    """A thread on the review, one on its first story with a reply, one resolved."""
    story = review.stories.order_by("position").first()
    on_review = comments.comment_post(review=review, by=by, body=f"{MARKER} on the review")
    comments.comment_reply(review=review, parent=on_review, by=by, body=f"{MARKER} replied @edna")
    on_story = comments.comment_post(
        review=review, story=story, by=by, body=f"{MARKER} on the story <b>bold</b>"
    )
    comments.comment_resolve(comment=on_story, by=by)


def leaks(client: Client, urls: list[str]) -> list[str]:
    """The addresses whose answer contains a comment, in its markup or its text."""
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        text = visible_text(response.content.decode())
        shown = PHRASES if MARKER in url else [MARKER]
        if any(phrase in text for phrase in shown):
            found.append(url)
    return found


def every_public_url(site) -> list[str]:
    urls = []
    for surface in SURFACES.values():
        urls += surface.urls(site) + surface.gone(site)
    hidden_story = site.hidden.stories.order_by("position").first()
    urls += [
        reverse("reviews:search") + f"?q={MARKER}",
        reverse("reviews:review-list") + f"?q={MARKER}",
        reverse("reviews:story-list") + f"?q={MARKER}",
        reverse("api-v1:reviews") + f"?q={MARKER}",
        reverse("api-v1:stories") + f"?q={MARKER}",
        reverse("api-v1:review-detail", args=[site.hidden.pk]),
        reverse("api-v1:story-detail", args=[hidden_story.pk]),
        reverse("api-v1:openapi-json"),
    ]
    return list(dict.fromkeys(urls))


@pytest.fixture
def commented(world, editor):
    comment_on(world.hidden, editor)
    comment_on(world.public, editor)
    return world


def test_comments_leak_to_no_public_surface(client, commented):
    """Both reviews are public and commented on; no public address shows a comment."""
    urls = every_public_url(commented)
    assert client.get(commented.hidden_url).status_code == 200, "control: the page is public"

    assert leaks(client, urls) == []


def test_comments_stay_out_of_public_pages_seen_by_signed_in_staff(client, commented, editor):
    """Staff bypass the page cache and see the site as it is rendered fresh: still none."""
    client.force_login(editor)
    site = [url for url in every_public_url(commented) if not url.startswith("/api/")]
    back_office = reverse("admin:reviews_review_change", args=[commented.hidden.pk])
    assert leaks(client, [back_office]) == [back_office], "control: the back office shows them"

    assert leaks(client, site) == []


def test_comments_stay_out_of_the_share_link_preview(client, editor):
    """The preview a share link opens shows the draft, never what the newsroom says of it."""
    draft = ReviewFactory(draft=True, title="Press review: Ferry fares under review")
    StoryFactory(review=draft, position=1, headline="Ferry fares rise in spring")
    comment_on(draft, editor)
    ensure_preview_key(draft)
    preview = reverse("reviews:review-share-preview", args=[make_share_token(draft)])

    response = client.get(preview)

    assert response.status_code == 200
    assert "Ferry fares rise in spring" in response.text, "control: the preview shows the draft"
    assert leaks(client, [preview]) == []


# Tag suggestions are the back office's own: with a model that suggests a tag for a public,
# untagged story, no public address shows a suggestion, its reason or its buttons, to
# readers or to signed-in editors.

SUGGESTION_MARKS = ["suggestion-accept", "similar stories tagged", "suggested tags"]


def test_tag_suggestions_leak_to_no_public_surface(client, world, editor, settings, tmp_path):
    from reviews.suggesting import store

    settings.PRESSREVIEW_TAG_MODEL_DIR = tmp_path
    settings.PRESSREVIEW_TAG_MODEL_TUNING = {"min_tag_stories": 2, "min_votes": 2}
    words = "quokka ferry timetable crossing harbour pilots"
    for _ in range(3):
        StoryFactory(review=world.public, headline=words, body=words, tags=["ferries"])
    untagged = StoryFactory(review=world.public, headline="Quokka ferry pilots", body=words)
    store.rebuild()
    queue = reverse("admin:reviews_storytotag_changelist")
    urls = [*every_public_url(world), untagged.review.get_absolute_url()]

    client.force_login(editor)
    assert "similar stories tagged ferries" in client.get(queue).text, "control: the queue"
    for signed_in in (True, False):
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 400, 404), (url, response.status_code)
            text = visible_text(response.content.decode())
            assert not any(mark in text for mark in SUGGESTION_MARKS), (url, signed_in)
        client.logout()
