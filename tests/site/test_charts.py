"""The charts readers see: on the subject pages and indexes, on /trends/, and citations as data
(a permalink each, schema.org Quotations in the review's JSON-LD)."""

import datetime
import json
import re

import pytest
import time_machine
from django.urls import reverse
from pyld import jsonld

from reviews.site import charts
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def quoted(frozen):
    """Ana quoted in a published review of 3 March and in a draft of 4 March."""
    review = ReviewFactory(review_date=datetime.date(2026, 3, 3), slug="quays")
    citation = CitationFactory(
        story__review=review,
        story__position=1,
        story__outlet__name="The Courier",
        story__outlet__slug="courier",
        story__headline="Dockers extend their walkout",
        story__tags=["ports"],
        expert__name="Ana Ribeiro",
        expert__slug="ana-ribeiro",
        position="economist",
        organisation="Bank A",
        quote="The quays will stay shut.",
    )
    CitationFactory(
        story__review=ReviewFactory(review_date=datetime.date(2026, 3, 4), draft=True),
        story__outlet=citation.story.outlet,
        story__tags=["ports"],
        expert=citation.expert,
    )
    return citation


def svg_charts(page: str) -> list[str]:
    return re.findall(r'<svg class="chart__svg".*?</svg>', page, re.S)


# Drawing: no database.


@pytest.mark.once
@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (4_100, 5_000)]
)
def test_the_scale_ends_at_a_round_number(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling


@pytest.mark.once
def test_the_tallest_column_reaches_the_top_of_the_scale_and_the_table_has_every_month():
    months = [(datetime.date(2026, month, 1), count) for month, count in ((1, 2), (2, 0), (3, 10))]
    chart = charts.column_chart("stories", "Stories per month", months, unit="Stories")

    tallest = chart.columns[2].segments[0]
    assert tallest.y == charts.TOP
    assert tallest.y + tallest.height == chart.baseline
    assert chart.columns[1].segments == []
    assert [tick.label for tick in chart.y_ticks] == ["0", "5", "10"]
    assert chart.table_head == ["Month", "Stories"]
    assert chart.table_rows == [["January 2026", "2"], ["February 2026", "0"], ["March 2026", "10"]]
    assert chart.description == (
        "12 in all from January 2026 to March 2026; the most in March 2026 (10)."
    )


@pytest.mark.once
def test_stacked_columns_name_their_series_in_the_legend_and_the_table():
    chart = charts.column_chart(
        "citations", "Citations", [(datetime.date(2026, 1, 1), [1, 2])], series=["A", "B"]
    )
    assert chart.legend == [(1, "A"), (2, "B")]
    assert [segment.series for segment in chart.columns[0].segments] == [1, 2]
    assert chart.table_head == ["Month", "A", "B", "Total"]
    assert chart.table_rows == [["January 2026", "1", "2", "3"]]


@pytest.mark.once
def test_numbers_are_grouped_as_the_language_writes_them(settings):
    assert charts.number(12_345) == "12,345"


# Pages.


@pytest.mark.parametrize(
    "address",
    [
        reverse("reviews:outlet-detail", args=["courier"]),
        reverse("reviews:expert-detail", args=["ana-ribeiro"]),
        reverse("reviews:tag-detail", args=["ports"]),
    ],
)
def test_subject_pages_chart_published_content_with_a_text_alternative_and_a_table(
    client, quoted, address
):
    page = client.get(address).text

    [svg] = svg_charts(page)
    title, desc = re.search(r'aria-labelledby="([\w-]+-title) ([\w-]+-desc)"', svg).groups()
    assert f'<title id="{title}">' in svg and f'<desc id="{desc}">' in svg
    assert 'role="img"' in svg
    # One in March (the draft of 4 March is not counted), in a table behind a disclosure.
    assert "1 in all from April 2024 to March 2026; the most in March 2026 (1)." in svg
    assert re.search(
        r"<details class=\"chart__data\">.*<th scope=\"row\">March 2026</th>", page, re.S
    )
    assert " style=" not in page


def test_later_pages_of_a_subject_leave_the_charts_out(client, quoted):
    for day in range(1, 25):
        StoryFactory(review__review_date=datetime.date(2026, 2, day), outlet=quoted.story.outlet)
    address = reverse("reviews:outlet-detail", args=["courier"])
    assert svg_charts(client.get(address).text)
    assert not svg_charts(client.get(address, {"page": 2}).text)


def test_expert_page_lists_the_positions_held_and_links_each_citation(client, quoted):
    page = client.get(reverse("reviews:expert-detail", args=["ana-ribeiro"])).text
    assert "economist at Bank A" in page
    assert f'href="{quoted.story.review.get_absolute_url()}#story-1-ana-ribeiro"' in page


@pytest.mark.parametrize(
    ("index", "label"),
    [
        ("reviews:outlet-list", "aria-label"),
        ("reviews:expert-list", "aria-label"),
        ("reviews:tag-list", None),
    ],
)
def test_indexes_show_a_sparkline_of_the_last_twelve_months(client, quoted, index, label):
    page = client.get(reverse(index)).text
    [sparkline] = re.findall(r'<svg class="sparkline".*?</svg>', page, re.S)
    points = re.search(r'points="([^"]*)"', sparkline)[1]
    assert len(points.split()) == 12  # a point a month
    if label:
        assert "Per month from April 2025 to March 2026: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1" in page


# The trends page.


def test_trends_page_is_linked_from_the_header_and_counts_the_last_30_days(client, quoted):
    StoryFactory(review__review_date=datetime.date(2026, 3, 9), tags=["quays"])
    response = client.get(reverse("reviews:trends"))
    assert response.status_code == 200
    assert f'href="{reverse("reviews:trends")}"' in client.get(reverse("reviews:home")).text
    period = response.context["period"]
    assert (period.start, period.end) == (datetime.date(2026, 2, 9), TODAY)
    page = response.text
    assert "Ana Ribeiro" in page and "The Courier" in page
    # "quays": one published story in the week to 10 March, none in the four weeks before;
    # "ports" one on 3 March, the week before: not rising.
    assert re.search(
        r'quays</a> <span class="bar-list__count">1 this week, 0.0 a week before', page
    )
    assert "/tags/ports/" not in page
    assert " style=" not in page


def test_trends_for_a_chosen_period(client, quoted):
    response = client.get(
        reverse("reviews:trends"), {"date_after": "2026-01-01", "date_before": "2026-02-28"}
    )
    assert response.status_code == 200
    assert "Ana Ribeiro" not in response.text  # quoted in March only


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_after": "2026-02-30"}, "Enter a valid date."),
        ({"date_before": "yesterday"}, "Enter a valid date."),
        (
            {"date_after": "2026-03-05", "date_before": "2026-03-01"},
            "This date is before the start date.",
        ),
        (
            {"date_after": "2024-01-01", "date_before": "2026-01-01"},
            "Choose a period of at most 366 days.",
        ),
        ({"date_before": "0001-01-05"}, "Choose dates between the years 1 and 9999."),
        ({"date_after": "9999-12-30"}, None),
        ({"date_after": "2026-01-01\x00"}, "Enter a valid date."),
    ],
)
def test_an_invalid_period_says_why_with_a_400(client, frozen, query, message):
    response = client.get(reverse("reviews:trends"), query)
    if message is None:  # the far future is a period like any other, only empty
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text


# Citations as data.


def review_json_ld(client, review) -> list[dict]:
    page = client.get(review.get_absolute_url()).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [item for block in blocks for item in json.loads(block)]


def schema_org_loader(url, options=None):
    """schema.org's context, reduced to what expansion needs here: the tests use no network."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/", "@base": url}},
    }


def test_each_citation_has_a_permalink_on_the_review_page(client, quoted):
    page = client.get(quoted.story.review.get_absolute_url()).text
    assert 'id="story-1-ana-ribeiro"' in page
    assert 'href="#story-1-ana-ribeiro"' in page
    assert quoted.get_absolute_url().endswith("/2026/03/03/quays/#story-1-ana-ribeiro")


def test_review_json_ld_has_a_quotation_per_citation_spoken_by_the_expert_as_cited_then(
    client, quoted
):
    quoted.expert.position, quoted.expert.organisation = "governor", "Central Bank"
    quoted.expert.save()  # later promoted: the quotation keeps the position as cited then
    review = quoted.story.review
    data = review_json_ld(client, review)
    [quotation] = [item for item in data if item["@type"] == "Quotation"]
    article = f"http://testserver{review.get_absolute_url()}"

    assert quotation["@id"] == f"{article}#story-1-ana-ribeiro"
    assert quotation["text"] == "The quays will stay shut."
    assert quotation["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Ana Ribeiro",
        "url": "http://testserver/experts/ana-ribeiro/",
        "jobTitle": "economist",
        "affiliation": {"@type": "Organization", "name": "Bank A"},
    }
    assert quotation["isPartOf"]["@id"] == f"{article}#story-1"
    assert quotation["isPartOf"]["isPartOf"] == {"@id": article}

    # As a linked-data processor reads it: schema.org's types and properties, fully named.
    [expanded] = jsonld.expand(quotation, {"documentLoader": schema_org_loader})
    assert expanded["@type"] == ["https://schema.org/Quotation"]
    [person] = expanded["https://schema.org/spokenByCharacter"]
    assert person["@type"] == ["https://schema.org/Person"]
    assert person["https://schema.org/jobTitle"] == [{"@value": "economist"}]
    [story] = expanded["https://schema.org/isPartOf"]
    assert story["@id"] == f"{article}#story-1"


def test_a_citation_without_position_or_quote_says_only_who_spoke(client, frozen):
    citation = CitationFactory(position="", organisation="", quote="")
    [quotation] = [
        item
        for item in review_json_ld(client, citation.story.review)
        if item["@type"] == "Quotation"
    ]
    assert set(quotation["spokenByCharacter"]) == {"@type", "name", "url"}
    assert "text" not in quotation
