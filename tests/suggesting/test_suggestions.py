"""Tags suggested from the text: learned from a constructed archive, offered in the queue and
on the story's page, accepted, rejected (remembered), following merges and renames, only for
moderators and editors, and nothing at all without a model."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from taggit.models import Tag

from reviews.models import RejectedSuggestion, Story
from reviews.suggesting import services, store
from reviews.vocabulary import moderation
from tests.support.database import built_once
from tests.support.factories import ExpertFactory, ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:reviews_storytotag_changelist"
ACCEPT = "admin:reviews_storytotag_suggestion_accept"
REJECT = "admin:reviews_storytotag_suggestion_reject"
# Small archive, small model: a tag needs three stories, a suggestion two voters.
TUNING = {"neighbours": 8, "min_tag_stories": 3, "min_votes": 2, "min_score": 0.2}

# Each topic: its tags and the words its stories are written from (five stories each).
TOPICS = {
    ("ports", "labour"): "dockers strike terminal cranes harbour container shipping union pay",
    ("rail",): "railway train tender carriages track signalling commuters timetable line",
    ("housing",): "rents landlords apartments tenants mortgage eviction building flats",
    ("elections",): "ballot vote polls candidates campaign turnout parliament seats",
}
EXPERT = "Ottoline Quarrington"


def story_words(words: str, offset: int) -> tuple[str, str]:
    """A headline and a body drawn from `words`, differently for each `offset`."""
    pool = words.split()
    turn = pool[offset:] + pool[:offset]
    headline = " ".join(turn[:4]).capitalize()
    body = f"{' '.join(turn)} said {EXPERT} to the paper.\n\n{' '.join(reversed(turn[2:]))}."
    return headline, body


@pytest.fixture(scope="module", autouse=True)
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """Twenty tagged, published stories (five per topic), a rare tag on one story, and a
    model built from them, in a folder of this module's own."""
    folder = tmp_path_factory.mktemp("tag-model")
    with (
        override_settings(PRESSREVIEW_TAG_MODEL_DIR=folder, PRESSREVIEW_TAG_MODEL_TUNING=TUNING),
        built_once(django_db_blocker),
    ):
        ExpertFactory(name=EXPERT, slug="ottoline-quarrington")
        reviews = itertools.cycle([ReviewFactory() for _ in range(4)])
        for (tags, words), offset in itertools.product(TOPICS.items(), range(5)):
            headline, body = story_words(words, offset)
            StoryFactory(review=next(reviews), headline=headline, body=body, tags=list(tags))
        StoryFactory(
            review=next(reviews),
            headline="Lighthouse keepers return to the cape",
            body="The lighthouse lamp is lit again by keepers on the cape.",
            tags=["lighthouses"],
        )
        store.rebuild()
        yield folder


@pytest.fixture
def dockers_story(db):
    """An untagged draft about a dockers' strike, worded unlike any archive story."""
    return StoryFactory(
        review=ReviewFactory(draft=True),
        headline="Dockers strike shuts the container terminal",
        body="Cranes stood still at the harbour as the dockers' union walked out over pay.",
    )


def names(suggestions) -> list[str]:
    return [suggestion.name for suggestion in suggestions]


def suggested(story, user) -> list[str]:
    return names(services.suggestions_for([story], by=user)[story.pk])


def queue_html(client, **params) -> str:
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return response.content.decode()


# What is suggested, and why


def test_a_dockers_strike_is_offered_the_ports_and_labour_tags_its_neighbours_carry(
    dockers_story, moderator
):
    suggestions = services.suggestions_for([dockers_story], by=moderator)[dockers_story.pk]

    assert set(names(suggestions)[:2]) == {"ports", "labour"}
    first = suggestions[0]
    assert first.stories >= 3
    assert {"dockers", "strike", "terminal", "container", "cranes"} & set(first.words)


def test_rare_and_unknown_tags_are_never_suggested(moderator):
    """Only one story carries "lighthouses": a story just like it is offered nothing."""
    story = StoryFactory(
        headline="Lighthouse keepers leave the cape",
        body="The lighthouse lamp is dark again; keepers left the cape.",
    )

    assert "lighthouses" not in suggested(story, moderator)


def test_names_of_people_and_outlets_alone_make_no_topic(moderator):
    """Every housing story quotes the same expert; a story that only names her and an
    outlet of the archive is offered nothing."""
    outlet = Story.objects.filter(tags__name="housing").first().outlet
    story = StoryFactory(
        outlet=outlet, headline=f"{EXPERT} speaks", body=f"{EXPERT} told {outlet.name} so."
    )

    assert suggested(story, moderator) == []


def test_a_story_is_not_offered_the_tags_it_already_has(dockers_story, moderator):
    dockers_story.tags.add("ports")

    assert "ports" not in suggested(dockers_story, moderator)
    assert "labour" in suggested(dockers_story, moderator)


# The queue and the story's page


def test_the_queue_offers_each_story_its_suggestions_with_their_reasons(
    client, moderator, dockers_story, django_assert_max_num_queries
):
    client.force_login(moderator)
    with django_assert_max_num_queries(16):
        page = queue_html(client)

    assert f'value="{dockers_story.pk}:{Tag.objects.get(name="ports").pk}"' in page
    assert "Like 5 similar stories tagged ports; words: " in page


def test_accepting_a_suggestion_tags_the_story_and_returns_to_the_queue(
    client, moderator, dockers_story
):
    client.force_login(moderator)
    ports = Tag.objects.get(name="ports")
    queue = reverse(QUEUE) + "?p=0"

    response = client.post(
        reverse(ACCEPT), {"suggestion": f"{dockers_story.pk}:{ports.pk}"}, HTTP_REFERER=queue
    )

    assert response.status_code == 302
    assert response["Location"] == queue
    assert list(dockers_story.tags.names()) == ["ports"]


def test_the_storys_page_lists_its_suggestions_under_the_tag_field(
    client, moderator, dockers_story
):
    client.force_login(moderator)
    page = client.get(reverse("admin:reviews_storytotag_change", args=[dockers_story.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert 'accesskey="1"' in text
    assert '<span class="suggestion-why">Like 5 similar stories tagged' in text


def test_accepting_the_top_suggestions_tags_a_page_of_stories_at_once(
    client, moderator, dockers_story
):
    rail = StoryFactory(
        review=ReviewFactory(draft=True),
        headline="Train tender for new carriages",
        body="The railway signalling and track works delay the commuters' timetable.",
    )
    client.force_login(moderator)

    response = client.post(
        reverse(QUEUE),
        {"action": "accept_top_suggestions", "_selected_action": [dockers_story.pk, rail.pk]},
    )

    assert response.status_code == 302
    assert set(dockers_story.tags.names()) == {"ports", "labour"}
    assert list(rail.tags.names()) == ["rail"]


def test_a_rejected_suggestion_is_not_offered_again_for_that_story_only(
    client, moderator, dockers_story
):
    other = StoryFactory(headline="Dockers strike again", body="The terminal cranes are idle.")
    ports = Tag.objects.get(name="ports")
    client.force_login(moderator)

    client.post(reverse(REJECT), {"suggestion": f"{dockers_story.pk}:{ports.pk}"})

    assert RejectedSuggestion.objects.get(story=dockers_story).tag == ports
    assert "ports" not in suggested(dockers_story, moderator)
    assert "labour" in suggested(dockers_story, moderator)
    assert "ports" in suggested(other, moderator)


def test_a_suggestion_no_longer_offered_gets_a_message_not_an_error(client, moderator):
    client.force_login(moderator)
    for value in ["", "x:y", "12", f"{StoryFactory().pk}:999999"]:
        response = client.post(reverse(ACCEPT), {"suggestion": value}, follow=True)
        assert response.status_code == 200, value
        assert "reload the page" in response.content.decode(), value


# Merges and renames since the model was built


def test_suggestions_use_a_renamed_tags_new_name(dockers_story, moderator, superuser):
    labour = Tag.objects.get(name="labour")
    moderation.tag_rename(tag=labour, name="Workers' rights", by=superuser)

    found = services.suggestions_for([dockers_story], by=moderator)[dockers_story.pk]

    assert "Workers' rights" in names(found)
    assert "labour" not in names(found)


def test_suggestions_follow_a_merge_to_the_tag_kept(dockers_story, moderator, superuser):
    """ "ports" merged into a new "shipping" tag: the model learned "ports", it offers
    "shipping", by the kept tag's id."""
    shipping = Tag.objects.create(name="shipping", slug="shipping")
    moderation.tags_merge(tags=[Tag.objects.get(name="ports")], into=shipping, by=superuser)

    found = services.suggestions_for([dockers_story], by=moderator)[dockers_story.pk]

    assert "shipping" in names(found)
    assert next(s.tag_id for s in found if s.name == "shipping") == shipping.pk
    assert "ports" not in names(found)


# Who may see them


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_moderators_and_editors_are_offered_suggestions(client, request, role, dockers_story):
    client.force_login(request.getfixturevalue(role))

    assert "suggestion-accept" in queue_html(client)


def test_staff_without_the_tagging_permission_get_no_suggestions(client, dockers_story):
    reader = UserFactory(username="reader")
    client.force_login(reader)
    ports = Tag.objects.get(name="ports")

    assert client.get(reverse(QUEUE)).status_code == 403
    post = client.post(reverse(ACCEPT), {"suggestion": f"{dockers_story.pk}:{ports.pk}"})
    assert post.status_code == 403
    assert list(dockers_story.tags.names()) == []
    with pytest.raises(moderation.ModerationNotAllowed):
        services.suggestions_for([dockers_story], by=reader)


def test_anonymous_visitors_are_sent_to_sign_in(client, dockers_story):
    ports = Tag.objects.get(name="ports")
    for name in (ACCEPT, REJECT):
        response = client.post(reverse(name), {"suggestion": f"{dockers_story.pk}:{ports.pk}"})
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert not RejectedSuggestion.objects.exists()
    assert list(dockers_story.tags.names()) == []


# No model, new versions


def test_without_a_model_the_queue_works_as_before(client, moderator, dockers_story, tmp_path):
    client.force_login(moderator)
    with override_settings(PRESSREVIEW_TAG_MODEL_DIR=tmp_path):
        page = queue_html(client)
        story_page = client.get(reverse("admin:reviews_storytotag_change", args=[dockers_story.pk]))

    assert dockers_story.headline in page
    assert "suggestion-accept" not in page
    assert story_page.status_code == 200
    assert "suggested-tags" not in story_page.content.decode()


def test_the_command_builds_a_new_version_and_the_worker_rebuilds_when_due(
    moderator, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PRESSREVIEW_TAG_MODEL_DIR = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PRESSREVIEW_TAG_MODEL_REBUILD_AFTER = 1
    call_command("rebuild_tag_model", stdout=(out := io.StringIO()))
    assert "Tag model version 1: 21 stories" in out.getvalue()
    call_command("rebuild_tag_model", "--if-due", stdout=(out := io.StringIO()))
    assert "fresh" in out.getvalue()

    published = StoryFactory(headline="Dockers strike", body="The terminal cranes are idle.")
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_accept(story=published, tag=Tag.objects.get(name="ports"), by=moderator)

    assert store.versions() == [1, 2]
    assert store.current_model().story_count == 22


def test_the_evaluation_prints_precision_and_recall_overall_and_per_tag():
    call_command("evaluate_tag_suggestions", "--test-share", "0.2", stdout=(out := io.StringIO()))

    lines = out.getvalue().splitlines()
    assert lines[1].split() == ["p@1", "p@3", "r@5", "stories"]
    assert lines[2].startswith("overall")
    assert any(line.startswith("elections") for line in lines[3:])


def test_the_evaluation_refuses_a_share_outside_zero_to_one():
    with pytest.raises(Exception, match="between 0 and 1"):
        call_command("evaluate_tag_suggestions", "--test-share", "1.5")
