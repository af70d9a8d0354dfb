"""The content API at /api/v1/: what it shows, its filters, its pages, its errors, its docs."""

import datetime
import html.parser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from api.representations import Representer
from reviews.finding.filters import ReviewFilter, StoryFilter
from reviews.models import Expert, Outlet, Review, Story
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)


@pytest.fixture(autouse=True)
def unlimited(settings):
    """No rate limit here (tests/test_api_http.py tests it): the suite makes many requests."""
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


def api(name, **kwargs):
    return reverse(f"api-v1:{name}", kwargs=kwargs or None)


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def newsroom():
    """Two sections, three outlets, two experts, tags; five published reviews and a draft."""
    politics = SectionFactory(name="Politics", slug="politics")
    business = SectionFactory(name="Business", slug="business")
    courier = OutletFactory(name="Courier", slug="courier")
    gazette = OutletFactory(name="Gazette", slug="gazette")
    herald = OutletFactory(name="Herald", slug="herald")
    costa = ExpertFactory(name="Rui Costa", slug="rui-costa")
    lima = ExpertFactory(name="Ana Lima", slug="ana-lima")
    plan = [
        # (days ago, section, [(outlet, tags, expert)], title word)
        (
            0,
            politics,
            [(courier, ["ports", "labour"], costa), (gazette, ["ports"], None)],
            "harbour",
        ),
        (1, business, [(gazette, ["markets"], lima)], "rates"),
        (
            2,
            politics,
            [(herald, ["ports", "elections"], lima), (courier, ["labour"], None)],
            "vote",
        ),
        (3, business, [(courier, ["markets", "ports"], costa)], "harbour"),
        (9, politics, [(herald, ["elections"], None)], "ballot"),
    ]
    reviews = []
    for days_ago, section, stories, word in plan:
        review = ReviewFactory(
            title=f"Press review: {word} news, day {days_ago}",
            section=section,
            review_date=DAY - datetime.timedelta(days=days_ago),
        )
        for position, (outlet, tags, expert) in enumerate(stories, start=1):
            story = StoryFactory(
                review=review,
                outlet=outlet,
                position=position,
                headline=f"{outlet.name} on the {word}",
                tags=tags,
            )
            if expert:
                CitationFactory(story=story, expert=expert, position="economist")
        reviews.append(review)
    ReviewFactory(
        draft=True, section=politics, review_date=DAY, title="Press review: harbour draft"
    )
    return reviews


def test_index_links_every_list_and_the_documentation(client):
    index = get_json(client, api("index"))
    for name in ["reviews", "stories", "outlets", "experts", "tags", "sections"]:
        assert index[name] == f"http://testserver{api(name)}"
    assert index["docs"].endswith("/api/v1/docs")
    assert index["openapi"].endswith("/api/v1/openapi.json")


def test_review_comes_with_its_section_stories_outlets_tags_and_citations(client):
    """Stories in order, each with its outlet, tags and citations as cited then."""
    review = ReviewFactory(
        title="Press review: Dockers strike", section__name="Business", review_date=DAY
    )
    second = StoryFactory(review=review, position=2, outlet__name="Gazette", tags=["ports"])
    first = StoryFactory(
        review=review, position=1, outlet__name="Courier", tags=["labour", "Ports"]
    )
    CitationFactory(
        story=first,
        expert__name="Rui Costa",
        position="chief economist",
        organisation="Banco Norte",
        quote="It will last.",
    )

    data = get_json(client, api("review-detail", review_id=review.pk))

    assert data["title"] == "Press review: Dockers strike"
    assert data["section"]["name"] == "Business"
    assert data["url"] == f"http://testserver{review.get_absolute_url()}"
    assert data["api_url"] == f"http://testserver{api('review-detail', review_id=review.pk)}"
    assert data["review_date"] == "2026-03-03"
    assert data["dateline"] == "LISBON, March 3"
    assert data["disclaimer"] == review.effective_disclaimer
    assert [story["id"] for story in data["stories"]] == [first.pk, second.pk]
    story = data["stories"][0]
    assert story["outlet"]["name"] == "Courier"
    assert story["url"] == f"{data['url']}#story-1"
    assert [tag["slug"] for tag in story["tags"]] == ["labour", "ports"]
    assert story["citations"] == [
        {
            "expert": {
                "name": "Rui Costa",
                "slug": first.citations.get().expert.slug,
                "url": f"http://testserver{first.citations.get().expert.get_absolute_url()}",
            },
            "position": "chief economist",
            "organisation": "Banco Norte",
            "title": "chief economist at Banco Norte",
            "quote": "It will last.",
        }
    ]
    assert [tag["slug"] for tag in data["tags"]] == ["labour", "ports"]
    for field in ["published_at", "updated_at"]:
        assert datetime.datetime.fromisoformat(data[field]).utcoffset() is not None


def test_datetimes_are_iso_8601_with_the_newsroom_offset(client, settings):
    settings.TIME_ZONE = "Europe/Lisbon"
    review = ReviewFactory(
        publish_at=datetime.datetime(2025, 7, 1, 6, 30, tzinfo=datetime.UTC),
        review_date=datetime.date(2025, 7, 1),
    )
    data = get_json(client, api("review-detail", review_id=review.pk))
    assert data["published_at"] == "2025-07-01T07:30:00+01:00"
    updated_at = datetime.datetime.fromisoformat(data["updated_at"])
    assert abs(updated_at - review.updated_at) < datetime.timedelta(milliseconds=1)


def test_review_by_date_and_slug_is_the_review_by_id(client):
    review = ReviewFactory(review_date=DAY, slug="dockers-strike")
    StoryFactory(review=review)
    by_id = get_json(client, api("review-detail", review_id=review.pk))
    by_date = get_json(
        client, api("review-by-date", year=2026, month=3, day=3, slug="dockers-strike")
    )
    assert by_date == by_id


def test_story_comes_with_a_summary_of_its_review(client):
    citation = CitationFactory(story__headline="Cranes fall silent")
    story = citation.story
    data = get_json(client, api("story-detail", story_id=story.pk))
    assert data["headline"] == "Cranes fall silent"
    assert data["review"]["id"] == story.review.pk
    assert data["review"]["url"] == f"http://testserver{story.review.get_absolute_url()}"
    assert data["url"] == f"{data['review']['url']}#story-{story.position}"
    assert data["citations"][0]["expert"]["slug"] == citation.expert.slug


def test_subject_lists_count_published_content(client, newsroom):
    outlets = get_json(client, api("outlets"))["results"]
    assert [(o["slug"], o["story_count"]) for o in outlets] == [
        ("courier", 3),
        ("gazette", 2),
        ("herald", 2),
    ]
    experts = get_json(client, api("experts"))["results"]
    assert [(e["slug"], e["citation_count"]) for e in experts] == [
        ("ana-lima", 2),
        ("rui-costa", 2),
    ]
    tags = get_json(client, api("tags"))["results"]
    assert [(t["slug"], t["story_count"]) for t in tags] == [
        ("elections", 2),
        ("labour", 2),
        ("markets", 2),
        ("ports", 4),
    ]
    sections = get_json(client, api("sections"))["results"]
    assert [(s["slug"], s["review_count"]) for s in sections] == [
        ("business", 2),
        ("politics", 3),
    ]


def test_subject_details_match_their_list_entries(client, newsroom):
    for kind, slug in [
        ("outlet", "courier"),
        ("expert", "rui-costa"),
        ("tag", "ports"),
        ("section", "politics"),
    ]:
        listed = {item["slug"]: item for item in get_json(client, api(f"{kind}s"))["results"]}
        detail = get_json(client, api(f"{kind}-detail", slug=slug))
        assert detail == listed[slug]
        assert listed[slug]["api_url"] == f"http://testserver{api(f'{kind}-detail', slug=slug)}"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/reviews/999999",
        "/api/v1/reviews/0",
        "/api/v1/reviews/99999999999999999999999999",
        "/api/v1/reviews/2026/03/03/no-such-review",
        "/api/v1/reviews/2026/02/30/no-such-day",
        "/api/v1/reviews/99999999999/1/1/too-far",
        "/api/v1/stories/999999",
        "/api/v1/outlets/no-such-outlet",
        "/api/v1/experts/no-such-expert",
        "/api/v1/tags/no-such-tag",
        "/api/v1/sections/no-such-section",
    ],
)
def test_unknown_id_or_slug_answers_404_json(client, url):
    data = get_json(client, url, status=404)
    assert data["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/",
        "/api/v1",
        "/api/v2/reviews",
        "/api/v1/nothing",
        "/api/v1/reviews/",
        "/api/v1/reviews/abc",
        "/api/v1/outlets/not a slug",
    ],
)
def test_unknown_api_address_answers_404_json(client, url):
    assert get_json(client, url, status=404) == {"detail": "There is nothing at this address."}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_is_read_only(client, method):
    response = getattr(client, method)(api("reviews"))
    assert response.status_code == 405
    assert response.json()["detail"]
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
def test_unexpected_exception_answers_json_not_an_html_page(monkeypatch, settings, debug):
    """A bug answers 500 with a JSON body, in production and in debug mode alike."""
    settings.DEBUG = debug
    review = ReviewFactory()

    def broken(self, review):
        raise RuntimeError("a bug")

    monkeypatch.setattr(Representer, "review", broken)
    response = Client(raise_request_exception=False).get(api("review-detail", review_id=review.pk))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Internal Server Error."}
    assert response["Cache-Control"] == "no-store"


# Filters: the pages' FilterSets, so the API answers what the page shows.

FILTERS = [
    {},
    {"q": "harbour"},
    {"section": "politics"},
    {"outlet": "herald"},
    {"outlet": ["herald", "gazette"]},
    {"expert": "rui-costa"},
    {"tag": "ports"},
    {"tag": ["ports", "labour"]},
    {"date_after": "2026-03-01"},
    {"date_before": "2026-03-01"},
    {"date_after": "2026-03-01", "date_before": "2026-03-02"},
    {"ordering": "date"},
    {"ordering": "-date"},
    {"section": "politics", "tag": "ports", "ordering": "date"},
    {"outlet": ["courier", "herald"], "expert": "ana-lima", "date_before": "2026-03-02"},
    {"q": "harbour", "section": "business", "tag": ["markets"]},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda params: str(params) or "none")
def test_review_filters_answer_what_the_review_list_page_shows(client, newsroom, params):
    page = client.get(reverse("reviews:review-list"), params)
    assert page.status_code == 200
    data = get_json(client, api("reviews"), params)
    assert [review["id"] for review in data["results"]] == [
        review.pk for review in page.context["reviews"]
    ]


@pytest.mark.parametrize("params", FILTERS, ids=lambda params: str(params) or "none")
def test_story_filters_answer_what_the_story_list_page_shows(client, newsroom, params):
    page = client.get(reverse("reviews:story-list"), params)
    assert page.status_code == 200
    data = get_json(client, api("stories"), params)
    assert [story["id"] for story in data["results"]] == [
        story.pk for story in page.context["stories"]
    ]


def test_filters_select_what_they_say(client, newsroom):
    def titles(params):
        return [r["title"] for r in get_json(client, api("reviews"), params)["results"]]

    assert titles({"tag": ["ports", "labour"]}) == [
        "Press review: harbour news, day 0",
        "Press review: vote news, day 2",
    ]
    assert titles({"outlet": ["gazette", "herald"], "ordering": "date"}) == [
        "Press review: ballot news, day 9",
        "Press review: vote news, day 2",
        "Press review: rates news, day 1",
        "Press review: harbour news, day 0",
    ]
    assert titles({"expert": "rui-costa", "date_before": "2026-03-01"}) == [
        "Press review: harbour news, day 3"
    ]
    assert titles({"q": "vote", "section": "politics"}) == ["Press review: vote news, day 2"]
    stories = get_json(client, api("stories"), {"tag": "elections", "outlet": "herald"})
    assert [s["headline"] for s in stories["results"]] == [
        "Herald on the vote",
        "Herald on the ballot",
    ]


INVALID = [
    ({"date_after": "2026-13-01"}, "date_after", "Enter a valid date."),
    ({"date_before": "yesterday"}, "date_before", "Enter a valid date."),
    (
        {"date_after": "2026-03-03", "date_before": "2026-03-01"},
        "date_before",
        "This date is before the start date.",
    ),
    ({"ordering": "title"}, "ordering", "Select a valid choice."),
    ({"section": "no-such-section"}, "section", "Select a valid choice."),
    ({"outlet": ["courier", "no-such-outlet"]}, "outlet", "no-such-outlet"),
    ({"expert": "no-such-expert"}, "expert", "Select a valid choice."),
    ({"tag": "no-such-tag"}, "tag", "no-such-tag"),
    ({"q": "x" * 201}, "q", "at most 200 characters"),
    ({"q": "harbour\x00"}, "q", "Null characters are not allowed."),
    ({"outlet": "courier\x00"}, "outlet", "Null characters are not allowed."),
    ({"tag": "ports\x00"}, "tag", "Null characters are not allowed."),
    ({"expert": "rui-costa\x00"}, "expert", "Null characters are not allowed."),
    ({"tag": ["ports"] * 11}, "tag", "At most 10 values."),
    ({"page": "2"}, "page", "This API pages by cursor"),
    ({"page_size": "0"}, "page_size", "greater than or equal to 1"),
    ({"page_size": "101"}, "page_size", "less than or equal to 100"),
    ({"page_size": "ten"}, "page_size", "valid integer"),
    ({"cursor": "not-a-cursor"}, "cursor", "not one the API gave out"),
]


@pytest.mark.parametrize("endpoint", ["reviews", "stories"])
@pytest.mark.parametrize(
    ("params", "parameter", "message"), INVALID, ids=[case[1] for case in INVALID]
)
def test_invalid_value_answers_400_naming_the_parameter_and_the_problem(
    client, newsroom, endpoint, params, parameter, message
):
    data = get_json(client, api(endpoint), params, status=400)
    assert parameter in data["detail"]
    assert any(
        error["parameter"] == parameter and message in error["message"] for error in data["errors"]
    ), data


@pytest.mark.parametrize("endpoint", ["outlets", "experts", "tags", "sections"])
def test_subject_lists_validate_their_page_parameters(client, endpoint):
    data = get_json(client, api(endpoint), {"page_size": "1000"}, status=400)
    assert data["errors"][0]["parameter"] == "page_size"
    data = get_json(client, api(endpoint), {"cursor": "forged"}, status=400)
    assert data["errors"][0]["parameter"] == "cursor"
    # A page number is refused here too, not silently ignored.
    data = get_json(client, api(endpoint), {"page": "2"}, status=400)
    assert data["errors"][0]["parameter"] == "page"


def test_a_cursor_only_works_with_the_ordering_it_came_from(client, newsroom):
    next_link = get_json(client, api("reviews"), {"page_size": 2})["next"]
    cursor = parse_qs(urlsplit(next_link).query)["cursor"][0]
    data = get_json(client, api("reviews"), {"cursor": cursor, "ordering": "date"}, status=400)
    assert data["errors"][0]["parameter"] == "cursor"
    assert "another ordering" in data["errors"][0]["message"]


# Pagination: keyset, stable, each item exactly once in either direction.


def generated_set():
    """Reviews with ties on date and publish time, two stories each, experts sharing names."""
    sections = [SectionFactory(name=f"Section {n:02}") for n in range(3)]
    outlets = [OutletFactory(name=f"Outlet {n:02}") for n in range(9)]
    experts = [ExpertFactory(name=f"Expert {n % 4}") for n in range(10)]
    same_moment = datetime.datetime(2026, 3, 1, 6, 0, tzinfo=datetime.UTC)
    for number in range(31):
        review = ReviewFactory(
            section=sections[number % 3],
            review_date=DAY - datetime.timedelta(days=number // 4),
            publish_at=same_moment if number % 2 else same_moment - datetime.timedelta(hours=1),
        )
        for position in (1, 2):
            story = StoryFactory(
                review=review,
                position=position,
                outlet=outlets[(number + position) % 9],
                tags=[f"topic-{(number * position) % 13:02}"],
            )
            CitationFactory(story=story, expert=experts[(number + position) % 10])
    ReviewFactory(withdrawn=True)


def expected_order(endpoint, ordering):
    """The order each list promises, computed here independently of the API's code."""
    if endpoint == "reviews":
        fields = ["review_date", "publish_at", "pk"]
        sign = "" if ordering == "date" else "-"
        return list(
            Review.objects.published()
            .order_by(*(sign + field for field in fields))
            .values_list("pk", flat=True)
        )
    if endpoint == "stories":
        sign = "" if ordering == "date" else "-"
        review_sign = "" if ordering in ("date", None) else "-"
        return list(
            Story.objects.published()
            .order_by(
                f"{sign}review__review_date",
                f"{sign}review__publish_at",
                f"{review_sign}review_id",
                "position",
            )
            .values_list("pk", flat=True)
        )
    if endpoint == "outlets":
        return list(Outlet.objects.published().order_by("name").values_list("slug", flat=True))
    if endpoint == "experts":
        return list(
            Expert.objects.published().order_by("name", "pk").values_list("slug", flat=True)
        )
    raise ValueError(endpoint)


def identity(item):
    return item.get("id", item.get("slug"))


@pytest.mark.parametrize(
    ("endpoint", "ordering"),
    [
        ("reviews", None),
        ("reviews", "date"),
        ("reviews", "-date"),
        ("stories", None),
        ("stories", "date"),
        ("stories", "-date"),
        ("outlets", None),
        ("experts", None),
    ],
)
def test_walking_every_page_shows_each_item_once_forwards_and_backwards(client, endpoint, ordering):
    generated_set()
    expected = expected_order(endpoint, ordering)
    params = {"page_size": 4, **({"ordering": ordering} if ordering else {})}

    forwards, pages, url = [], [], api(endpoint)
    page = get_json(client, url, params)
    assert page["previous"] is None
    while True:
        pages.append(page)
        forwards.extend(identity(item) for item in page["results"])
        if page["next"] is None:
            break
        assert len(page["results"]) == 4
        page = get_json(client, page["next"])
    assert forwards == expected

    backwards = []
    while True:
        backwards[:0] = [identity(item) for item in page["results"]]
        if page["previous"] is None:
            break
        page = get_json(client, page["previous"])
        assert len(page["results"]) == 4
    assert backwards == expected


def test_links_keep_the_filters(client, newsroom):
    first = get_json(client, api("reviews"), {"section": "politics", "page_size": 1})
    query = parse_qs(urlsplit(first["next"]).query)
    assert query["section"] == ["politics"] and query["page_size"] == ["1"]
    second = get_json(client, first["next"])
    assert second["results"][0]["section"]["slug"] == "politics"
    assert parse_qs(urlsplit(second["previous"]).query)["section"] == ["politics"]


def test_page_size_is_20_unless_asked_up_to_100(client):
    for number in range(25):
        ReviewFactory(review_date=DAY - datetime.timedelta(days=number))
    assert len(get_json(client, api("reviews"))["results"]) == 20
    assert len(get_json(client, api("reviews"), {"page_size": 100})["results"]) == 25


def test_a_page_emptied_meanwhile_points_back(client):
    """Reviews withdrawn between two requests leave an empty page that links back."""
    reviews = [ReviewFactory(review_date=DAY - datetime.timedelta(days=n)) for n in range(3)]
    first = get_json(client, api("reviews"), {"page_size": 1})
    Review.objects.filter(pk__in=[reviews[1].pk, reviews[2].pk]).update(
        status=Review.Status.WITHDRAWN
    )
    emptied = get_json(client, first["next"])
    assert emptied["results"] == [] and emptied["next"] is None
    back = get_json(client, emptied["previous"])
    assert [review["id"] for review in back["results"]] == [reviews[0].pk]


# Documentation.


class ScriptCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.stylesheets, self.inline_styles = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag == "style" or "style" in attrs:
            self.inline_styles += 1


def test_docs_page_runs_on_local_files_without_inline_script(client, settings):
    response = client.get(api("openapi-view"))
    assert response.status_code == 200
    page = ScriptCollector()
    page.feed(response.content.decode())
    sources = [script["src"] for script in page.scripts if "src" in script]
    data_blocks = [script for script in page.scripts if "src" not in script]
    assert sources == ["/static/ninja/swagger-ui-bundle.js", "/static/api/docs.js"]
    assert [block.get("type") for block in data_blocks] == ["application/json"]
    assert page.stylesheets == ["/static/ninja/swagger-ui.css"]
    assert page.inline_styles == 0
    for url in [*sources, *page.stylesheets]:
        assert finders.find(url.removeprefix(settings.STATIC_URL).removeprefix("/static/")), url


def test_openapi_schema_describes_every_endpoint_and_the_pages_filters(client):
    schema = get_json(client, api("openapi-json"))
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/reviews",
        "/api/v1/reviews/{review_id}",
        "/api/v1/reviews/{year}/{month}/{day}/{slug}",
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/outlets",
        "/api/v1/outlets/{slug}",
        "/api/v1/experts",
        "/api/v1/experts/{slug}",
        "/api/v1/experts/{slug}/citations-over-time",
        "/api/v1/tags",
        "/api/v1/tags/{slug}",
        "/api/v1/sections",
        "/api/v1/sections/{slug}",
    }
    for path, filterset in [("/api/v1/reviews", ReviewFilter), ("/api/v1/stories", StoryFilter)]:
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert names == {*filterset.base_filters, "cursor", "page_size", "language"}
    for path in ["/api/v1/outlets", "/api/v1/experts", "/api/v1/tags", "/api/v1/sections"]:
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert names == {"cursor", "page_size", "language"}, path
        detail = schema["paths"][f"{path}/{{slug}}"]["get"]
        assert {parameter["name"] for parameter in detail["parameters"]} == {"slug", "language"}
        assert "400" in detail["responses"], path
    review = schema["components"]["schemas"]["Review"]
    assert "editions" in review["required"]
    assert schema["components"]["schemas"]["Edition"]["required"] == [
        "language",
        "id",
        "url",
        "api_url",
    ]


def test_citation_model_fields_shown_are_the_cited_ones(client):
    """A citation shows the position held then, not the expert's current one."""
    citation = CitationFactory(position="junior analyst", expert__position="minister")
    story = get_json(client, api("story-detail", story_id=citation.story.pk))
    assert story["citations"][0]["position"] == "junior analyst"
    expert = get_json(client, api("expert-detail", slug=citation.expert.slug))
    assert expert["position"] == "minister"
