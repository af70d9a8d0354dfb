"""Hostile input never breaks a public page: no 5xx, and every answer is well formed.

Hypothesis sends generated and hostile values (huge and negative numbers, unicode of every
plane, NUL bytes, SQL and template fragments, very long strings, odd percent-encodings,
repeated and missing parameters) to every public URL and parameter: the review and story
filters, search, the date archives and review addresses with odd path values, the outlets',
experts' and tags' pages and feeds, the site feeds, the sitemap, and /api/v1/. An answer
must be below 500, and well formed for its type: HTML whose tags balance, XML that parses,
JSON that parses; a redirect stays on this site.

Runs are reproducible (`derandomize=True`, no example database) and the counts below add up
to more than 2,000 requests per run. The content is built once per test and every example
only reads it, which is why sharing a function-scoped fixture between examples is correct
here (the health check that warns about it is suppressed for that reason).
"""

import string
from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.support.answers import REDIRECTS, check
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

FUZZ = hypothesis_settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Examples per test; the total is what docs/SECURITY.md reports.
EXAMPLES = {
    "filters": 600,
    "search": 300,
    "paths": 400,
    "subjects": 300,
    "pages": 200,
    "trends": 150,
    "api": 300,
}

# Values chosen by hand for what they have broken elsewhere.
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "\r\n",
    "\t",
    "' OR '1'='1",
    "'; DROP TABLE reviews_review; --",
    '" OR ""="',
    "1 UNION SELECT username, password FROM auth_user --",
    "1; SELECT pg_sleep(10)",
    "\\",
    "%",
    "%%",
    "_",
    "*",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "{% load log %}{% get_admin_log 10 as log %}",
    "${7*7}",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "//evil.example/",
    "http://evil.example/",
    "%s%s%s%n",
    "\u202eevil",
    "\ufeff",
    "\U0001f4f0 news",
    "\U0001d573\U0001d58a\U0001d586\U0001d589\U0001d591\U0001d58e\U0001d593\U0001d58a",
    "ﷺ",
    "Ünïcödé",
    "\uff10\uff11\uff12\uff13",
    "٣",
    "-1",
    "0",
    "1.5",
    "1e308",
    "NaN",
    "inf",
    "-0",
    "0x10",
    "9" * 30,
    "-" + "9" * 30,
    str(2**63),
    str(2**64),
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "2026-3-3",
    "2026/03/03",
    "\uff12\uff10\uff12\uff16-\uff10\uff13-\uff10\uff13",
    "-date",
    "date",
    "--date",
    "-pk",
    "title",
    "__class__",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "last",
    "courier",
    "rui-costa",
    "ports",
    "politics",
    "dockers",
    '"dockers strike"',
    "dockers or harbour",
    "-dockers",
    "!!!",
    "&&&",
    "(",
    ")",
    ":*",
    "a:*",
    "'",
]


def repeated(piece: str, times: int) -> str:
    return piece * times


long_strings = st.builds(
    repeated,
    st.sampled_from(["a", "é", "\x00", "'", "%", " ", "9", "字", "\U0001f4f0", "-"]),
    st.integers(min_value=200, max_value=20_000),
)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
dates = st.dates().map(lambda day: day.isoformat())
values = st.one_of(
    st.sampled_from(HOSTILE_VALUES), texts, numbers, long_strings, dates, st.just("")
)

# How a value travels in a query string: properly, in another charset, broken, or raw.
ENCODINGS = ["utf-8", "latin-1", "utf-16", "raw", "broken"]


def encode(value: str, how: str) -> str:
    if how == "utf-8":
        return quote(value, safe="")
    if how == "latin-1":
        return quote(value.encode("latin-1", "replace"), safe="")
    if how == "utf-16":
        return quote(value.encode("utf-16"), safe="")
    if how == "raw":
        # As a careless client sends it; & and = cut it into other parameters.
        return value.replace("#", "%23").replace(" ", "+")
    return quote(value, safe="") + "%G" + "%"[: len(value) % 2]  # a broken escape


FILTER_PARAMETERS = [
    "q",
    "section",
    "outlet",
    "expert",
    "tag",
    "date_after",
    "date_before",
    "ordering",
    "page",
]
parameter_names = st.one_of(
    st.sampled_from(FILTER_PARAMETERS),
    st.sampled_from(["", "q[]", "page_size", "cursor", "o", "format", "__proto__", "q\x00"]),
    texts,
)


@st.composite
def query_strings(draw, names=parameter_names) -> str:
    """Zero or more parameters, repeats likely (names come from a short list)."""
    pairs = draw(st.lists(st.tuples(names, values, st.sampled_from(ENCODINGS)), max_size=6))
    return "&".join(f"{encode(name, how)}={encode(value, how)}" for name, value, how in pairs)


path_segments = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    texts,
    numbers,
    long_strings,
    st.text(alphabet=string.digits, min_size=1, max_size=6),
    st.from_regex(r"[a-z0-9-]{1,40}", fullmatch=True),
)


@st.composite
def segments(draw) -> str:
    value, how = draw(path_segments), draw(st.sampled_from(["utf-8", "latin-1", "ascii"]))
    if how == "latin-1":
        return quote(value.encode("latin-1", "replace"), safe="")
    if how == "ascii":
        return quote(value, safe="-_.~")
    return quote(value, safe="")


# The content every example reads


@pytest.fixture
def world(settings):
    """Published reviews with the subjects the URLs name, and one hidden draft."""
    # The API's rate limit would answer 429 long before the examples run out.
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"
    first = CitationFactory(
        story__review__section__slug="politics",
        story__outlet__slug="courier",
        story__headline="Dockers strike on",
        story__tags=["ports", "labour"],
        expert__slug="rui-costa",
    )
    review = first.story.review
    for number in range(1, 4):
        other = ReviewFactory(section=review.section, title=f"Press review: harbour day {number}")
        StoryFactory(review=other, outlet=first.story.outlet, tags=["ports", f"topic {number}"])
    ReviewFactory(draft=True, title="Press review: a draft")
    return review


def get(client, url: str):
    response = client.get(url)
    check(response, url)
    return response


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["filters"])
@given(
    list_name=st.sampled_from(["reviews:review-list", "reviews:story-list"]),
    query=query_strings(),
)
def test_filters_survive_anything(client, world, list_name, query):
    """/reviews/ and /stories/ with any parameters: a page or a 400, never a 500."""
    response = get(client, f"{reverse(list_name)}?{query}")
    assert response.status_code in (200, 400, 404)


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["search"])
@given(query=query_strings(names=st.sampled_from(["q", "q", "q", "page"])))
def test_search_survives_anything(client, world, query):
    response = get(client, f"{reverse('reviews:search')}?{query}")
    assert response.status_code in (200, 400, 404)


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["trends"])
@given(
    query=query_strings(names=st.sampled_from(["date_after", "date_before", "date_after", "page"]))
)
def test_trends_survive_any_period(client, world, query):
    """/trends/ with any dates: the period's charts or a 400, never a 500."""
    response = get(client, f"{reverse('reviews:trends')}?{query}")
    assert response.status_code in (200, 400)


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["paths"])
@given(
    shape=st.sampled_from(
        [
            "/reviews/{0}/",
            "/reviews/{0}/{1}/",
            "/reviews/{0}/{1}/{2}/{3}/",
            "/reviews/{0}/{1}/{2}/{3}",
            "/reviews/2026/{1}/{2}/{3}/",
            "/reviews/{0}/03/03/{3}/",
            "/preview/{3}/",
            "/{3}",
            "/{3}/",
            "/{0}/{1}/",
        ]
    ),
    parts=st.tuples(segments(), segments(), segments(), segments()),
    query=st.one_of(st.just(""), query_strings()),
)
def test_archive_and_review_addresses_survive_odd_paths(client, world, shape, parts, query):
    """Years, months, days and slugs that are not: a 404 (or a redirect), never a 500."""
    url = shape.format(*parts) + (f"?{query}" if query else "")
    get(client, url)


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["subjects"])
@given(
    kind=st.sampled_from(["outlets", "experts", "tags"]),
    slug=st.one_of(st.sampled_from(["courier", "rui-costa", "ports", "labour"]), segments()),
    feed=st.booleans(),
    query=st.one_of(st.just(""), query_strings()),
)
def test_subject_pages_and_feeds_survive_anything(client, world, kind, slug, feed, query):
    url = f"/{kind}/{slug}/" + ("feed/" if feed else "") + (f"?{query}" if query else "")
    get(client, url)


PAGES = [
    "reviews:home",
    "reviews:outlet-list",
    "reviews:expert-list",
    "reviews:tag-list",
    "reviews:review-feed-rss",
    "reviews:review-feed-atom",
    "sitemap",
    "robots",
]


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["pages"])
@given(name=st.sampled_from(PAGES), query=query_strings())
def test_every_other_page_ignores_or_refuses_junk_parameters(client, world, name, query):
    get(client, f"{reverse(name)}?{query}")


def api_paths() -> list[str]:
    root = reverse("api-v1:index")
    return [
        root,
        f"{root}reviews",
        f"{root}stories",
        f"{root}outlets",
        f"{root}experts",
        f"{root}tags",
        f"{root}sections",
        f"{root}reviews/{{0}}",
        f"{root}stories/{{0}}",
        f"{root}reviews/{{0}}/{{1}}/{{2}}/{{3}}",
        f"{root}outlets/{{3}}",
        f"{root}experts/{{3}}",
        f"{root}experts/{{3}}/citations-over-time",
        f"{root}tags/{{3}}",
        f"{root}sections/{{3}}",
    ]


@hypothesis_settings(FUZZ, max_examples=EXAMPLES["api"])
@given(
    shape_index=st.integers(min_value=0, max_value=13),
    parts=st.tuples(segments(), segments(), segments(), segments()),
    query=st.one_of(
        st.just(""),
        query_strings(),
        query_strings(names=st.sampled_from([*FILTER_PARAMETERS, "page_size", "cursor"])),
    ),
)
def test_api_survives_anything(client, world, shape_index, parts, query):
    """/api/v1/: a JSON answer below 500, whatever the path and parameters."""
    url = api_paths()[shape_index].format(*parts) + (f"?{query}" if query else "")
    response = get(client, url)
    if response.status_code not in REDIRECTS | {304}:
        assert "json" in response["Content-Type"] or url.endswith(("/docs", "/docs/")), url
