"""Feeds, sitemap and robots.txt: what subscribers and crawlers get, published content only."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from reviews.models import Review, ReviewStatus
from reviews.site.sitemaps import ExpertSitemap, OutletSitemap, ReviewSitemap, TagSitemap
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory
from tests.support.syndication import (
    ATOM,
    SITE,
    atom_entries,
    rss_items,
    sitemap_index,
    sitemap_urls,
)

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
DC = "{http://purl.org/dc/elements/1.1/}"

HIDDEN_STATES = {
    "draft": {"draft": True},
    "in_review": {"in_review": True},
    "withdrawn": {"withdrawn": True},
    "scheduled": {"scheduled": True},
}
SUBJECT_FEEDS = ["outlet-feed", "expert-feed", "tag-feed"]


@pytest.fixture(autouse=True)
def noon(time_machine):
    time_machine.move_to(NOON, tick=False)


def get_rss(client, name, *args):
    return rss_items(client.get(reverse(f"reviews:{name}", args=args)))


def get_atom(client):
    return atom_entries(client.get(reverse("reviews:review-feed-atom")))


def rss_titles(client, name, *args) -> list[str]:
    return [item.findtext("title") for item in get_rss(client, name, *args)]


def atom_titles(client) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in get_atom(client)]


def sitemap_lastmods(client) -> dict[str, str | None]:
    """Every URL of every page the index lists, with its lastmod; none listed twice."""
    found = [url for address in sitemap_index(client) for url in sitemap_urls(client, address)]
    assert len({loc for loc, _ in found}) == len(found)
    return dict(found)


def sitemap_locations(client) -> set[str]:
    return set(sitemap_lastmods(client))


def make_hidden(state):
    """A review readers may not see, with an outlet, expert and tag used nowhere else."""
    review = ReviewFactory(title=f"Press review: Secret {state} words", **HIDDEN_STATES[state])
    return CitationFactory(
        story__review=review,
        story__headline=f"Secret {state} headline",
        story__tags=[f"hidden-{state}"],
    )


def subject_slug(name, citation) -> str:
    """The slug of the outlet, expert or first tag of `citation` for the feed `name`."""
    if name == "outlet-feed":
        return citation.story.outlet.slug
    if name == "expert-feed":
        return citation.expert.slug
    return citation.story.tags.get().slug


class TestSiteFeeds:
    def test_rss_feed_is_rss_2_with_one_item_per_published_review(self, client):
        ReviewFactory.create_batch(3)
        assert len(get_rss(client, "review-feed-rss")) == 3

    def test_atom_feed_is_atom_with_one_entry_per_published_review(self, client):
        ReviewFactory.create_batch(3)
        assert len(get_atom(client)) == 3

    def test_atom_feed_has_a_subtitle(self, client):
        root = ET.fromstring(client.get(reverse("reviews:review-feed-atom")).content)
        assert root.findtext(f"{ATOM}subtitle")

    def test_rss_item_carries_title_link_lede_dates_categories_author_and_guid(
        self, client, settings
    ):
        settings.PRESSREVIEW_SITE_NAME = "Harbour Wire"
        review = ReviewFactory(section__name="Business")
        StoryFactory(review=review, tags=["ports", "Energy"])
        StoryFactory(review=review, tags=["ports", "wages"])

        [item] = get_rss(client, "review-feed-rss")
        url = SITE + review.get_absolute_url()
        assert item.findtext("title") == review.title
        assert item.findtext("link") == url
        assert item.findtext("description") == review.lede
        assert parsedate_to_datetime(item.findtext("pubDate")) == review.publish_at
        assert [c.text for c in item.findall("category")] == [
            "Business",
            "Energy",
            "ports",
            "wages",
        ]
        assert item.findtext(f"{DC}creator") == "Harbour Wire"
        assert item.findtext("guid") == url
        assert item.find("guid").get("isPermaLink") == "true"

    def test_atom_entry_carries_published_updated_summary_categories_author_and_id(
        self, client, settings
    ):
        settings.PRESSREVIEW_SITE_NAME = "Harbour Wire"
        review = ReviewFactory(section__name="Business")
        StoryFactory(review=review, tags=["ports"])

        [entry] = get_atom(client)
        url = SITE + review.get_absolute_url()
        assert entry.find(f"{ATOM}link").get("href") == url
        assert entry.findtext(f"{ATOM}id") == url
        assert entry.find(f"{ATOM}summary").get("type") == "html"
        assert entry.findtext(f"{ATOM}summary") == review.lede
        published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
        updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert published == review.publish_at
        assert updated == review.updated_at
        assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Business", "ports"]
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Harbour Wire"

    def test_site_feeds_list_published_reviews_newest_first(self, client):
        for hours_ago in [3, 1, 2]:
            ReviewFactory(title=f"Published {hours_ago}h ago", publish_at=NOON - hours_ago * HOUR)
        expected = ["Published 1h ago", "Published 2h ago", "Published 3h ago"]
        assert rss_titles(client, "review-feed-rss") == expected
        assert atom_titles(client) == expected

    @pytest.mark.parametrize("state", HIDDEN_STATES)
    def test_site_feed_never_lists_unpublished_reviews(self, client, state):
        """A draft, in-review, withdrawn or scheduled review is in neither feed."""
        ReviewFactory(title="Press review: Published tide turns")
        make_hidden(state)
        assert rss_titles(client, "review-feed-rss") == ["Press review: Published tide turns"]
        assert atom_titles(client) == ["Press review: Published tide turns"]

    def test_scheduled_review_enters_the_feed_when_its_time_comes(self, client, time_machine):
        scheduled = ReviewFactory(scheduled=True)
        assert rss_titles(client, "review-feed-rss") == []
        time_machine.move_to(scheduled.publish_at, tick=False)
        assert rss_titles(client, "review-feed-rss") == [scheduled.title]

    def test_atom_entry_is_never_updated_before_it_was_published(self, client, time_machine):
        """A review saved while scheduled shows its publish time as its last update."""
        scheduled = ReviewFactory(scheduled=True)
        time_machine.move_to(scheduled.publish_at + HOUR, tick=False)
        [entry] = get_atom(client)
        updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert updated == scheduled.publish_at

    def test_site_feed_keeps_to_the_latest_thirty_reviews(self, client):
        for minutes_ago in range(1, 32):
            ReviewFactory(
                title=f"{minutes_ago} minutes ago",
                publish_at=NOON - datetime.timedelta(minutes=minutes_ago),
            )
        titles = rss_titles(client, "review-feed-rss")
        assert len(titles) == 30
        assert "31 minutes ago" not in titles

    def test_feed_text_is_escaped_never_interpreted_as_markup(self, client):
        """Titles stay plain text; descriptions are HTML in which the text is escaped."""
        review = ReviewFactory(
            title="Press review: <script>alert(1)</script> & rates",
            lede="Yields < 2% & <b>falling</b>, the papers' view.",
        )
        [item] = get_rss(client, "review-feed-rss")
        assert item.findtext("title") == review.title
        assert item.findtext("description") == (
            "Yields &lt; 2% &amp; &lt;b&gt;falling&lt;/b&gt;, the papers' view."
        )
        assert item.find(".//script") is None
        assert item.find(".//b") is None


class TestSubjectFeeds:
    @pytest.fixture
    def published(self):
        return CitationFactory(
            story__headline="Dockers extend their walkout",
            story__body="The walkout spread north.\n\nUnions expect talks.",
            story__tags=["ports"],
            story__position=2,
            story__outlet__name="The Harbour Courier",
            expert__name="Ana Ribeiro",
            position="senior economist",
            organisation="Lisbon Institute of Finance",
            quote="The strike will cost more than it saves.",
        )

    @pytest.fixture
    def unpublished(self, published):
        """A draft story of the same outlet, expert and tag."""
        return CitationFactory(
            story__review=ReviewFactory(draft=True),
            story__outlet=published.story.outlet,
            story__headline="Unpublished scoop",
            story__tags=["ports"],
            expert=published.expert,
        )

    def test_outlet_feed_items_are_the_outlets_stories(self, client, published):
        StoryFactory(headline="Another outlet's story")
        story = published.story
        [item] = get_rss(client, "outlet-feed", story.outlet.slug)
        assert item.findtext("title") == "The Harbour Courier: Dockers extend their walkout"
        assert item.findtext("link") == f"{SITE}{story.review.get_absolute_url()}#story-2"
        assert item.findtext("guid") == item.findtext("link")
        assert item.findtext("description") == "The walkout spread north."
        assert parsedate_to_datetime(item.findtext("pubDate")) == story.review.publish_at
        assert [c.text for c in item.findall("category")] == ["ports"]

    def test_expert_feed_items_are_the_experts_citations_with_position_and_quote(
        self, client, published
    ):
        CitationFactory(story__headline="Another expert's story")
        [item] = get_rss(client, "expert-feed", published.expert.slug)
        assert item.findtext("title") == "The Harbour Courier: Dockers extend their walkout"
        assert item.findtext("link") == SITE + published.story.get_absolute_url()
        description = item.findtext("description")
        assert "Ana Ribeiro, senior economist at Lisbon Institute of Finance" in description
        assert "The strike will cost more than it saves." in description

    def test_expert_feed_shows_the_position_held_at_each_citation(self, client, published):
        CitationFactory(
            expert=published.expert,
            position="chief economist",
            organisation="Harbour Bank",
            story__review__publish_at=NOON - 2 * HOUR,
        )
        items = get_rss(client, "expert-feed", published.expert.slug)
        descriptions = [item.findtext("description") for item in items]
        assert "senior economist at Lisbon Institute of Finance" in descriptions[0]
        assert "chief economist at Harbour Bank" in descriptions[1]

    def test_tag_feed_items_are_the_stories_with_the_tag(self, client, published):
        StoryFactory(headline="Untagged story")
        StoryFactory(headline="Story about rates", tags=["rates"])
        assert rss_titles(client, "tag-feed", "ports") == [
            "The Harbour Courier: Dockers extend their walkout"
        ]

    @pytest.mark.parametrize("name", SUBJECT_FEEDS)
    def test_subject_feed_lists_only_published_stories(self, client, name, published, unpublished):
        titles = rss_titles(client, name, subject_slug(name, published))
        assert titles == ["The Harbour Courier: Dockers extend their walkout"]

    @pytest.mark.parametrize("name", SUBJECT_FEEDS)
    def test_subject_feed_lists_newest_stories_first(self, client, name, published):
        CitationFactory(
            story__review__publish_at=NOON - 3 * HOUR,
            story__outlet=published.story.outlet,
            story__headline="Older story",
            story__tags=["ports"],
            expert=published.expert,
        )
        titles = rss_titles(client, name, subject_slug(name, published))
        assert titles == [
            "The Harbour Courier: Dockers extend their walkout",
            "The Harbour Courier: Older story",
        ]

    @pytest.mark.parametrize("state", HIDDEN_STATES)
    @pytest.mark.parametrize("name", SUBJECT_FEEDS)
    def test_subject_feed_answers_404_for_a_subject_only_unpublished_reviews_use(
        self, client, name, state
    ):
        hidden = make_hidden(state)
        url = reverse(f"reviews:{name}", args=[subject_slug(name, hidden)])
        assert client.get(url).status_code == 404

    @pytest.mark.parametrize("name", SUBJECT_FEEDS)
    def test_subject_feed_answers_404_for_an_unknown_slug(self, client, name, published):
        assert client.get(reverse(f"reviews:{name}", args=["no-such-thing"])).status_code == 404


class TestSitemap:
    def test_sitemap_lists_exactly_the_published_reviews_and_the_public_subjects(self, client):
        public = CitationFactory(story__tags=["ports"])
        hidden = [make_hidden(state) for state in HIDDEN_STATES]

        locations = sitemap_locations(client)

        pages = ["home", "review-list", "story-list", "outlet-list", "expert-list", "tag-list"]
        public_pages = {SITE + reverse(f"reviews:{name}") for name in pages}
        expected_subjects = {
            SITE + public.story.review.get_absolute_url(),
            SITE + public.story.outlet.get_absolute_url(),
            SITE + public.expert.get_absolute_url(),
            SITE + reverse("reviews:tag-detail", args=["ports"]),
        }
        assert locations == public_pages | expected_subjects
        for citation in hidden:
            assert SITE + citation.story.review.get_absolute_url() not in locations

    def test_sitemap_is_an_index_of_one_sitemap_per_section_and_language(self, client):
        """The default language's sections keep their addresses; Russian's carry its code."""
        ReviewFactory()
        sections = ["pages", "reviews", "outlets", "experts", "tags"]
        assert set(sitemap_index(client)) == {
            f"{SITE}/sitemap-{section}{suffix}.xml"
            for section in sections
            for suffix in ["", "-ru"]
        }

    def test_sitemap_review_urls_are_the_published_reviews(self, client):
        published = ReviewFactory.create_batch(3)
        for state in HIDDEN_STATES:
            ReviewFactory(**HIDDEN_STATES[state])
        review_urls = {loc for loc in sitemap_locations(client) if "/reviews/20" in loc}
        assert review_urls == {SITE + review.get_absolute_url() for review in published}

    def test_every_published_review_is_listed_once_across_the_pages(self, client, monkeypatch):
        monkeypatch.setattr(ReviewSitemap, "limit", 2)
        published = ReviewFactory.create_batch(5)
        for state in HIDDEN_STATES:
            ReviewFactory(**HIDDEN_STATES[state])

        pages = [address for address in sitemap_index(client) if "sitemap-reviews.xml" in address]
        assert pages == [
            f"{SITE}/sitemap-reviews.xml",
            f"{SITE}/sitemap-reviews.xml?p=2",
            f"{SITE}/sitemap-reviews.xml?p=3",
        ]
        listed = [loc for address in pages for loc, _ in sitemap_urls(client, address)]
        assert [len(sitemap_urls(client, address)) for address in pages] == [2, 2, 1]
        assert sorted(listed) == sorted(SITE + r.get_absolute_url() for r in published)

    def test_a_page_keeps_its_reviews_when_newer_ones_are_published(self, client, monkeypatch):
        monkeypatch.setattr(ReviewSitemap, "limit", 2)
        ReviewFactory.create_batch(3)
        first = sitemap_urls(client, reverse("sitemap-section", args=["reviews"]))
        ReviewFactory(publish_at=NOON - HOUR)
        assert sitemap_urls(client, reverse("sitemap-section", args=["reviews"])) == first

    def test_review_lastmod_is_its_last_edit_or_its_publication_if_later(
        self, client, time_machine
    ):
        edited = ReviewFactory(publish_at=NOON - 3 * 24 * HOUR)
        scheduled = ReviewFactory(scheduled=True)
        time_machine.move_to(scheduled.publish_at + 2 * 24 * HOUR, tick=False)
        lastmods = sitemap_lastmods(client)
        assert lastmods[SITE + edited.get_absolute_url()] == edited.updated_at.date().isoformat()
        assert lastmods[SITE + scheduled.get_absolute_url()] == (
            scheduled.publish_at.date().isoformat()
        )

    def test_index_dates_each_section_by_its_newest_change(self, client, time_machine):
        """A later scheduled review does not count until it is published."""
        older = CitationFactory(story__review__publish_at=NOON - 5 * 24 * HOUR)
        time_machine.move_to(NOON + HOUR, tick=False)
        CitationFactory(story__review=ReviewFactory(scheduled=True))
        index = sitemap_index(client)
        reviews = datetime.datetime.fromisoformat(index[f"{SITE}/sitemap-reviews.xml"])
        outlets = datetime.datetime.fromisoformat(index[f"{SITE}/sitemap-outlets.xml"])
        assert reviews == max(older.story.review.updated_at, older.story.review.publish_at)
        assert outlets == older.story.review.publish_at
        assert index[f"{SITE}/sitemap-pages.xml"] is None

    def test_sitemap_dates_subjects_by_their_latest_published_story(self, client, time_machine):
        """A scheduled story does not date its subjects before it is published: until then
        they go without a lastmod (the subject's newest use is still to come)."""
        older = CitationFactory(
            story__review__publish_at=NOON - datetime.timedelta(days=5), story__tags=["ports"]
        )
        newer = CitationFactory(
            story__review__publish_at=NOON - datetime.timedelta(days=2),
            story__outlet=older.story.outlet,
            story__tags=["ports"],
            expert=older.expert,
        )
        subjects = [
            SITE + older.story.outlet.get_absolute_url(),
            SITE + older.expert.get_absolute_url(),
            SITE + reverse("reviews:tag-detail", args=["ports"]),
        ]
        lastmods = sitemap_lastmods(client)
        assert [lastmods[page] for page in subjects] == [
            newer.story.review.publish_at.date().isoformat()
        ] * 3

        scheduled = CitationFactory(
            story__review=ReviewFactory(scheduled=True),
            story__outlet=older.story.outlet,
            story__tags=["ports"],
            expert=older.expert,
        ).story.review
        cache.clear()
        lastmods = sitemap_lastmods(client)
        assert [lastmods[page] for page in subjects] == [None] * 3

        time_machine.move_to(scheduled.publish_at + HOUR, tick=False)
        cache.clear()
        lastmods = sitemap_lastmods(client)
        assert [lastmods[page] for page in subjects] == [
            scheduled.publish_at.date().isoformat()
        ] * 3

    def test_subject_lastmod_follows_a_rescheduled_review_and_survives_withdrawal(
        self, client, time_machine
    ):
        citation = CitationFactory(
            story__review__publish_at=NOON - datetime.timedelta(days=9), story__tags=["ports"]
        )
        review = citation.story.review
        later = NOON - datetime.timedelta(days=1)
        Review.objects.filter(pk=review.pk).update(publish_at=later)
        outlet = SITE + citation.story.outlet.get_absolute_url()
        assert sitemap_lastmods(client)[outlet] == later.date().isoformat()

        # Withdrawn, the outlet's page changed then: its date is not taken back to an older
        # story's (the outlet has none left, and stays out of the sitemap).
        Review.objects.filter(pk=review.pk).update(status=ReviewStatus.DRAFT)
        cache.clear()
        assert outlet not in sitemap_lastmods(client)

    def test_subject_sitemap_pages_read_one_kept_row_per_subject(
        self, client, django_assert_max_num_queries
    ):
        for day in range(1, 4):
            CitationFactory(
                story__review__publish_at=NOON - datetime.timedelta(days=day),
                story__tags=[f"topic-{day}"],
            )
        for section in ("outlets", "experts", "tags"):
            cache.clear()
            with django_assert_max_num_queries(3):
                urls = sitemap_urls(client, reverse("sitemap-section", args=[section]))
            assert len(urls) == 3 and all(lastmod for _, lastmod in urls)

    @pytest.mark.parametrize(
        "query", ["p=0", "p=-1", "p=3", "p=two", "p=", "p=1.5", "p=99999999999999999999999"]
    )
    @pytest.mark.parametrize("section", ["reviews", "tags", "pages"])
    def test_a_page_that_does_not_exist_answers_404(self, client, section, query):
        CitationFactory(story__tags=["ports"])
        response = client.get(reverse("sitemap-section", args=[section]) + f"?{query}")
        assert response.status_code == 404

    def test_an_unknown_section_answers_404(self, client):
        assert client.get("/sitemap-drafts.xml").status_code == 404

    def test_an_empty_archive_still_has_a_first_page_of_each_section(self, client):
        for address in sitemap_index(client):
            assert sitemap_urls(client, address) is not None


class TestRobots:
    def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.text.splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert f"Sitemap: {SITE}/sitemap.xml" in lines
        assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow: /admin/"]

    def test_robots_txt_builds_the_sitemap_address_from_the_request(self, client, settings):
        settings.ALLOWED_HOSTS = ["press.example.org"]
        response = client.get("/robots.txt", HTTP_HOST="press.example.org", secure=True)
        assert "Sitemap: https://press.example.org/sitemap.xml" in response.text.splitlines()


def populate(count):
    """`count` published reviews citing one expert, all about one outlet and one tag."""
    first = CitationFactory(story__tags=["ports", "tag-0"])
    for index in range(1, count):
        story = StoryFactory(outlet=first.story.outlet, tags=["ports", f"tag-{index}"])
        StoryFactory(review=story.review, tags=["wages"])
        CitationFactory(story=story, expert=first.expert)
    return first


QUERY_BOUNDS = {
    "review-feed-rss": 3,
    "review-feed-atom": 3,
    "outlet-feed": 3,
    "expert-feed": 2,
    "tag-feed": 3,
}


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize("name", QUERY_BOUNDS)
def test_feed_runs_the_same_queries_for_one_or_many_items(
    client, django_assert_max_num_queries, name, count
):
    first = populate(count)
    slugs = {
        "outlet-feed": first.story.outlet.slug,
        "expert-feed": first.expert.slug,
        "tag-feed": "ports",
    }
    args = [slugs[name]] if name in slugs else []
    with django_assert_max_num_queries(QUERY_BOUNDS[name]):
        response = client.get(reverse(f"reviews:{name}", args=args))
    assert response.status_code == 200
    assert response.content.count(b"<item>") + response.content.count(b"<entry>") == count


@pytest.mark.parametrize("count", [1, 12])
def test_sitemap_index_runs_the_same_queries_for_one_or_many_pages(
    client, django_assert_max_num_queries, monkeypatch, count
):
    for sitemap in (ReviewSitemap, OutletSitemap, ExpertSitemap, TagSitemap):
        monkeypatch.setattr(sitemap, "limit", 2)
    populate(count)
    with django_assert_max_num_queries(20):  # at most ten for each of the two languages
        response = client.get(reverse("sitemap"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize("section", ["pages", "reviews", "outlets", "experts", "tags"])
def test_a_sitemap_page_runs_the_same_queries_for_one_or_many_items(
    client, django_assert_max_num_queries, section, count
):
    populate(count)
    with django_assert_max_num_queries(2):
        response = client.get(reverse("sitemap-section", args=[section]) + "?p=1")
    assert response.status_code == 200
    if section == "reviews":
        assert response.content.count(b"<url>") == count
