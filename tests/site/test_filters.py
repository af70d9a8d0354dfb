"""The filters of /reviews/ and /stories/, with the parameters PRODUCT.md makes public."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.support.factories import (
    CitationFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

REVIEWS = reverse("reviews:review-list")
STORIES = reverse("reviews:story-list")


def day(n):
    return datetime.date(2026, 3, n)


@pytest.fixture
def desk():
    """Three published reviews on 1, 2 and 3 March with known outlets, experts and tags."""
    politics = SectionFactory(name="Politics", slug="politics")
    business = SectionFactory(name="Business", slug="business")
    courier, ledger, herald = (
        OutletFactory(name=name, slug=name.lower()) for name in ("Courier", "Ledger", "Herald")
    )
    first = ReviewFactory(
        title="Press review: Rates", slug="rates", review_date=day(1), section=business
    )
    second = ReviewFactory(
        title="Press review: Strike", slug="strike", review_date=day(2), section=politics
    )
    third = ReviewFactory(
        title="Press review: Drought", slug="drought", review_date=day(3), section=politics
    )
    stories = {
        "rates": StoryFactory(
            review=first, outlet=courier, headline="Bank holds rates", tags=["banking", "inflation"]
        ),
        "strike": StoryFactory(
            review=second, outlet=ledger, headline="Dockers strike", tags=["ports", "labour"]
        ),
        "strike2": StoryFactory(
            review=second, outlet=courier, headline="Cranes stand idle", tags=["ports"]
        ),
        "drought": StoryFactory(
            review=third, outlet=herald, headline="Reservoirs run dry", tags=["drought", "labour"]
        ),
    }
    CitationFactory(story=stories["strike"], expert__name="Rui Costa", expert__slug="rui-costa")
    return {"reviews": {"rates": first, "strike": second, "drought": third}, "stories": stories}


def titles(response, name="reviews"):
    return [obj.title for obj in response.context[name]]


def headlines(response):
    return [story.headline for story in response.context["stories"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Press review: Drought", "Press review: Strike", "Press review: Rates"]),
        (
            {"ordering": "date"},
            ["Press review: Rates", "Press review: Strike", "Press review: Drought"],
        ),
        (
            {"ordering": "-date"},
            ["Press review: Drought", "Press review: Strike", "Press review: Rates"],
        ),
        ({"section": "politics"}, ["Press review: Drought", "Press review: Strike"]),
        ({"outlet": "courier"}, ["Press review: Strike", "Press review: Rates"]),
        ({"outlet": ["ledger", "herald"]}, ["Press review: Drought", "Press review: Strike"]),
        ({"expert": "rui-costa"}, ["Press review: Strike"]),
        ({"tag": "labour"}, ["Press review: Drought", "Press review: Strike"]),
        ({"tag": ["ports", "labour"]}, ["Press review: Strike"]),
        ({"tag": ["banking", "labour"]}, []),
        ({"date_after": "2026-03-02"}, ["Press review: Drought", "Press review: Strike"]),
        ({"date_before": "2026-03-02"}, ["Press review: Strike", "Press review: Rates"]),
        ({"date_after": "2026-03-02", "date_before": "2026-03-02"}, ["Press review: Strike"]),
        ({"q": "cranes"}, ["Press review: Strike"]),
        ({"q": "drought"}, ["Press review: Drought"]),
        (
            {
                "section": "politics",
                "outlet": "courier",
                "tag": "ports",
                "date_after": "2026-03-01",
                "ordering": "date",
            },
            ["Press review: Strike"],
        ),
    ],
)
def test_review_filters(client, desk, params, expected):
    response = client.get(REVIEWS, params)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Reservoirs run dry", "Dockers strike", "Cranes stand idle", "Bank holds rates"]),
        (
            {"ordering": "date"},
            ["Bank holds rates", "Dockers strike", "Cranes stand idle", "Reservoirs run dry"],
        ),
        ({"section": "business"}, ["Bank holds rates"]),
        ({"outlet": "courier"}, ["Cranes stand idle", "Bank holds rates"]),
        (
            {"outlet": ["courier", "herald"]},
            ["Reservoirs run dry", "Cranes stand idle", "Bank holds rates"],
        ),
        ({"expert": "rui-costa"}, ["Dockers strike"]),
        ({"tag": ["ports", "labour"]}, ["Dockers strike"]),
        ({"tag": "ports"}, ["Dockers strike", "Cranes stand idle"]),
        (
            {"date_after": "2026-03-02", "date_before": "2026-03-02"},
            ["Dockers strike", "Cranes stand idle"],
        ),
        ({"q": "reservoirs"}, ["Reservoirs run dry"]),
    ],
)
def test_story_filters(client, desk, params, expected):
    response = client.get(STORIES, params)
    assert response.status_code == 200
    assert headlines(response) == expected


@pytest.mark.parametrize("url", [REVIEWS, STORIES])
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_after": "2026-02-30"}, "Enter a valid date."),
        ({"date_before": "yesterday"}, "Enter a valid date."),
        ({"date_after": "2026-03-03", "date_before": "2026-03-01"}, "before the start date"),
        ({"section": "no-such-section"}, "Select a valid choice"),
        ({"outlet": ["courier", "no-such-paper"]}, "Select a valid choice"),
        ({"expert": "nobody"}, "Select a valid choice"),
        ({"tag": "no-such-tag"}, "Select a valid choice"),
        ({"ordering": "title"}, "Select a valid choice"),
        ({"q": "x" * 201}, "at most 200 characters"),
    ],
)
def test_invalid_filters_answer_400_with_the_forms_message(client, desk, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text


@pytest.mark.parametrize("url", [REVIEWS, STORIES])
@pytest.mark.parametrize("page", ["99", "0", "abc", "-1"])
def test_a_page_out_of_range_is_not_found(client, desk, url, page):
    assert client.get(url, {"page": page}).status_code == 404


def test_unknown_parameters_are_ignored(client, desk):
    response = client.get(REVIEWS, {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_pagination_keeps_the_filters(client, desk):
    ReviewFactory.create_batch(25, section=desk["reviews"]["strike"].section)
    response = client.get(REVIEWS, {"section": "politics", "ordering": "date"})
    assert response.context["paginator"].count == 27
    assert 'href="?section=politics&amp;ordering=date&amp;page=2"' in response.text
    second = client.get(REVIEWS, {"section": "politics", "ordering": "date", "page": 2})
    assert second.status_code == 200
    first_page = {review.pk for review in response.context["reviews"]}
    assert not first_page & {review.pk for review in second.context["reviews"]}


def test_each_active_filter_can_be_removed_on_its_own(client, desk):
    response = client.get(REVIEWS, {"outlet": ["courier", "ledger"], "tag": "ports", "page": 1})
    chips = dict(response.context["active_filters"])
    assert chips["Outlet: Courier"] == "outlet=ledger&tag=ports"
    assert chips["Outlet: Ledger"] == "outlet=courier&tag=ports"
    assert chips["Tag: ports"] == "outlet=courier&outlet=ledger"
    assert "Remove filter Outlet: Courier" in response.text


def test_the_form_kept_for_a_list_with_nothing_chosen_is_not_shown_for_a_choice(
    client, desk, settings
):
    """The form of /reviews/ with nothing chosen is kept for every reader; a reader who
    chose an outlet or a section sees their own choice, and the next plain list none."""
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    plain = client.get(REVIEWS).text
    assert client.get(REVIEWS).text == plain
    assert "checked" not in plain and '<option value="politics" selected>' not in plain
    chosen = client.get(REVIEWS, {"outlet": "courier", "section": "politics"}).text
    assert re.search(r'value="courier" id="id_outlet_\d+" checked', chosen)
    assert '<option value="politics" selected>' in chosen
    second_page = client.get(REVIEWS, {"page": 1}).text
    assert "checked" not in second_page
    assert '<option value="politics" selected>' not in second_page


def test_filter_form_shows_the_chosen_values(client, desk):
    response = client.get(STORIES, {"outlet": "courier", "date_after": "2026-03-02"})
    assert 'value="courier" id="id_outlet_0" checked' in response.text or (
        'value="courier"' in response.text and "checked" in response.text
    )
    assert 'value="2026-03-02"' in response.text


@pytest.mark.parametrize("url", [REVIEWS, STORIES])
@pytest.mark.parametrize("extra_reviews", [0, 24])
def test_filtered_lists_run_the_same_queries_for_few_or_many_items(
    client, desk, django_assert_max_num_queries, url, extra_reviews
):
    for _ in range(extra_reviews):
        CitationFactory(
            story__review__section=desk["reviews"]["strike"].section,
            story__tags=["ports", "labour"],
        )
    with django_assert_max_num_queries(14):
        response = client.get(url, {"tag": "ports", "section": "politics", "outlet": "courier"})
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def hidden_only_subjects() -> dict[type, str]:
    """{model: slug} of a section, outlet, expert and tag that only a draft uses."""
    from taggit.models import Tag

    from reviews.models import Expert, Outlet, Section

    citation = CitationFactory(
        story__review__draft=True,
        story__review__section__slug="draft-only-section",
        story__outlet__slug="draft-only-gazette",
        story__tags=["draft only topic"],
        expert__slug="draft-only-expert",
    )
    return {
        Section: citation.story.review.section.slug,
        Outlet: citation.story.outlet.slug,
        Expert: citation.expert.slug,
        Tag: "draft-only-topic",
    }


@pytest.mark.parametrize("list_url", [REVIEWS, STORIES])
def test_every_choice_filter_refuses_a_subject_only_hidden_content_uses(client, desk, list_url):
    """Each filter over a model (section, outlet, expert, tag, and any added later) offers
    and accepts only subjects of published content: a hidden one answers 400 like a missing
    one, and is not among the form's choices."""
    import django_filters

    from reviews.finding.filters import ReviewFilter, StoryFilter

    hidden = hidden_only_subjects()
    filterset = {REVIEWS: ReviewFilter, STORIES: StoryFilter}[list_url]
    model_filters = {
        name: choice
        for name, choice in filterset.base_filters.items()
        if isinstance(
            choice, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
        )
    }
    assert set(model_filters) >= {"section", "outlet", "expert", "tag"}
    page = client.get(list_url)
    for name, choice in model_filters.items():
        queryset = choice.extra["queryset"]
        model = (queryset(None) if callable(queryset) else queryset).model
        assert model in hidden, f"no hidden-only example for the filter {name} ({model})"
        slug = hidden[model]
        assert f'value="{slug}"' not in page.text, name
        response = client.get(list_url, {name: slug})
        assert response.status_code == 400, name
        assert client.get(list_url, {name: "no-such-thing"}).status_code == 400, name


def test_a_section_of_published_reviews_is_offered_and_filters(client, desk):
    """The control: a section with a published review is a choice and filters the list."""
    page = client.get(REVIEWS)
    assert 'value="politics"' in page.text and 'value="business"' in page.text
    response = client.get(REVIEWS, {"section": "business"})
    assert response.status_code == 200
    assert "Press review: Rates" in response.text and "Press review: Strike" not in response.text


def test_the_filter_form_writes_its_choices_as_djangos_widgets_would(rf, desk):
    """The hand-written options and checkboxes (reviews_extras) equal Django's widgets'
    rendering, chosen values, errors and all."""
    from django.test.html import parse_html
    from django.utils.html import format_html

    from reviews.finding.filters import ReviewFilter
    from reviews.templatetags.reviews_extras import checkbox_choices, select_field

    for params in (
        {},
        {"section": "politics", "expert": "rui-costa", "outlet": "ledger", "tag": "ports"},
        {"section": "nowhere", "expert": "nobody", "outlet": ["courier", "gone"], "tag": "x"},
    ):
        request = rf.get(REVIEWS, params)
        form = ReviewFilter(request.GET, request=request).form
        form.is_valid()
        for name in ("section", "expert"):
            assert parse_html(select_field(form[name])) == parse_html(str(form[name])), name
        for name in ("outlet", "tag"):
            django_rendering = "".join(
                format_html(
                    '<div>{} <label for="{}">{}</label></div>',
                    choice.tag(),
                    choice.id_for_label,
                    choice.choice_label,
                )
                for choice in form[name]
            )
            assert parse_html(checkbox_choices(form[name])) == parse_html(django_rendering), name


@pytest.mark.once
def test_a_choice_named_with_markup_is_written_as_text():
    """An outlet or tag whose name holds <, &, or quotes is escaped in the filter form as
    Django's widgets escape it, and what is already safe is kept."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext_lazy

    from reviews.templatetags.reviews_extras import _escaped

    for value in ('Le <Monde> & "Co" \'s', gettext_lazy("All sections"), mark_safe("<b>x</b>"), 7):
        assert _escaped(value) == conditional_escape(value)


def test_the_filter_choices_are_worked_out_once_per_content_change(
    client, desk, django_assert_num_queries, settings
):
    """The form's sections, outlets, experts and tags cost no query on the second request
    of a list, even with the page cache off, and a change of content shows at once."""
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    client.get(REVIEWS)
    # The page of reviews and their count.
    with django_assert_num_queries(2):
        page = client.get(REVIEWS)
    assert 'value="herald"' in page.text and 'value="tribune"' not in page.text
    StoryFactory(
        review=desk["reviews"]["drought"],
        outlet=OutletFactory(name="Tribune", slug="tribune"),
        tags=["water"],
        position=9,
    )
    page = client.get(REVIEWS)
    assert 'value="tribune"' in page.text and 'value="water"' in page.text
