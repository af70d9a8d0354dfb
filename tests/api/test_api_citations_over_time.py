"""/api/v1/experts/<slug>/citations-over-time: an expert's published citations per month, by
outlet, for a period given by the lists' date parameters."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from reviews.vocabulary import moderation
from tests.support.factories import CitationFactory, ExpertFactory, OutletFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def ana():
    """Quoted twice by the Courier and once by the Herald in January 2026, once by the
    Courier in March; and in a draft of February, which no answer counts."""
    expert = ExpertFactory(name="Ana Ribeiro", slug="ana-ribeiro")
    courier = OutletFactory(name="Courier", slug="courier")
    herald = OutletFactory(name="Herald", slug="herald")
    for day, outlet, state in [
        ((2026, 1, 5), courier, {}),
        ((2026, 1, 6), courier, {}),
        ((2026, 1, 7), herald, {}),
        ((2026, 2, 1), herald, {"draft": True}),
        ((2026, 3, 2), courier, {}),
    ]:
        CitationFactory(
            expert=expert,
            story__outlet=outlet,
            story__review=ReviewFactory(review_date=datetime.date(*day), **state),
        )
    return expert


def address(slug="ana-ribeiro") -> str:
    return reverse("api-v1:expert-citations-over-time", kwargs={"slug": slug})


def test_citations_per_month_and_outlet_published_only(client, ana):
    answer = client.get(address(), {"date_after": "2026-01-01", "date_before": "2026-03-31"})
    assert answer.status_code == 200
    data = answer.json()
    assert data["expert"]["slug"] == "ana-ribeiro"
    assert (data["date_after"], data["date_before"]) == ("2026-01-01", "2026-03-31")
    assert data["months"] == [
        {
            "month": "2026-01",
            "citations": 3,
            "outlets": [
                {"name": "Courier", "slug": "courier", "citations": 2},
                {"name": "Herald", "slug": "herald", "citations": 1},
            ],
        },
        {"month": "2026-02", "citations": 0, "outlets": []},
        {
            "month": "2026-03",
            "citations": 1,
            "outlets": [{"name": "Courier", "slug": "courier", "citations": 1}],
        },
    ]


def test_without_dates_the_last_two_years(client, ana):
    data = client.get(address()).json()
    assert (data["date_after"], data["date_before"]) == ("2024-03-10", "2026-03-10")
    assert len(data["months"]) == 25
    assert sum(month["citations"] for month in data["months"]) == 4


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"date_after": "2026-02-30"}, "date_after"),
        ({"date_after": "2026-03-01", "date_before": "2026-01-01"}, "date_before"),
        ({"date_after": "2000-01-01", "date_before": "2026-01-01"}, "date_after"),
        ({"page": "2"}, "page"),
    ],
)
def test_an_invalid_period_answers_400_naming_the_parameter(client, ana, query, parameter):
    answer = client.get(address(), query)
    assert answer.status_code == 400
    assert parameter in [error["parameter"] for error in answer.json()["errors"]]


def test_an_unknown_or_unpublished_expert_is_not_found(client, ana):
    hidden = CitationFactory(story__review__draft=True).expert
    assert client.get(address("nobody")).status_code == 404
    assert client.get(address(hidden.slug)).status_code == 404


def test_a_merged_experts_old_slug_moves_to_the_current_one(client, ana, django_user_model):
    other = CitationFactory(expert__slug="a-ribeiro").expert
    boss = django_user_model.objects.create_superuser("boss")
    moderation.experts_merge(experts=[other], into=ana, by=boss)
    answer = client.get(address("a-ribeiro"))
    assert answer.status_code == 301
    assert answer["Location"].endswith(address())


def test_the_query_count_does_not_grow_with_the_months(client, ana, django_assert_max_num_queries):
    for query in (
        {"date_after": "2026-01-01", "date_before": "2026-01-31"},
        {"date_after": "2017-01-01"},
    ):
        with django_assert_max_num_queries(3):
            assert client.get(address(), query).status_code == 200
