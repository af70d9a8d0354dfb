"""`manage.py load_demo`: enough invented content to show every page, and idempotent."""

import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import override_settings

from reviews.demo import data as demo_data
from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    Section,
    Story,
    TaggedStory,
    TagTranslation,
)
from tests.support.database import built_once

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC)


def snapshot():
    """Everything the loader writes, as comparable values."""
    return {
        model.__name__: sorted(
            tuple(str(value) for value in row) for row in model.objects.values_list()
        )
        for model in (Section, Outlet, Expert, Review, Story, Citation, TaggedStory, TagTranslation)
    } | {"users": sorted(get_user_model().objects.values_list("username", "password"))}


@pytest.mark.xdist_group("loaded demo")
class TestTheLoadedDemo:
    """The demo as `load_demo` leaves it: loaded once for these tests, which only read it."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def demo(cls, django_db_setup, django_db_blocker):
        with built_once(django_db_blocker):
            with override_settings(DEBUG=True), time_machine.travel(MORNING, tick=False):
                call_command("load_demo", stdout=(output := io.StringIO()))
            cls.output = output.getvalue()
            yield

    @pytest.fixture(autouse=True)
    def on_the_morning_it_was_loaded(self, settings, time_machine):
        settings.DEBUG = True
        time_machine.move_to(MORNING, tick=False)

    def test_loader_prints_the_demo_passwords(self):
        assert "moderator-demo-pass" in self.output

    def test_demo_has_two_months_of_published_reviews_in_three_sections(self):
        published = Review.objects.published()
        assert published.count() >= 30
        assert published.values("section").distinct().count() >= 3
        first, last = (published.earliest().review_date, published.latest().review_date)
        assert (last - first).days >= 55

    def test_demo_has_outlets_from_three_countries_and_forty_experts(self):
        assert Outlet.objects.count() >= 8
        assert Outlet.objects.values("country").distinct().count() >= 3
        assert Expert.objects.count() >= 40

    def test_every_demo_review_has_three_to_six_stories_with_citations_and_tags(self):
        counts = Review.objects.annotate(total=Count("stories")).values_list("total", flat=True)
        assert all(3 <= total <= 6 for total in counts)
        assert Citation.objects.count() >= Review.objects.count()
        assert not Story.objects.filter(tags=None).exists()

    def test_demo_has_every_workflow_state(self):
        assert Review.objects.filter(status="draft").count() >= 2
        assert Review.objects.filter(status="in_review").count() == 1
        assert Review.objects.filter(status="withdrawn").count() == 1
        assert Review.objects.scheduled().count() == 1

    def test_demo_accounts_exist_for_each_role(self):
        User = get_user_model()
        assert User.objects.get(username="editor").groups.filter(name="Editors").exists()
        assert User.objects.get(username="moderator").groups.filter(name="Moderators").exists()
        assert User.objects.get(username="admin").is_superuser
        assert User.objects.get(username="editor").check_password("editor-demo-pass")

    def test_loading_the_demo_twice_changes_nothing(self, time_machine):
        before = snapshot()
        time_machine.move_to(MORNING + datetime.timedelta(days=3), tick=False)
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        assert snapshot() == before
        assert "nothing" in output.getvalue()

    def test_the_demo_names_its_sections_outlets_tags_and_some_experts_in_russian(self):
        """Invented Russian names, so that the site can be seen in both languages."""
        assert all(section.translations["ru"]["name"] for section in Section.objects.all())
        assert all(outlet.translations["ru"]["name"] for outlet in Outlet.objects.all())
        assert Expert.objects.exclude(translations={}).count() >= 10
        assert (
            TagTranslation.objects.count() == TaggedStory.objects.values("tag").distinct().count()
        )

    def test_the_demo_site_shows_the_latest_review_and_its_page(self, client):
        latest = Review.objects.for_lists(language="en").first()
        home = client.get("/")
        assert latest.get_absolute_url() in home.text
        assert client.get(latest.get_absolute_url()).status_code == 200

    def test_the_newest_reviews_have_a_published_russian_edition_linked_both_ways(self, client):
        russian = Review.objects.for_lists(language="ru").first()
        assert russian is not None and russian.made_from.is_published()
        page = client.get(russian.get_absolute_url()).text
        assert '<html lang="ru">' in page and russian.title in page
        assert russian.made_from.get_absolute_url() in page
        assert russian.title in client.get("/ru/").text
        assert (
            russian.dateline_city
            == demo_data.REVIEW_CITIES_IN_RUSSIAN[russian.made_from.dateline_city]
        )


def test_loader_refuses_to_create_public_passwords_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="allow-production"):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_every_demo_story_names_a_known_section_and_known_experts_it_quotes_in_full():
    """The JSON is edited by hand: each story's slugs resolve and its placeholders match."""
    sections = {row["slug"] for row in demo_data.SECTIONS}
    experts = {row["slug"] for row in demo_data.EXPERTS}
    for story in demo_data.STORIES:
        placeholders = set(re.findall(r"\{expert(\d+)\}", "\n".join(story["paragraphs"])))
        assert story["section"] in sections, story["headline"]
        assert set(story["experts"]) <= experts, story["headline"]
        assert len(story["quotes"]) == len(story["experts"]), story["headline"]
        assert placeholders == {str(n) for n in range(len(story["experts"]))}, story["headline"]
        assert story["tags"], story["headline"]


def test_demo_lede_templates_take_only_the_outlets_and_the_topics():
    """Lede templates go through str.format: any other brace would break the loader."""
    for template in demo_data.LEDE_TEMPLATES:
        lede = template.format(outlets="<outlets>", topics="<topics>")
        assert "<outlets>" in lede and "<topics>" in lede, template
