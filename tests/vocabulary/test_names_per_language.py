"""Names in other languages: entered on the outlet, expert, section and tag forms (tags by
moderators, who own them), and counted as other spellings when pasted text is matched and
when readers search."""

# Russian words are the point here, their letters only look like Latin ones.
# ruff: noqa: RUF001

import pytest
from django.urls import reverse
from taggit.models import Tag

from reviews.finding.search import search_stories
from reviews.importer.catalogue import Catalogue
from reviews.models import Story
from reviews.vocabulary.moderation import find_expert
from tests.support.admin_forms import opened_record_form
from tests.support.factories import CitationFactory, ExpertFactory, OutletFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_an_editor_enters_an_outlet_s_russian_name_and_description(client, editor):
    outlet = OutletFactory(name="The Harbour Ledger", slug="harbour-ledger")
    client.force_login(editor)
    form = reverse("admin:reviews_outlet_change", args=[outlet.pk])
    assert 'name="name_ru"' in client.get(form).text

    response = client.post(
        form,
        {
            "name": outlet.name,
            "name_ru": "Портовый вестник",
            "slug": outlet.slug,
            "country": outlet.country,
            "language": outlet.language,
            "description_ru": "Вечерняя газета порта.",
        }
        | opened_record_form(outlet),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    outlet.refresh_from_db()
    assert outlet.translations == {
        "ru": {"name": "Портовый вестник", "description": "Вечерняя газета порта."}
    }
    assert outlet.slug == "harbour-ledger"


def test_an_editor_enters_an_expert_s_russian_name_and_position(client, editor):
    expert = ExpertFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_expert_change", args=[expert.pk]),
        {
            "name": expert.name,
            "name_ru": "Сергей Лавров",
            "slug": expert.slug,
            "position": expert.position,
            "position_ru": "старший экономист",
            "organisation": expert.organisation,
        }
        | opened_record_form(expert),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    expert.refresh_from_db()
    assert expert.translations["ru"] == {"name": "Сергей Лавров", "position": "старший экономист"}
    assert "сергей лавров" in expert.spellings.splitlines()


def test_a_moderator_enters_a_tag_s_russian_name(client, moderator):
    StoryFactory(tags=["harbours"])
    tag = Tag.objects.get()
    client.force_login(moderator)

    response = client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {"name": "harbours", "name_ru": "порты"} | opened_record_form(tag),
    )

    assert response.status_code == 302
    assert Tag.objects.get().translation.translations == {"ru": {"name": "порты"}}
    assert Tag.objects.get().slug == "harbours"


def test_a_moderator_may_not_name_an_outlet(client, moderator):
    outlet = OutletFactory()
    client.force_login(moderator)
    client.post(
        reverse("admin:reviews_outlet_change", args=[outlet.pk]),
        {"name": outlet.name, "name_ru": "Газета", "slug": outlet.slug}
        | opened_record_form(outlet),
    )
    outlet.refresh_from_db()
    assert outlet.translations == {}


@pytest.fixture
def lavrov():
    return ExpertFactory(
        name="Sergey Lavrov", slug="sergey-lavrov", translations={"ru": {"name": "Сергей Лавров"}}
    )


def test_pasted_text_finds_an_expert_by_his_russian_name_or_its_transliteration(lavrov):
    catalogue = Catalogue.from_database()
    assert catalogue.match_expert("Сергей Лавров").record.id == lavrov.pk
    assert catalogue.match_expert("Сергей Лавров").how == "alias"
    assert find_expert("сергей лавров") == lavrov


def test_an_expert_named_in_cyrillic_is_found_by_the_latin_spelling():
    expert = ExpertFactory(name="Ирина Соколова", slug="irina-sokolova")
    assert Catalogue.from_database().match_expert("Irina Sokolova").record.id == expert.pk
    assert find_expert("Irina Sokolova") == expert


def test_pasted_text_finds_an_outlet_by_its_russian_name():
    outlet = OutletFactory(
        name="The Harbour Ledger", translations={"ru": {"name": "Портовый вестник"}}
    )
    assert Catalogue.from_database().match_outlet("Портовый вестник").record.id == outlet.pk


def headlines(text: str) -> set[str]:
    return set(search_stories(Story.objects.published(), text).values_list("headline", flat=True))


def test_searching_the_russian_name_finds_stories_that_spell_it_in_latin(lavrov):
    CitationFactory(
        expert=lavrov, story__headline="Lavrov warns of a long strike", story__body="Ports idle."
    )
    StoryFactory(headline="Ferries resume", body="Nothing about him.")
    assert headlines("Лавров") == {"Lavrov warns of a long strike"}


def test_searching_the_latin_spelling_finds_stories_that_write_it_in_cyrillic():
    expert = ExpertFactory(name="Сергей Лавров", slug="sergey-lavrov-ru")
    CitationFactory(
        expert=expert,
        story__headline="Забастовка в порту",
        story__body="Сергей Лавров ждёт переговоров.",
    )
    StoryFactory(headline="Ferries resume", body="Nothing about him.")
    assert headlines("Sergey Lavrov") == {"Забастовка в порту"}
    assert headlines("Lavrov") == {"Забастовка в порту"}


def test_a_search_word_that_is_no_name_is_searched_as_typed(lavrov):
    StoryFactory(headline="Ferries resume", body="Timetables are back.")
    assert headlines("ferries") == {"Ferries resume"}
    assert headlines("Лавров") == set()


def test_a_spelling_of_common_words_alone_is_not_searched_for():
    """ "И" spelled in Latin is "i", a common English word that no search can look for."""
    ExpertFactory(name="И Ли", slug="i-li")
    StoryFactory(headline="И Ли о портах", body="Порты стоят.")
    assert headlines("И Ли") == {"И Ли о портах"}
