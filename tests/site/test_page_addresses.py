"""Each page of a list is its own canonical address, with rel=prev/next to its neighbours."""

import pytest
from django.urls import reverse

from reviews.site.views import ReviewListView
from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db

LIST = reverse("reviews:review-list")
ABSOLUTE = f"http://testserver{LIST}"


@pytest.fixture
def three_pages(monkeypatch):
    monkeypatch.setattr(ReviewListView, "paginate_by", 2)
    section = ReviewFactory(section__slug="politics").section
    for _number in range(5):
        ReviewFactory(section=section)


def head(client, query: str = "") -> str:
    page = client.get(f"{LIST}{query}").text
    return page[: page.index("</head>")]


def test_a_later_page_is_its_own_canonical_address_with_its_neighbours(client, three_pages):
    page = head(client, "?page=2")

    assert f'<link rel="canonical" href="{ABSOLUTE}?page=2">' in page
    assert f'<meta property="og:url" content="{ABSOLUTE}?page=2">' in page
    assert f'<link rel="prev" href="{ABSOLUTE}">' in page  # page 1 has no page number
    assert f'<link rel="next" href="{ABSOLUTE}?page=3">' in page


def test_the_first_and_last_pages_link_one_way(client, three_pages):
    first, last = head(client), head(client, "?page=3")

    assert f'<link rel="canonical" href="{ABSOLUTE}">' in first
    assert 'rel="prev"' not in first and f'<link rel="next" href="{ABSOLUTE}?page=2">' in first
    assert f'<link rel="canonical" href="{ABSOLUTE}?page=3">' in last
    assert 'rel="next"' not in last and f'<link rel="prev" href="{ABSOLUTE}?page=2">' in last


def test_page_one_by_number_names_the_list_itself(client, three_pages):
    assert f'<link rel="canonical" href="{ABSOLUTE}">' in head(client, "?page=1")


def test_a_filtered_lists_pages_keep_their_filters_but_name_the_whole_list(client, three_pages):
    page = head(client, "?section=politics&page=2")

    assert f'<link rel="canonical" href="{ABSOLUTE}">' in page
    assert f'<link rel="prev" href="{ABSOLUTE}?section=politics">' in page
    assert f'<link rel="next" href="{ABSOLUTE}?section=politics&amp;page=3">' in page


def test_a_page_that_is_no_list_has_no_neighbours(client):
    review = ReviewFactory()

    page = client.get(review.get_absolute_url()).text

    assert f'<link rel="canonical" href="http://testserver{review.get_absolute_url()}">' in page
    assert 'link rel="prev"' not in page and 'link rel="next"' not in page
