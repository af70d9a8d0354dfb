"""Every name, in any script, gives a named row an ASCII address that is never empty."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import Tag

from reviews.exchange import document, importing
from reviews.importer.services import NewExpert, NewOutlet, create_experts, create_outlets
from reviews.models import Expert, Outlet, Review, Section, SlugRedirect
from reviews.names import is_address_slug, slug_for_name, unique_slug
from tests.support.admin_forms import opened_record_form
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

# (name, the slug it must get; None where nothing is left and a fallback is expected)
NAMES = [
    ("Сергей Лавров", "sergey-lavrov"),
    ("санкции", "sanktsii"),
    ("Ведомости", "vedomosti"),
    ("北京", "beijing"),
    ("😀", "grinning"),
    ("🇪🇺", "eu"),
    ("…", None),
    ("\u200b", None),
]
NAME_IDS = ["person", "cyrillic", "outlet", "cjk", "emoji", "flag", "ellipsis", "zero-width"]


# The slug function


@pytest.mark.parametrize(
    "name",
    ["Energy prices", "The Daily Courier", "Rui Costa", "Público", "E.U.", "snake_case", "a  b"],
)
def test_ascii_and_latin_names_slugify_as_django_always_did(name):
    """Existing addresses were made by Django's slugify: the same names give the same slugs."""
    assert slug_for_name(name, fallback="tag") == slugify(name)


@pytest.mark.parametrize(("name", "expected"), NAMES[:6], ids=NAME_IDS[:6])
def test_names_in_other_scripts_are_transliterated(name, expected):
    assert slug_for_name(name, fallback="tag") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("🤷", "person-shrugging"), ("😀😀", "grinning-grinning"), ("a\uff3fb\uff1ac", "a-b-c")],
)
def test_emoji_names_and_wide_punctuation_become_words_not_underscores(name, expected):
    assert slug_for_name(name, fallback="tag") == expected


@pytest.mark.parametrize("name", ["…", "\u200b", "!!!", "«»", "\u0301\u0302"])
def test_a_name_of_which_nothing_is_left_gets_a_stable_fallback(name):
    slug = slug_for_name(name, fallback="tag")

    assert slug.startswith("tag-") and len(slug) == len("tag-") + 8
    assert slug == slug_for_name(name, fallback="tag")
    assert is_address_slug(slug)


def test_different_names_of_which_nothing_is_left_ask_for_different_slugs():
    slugs = {slug_for_name(name, fallback="tag") for name in ["…", "!!!", "«»", "—", "?"]}
    assert len(slugs) == 5


def test_a_long_name_is_cut_to_the_room_left_for_a_suffix():
    slug = unique_slug("北京" * 200, others=Tag.objects.all(), fallback="tag", max_length=100)
    assert 0 < len(slug) <= 92 and is_address_slug(slug) and not slug.endswith("-")


def test_a_taken_slug_gets_the_next_free_suffix():
    Tag.objects.create(name="Sanctions", slug="sanktsii")
    Tag.objects.create(name="Sanctions 2", slug="sanktsii-2")
    assert unique_slug("санкции", others=Tag.objects.all(), fallback="tag", max_length=100) == (
        "sanktsii-3"
    )


# Every named model, whoever creates it


def subject_page(kind: str, name: str):
    """Create a published `kind` called `name` through its model's save, return it and the
    address of its public page."""
    if kind == "section":
        section = SectionFactory(name=name, slug="")
        ReviewFactory(section=section)
        return section, section.get_absolute_url()
    if kind == "outlet":
        outlet = OutletFactory(name=name, slug="")
        StoryFactory(outlet=outlet)
        return outlet, outlet.get_absolute_url()
    if kind == "expert":
        expert = ExpertFactory(name=name, slug="")
        CitationFactory(expert=expert)
        return expert, expert.get_absolute_url()
    if kind == "review":
        review = ReviewFactory(title=name, slug="")
        StoryFactory(review=review)
        return review, review.get_absolute_url()
    story = StoryFactory()
    story.tags.add(name)  # taggit creates the tag
    tag = Tag.objects.get(name=name)
    return tag, reverse("reviews:tag-detail", kwargs={"slug": tag.slug})


@pytest.mark.parametrize("kind", ["section", "outlet", "expert", "review", "tag"])
@pytest.mark.parametrize(("name", "expected"), NAMES, ids=NAME_IDS)
def test_every_named_model_gets_an_ascii_slug_and_a_working_page(client, kind, name, expected):
    subject, url = subject_page(kind, name)

    assert is_address_slug(subject.slug) and subject.slug.isascii()
    if expected:
        assert subject.slug == expected
    else:
        assert subject.slug.startswith(f"{kind}-")
    response = client.get(url)
    assert response.status_code == 200
    assert name in response.text


def test_a_second_subject_of_the_same_name_gets_a_suffix():
    first, second = OutletFactory(name="…", slug=""), ExpertFactory(name="…", slug="")
    assert first.slug.startswith("outlet-") and second.slug.startswith("expert-")
    tags = [Tag.objects.create(name=name) for name in ["Ведомости", "VEDOMOSTI", "vedomosti!"]]
    assert [tag.slug for tag in tags] == ["vedomosti", "vedomosti-2", "vedomosti-3"]


def test_a_slug_never_changes_when_its_row_is_saved_again():
    outlet = OutletFactory(name="Ведомости", slug="")
    outlet.name = "Vedomosti Daily"
    outlet.save()
    outlet.refresh_from_db()
    assert outlet.slug == "vedomosti"


# Moderators


def test_renaming_a_used_tag_to_an_emoji_leaves_the_site_working(client, moderator):
    """The attack of issue 12: one save by a moderator used to answer 500 site-wide."""
    story = StoryFactory(tags=["Energy prices"])
    tag = Tag.objects.get()
    client.force_login(moderator)

    response = client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "😀"} | opened_record_form(tag)
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("😀", "grinning")
    client.logout()
    for url in [
        "/",
        "/reviews/",
        "/stories/",
        story.review.get_absolute_url(),
        "/tags/",
        "/tags/grinning/",
        "/tags/grinning/feed/",
        "/sitemap.xml",
        "/search/?q=walkout",
        "/stories/?tag=grinning",
        "/api/v1/reviews",
        "/api/v1/tags",
        "/api/v1/tags/grinning",
    ]:
        assert client.get(url).status_code == 200, url
    old = client.get("/tags/energy-prices/")
    assert (old.status_code, old["Location"]) == (301, "/tags/grinning/")


def test_renaming_a_tag_to_punctuation_gives_it_a_fallback_address(client, moderator):
    StoryFactory(tags=["Energy prices"])
    tag = Tag.objects.get()
    client.force_login(moderator)

    client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "…"} | opened_record_form(tag)
    )

    tag.refresh_from_db()
    assert tag.slug.startswith("tag-")
    assert SlugRedirect.objects.get().new_slug == tag.slug
    assert client.get(f"/tags/{tag.slug}/").status_code == 200


def test_a_tag_added_by_name_in_another_script_gets_a_transliterated_slug(client, moderator):
    story = StoryFactory()
    client.force_login(moderator)

    response = client.post(
        reverse("admin:reviews_storytotag_changelist"),
        {
            "action": "add_tag_to_selected",
            "_selected_action": [story.pk],
            "apply": "1",
            "tag": "санкции",
        },
    )

    assert response.status_code == 302
    assert Tag.objects.get(name="санкции").slug == "sanktsii"


def test_a_new_tag_created_in_the_admin_gets_an_address(client, moderator):
    client.force_login(moderator)
    response = client.post(reverse("admin:taggit_tag_add"), {"name": "🇪🇺"})
    assert response.status_code == 302
    assert Tag.objects.get(name="🇪🇺").slug == "eu"


# The JSON import


def test_an_imported_tag_with_a_unicode_slug_gets_an_address_instead(client, tmp_path):
    """A file may carry any slug; a new tag takes it only if it can be an address."""
    story = StoryFactory(tags=["санкции"])
    record = document.review_to_dict(document.reviews_for_export().get(pk=story.review_id))
    story.review.delete()
    Tag.objects.all().delete()
    record["stories"][0]["tags"] = [{"name": "санкции", "slug": "санкции"}]

    report = importing.import_records([record])

    assert report.skipped == []

    tag = Tag.objects.get(name="санкции")
    assert tag.slug == "sanktsii"
    assert client.get(story.review.get_absolute_url()).status_code == 200


# The text importer


def test_the_text_importer_names_new_outlets_and_experts_in_any_script():
    outlets = create_outlets([NewOutlet(name="Ведомости", country="Russia", language="Russian")])
    experts = create_experts([NewExpert(name="Сергей Лавров"), NewExpert(name="…")])

    assert [outlet.slug for outlet in outlets.values()] == ["vedomosti"]
    slugs = [expert.slug for expert in experts.values()]
    assert slugs[0] == "sergey-lavrov" and slugs[1].startswith("expert-")


# The database


@pytest.mark.parametrize(
    "make",
    [
        lambda: SectionFactory(),
        lambda: OutletFactory(),
        lambda: ExpertFactory(),
        lambda: ReviewFactory(),
        lambda: Tag.objects.create(name="Ports"),
    ],
    ids=["section", "outlet", "expert", "review", "tag"],
)
def test_the_database_refuses_an_empty_slug(make):
    subject = make()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(subject).objects.filter(pk=subject.pk).update(slug="")


def test_the_database_refuses_a_new_tag_without_a_slug():
    """bulk_create skips taggit's save, which is what the generator uses."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.bulk_create([Tag(name="😀", slug="")])


def test_the_migration_gives_rows_without_an_address_one_and_leaves_the_others():
    fix = import_module("reviews.migrations.0009_never_empty_slugs").give_every_row_a_slug
    broken = Tag.objects.create(name="санкции", slug="санкции")  # as an old import left it
    kept = Tag.objects.create(name="Ports", slug="old-ports-address")
    outlet = OutletFactory(name="Ведомости", slug="item")

    fix(apps, None)

    broken.refresh_from_db(), kept.refresh_from_db(), outlet.refresh_from_db()
    assert (broken.slug, kept.slug, outlet.slug) == ("sanktsii", "old-ports-address", "item")


def test_every_model_with_a_slug_is_covered():
    """A new named model must join the rule (reviews.names and migration 0008)."""
    with_slugs = {
        model._meta.label
        for model in apps.get_models()
        if any(field.name == "slug" for field in model._meta.fields)
    }
    constrained = {
        model._meta.label
        for model in (Section, Outlet, Expert, Review)
        if f"{model._meta.model_name}_slug_not_empty"
        in {constraint.name for constraint in model._meta.constraints}
    }
    assert with_slugs == constrained | {"taggit.Tag"}


# The admin


@pytest.mark.parametrize(
    ("changelist", "fields", "model"),
    [
        ("section", {}, Section),
        ("outlet", {"country": "China", "language": "Chinese"}, Outlet),
        ("expert", {}, Expert),
    ],
)
def test_a_new_subject_saved_with_an_empty_slug_gets_one_from_its_name(
    admin_client, changelist, fields, model
):
    """The browser's own slug preview spells no CJK or emoji: the server names it then."""
    response = admin_client.post(
        reverse(f"admin:reviews_{changelist}_add"), {"name": "北京日报", "slug": "", **fields}
    )

    assert response.status_code == 302
    assert model.objects.get(name="北京日报").slug == "beijingribao"


def test_an_existing_subjects_slug_stays_required(admin_client):
    outlet = OutletFactory(name="Ведомости", slug="")
    response = admin_client.post(
        reverse("admin:reviews_outlet_change", args=[outlet.pk]),
        {"name": "Ведомости", "slug": "", "country": "Russia", "language": "Russian"},
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    outlet.refresh_from_db()
    assert outlet.slug == "vedomosti"


def test_a_new_review_saved_with_an_empty_slug_gets_one_from_its_title(admin_client):
    section = SectionFactory()
    response = admin_client.post(
        reverse("admin:reviews_review_add"),
        {
            "title": "😀",
            "slug": "",
            "section": section.pk,
            "dateline_city": "Lisbon",
            "review_date": "2026-03-03",
            "lede": "The papers lead with the harbour strike.",
            "stories-TOTAL_FORMS": 0,
            "stories-INITIAL_FORMS": 0,
            "stories-MIN_NUM_FORMS": 0,
            "stories-MAX_NUM_FORMS": 1000,
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Review.objects.get(title="😀").slug == "grinning"
