"""Outlets, experts, sections and tags are shown by their names in the active language,
else by the default language's; dates read as each language writes them."""

# Russian words are the point here, their letters only look like Latin ones.
# ruff: noqa: RUF001

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from reviews.models import Expert, Outlet, Review, Section, TagTranslation
from reviews.publishing import workflow
from reviews.publishing.editions import edition_create
from reviews.translations import translated
from tests.support.factories import CitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def whole_pages_not_stored(settings):
    """What is shown is rendered here, not a page stored by an earlier request."""
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0


RUSSIAN = {"ru": {"name": "Сергей Лавров", "position": "главный экономист"}}


@pytest.fixture
def citation(editor):
    """A published review quoting Sergey Lavrov, and its published Russian edition."""
    citation = CitationFactory(
        expert__name="Sergey Lavrov",
        expert__slug="sergey-lavrov",
        expert__position="chief economist",
        expert__translations=RUSSIAN,
        story__outlet__name="The Harbour Ledger",
        story__outlet__translations={"ru": {"name": "Портовый вестник"}},
        story__outlet__description="A port city's evening paper.",
        story__review__section__name="Business",
        story__review__section__translations={"ru": {"name": "Экономика"}},
        story__review__review_date=datetime.date.today(),
        story__headline="Cranes idle at the container quay",
        story__tags=["quayside"],
    )
    tag = citation.story.tags.get()
    TagTranslation.objects.create(tag=tag, translations={"ru": {"name": "причалы"}})
    edition = edition_create(source=citation.story.review, language="ru", by=editor)
    workflow.review_publish(review=edition, by=editor)
    return citation


def editions(citation):
    """The review and its editions (the citation's review, as saved)."""
    group = Review.objects.get(pk=citation.story.review_id).edition_group_id
    return Review.objects.filter(edition_group=group)


def edition(citation, language: str) -> Review:
    return editions(citation).get(language=language)


def pages(citation, language: str = "en") -> dict[str, str]:
    """The address of each page in `language` (/ru/... for Russian)."""
    story = citation.story
    with translation.override(language):
        return {
            "home": reverse("reviews:home"),
            "review": edition(citation, language).get_absolute_url(),
            "story list": reverse("reviews:story-list"),
            "outlet": story.outlet.get_absolute_url(),
            "expert": citation.expert.get_absolute_url(),
            "tag": reverse("reviews:tag-detail", args=["quayside"]),
            "tag list": reverse("reviews:tag-list"),
            "outlet list": reverse("reviews:outlet-list"),
            "expert list": reverse("reviews:expert-list"),
            "trends": reverse("reviews:trends"),
            "expert feed": reverse("reviews:expert-feed", args=["sergey-lavrov"]),
        }


# What each page shows of the subjects, in English and in Russian.
SHOWN = {
    "home": [("The Harbour Ledger", "Портовый вестник"), (">Business<", ">Экономика<")],
    "review": [
        ("The Harbour Ledger", "Портовый вестник"),
        ("Sergey Lavrov", "Сергей Лавров"),
        (">quayside<", ">причалы<"),
        (">Business<", ">Экономика<"),
    ],
    "story list": [
        ("The Harbour Ledger", "Портовый вестник"),
        ("Sergey Lavrov", "Сергей Лавров"),
        (">quayside<", ">причалы<"),
    ],
    # With its charts: the experts it quoted most, its topics.
    "outlet": [
        ("The Harbour Ledger", "Портовый вестник"),
        ("Sergey Lavrov", "Сергей Лавров"),
        (">quayside<", ">причалы<"),
    ],
    "expert": [("Sergey Lavrov", "Сергей Лавров"), ("chief economist", "главный экономист")],
    "tag": [(">quayside<", ">причалы<"), ("Sergey Lavrov", "Сергей Лавров")],
    "trends": [("Sergey Lavrov", "Сергей Лавров"), ("The Harbour Ledger", "Портовый вестник")],
    "tag list": [(">quayside <", ">причалы <")],
    "outlet list": [("The Harbour Ledger", "Портовый вестник")],
    "expert list": [("Sergey Lavrov", "Сергей Лавров")],
}


@pytest.mark.parametrize("kind", SHOWN)
def test_each_page_shows_the_names_in_the_active_language(client, citation, kind):
    english = client.get(pages(citation)[kind]).text
    russian = client.get(pages(citation, "ru")[kind]).text
    for in_english, in_russian in SHOWN[kind]:
        assert in_english in english, in_english
        assert in_russian not in english, in_russian
        assert in_russian in russian, in_russian
        assert in_english not in russian, in_english


def test_a_name_without_a_translation_falls_back_to_the_default_language(client, citation):
    """An outlet with no Russian name keeps its English one on the Russian page."""
    Outlet.objects.filter(pk=citation.story.outlet_id).update(translations={})
    html = client.get(pages(citation, "ru")["review"]).text
    assert "The Harbour Ledger" in html
    assert "Сергей Лавров" in html


def test_a_blank_translation_falls_back_too():
    section = Section(name="World", translations={"ru": {"name": "  "}})
    with translation.override("ru"):
        assert translated(section) == "World"


def test_translating_a_name_keeps_the_slug(citation):
    expert = Expert.objects.get(pk=citation.expert_id)
    expert.translations = {"ru": {"name": "Сергей В. Лавров"}}
    expert.save()
    expert.refresh_from_db()
    assert expert.slug == "sergey-lavrov"


def test_the_filter_form_offers_the_names_of_the_active_language(client, citation):
    """The remembered choices are per language: the English list is never shown in Russian."""
    path = pages(citation)["story list"]
    assert '<label for="id_outlet_0">The Harbour Ledger</label>' in client.get(path).text
    html = client.get(pages(citation, "ru")["story list"]).text
    assert '<label for="id_outlet_0">Портовый вестник</label>' in html
    assert ">Экономика</option>" in html
    assert "The Harbour Ledger</label>" not in html


@pytest.mark.parametrize("kind", ["story list", "review"])
def test_a_kept_english_block_is_never_served_to_a_russian_page(client, citation, kind, settings):
    """The story blocks kept by content carry the language and every name they show."""
    settings.PRESSREVIEW_FRAGMENT_CACHE = True
    client.get(pages(citation)[kind])
    path = pages(citation, "ru")[kind]
    assert "Портовый вестник" in client.get(path).text
    tag = citation.story.tags.get()
    TagTranslation.objects.filter(tag=tag).update(translations={"ru": {"name": "набережная"}})
    TagTranslation.objects.get(tag=tag).save()  # as the admin saves it: signals fire
    html = client.get(path).text
    assert ">набережная<" in html
    assert ">причалы<" not in html


def test_the_review_s_json_ld_names_the_section_and_people_in_the_active_language(client, citation):
    html = client.get(pages(citation, "ru")["review"]).text
    assert '"articleSection": "Экономика"' in html
    assert '"name": "Сергей Лавров"' in html


def test_feeds_name_subjects_in_the_active_language(client, citation):
    feed = client.get(pages(citation, "ru")["expert feed"]).text
    assert "Сергей Лавров" in feed


def test_dates_are_written_as_each_language_writes_them(client, citation):
    published = datetime.datetime(2026, 12, 4, 7, 30, tzinfo=datetime.UTC)
    editions(citation).update(review_date=published.date(), publish_at=published)
    english = client.get(pages(citation)["review"]).text
    assert "4 December 2026, 07:30" in english and ", December 4<" in english  # dateline
    russian = client.get(pages(citation, "ru")["review"]).text
    assert "4 декабря 2026, 07:30" in russian and ", 4 декабря<" in russian


def test_russian_pages_cost_no_more_queries_than_english_ones(client, citation):
    """Names come with their rows: a Russian list page reads no more than an English one."""
    for language in ("en", "ru"):
        for _ in range(3):
            CitationFactory(
                story__review=edition(citation, language),
                expert__translations={"ru": {"name": "Анна Петрова"}},
                story__tags=["quayside", "ferries"],
            )
    english = queries_of(client, pages(citation)["story list"])
    russian = queries_of(client, pages(citation, "ru")["story list"])
    assert russian <= english


def queries_of(client, path) -> int:
    """How many queries the page costs once what it remembers is remembered."""
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)
