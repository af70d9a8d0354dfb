"""Feeds and sitemaps per language: /ru/ feeds in Russian with the Russian editions, and a
sitemap section per language listing the pages that exist in it, with their equivalents."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from reviews.models import Review, TagTranslation
from reviews.publishing.editions import edition_create
from tests.support.content import publish_edition
from tests.support.factories import CitationFactory
from tests.support.syndication import (
    ATOM,
    SITE,
    atom_entries,
    rss_items,
    sitemap_alternates,
    sitemap_index,
    sitemap_urls,
)

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)
DAYS = datetime.timedelta(days=1)
RUSSIAN_TITLE = "Обзор прессы: докеры бастуют"


@pytest.fixture(autouse=True)
def noon(time_machine):
    time_machine.move_to(NOON, tick=False)


@pytest.fixture
def editions(editor):
    """An English review published three days ago and its Russian edition published now,
    about the Courier, Rui Costa and ports (each named in Russian); an English review of
    the Gazette about wages with no Russian edition; and one of the Night Ledger whose
    Russian edition is a draft."""
    citation = CitationFactory(
        story__review__title="Press review: Dockers walk out",
        story__review__publish_at=NOON - 3 * DAYS,
        story__review__section__name="Business",
        story__review__section__translations={"ru": {"name": "Экономика"}},
        story__outlet__name="The Courier",
        story__outlet__slug="courier",
        story__outlet__translations={"ru": {"name": "Курьер"}},
        story__headline="Dockers walk out",
        story__tags=["ports"],
        expert__name="Rui Costa",
        expert__slug="rui-costa",
        expert__translations={"ru": {"name": "Руи Кошта"}},
    )
    TagTranslation.objects.create(
        tag=citation.story.tags.get(), translations={"ru": {"name": "порты"}}
    )
    english = citation.story.review
    russian = publish_edition(english, by=editor, title=RUSSIAN_TITLE, headline="Докеры бастуют")
    CitationFactory(
        story__review__title="Press review: Wages lag",
        story__outlet__slug="gazette",
        story__tags=["wages"],
        expert__slug="ana-ribeiro",
    )
    drafted = CitationFactory(
        story__review__title="Press review: Ledger goes quiet",
        story__outlet__slug="night-ledger",
        story__tags=["night"],
        expert__slug="night-expert",
    ).story.review
    draft = edition_create(source=drafted, language="ru", by=editor)
    Review.objects.filter(pk=draft.pk).update(title="Черновик: тишина в порту")
    return Review.objects.get(pk=english.pk), russian


def channel(response) -> ET.Element:
    rss_items(response)
    return ET.fromstring(response.content).find("channel")


class TestFeeds:
    def test_the_russian_feed_lists_the_russian_editions_in_russian(self, client, editions):
        """Russian words, `<language>ru`, links and self link under /ru/; never a draft."""
        _english, russian = editions
        response = client.get("/ru/feeds/reviews/rss/")
        feed = channel(response)
        assert feed.findtext("title") == "Pressreview: свежие обзоры прессы"
        assert feed.findtext("description").startswith("Ежедневные обзоры прессы")
        assert feed.findtext("language") == "ru"
        assert feed.findtext("link") == f"{SITE}/ru/"
        assert feed.find(f"{ATOM}link").get("href") == f"{SITE}/ru/feeds/reviews/rss/"
        [item] = feed.findall("item")
        assert item.findtext("title") == RUSSIAN_TITLE
        assert item.findtext("link") == SITE + russian.get_absolute_url()
        assert russian.get_absolute_url().startswith("/ru/reviews/")
        assert [c.text for c in item.findall("category")] == ["Экономика", "порты"]

    def test_the_russian_atom_feed_says_its_language(self, client, editions):
        response = client.get("/ru/feeds/reviews/atom/")
        [entry] = atom_entries(response)
        root = ET.fromstring(response.content)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
        assert entry.findtext(f"{ATOM}title") == RUSSIAN_TITLE
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
        assert links == {"alternate": f"{SITE}/ru/", "self": f"{SITE}/ru/feeds/reviews/atom/"}

    def test_the_english_feed_keeps_to_the_english_editions(self, client, editions):
        feed = channel(client.get("/feeds/reviews/rss/"))
        assert feed.findtext("language") == "en"
        assert feed.findtext("link") == f"{SITE}/"
        assert sorted(item.findtext("title") for item in feed.findall("item")) == [
            "Press review: Dockers walk out",
            "Press review: Ledger goes quiet",
            "Press review: Wages lag",
        ]

    @pytest.mark.parametrize(
        ("address", "title"),
        [
            ("/ru/outlets/courier/feed/", "Курьер в обзорах прессы Pressreview"),
            ("/ru/experts/rui-costa/feed/", "Руи Кошта в обзорах прессы Pressreview"),
            ("/ru/tags/ports/feed/", "порты в обзорах прессы Pressreview"),
        ],
    )
    def test_a_russian_subject_feed_names_its_subject_and_outlets_in_russian(
        self, client, editions, address, title
    ):
        _english, russian = editions
        feed = channel(client.get(address))
        assert feed.findtext("title") == title
        assert feed.findtext("language") == "ru"
        assert feed.findtext("link") == SITE + address.removesuffix("feed/")
        assert feed.find(f"{ATOM}link").get("href") == SITE + address
        [item] = feed.findall("item")
        assert item.findtext("title") == "Курьер: Докеры бастуют"
        assert item.findtext("link") == f"{SITE}{russian.get_absolute_url()}#story-1"

    def test_the_english_subject_feed_names_the_outlet_in_english(self, client, editions):
        [item] = channel(client.get("/outlets/courier/feed/")).findall("item")
        assert item.findtext("title") == "The Courier: Dockers walk out"

    def test_a_russian_subject_feed_never_lists_a_draft_edition(self, client, editions):
        for address in ("/ru/outlets/night-ledger/feed/", "/ru/tags/night/feed/"):
            assert channel(client.get(address)).findall("item") == []

    @pytest.mark.parametrize(
        ("page", "feeds"),
        [
            ("/ru/", ["/ru/feeds/reviews/rss/", "/ru/feeds/reviews/atom/"]),
            ("/", ["/feeds/reviews/rss/", "/feeds/reviews/atom/"]),
            ("/ru/outlets/courier/", ["/ru/outlets/courier/feed/"]),
            ("/ru/tags/ports/", ["/ru/tags/ports/feed/"]),
        ],
    )
    def test_the_page_head_points_to_the_feed_of_its_language(self, client, editions, page, feeds):
        html = client.get(page).content.decode()
        announced = [
            line.split('href="')[1].split('"')[0]
            for line in html.splitlines()
            if '<link rel="alternate" type="application/' in line
        ]
        assert announced == feeds


def section(client, name: str) -> set[str]:
    return {loc for loc, _lastmod in sitemap_urls(client, reverse("sitemap-section", args=[name]))}


class TestSitemaps:
    def test_the_russian_sections_list_the_russian_addresses_of_published_pages(
        self, client, editions
    ):
        """Never a draft edition, nor a subject without a published Russian story."""
        _english, russian = editions
        assert section(client, "reviews-ru") == {SITE + russian.get_absolute_url()}
        assert section(client, "outlets-ru") == {f"{SITE}/ru/outlets/courier/"}
        assert section(client, "experts-ru") == {f"{SITE}/ru/experts/rui-costa/"}
        assert section(client, "tags-ru") == {f"{SITE}/ru/tags/ports/"}
        assert f"{SITE}/ru/" in section(client, "pages-ru")
        assert f"{SITE}/ru/outlets/" in section(client, "pages-ru")

    def test_the_default_sections_list_the_english_pages_at_their_addresses(self, client, editions):
        english, _russian = editions
        reviews = section(client, "reviews")
        assert SITE + english.get_absolute_url() in reviews
        assert len(reviews) == 3 and not any("/ru/" in loc for loc in reviews)
        assert section(client, "outlets") == {
            f"{SITE}/outlets/{slug}/" for slug in ("courier", "gazette", "night-ledger")
        }
        assert f"{SITE}/" in section(client, "pages")

    def test_each_url_names_its_equivalents_in_the_other_language(self, client, editions):
        """Both editions list both; a page with no equivalent lists none."""
        english, russian = editions
        both = {"en": SITE + english.get_absolute_url(), "ru": SITE + russian.get_absolute_url()}
        reviews = sitemap_alternates(client, "/sitemap-reviews.xml")
        assert reviews[both["en"]] == both
        assert [alternates for loc, alternates in reviews.items() if loc != both["en"]] == [{}, {}]
        assert sitemap_alternates(client, "/sitemap-reviews-ru.xml") == {both["ru"]: both}

        courier = {"en": f"{SITE}/outlets/courier/", "ru": f"{SITE}/ru/outlets/courier/"}
        outlets = sitemap_alternates(client, "/sitemap-outlets.xml")
        assert outlets[courier["en"]] == courier
        assert outlets[f"{SITE}/outlets/gazette/"] == {}
        assert sitemap_alternates(client, "/sitemap-outlets-ru.xml") == {courier["ru"]: courier}
        tags = sitemap_alternates(client, "/sitemap-tags-ru.xml")
        ports = {"en": f"{SITE}/tags/ports/", "ru": f"{SITE}/ru/tags/ports/"}
        assert tags == {ports["ru"]: ports}
        pages = sitemap_alternates(client, "/sitemap-pages-ru.xml")
        assert pages[f"{SITE}/ru/"] == {"en": f"{SITE}/", "ru": f"{SITE}/ru/"}

    def test_lastmod_is_the_language_s_own(self, client, editions):
        """The Courier's English story is three days old, its Russian one from today."""
        today, three_days_ago = NOON.date(), (NOON - 3 * DAYS).date()
        for name, day in (("outlets", three_days_ago), ("outlets-ru", today)):
            lastmods = dict(sitemap_urls(client, reverse("sitemap-section", args=[name])))
            courier = f"{SITE}{'/ru' if name.endswith('-ru') else ''}/outlets/courier/"
            assert lastmods[courier] == day.isoformat()
        index = sitemap_index(client)
        assert index[f"{SITE}/sitemap-outlets-ru.xml"].startswith(today.isoformat())

    def test_a_language_without_published_editions_lists_no_pages(self, client):
        CitationFactory()
        for name in ("pages-ru", "reviews-ru", "outlets-ru", "experts-ru", "tags-ru"):
            assert section(client, name) == set()
        assert f"{SITE}/" in section(client, "pages")

    def test_robots_txt_points_to_the_one_index_of_every_language(self, client, editions):
        assert f"Sitemap: {SITE}/sitemap.xml" in client.get("/robots.txt").text.splitlines()
        assert f"{SITE}/sitemap-reviews-ru.xml" in sitemap_index(client)
