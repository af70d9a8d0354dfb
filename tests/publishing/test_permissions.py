"""What each editorial role may do in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from reviews.models import Review
from tests.support.admin_forms import citation_rows, opened_story_form
from tests.support.factories import CitationFactory, StoryFactory

pytestmark = pytest.mark.django_db


def story_change_data(story, **changes):
    """The story change form as a browser would post it, with `changes` applied."""
    data = {
        "review": story.review_id,
        "position": story.position,
        "outlet": story.outlet_id,
        "headline": story.headline,
        "body": story.body,
        "link": story.link,
        "tags": ", ".join(tag.name for tag in story.tags.all()),
    }
    return data | citation_rows("citations", story) | opened_story_form(story) | changes


@pytest.fixture
def story():
    story = StoryFactory(headline="Dockers walk out", body="Original body.", tags=["ports"])
    CitationFactory(story=story, quote="Original quote.")
    return story


@pytest.mark.parametrize(
    ("role", "text_changes"),
    [("moderator", False), ("editor", True)],
)
def test_both_roles_change_story_tags_but_only_editors_change_its_text(
    client, request, story, role, text_changes
):
    """A moderator's edits to headline, body and citations are ignored; their tags are kept."""
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        reverse("admin:reviews_story_change", args=[story.pk]),
        story_change_data(
            story,
            headline="New headline",
            body="New body.",
            tags="ports, Labour",
            **{"citations-0-quote": "New quote."},
        ),
    )

    assert response.status_code == 302
    story.refresh_from_db()
    text = (story.headline, story.body, story.citations.get().quote)
    if text_changes:
        assert text == ("New headline", "New body.", "New quote.")
    else:
        assert text == ("Dockers walk out", "Original body.", "Original quote.")
    assert sorted(tag.name for tag in story.tags.all()) == ["Labour", "ports"]


def test_moderator_sees_reviews_but_cannot_change_add_or_delete_them(client, moderator, story):
    client.force_login(moderator)
    review = story.review
    assert client.get(reverse("admin:reviews_review_changelist")).status_code == 200
    assert client.get(reverse("admin:reviews_review_change", args=[review.pk])).status_code == 200

    response = client.post(
        reverse("admin:reviews_review_change", args=[review.pk]), {"title": "Hijacked"}
    )
    assert response.status_code == 403
    assert client.get(reverse("admin:reviews_review_add")).status_code == 403
    assert client.get(reverse("admin:reviews_story_add")).status_code == 403
    assert client.get(reverse("admin:reviews_review_delete", args=[review.pk])).status_code == 403
    review.refresh_from_db()
    assert review.title != "Hijacked"


@pytest.mark.parametrize("model", ["review", "story", "outlet", "expert", "section", "citation"])
def test_editor_may_add_change_delete_and_view_editorial_content(editor, model):
    for action in ("add", "change", "delete", "view"):
        assert editor.has_perm(f"reviews.{action}_{model}")


@pytest.mark.parametrize("model", ["review", "story", "outlet", "expert", "section", "citation"])
def test_moderator_may_view_but_not_change_editorial_content(moderator, model):
    assert moderator.has_perm(f"reviews.view_{model}")
    for action in ("add", "change", "delete"):
        assert not moderator.has_perm(f"reviews.{action}_{model}")
    assert moderator.has_perm("reviews.change_story_tags")


def test_neither_group_makes_a_superuser_or_grants_user_management(editor, moderator):
    for user in (editor, moderator):
        assert not user.is_superuser
        assert not user.has_perm("auth.change_user")
        assert not user.has_perm("auth.change_group")


def test_both_groups_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Moderators"}


def test_admin_sets_the_author_of_a_new_review_to_the_editor(client, editor):
    client.force_login(editor)
    story = StoryFactory()
    response = client.post(
        reverse("admin:reviews_review_add"),
        {
            "title": "Press review: Rail tender reopens",
            "slug": "rail-tender-reopens",
            "section": story.review.section_id,
            "dateline_city": "Lisbon",
            "review_date": "2026-03-03",
            "lede": "The papers lead with the rail tender.",
            "status": "draft",
            "stories-TOTAL_FORMS": 0,
            "stories-INITIAL_FORMS": 0,
            "stories-MIN_NUM_FORMS": 0,
            "stories-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Review.objects.get(slug="rail-tender-reopens").author == editor


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_every_editorial_admin_page_opens_for_both_roles(client, request, role):
    citation = CitationFactory(story__tags=["ports"])
    story = citation.story
    client.force_login(request.getfixturevalue(role))
    objects = {
        "review": story.review,
        "story": story,
        "outlet": story.outlet,
        "expert": citation.expert,
        "section": story.review.section,
    }
    for model, obj in objects.items():
        changelist = client.get(reverse(f"admin:reviews_{model}_changelist"), {"q": "a"})
        assert changelist.status_code == 200, model
        assert (
            client.get(reverse(f"admin:reviews_{model}_change", args=[obj.pk])).status_code == 200
        )


def test_story_form_shows_moderators_the_text_read_only(client, moderator):
    story = StoryFactory(headline="Dockers walk out")
    client.force_login(moderator)
    page = client.get(reverse("admin:reviews_story_change", args=[story.pk])).text
    assert 'name="tags"' in page
    assert 'name="headline"' not in page
    assert "Dockers walk out" in page
