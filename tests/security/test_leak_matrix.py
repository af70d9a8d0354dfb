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

Editions: an edition's state is its own. The Russian edition of a public English review
(edition_create), with words and subjects of its own (named in Russian too), is looked at
as a draft never published (then published, for the control), and published then withdrawn,
back to draft, scheduled or deleted. One cell per state and language looks at every surface
in that language, each address once (CI's time). The Russian pages and the API's lists in
Russian are the review's cells again, beside the public review's Russian edition. English
pages list English editions only; the English edition's switcher and `hreflang`, the sitemap,
the pages of the subjects only the edition uses and the API (by id, the subjects) show it
while it is public, and must forget it after.
"""

import dataclasses
import datetime
import functools
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, ngettext

from reviews.models import Review
from reviews.newsroom import comments
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from reviews.publishing.sharing import ensure_preview_key, make_share_token
from reviews.site.sitemaps import section_name
from reviews.translations import current_language
from tests.support.database import built_once
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory, UserFactory
from tests.support.leaks import public_review, secret_edition, secret_review

pytestmark = pytest.mark.django_db

SECRET = "zqxhidden"
EDITION_SECRET = "zqxedition"

PUBLIC_DAY = datetime.date(2026, 3, 3)
HIDDEN_DAY = datetime.date(2026, 2, 27)
# The hidden edition's English source: alone in its month, before the hidden review's.
EDITION_DAY = datetime.date(2026, 1, 20)


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
# A draft as edition_create leaves it: the surfaces are looked at before it is ever public.
NEVER_PUBLISHED = "never published"
EDITION_STATES = [NEVER_PUBLISHED, "draft", "scheduled", "withdrawn", "deleted"]


@pytest.fixture(autouse=True)
def unlimited_api(settings):
    """The API's rate limit would refuse the matrix's requests long before the end."""
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


@pytest.fixture(scope="module")
def world_built(django_db_setup, django_db_blocker):
    """Built once, each cell hiding its review in its own transaction, rolled back after it:
    the public review and its Russian edition; a published review about to be hidden; and
    an English review with a Russian edition about to be published, then hidden."""
    with built_once(django_db_blocker):
        editor = UserFactory(username="edna", groups=["Editors"])
        public, public_citation = public_review(
            slug="harbour-calm-returns",
            review_date=PUBLIC_DAY,
            section__name="Business",
            section__slug="business",
        )
        public_in_russian = edition_create(source=public, language="ru", by=editor)
        Review.objects.filter(pk=public_in_russian.pk).update(
            title="Обзор прессы: в гавани снова спокойно"
        )
        workflow.review_publish(review=public_in_russian, by=editor)
        hidden, _ = secret_review(
            SECRET,
            public_citation,
            tag=f"{SECRET} topic",
            review_date=HIDDEN_DAY,
            publish_at=timezone.now() - datetime.timedelta(hours=2),
        )
        source = ReviewFactory(
            title="Press review: Ferries resume",
            slug="ferries-resume",
            lede="The ferries sail again.",
            review_date=EDITION_DAY,
            section=public.section,
        )
        StoryFactory(
            review=source, headline="Ferries resume", tags=["ferries"], outlet__slug="ferry-post"
        )
        edition, _ = secret_edition(
            EDITION_SECRET, source, public_citation, tag=f"{EDITION_SECRET} topic", by=editor
        )
        yield {
            "public": public.pk,
            "hidden": hidden.pk,
            "public in ru": public_in_russian.pk,
            "source": source.pk,
            "edition": edition.pk,
        }


@dataclass(frozen=True)
class World:
    """What a cell hides, and the public review beside it in the language of the pages it
    looks at (`language`)."""

    public: Review
    hidden: Review
    secret: str
    language: str = settings.LANGUAGE_CODE

    @property
    def hidden_url(self) -> str:
        return self.hidden.get_absolute_url()

    @functools.cached_property
    def words(self) -> dict[str, str]:
        """What the surfaces' addresses are made of: `{secret}`, `{day}`... in `url()`."""
        day, story = self.hidden.review_date, self.hidden.stories.order_by("position").first()
        return {
            "secret": self.secret,
            "review_id": str(self.hidden.pk),
            "story_id": str(story.pk),
            "slug": self.hidden.slug,
            "year": str(day.year),
            "month": str(day.month),
            "day_of_month": str(day.day),
            "day": day.isoformat(),
            "month_start": day.replace(day=1).isoformat(),
            "month_key": f"{day:%Y-%m}",
        }

    @property
    def content_phrases(self) -> list[str]:
        """Words of the hidden review that no request contains. A search for the secret word
        echoes the word itself, so phrases around it are what must never show. First the
        review's own words, which any surface showing the review shows..."""
        secret = self.secret
        return [
            f"{secret} title",
            f"{secret} lede",
            f"{secret} headline",
            f"{secret} body",
            f"{secret} quote",
            f"{secret} shared",
            f"{secret} said",
        ]

    @property
    def phrases(self) -> list[str]:
        """...and the names of the section, outlet, expert and topic that only it uses, in
        English and in Russian."""
        secret = self.secret
        return [
            *self.content_phrases,
            *(f"{secret} {name}" for name in ("gazette", "expert", "topic", "desk")),
            *(f"{secret} {name}" for name in ("газета", "эксперт", "тема", "отдел")),
        ]

    @property
    def slugs(self) -> list[str]:
        """Its addresses' slugs; a filter on a hidden slug may echo the reader's own value,
        so a slug counts only where the request did not contain it."""
        own = (f"{self.secret}-{name}" for name in ("gazette", "expert", "topic", "desk"))
        return [self.hidden.slug, *own]


@pytest.fixture
def world(world_built):
    """The hidden review and the public one, read afresh for each cell."""
    public, hidden = (Review.objects.get(pk=world_built[name]) for name in ("public", "hidden"))
    return World(public=public, hidden=hidden, secret=SECRET)


def edition_world(world_built, language: str) -> World:
    """The hidden edition (Russian), beside the public review in `language`: the edition's
    English source, whose page links to it while it is public, or the public review's
    Russian edition, which it precedes and shares subjects with."""
    public = "source" if language == settings.LANGUAGE_CODE else "public in ru"
    return World(
        public=Review.objects.get(pk=world_built[public]),
        hidden=Review.objects.get(pk=world_built["edition"]),
        secret=EDITION_SECRET,
        language=language,
    )


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


def in_words(singular: str, plural: str, count: int = 2, **words) -> Callable[[World], str]:
    """A count as a page in the active language words it (a `blocktranslate count`)."""
    return lambda world: ngettext(singular, plural, count) % {"counter": count, **words}


def literally(text: str) -> Callable[[World], str]:
    """A text the same in every language, `{month_key}`... being the hidden review's."""
    return lambda world: text.format(**world.words)


@dataclass(frozen=True)
class Surface:
    """A public surface: the URLs that make it up and how to look at them."""

    # Pages that stay public and must forget the hidden review.
    urls: Callable[[World], list[str]] = lambda world: []
    # Pages of the hidden content itself (its page, its subjects): 404 once hidden.
    gone: Callable[[World], list[str]] = lambda world: []
    part: Callable[[str], str] = whole
    # Texts that only appear when the hidden review is counted (e.g. "2 stories").
    counted: tuple[Callable[[World], str], ...] = ()
    # The control, while the review is public: the surface must show its "content" (its own
    # words, not merely a filter form offering its outlet), or "anything" of it (a name, a
    # slug, a count: for lists of subjects and the sitemap), or nothing ("none").
    control: str = "content"
    # The control for an edition in another language than the surface's pages, which list
    # their own language's editions only: where it shows all the same (its own address, a
    # link to it, the subjects only it uses, shared by every language).
    across_languages: str = "none"

    def shows(
        self, response, url: str, world: World, *, content_only: bool = False, counts=True
    ) -> bool:
        if response.status_code == 404:
            return False
        text = visible_text(self.part(response.content.decode()))
        if content_only:
            return any(phrase in text for phrase in world.content_phrases)
        if any(phrase in text for phrase in world.phrases):
            return True
        if any(slug in text for slug in world.slugs if slug not in url.lower()):
            return True
        return counts and any(count(world) in text for count in self.counted)


def url(name: str, *args: str, query: str = "") -> Callable[[World], list[str]]:
    """A reader page's address in the active language; `{secret}`, `{day}`... in its
    arguments and query are the hidden review's (World.words)."""

    def urls(world) -> list[str]:
        path = reverse(name, args=[arg.format(**world.words) for arg in args])
        return [path + (f"?{query.format(**world.words)}" if query else "")]

    return urls


def sitemap_section(section: str) -> Callable[[World], list[str]]:
    """The active language's sitemap section (`/sitemap-reviews-ru.xml` in Russian)."""

    def urls(world) -> list[str]:
        return [reverse("sitemap-section", args=[section_name(section, current_language())])]

    return urls


def on_list(name: str, query: str) -> Callable[[World], list[str]]:
    return url(name, query=query)


def filter_surfaces(list_name: str, label: str) -> dict[str, Surface]:
    """Every filter of a list page, each set to a value that selects the hidden review."""
    queries = {
        "unfiltered": "",
        "q": "q={secret}",
        "section": "section={secret}-desk",
        "outlet": "outlet=public-gazette",
        "two outlets": "outlet=public-gazette&outlet={secret}-gazette",
        "hidden outlet": "outlet={secret}-gazette",
        "expert": "expert=public-expert",
        "hidden expert": "expert={secret}-expert",
        "tag": "tag=harbours",
        "hidden tag": "tag={secret}-topic",
        "dates": "date_after={day}&date_before={day}",
        "ordering": "ordering=date",
        "page": "ordering=date&page=1",
    }
    return {
        f"{label} {name}" if name != "unfiltered" else label: Surface(on_list(list_name, query))
        for name, query in queries.items()
    }


# The API's lists of editions in one language (`?language=`, the default's when not given).
API_LISTS_IN_LANGUAGE = {"reviews", "stories"}


def api(name: str, *args, query: str = "") -> Callable[[World], list[str]]:
    """An address of the content API (/api/v1/); a list of reviews or stories is asked for
    in the active language."""

    def urls(world) -> list[str]:
        words = world.words
        values = [arg.format(**words) for arg in args]
        parameters = [query.format(**words)] if query else []
        if name in API_LISTS_IN_LANGUAGE and get_language() != settings.LANGUAGE_CODE:
            parameters.append(f"language={get_language()}")
        path = reverse(f"api-v1:{name}", args=values)
        return [path + (f"?{'&'.join(parameters)}" if parameters else "")]

    return urls


def every_language(surface: Surface) -> Surface:
    """A surface of every language's editions (the sitemap, the API's subjects, an edition by
    id or its address): its control holds for an edition in another language too."""
    return dataclasses.replace(surface, across_languages=surface.control)


def review_page(world) -> list[str]:
    return [world.public.get_absolute_url()]


def hidden_review_page(world) -> list[str]:
    return [world.hidden_url]


SURFACES: dict[str, Surface] = {
    "home": Surface(url("reviews:home")),
    "home page 1": Surface(url("reviews:home", query="page=1")),
    **filter_surfaces("reviews:review-list", "review list"),
    **filter_surfaces("reviews:story-list", "story list"),
    "year archive": Surface(url("reviews:review-year", "{year}")),
    "month archive of the hidden review": Surface(
        gone=url("reviews:review-month", "{year}", "{month}")
    ),
    "day archive of the hidden review": Surface(
        gone=url("reviews:review-day", "{year}", "{month}", "{day_of_month}")
    ),
    "review page": every_language(Surface(gone=hidden_review_page)),
    # The language switcher and the `hreflang` alternates link the published editions.
    "public review page": Surface(review_page, across_languages="anything"),
    "previous and next links": Surface(
        review_page, part=between('<nav class="prev-next"', "</nav>")
    ),
    "related reviews": Surface(review_page, part=between('<section class="related"', "</section>")),
    "json-ld": Surface(review_page, gone=hidden_review_page, part=json_ld),
    "outlet list counts": Surface(
        url("reviews:outlet-list"),
        counted=(in_words("%(counter)s story", "%(counter)s stories"),),
        control="anything",
    ),
    "expert list counts": Surface(
        url("reviews:expert-list"),
        counted=(in_words("quoted %(counter)s time", "quoted %(counter)s times"),),
        control="anything",
    ),
    "tag list counts": Surface(
        url("reviews:tag-list"),
        counted=(in_words("%(counter)s story", "%(counter)s stories"),),
        control="anything",
    ),
    "public outlet page": Surface(url("reviews:outlet-detail", "public-gazette")),
    "public expert page": Surface(url("reviews:expert-detail", "public-expert")),
    "public tag page": Surface(url("reviews:tag-detail", "harbours")),
    "hidden outlet page": Surface(gone=url("reviews:outlet-detail", "{secret}-gazette")),
    "hidden expert page": Surface(gone=url("reviews:expert-detail", "{secret}-expert")),
    "hidden tag page": Surface(gone=url("reviews:tag-detail", "{secret}-topic")),
    "search": Surface(url("reviews:search", query="q={secret}")),
    "search counts": Surface(
        url("reviews:search", query="q=harbour"),
        counted=(
            in_words(
                "%(counter)s story matches “%(query)s”",
                "%(counter)s stories match “%(query)s”",
                query="harbour",
            ),
            in_words("%(counter)s review matches", "%(counter)s reviews match"),
        ),
    ),
    # Both reviews in the period: the hidden one's outlet, expert and topic (rising in its
    # week) show while it is public, and the public expert is counted twice.
    "trends": Surface(
        url("reviews:trends", query="date_after={month_start}&date_before={day}"),
        control="anything",
    ),
    "trends counts": Surface(
        url("reviews:trends", query=f"date_after={{month_start}}&date_before={PUBLIC_DAY}"),
        counted=(literally("public expert 2"),),
        control="anything",
    ),
    "rss feed": Surface(url("reviews:review-feed-rss")),
    "atom feed": Surface(url("reviews:review-feed-atom")),
    "public outlet feed": Surface(url("reviews:outlet-feed", "public-gazette")),
    "public expert feed": Surface(url("reviews:expert-feed", "public-expert")),
    "public tag feed": Surface(url("reviews:tag-feed", "harbours")),
    "hidden outlet feed": Surface(gone=url("reviews:outlet-feed", "{secret}-gazette")),
    "hidden expert feed": Surface(gone=url("reviews:expert-feed", "{secret}-expert")),
    "hidden tag feed": Surface(gone=url("reviews:tag-feed", "{secret}-topic")),
    "sitemap": Surface(url("sitemap"), control="none"),
    # Each language's sections list its editions and the subjects used in them; a review's
    # entry names its other editions as alternates.
    "sitemap of reviews": every_language(Surface(sitemap_section("reviews"), control="anything")),
    **{
        f"sitemap of {section}": Surface(sitemap_section(section), control="anything")
        for section in ("outlets", "experts", "tags")
    },
    "robots.txt": Surface(url("robots"), control="none"),
    "api reviews": Surface(api("reviews")),
    "api reviews q": Surface(api("reviews", query="q={secret}")),
    "api reviews dates": Surface(api("reviews", query="date_after={day}&date_before={day}")),
    "api stories": Surface(api("stories")),
    "api stories outlet": Surface(api("stories", query="outlet=public-gazette")),
    "api stories expert": Surface(api("stories", query="expert=public-expert")),
    "api stories tag": Surface(api("stories", query="tag=harbours")),
    "api outlets": every_language(
        Surface(api("outlets"), counted=(literally('"story_count": 2'),), control="anything")
    ),
    "api experts": every_language(
        Surface(api("experts"), counted=(literally('"citation_count": 2'),), control="anything")
    ),
    "api tags": every_language(
        Surface(api("tags"), counted=(literally('"story_count": 2'),), control="anything")
    ),
    "api public outlet": Surface(
        api("outlet-detail", "public-gazette"),
        counted=(literally('"story_count": 2'),),
        control="anything",
    ),
    "api sections": every_language(Surface(api("sections"), control="anything")),
    "api reviews section": Surface(api("reviews", query="section={secret}-desk")),
    "api stories section": Surface(api("stories", query="section={secret}-desk")),
    "api hidden section": every_language(
        Surface(gone=api("section-detail", "{secret}-desk"), control="anything")
    ),
    "api review by id": every_language(Surface(gone=api("review-detail", "{review_id}"))),
    "api story by id": every_language(Surface(gone=api("story-detail", "{story_id}"))),
    "api review by date": every_language(
        Surface(gone=api("review-by-date", "{year}", "{month}", "{day_of_month}", "{slug}"))
    ),
    "api hidden outlet": every_language(
        Surface(gone=api("outlet-detail", "{secret}-gazette"), control="anything")
    ),
    "api hidden expert": every_language(
        Surface(gone=api("expert-detail", "{secret}-expert"), control="anything")
    ),
    "api expert citations over time": Surface(
        api(
            "expert-citations-over-time",
            "public-expert",
            query=f"date_after={{month_start}}&date_before={PUBLIC_DAY}",
        ),
        counted=(literally('"month": "{month_key}", "citations": 1'),),
        control="anything",
    ),
    "api hidden expert citations over time": every_language(
        Surface(gone=api("expert-citations-over-time", "{secret}-expert"), control="anything")
    ),
    "api hidden tag": every_language(
        Surface(gone=api("tag-detail", "{secret}-topic"), control="anything")
    ),
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


# Once the review is hidden, an address "stays" (and must forget it), "goes" (404: its own
# page, its subjects'), or, its own in a page of another language than the hidden edition's,
# either (the archive of its day also holds its source, its outlet's page goes).
STAYS, GOES, EITHER = "stays", "goes", "stays or goes"


@dataclass(frozen=True)
class Look:
    """A surface as a cell looks at it: each address with what becomes of it once the
    review is hidden, the control, and whether the texts that count the review count."""

    name: str
    surface: Surface
    addresses: dict[str, str]
    control: str
    counts: bool = True


def addresses_in(world: World, surface: Surface) -> tuple[list[str], list[str]]:
    with translation.override(world.language):
        return surface.urls(world), surface.gone(world)


def looks(
    world: World, surfaces: dict[str, Surface], state: str, elsewhere: World | None
) -> list[Look]:
    """The surfaces as the cell sees them. Given `elsewhere`, the same hidden edition seen
    from another language's pages, a surface with the same addresses in both (the sitemap,
    the API's subjects, an edition by id) is looked at in the default language's cell only.
    Pages in another language than the hidden edition's list their own language's editions:
    there the counts are not its, the control is `across_languages`, and an address of its own
    in that language may stay (the archive of its day holds its source). Such a page that
    neither shows it while public nor is its own does not change with its state: it is looked
    at while it is a draft never published, not in every state (CI's time)."""
    own_language = world.language == world.hidden.language
    control = "control" if own_language else "across_languages"
    seen = []
    for name, surface in surfaces.items():
        staying, going = addresses_in(world, surface)
        everywhere = elsewhere is not None and (staying, going) == addresses_in(elsewhere, surface)
        if everywhere and world.language != settings.LANGUAGE_CODE:
            continue
        changes = own_language or everywhere or going or surface.across_languages != "none"
        if not changes and state != NEVER_PUBLISHED:
            continue
        fate = GOES if own_language or everywhere else EITHER
        addresses = dict.fromkeys(staying, STAYS) | dict.fromkeys(going, fate)
        seen.append(Look(name, surface, addresses, getattr(surface, control), own_language))
    return seen


def check_cell(
    client: Client,
    world: World,
    editor,
    state: str,
    surfaces: dict[str, Surface],
    elsewhere: World | None = None,
):
    """A cell of the matrix: the surfaces rendered while the hidden review is public (the
    control) and again once it is hidden in `state` through the workflow, with the page
    cache on. A review never published is looked at first, then published for the control.
    Each address is rendered once for all the surfaces it makes up."""
    cell = looks(world, surfaces, state, elsewhere)
    every = list(dict.fromkeys(address for look in cell for address in look.addresses))

    def render() -> dict:
        return {address: client.get(address) for address in every}

    def unshown(responses: dict) -> list[str]:
        failures = [
            f"{address} answered {response.status_code}"
            for address, response in responses.items()
            if response.status_code not in (200, 400)
        ]
        for look in cell:
            content_only = look.control == "content"
            if look.control != "none" and not any(
                look.surface.shows(responses[each], each, world, content_only=content_only)
                for each in look.addresses
            ):
                failures.append(f"control: the {look.name} should show the review while public")
        return failures

    def shown(responses: dict) -> list[str]:
        failures = []
        for look in cell:
            for address, fate in look.addresses.items():
                response, status = responses[address], responses[address].status_code
                if status not in {STAYS: (200, 400), GOES: (404,), EITHER: (200, 400, 404)}[fate]:
                    failures.append(f"{look.name}: {address} answered {status}")
                elif look.surface.shows(response, address, world, counts=look.counts):
                    failures.append(f"{look.name}: {address}")
        return failures

    def assert_none(failures: list[str]) -> None:
        assert not failures, "\n".join(failures)

    if state == NEVER_PUBLISHED:
        assert_none(shown(render()))
        workflow.review_publish(review=world.hidden, by=editor)
        assert_none(unshown(render()))
        return

    while_public = render()
    assert_none(unshown(while_public))
    # The reader pages are now in the page cache (the API is not cached there).
    not_stored = [
        address
        for address, response in while_public.items()
        if response.status_code == 200 and not address.startswith("/api/")
        if client.get(address).get("X-Page-Cache") != "hit"
    ]
    assert not_stored == []

    hide(state, world.hidden, editor)

    assert_none(shown(render()))


@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("surface", SURFACES)
def test_hidden_review_shows_nothing_on_the_surface(client, world, editor, surface, state):
    """Rendered while public, then hidden through the workflow: the surface forgets it."""
    check_cell(client, world, editor, state, {surface: SURFACES[surface]})


@pytest.mark.parametrize("state", EDITION_STATES)
@pytest.mark.parametrize("language", [settings.LANGUAGE_CODE, "ru"])
def test_hidden_edition_shows_nothing_on_any_surface(client, world_built, editor, language, state):
    """The Russian edition of a public English review, public then hidden (or never
    published): every surface in `language` forgets it, whatever its English edition shows."""
    other = "ru" if language == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE
    world, elsewhere = (edition_world(world_built, each) for each in (language, other))
    if state != NEVER_PUBLISHED:
        published = workflow.review_publish(review=world.hidden, by=editor)
        world = dataclasses.replace(world, hidden=published)
    check_cell(client, world, editor, state, SURFACES, elsewhere)


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
