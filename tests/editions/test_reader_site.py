"""Editions on the reader's site: /ru/ addresses beside the unchanged default ones, lists in
the page's language, the switcher, hreflang, <html lang>, and the page cache per address."""

import pytest
from django.urls import reverse
from django.utils import translation

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(editor):
    """An English review and its Russian edition, both published."""
    english = ReviewFactory(title="Press review: Ferries resume", slug="ferries-resume")
    StoryFactory(review=english, position=1, headline="Ferries resume")
    russian = edition_create(source=english, language="ru", by=editor)
    Review.objects.filter(pk=russian.pk).update(title="Обзор прессы: паромы снова ходят")
    workflow.review_publish(review=Review.objects.get(pk=russian.pk), by=editor)
    return Review.objects.get(pk=english.pk), Review.objects.get(pk=russian.pk)


def test_default_addresses_stay_as_they_were(editions):
    english, russian = editions
    assert english.get_absolute_url().startswith("/reviews/")
    assert russian.get_absolute_url() == english.get_absolute_url().replace(
        "/reviews/", "/ru/reviews/"
    ).replace("ferries-resume", "ferries-resume-ru")
    assert reverse("reviews:home") == "/"
    with translation.override("ru"):
        assert reverse("reviews:home") == "/ru/"


def test_each_language_lists_its_own_editions(client, editions):
    english, russian = editions
    home = client.get("/").content.decode()
    assert english.title in home and russian.title not in home
    ru_home = client.get("/ru/").content.decode()
    assert russian.title in ru_home and english.title not in ru_home
    assert russian.title in client.get("/ru/reviews/").content.decode()


def test_an_edition_is_only_at_its_language_s_address(client, editions):
    _english, russian = editions
    assert client.get(russian.get_absolute_url()).status_code == 200
    wrong = russian.get_absolute_url().removeprefix("/ru")
    assert client.get(wrong).status_code == 404


def test_the_page_says_its_language_and_links_the_other_edition(client, editions):
    english, russian = editions
    response = client.get(english.get_absolute_url())
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert response["Content-Language"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")
    assert f'hreflang="ru" href="http://testserver{russian.get_absolute_url()}"' in page
    assert f'hreflang="en" href="http://testserver{english.get_absolute_url()}"' in page
    ru_page = client.get(russian.get_absolute_url()).content.decode()
    assert '<html lang="ru">' in ru_page
    assert f'href="{english.get_absolute_url()}" hreflang="en"' in ru_page


def test_without_a_published_edition_the_switcher_goes_to_that_language_s_home(client, editor):
    english = ReviewFactory()
    edition_create(source=english, language="ru", by=editor)  # a draft
    page = client.get(english.get_absolute_url()).content.decode()
    assert 'href="/ru/" hreflang="ru"' in page
    assert 'rel="alternate" hreflang' not in page


def test_the_browser_s_language_does_not_change_a_default_address(client, editions):
    english, russian = editions
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert english.title in page and russian.title not in page
    assert '<html lang="en">' in page


def test_the_page_cache_keeps_each_language_s_page_apart(client, editions):
    """Stored by full address: the Russian home never answers for the English one, and a
    stored page keeps its Content-Language."""
    english, russian = editions
    for expected in ("miss", "hit"):
        ru_home = client.get("/ru/")
        assert russian.title in ru_home.content.decode()
        home = client.get("/")
        assert english.title in home.content.decode()
        assert russian.title not in home.content.decode()
        assert (home["X-Page-Cache"], home["Content-Language"]) == (expected, "en")
        assert (ru_home["X-Page-Cache"], ru_home["Content-Language"]) == (expected, "ru")


def test_the_edition_page_reads_in_few_queries(client, editions, django_assert_max_num_queries):
    english, _russian = editions
    with django_assert_max_num_queries(12):
        assert client.get(english.get_absolute_url()).status_code == 200
