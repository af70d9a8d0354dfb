"""Moderation: the tagging queue, bulk tagging, the tag vocabulary, expert merges, redirects."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from reviews.models import Citation, Expert, SlugRedirect, Story
from reviews.vocabulary import moderation, redirects
from tests.support.admin_forms import opened_record_form, opened_story_form
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    SectionFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = "admin:reviews_storytotag_changelist"
STORIES = "admin:reviews_story_changelist"
TAGS = "admin:taggit_tag_changelist"
EXPERTS = "admin:reviews_expert_changelist"
SUGGEST = "admin:taggit_tag_suggest"


def tag_names(story) -> list[str]:
    return sorted(tag.name for tag in Story.objects.get(pk=story.pk).tags.all())


def run_action(client, changelist: str, action: str, objects, **form):
    """Post an admin action with its intermediate form already filled in."""
    return client.post(
        reverse(changelist),
        {"action": action, "_selected_action": [obj.pk for obj in objects], "apply": "1", **form},
    )


def queue_rows(client, **params) -> list[Story]:
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


# The tagging queue


def test_queue_opens_on_the_untagged_stories_newest_first_and_all_lists_every_story(
    client, moderator
):
    today = timezone.localdate()
    tagged_new = StoryFactory(tags=["ports"], review__review_date=today)
    untagged_old = StoryFactory(review__review_date=today - datetime.timedelta(days=5))
    untagged_new = StoryFactory(review__review_date=today - datetime.timedelta(days=1))
    client.force_login(moderator)

    assert queue_rows(client) == [untagged_new, untagged_old]
    assert queue_rows(client, tagged="all") == [tagged_new, untagged_new, untagged_old]
    assert queue_rows(client, tagged="yes") == [tagged_new]


def test_a_story_leaves_the_untagged_queue_when_tagged_and_returns_when_untagged(client, moderator):
    story = StoryFactory(headline="Rail tender reopens")
    client.force_login(moderator)
    assert queue_rows(client) == [story]

    story.tags.add("rail")
    assert queue_rows(client) == []
    story.tags.add("tenders")
    story.tags.remove("rail")
    assert queue_rows(client) == []
    story.tags.clear()
    assert queue_rows(client) == [story]

    story.delete()
    assert queue_rows(client) == []


def test_the_untagged_rows_survive_a_recount(moderator, client):
    from reviews.counts import recount

    untagged, tagged = StoryFactory(), StoryFactory(tags=["ports"])
    recount()
    client.force_login(moderator)
    assert queue_rows(client) == [untagged]
    assert queue_rows(client, tagged="yes") == [tagged]


def test_queue_lists_with_a_bounded_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    for _ in range(6):
        StoryFactory(tags=["ports", "rail"])
        StoryFactory()
    client.force_login(moderator)
    for tagged in ("no", "yes", "all"):
        with django_assert_max_num_queries(12):
            queue_rows(client, tagged=tagged)


def test_queue_shows_each_storys_tags_and_marks_the_untagged(client, moderator):
    StoryFactory(headline="Dockers walk out", tags=["ports", "Labour"])
    StoryFactory(headline="Rail tender reopens")
    client.force_login(moderator)

    page = client.get(reverse(QUEUE), {"tagged": "all"}).text

    assert "Labour, ports" in page
    assert "untagged" in page
    assert "Rail tender reopens" in page


def test_queue_filters_by_outlet_section_date_tagging_and_headline(client, moderator):
    today = timezone.localdate()
    outlet, section = OutletFactory(), SectionFactory()
    by_outlet = StoryFactory(outlet=outlet)
    in_section = StoryFactory(review__section=section)
    old = StoryFactory(review__review_date=today - datetime.timedelta(days=40), headline="Salt")
    tagged = StoryFactory(tags=["ports"])
    client.force_login(moderator)

    assert queue_rows(client, outlet__id__exact=outlet.pk) == [by_outlet]
    assert queue_rows(client, review__section__id__exact=section.pk) == [in_section]
    assert queue_rows(client, q="Salt", tagged="no") == [old]
    since = (today - datetime.timedelta(days=7)).isoformat()
    assert old not in queue_rows(client, review__review_date__gte=since)
    assert set(queue_rows(client, review__review_date__year=old.review.review_date.year)) >= {old}
    assert queue_rows(client, tagged="yes") == [tagged]
    assert tagged not in queue_rows(client, tagged="no")
    assert queue_rows(client, q="Salt") == [old]


def test_moderator_changes_only_the_tags_of_a_story_in_the_queue(client, moderator):
    """Posting the text fields too changes nothing but the tags."""
    story = StoryFactory(headline="Dockers walk out", body="Original body.", tags=["ports"])
    client.force_login(moderator)
    url = reverse("admin:reviews_storytotag_change", args=[story.pk])

    page = client.get(url).text
    assert 'name="tags"' in page
    assert 'name="headline"' not in page and 'name="body"' not in page

    response = client.post(
        url,
        {
            "headline": "Hijacked",
            "body": "New body.",
            "link": "https://x.example",
            "tags": "ports, Labour",
        }
        | opened_story_form(story),
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.headline, story.body, story.link) == ("Dockers walk out", "Original body.", "")
    assert tag_names(story) == ["Labour", "ports"]


def test_editors_also_edit_only_tags_in_the_queue(client, editor):
    story = StoryFactory(headline="Dockers walk out")
    client.force_login(editor)

    client.post(
        reverse("admin:reviews_storytotag_change", args=[story.pk]),
        {"headline": "Hijacked", "tags": "ports"} | opened_story_form(story),
    )

    story.refresh_from_db()
    assert story.headline == "Dockers walk out"
    assert tag_names(story) == ["ports"]


def test_queue_changelist_runs_as_many_queries_for_20_stories_as_for_1(client, moderator):
    client.force_login(moderator)

    def queries_for_queue() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(QUEUE), {"tagged": "all"}).status_code == 200
        return len(queries)

    StoryFactory(tags=["ports"])
    with_one = queries_for_queue()
    for index in range(19):
        StoryFactory(tags=[f"topic {index}", "ports"] if index % 2 else [])
    with_twenty = queries_for_queue()

    assert with_twenty == with_one


# Bulk tagging


def test_add_tag_asks_for_the_tag_then_tags_every_selected_story(client, moderator):
    first, second, other = StoryFactory(), StoryFactory(tags=["ports"]), StoryFactory()
    client.force_login(moderator)

    chosen = client.post(
        reverse(QUEUE),
        {"action": "add_tag_to_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert chosen.status_code == 200
    assert 'name="tag"' in chosen.text
    assert chosen.text.count('name="_selected_action"') == 2
    assert "tag_suggestions.js" in chosen.text

    applied = run_action(client, QUEUE, "add_tag_to_selected", [first, second], tag="Strikes")

    assert applied.status_code == 302
    assert tag_names(first) == ["Strikes"]
    assert tag_names(second) == ["Strikes", "ports"]
    assert tag_names(other) == []


def test_remove_tag_takes_it_off_the_selected_stories_only(client, moderator):
    first, second = StoryFactory(tags=["ports", "strikes"]), StoryFactory(tags=["ports"])
    untouched = StoryFactory(tags=["ports"])
    client.force_login(moderator)

    response = run_action(client, QUEUE, "remove_tag_from_selected", [first, second], tag="Ports")

    assert response.status_code == 302
    assert (tag_names(first), tag_names(second)) == (["strikes"], [])
    assert tag_names(untouched) == ["ports"]


def test_removing_a_tag_that_does_not_exist_shows_the_form_again(client, moderator):
    story = StoryFactory(tags=["ports"])
    client.force_login(moderator)

    response = run_action(client, QUEUE, "remove_tag_from_selected", [story], tag="nowhere")

    assert response.status_code == 200
    assert "There is no tag" in response.text
    assert tag_names(story) == ["ports"]


def test_bulk_tag_actions_are_on_the_story_list_too(client, editor):
    story = StoryFactory()
    client.force_login(editor)

    run_action(client, STORIES, "add_tag_to_selected", [story], tag="rail")
    assert tag_names(story) == ["rail"]
    run_action(client, STORIES, "remove_tag_from_selected", [story], tag="rail")
    assert tag_names(story) == []


# Tags ignore case


def test_adding_a_tag_in_another_case_reuses_the_existing_tag(client, moderator):
    existing = StoryFactory(tags=["sanctions"])
    story = StoryFactory()
    client.force_login(moderator)

    run_action(client, QUEUE, "add_tag_to_selected", [story], tag="Sanctions")
    story.tags.add("SANCTIONS")

    assert list(Tag.objects.values_list("name", flat=True)) == ["sanctions"]
    assert tag_names(story) == tag_names(existing) == ["sanctions"]


def test_story_form_reuses_a_tag_typed_in_another_case(client, moderator):
    StoryFactory(tags=["Sanctions"])
    story = StoryFactory()
    client.force_login(moderator)

    client.post(
        reverse("admin:reviews_storytotag_change", args=[story.pk]),
        {"tags": "sanctions"} | opened_story_form(story),
    )

    assert Tag.objects.count() == 1
    assert tag_names(story) == ["Sanctions"]


# Suggestions


def test_suggestions_start_with_the_typed_letters_and_put_the_most_used_first(client, moderator):
    for _ in range(3):
        StoryFactory(tags=["Sanctions"])
    for _ in range(2):
        StoryFactory(tags=["Trade sanctions"])
    StoryFactory(tags=["Santiago"])
    Tag.objects.create(name="Sandbanks")
    StoryFactory(tags=["Ports"])
    client.force_login(moderator)

    response = client.get(reverse(SUGGEST), {"q": "san"})

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"name": "Sanctions", "slug": "sanctions", "count": 3},
        {"name": "Trade sanctions", "slug": "trade-sanctions", "count": 2},
        {"name": "Santiago", "slug": "santiago", "count": 1},
        {"name": "Sandbanks", "slug": "sandbanks", "count": 0},
    ]


def test_suggestions_without_letters_are_the_most_used_tags(client, editor):
    StoryFactory(tags=["ports", "rail"])
    StoryFactory(tags=["rail"])
    client.force_login(editor)

    names = [row["name"] for row in client.get(reverse(SUGGEST)).json()["results"]]

    assert names == ["rail", "ports"]


def test_suggestions_are_for_staff_only(client):
    StoryFactory(tags=["ports"])
    anonymous = client.get(reverse(SUGGEST), {"q": "po"})
    assert anonymous.status_code == 302
    assert reverse("admin:login") in anonymous["Location"]

    client.force_login(UserFactory(username="reader", is_staff=False))
    assert client.get(reverse(SUGGEST), {"q": "po"}).status_code == 302

    client.force_login(UserFactory(username="staff-without-groups"))
    assert client.get(reverse(SUGGEST), {"q": "po"}).status_code == 403


@pytest.mark.parametrize(
    ("url_name", "args"),
    [
        ("admin:reviews_storytotag_change", "story"),
        ("admin:reviews_story_change", "story"),
        ("admin:reviews_review_change", "review"),
    ],
)
def test_tag_inputs_come_with_the_suggestions_script(client, editor, url_name, args):
    story = StoryFactory()
    client.force_login(editor)

    page = client.get(reverse(url_name, args=[getattr(story, args, story).pk])).text

    assert 'src="/static/reviews/tag_suggestions.js"' in page
    assert f'data-source="{reverse(SUGGEST)}"' in page


# The tag vocabulary


def test_tag_list_shows_how_many_stories_use_each_tag(client, moderator):
    StoryFactory(tags=["ports"])
    StoryFactory(tags=["ports"])
    Tag.objects.create(name="unused")
    client.force_login(moderator)

    response = client.get(reverse(TAGS))

    counts = {tag.name: tag.story_count for tag in response.context["cl"].result_list}
    assert counts == {"ports": 2, "unused": 0}
    assert "?tags__slug=ports" in response.text
    assert queue_rows(client, tags__slug="ports") != []


def test_renaming_a_tag_moves_its_address_and_redirects_the_old_one(client, moderator):
    story = StoryFactory(tags=["Energy prices"])
    tag = Tag.objects.get()
    client.force_login(moderator)

    response = client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {"name": "Energy costs"} | opened_record_form(tag),
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Energy costs", "energy-costs")
    assert tag_names(story) == ["Energy costs"]
    old = client.get("/tags/energy-prices/")
    assert (old.status_code, old["Location"]) == (301, "/tags/energy-costs/")
    assert client.get("/tags/energy-costs/").status_code == 200


def test_renaming_a_tag_to_another_tags_name_in_another_case_is_refused(client, moderator):
    StoryFactory(tags=["Sanctions", "embargo"])
    embargo = Tag.objects.get(name="embargo")
    client.force_login(moderator)

    response = client.post(
        reverse("admin:taggit_tag_change", args=[embargo.pk]),
        {"name": "sanctions"} | opened_record_form(embargo),
    )

    assert response.status_code == 200
    assert "There is already a tag" in response.text
    embargo.refresh_from_db()
    assert embargo.name == "embargo"


def test_merging_tags_moves_every_story_to_the_kept_tag_and_redirects(client, moderator):
    only_a = StoryFactory(tags=["a"])
    both = StoryFactory(tags=["a", "b"])
    only_b = StoryFactory(tags=["b"])
    a, b = Tag.objects.get(slug="a"), Tag.objects.get(slug="b")
    client.force_login(moderator)

    chosen = client.post(
        reverse(TAGS), {"action": "merge_selected", "_selected_action": [a.pk, b.pk]}
    )
    assert chosen.status_code == 200
    assert 'name="into"' in chosen.text

    response = run_action(client, TAGS, "merge_selected", [a, b], into=b.pk)

    assert response.status_code == 302
    assert not Tag.objects.filter(pk=a.pk).exists()
    assert [tag_names(story) for story in (only_a, both, only_b)] == [["b"], ["b"], ["b"]]
    for url_name in ("reviews:tag-detail", "reviews:tag-feed"):
        old = client.get(reverse(url_name, kwargs={"slug": "a"}))
        assert old.status_code == 301
        assert old["Location"] == reverse(url_name, kwargs={"slug": "b"})


def test_merging_tags_into_one_typed_by_name(client, moderator):
    story = StoryFactory(tags=["shipping", "Ports"])
    shipping = Tag.objects.get(name="shipping")
    client.force_login(moderator)

    run_action(client, TAGS, "merge_selected", [shipping], other="ports")

    assert tag_names(story) == ["Ports"]
    assert SlugRedirect.objects.get(kind="tag", old_slug="shipping").new_slug == "ports"


def test_merging_re_points_earlier_redirects_so_that_no_chain_forms(moderator):
    StoryFactory(tags=["a", "b"])
    a, b = Tag.objects.get(slug="a"), Tag.objects.get(slug="b")
    SlugRedirect.objects.create(kind="tag", old_slug="older-a", new_slug="a")

    moderation.tags_merge(tags=[a], into=b, by=moderator)

    assert dict(SlugRedirect.objects.values_list("old_slug", "new_slug")) == {
        "older-a": "b",
        "a": "b",
    }


def test_two_merged_tags_on_one_story_leave_it_one_kept_tag(moderator):
    story = StoryFactory(tags=["a", "c"])
    b = Tag.objects.create(name="b")

    moderation.tags_merge(tags=Tag.objects.filter(slug__in=["a", "c"]), into=b, by=moderator)

    assert tag_names(story) == ["b"]


def test_redirect_to_a_tag_without_published_stories_is_not_found(client, moderator):
    """A redirect must not reveal that an unpublished tag exists."""
    StoryFactory(tags=["a", "b"], review__draft=True)
    moderation.tags_merge(
        tags=[Tag.objects.get(slug="a")], into=Tag.objects.get(slug="b"), by=moderator
    )

    assert client.get("/tags/a/").status_code == 404
    assert client.get("/tags/a/feed/").status_code == 404


def test_a_current_tag_wins_over_a_redirect_from_its_slug(client):
    StoryFactory(tags=["b"])
    StoryFactory(tags=["a"], review__draft=True)
    SlugRedirect.objects.create(kind="tag", old_slug="a", new_slug="b", was_public=True)

    assert client.get("/tags/a/").status_code == 404


def test_deleting_unused_tags_deletes_only_those_no_story_uses(client, moderator):
    StoryFactory(tags=["ports"])
    unused = Tag.objects.create(name="unused")
    ports = Tag.objects.get(name="ports")
    client.force_login(moderator)

    response = run_action(client, TAGS, "delete_unused", [ports, unused])

    assert response.status_code == 302
    assert list(Tag.objects.values_list("name", flat=True)) == ["ports"]
    shown = [str(message) for message in response.wsgi_request._messages]
    assert any("Deleted 1 unused tag" in message for message in shown)
    assert any("Kept “ports”" in message for message in shown)


def test_a_tag_in_use_offers_no_delete(client, moderator):
    StoryFactory(tags=["ports"])
    ports = Tag.objects.get()
    client.force_login(moderator)

    assert client.get(reverse("admin:taggit_tag_delete", args=[ports.pk])).status_code == 403
    actions = client.get(reverse(TAGS)).context["action_form"].fields["action"].choices
    assert "delete_selected" not in dict(actions)


# Experts


@pytest.fixture
def two_spellings():
    """One person entered twice, both cited in a shared story."""
    kept = ExpertFactory(name="Ana Ribeiro", slug="ana-ribeiro", aliases="A. Ribeiro")
    merged = ExpertFactory(name="Ana Riberio", slug="ana-riberio", aliases="a. ribeiro\nAna R.")
    shared = StoryFactory()
    CitationFactory(expert=kept)
    CitationFactory(story=shared, expert=kept, quote="", position="")
    CitationFactory(story=shared, expert=merged, quote="Rates stay.", position="economist")
    CitationFactory(expert=merged)
    return kept, merged, shared


def test_merging_experts_moves_citations_keeping_one_per_story(client, editor, two_spellings):
    kept, merged, shared = two_spellings
    client.force_login(editor)

    chosen = client.post(
        reverse(EXPERTS), {"action": "merge_selected", "_selected_action": [kept.pk, merged.pk]}
    )
    assert chosen.status_code == 200
    assert 'name="keep"' in chosen.text

    response = run_action(client, EXPERTS, "merge_selected", [kept, merged], keep=kept.pk)

    assert response.status_code == 302
    assert not Expert.objects.filter(pk=merged.pk).exists()
    assert Citation.objects.filter(expert=kept).count() == 3
    in_shared = Citation.objects.get(story=shared)
    assert (in_shared.expert, in_shared.quote, in_shared.position) == (
        kept,
        "Rates stay.",
        "economist",
    )
    kept.refresh_from_db()
    assert kept.alias_list == ["A. Ribeiro", "Ana Riberio", "Ana R."]


def test_a_merged_experts_pages_redirect_to_the_kept_one(client, editor, two_spellings):
    kept, merged, _shared = two_spellings
    SlugRedirect.objects.create(
        kind="expert", old_slug="a-riberio", new_slug="ana-riberio", was_public=True
    )

    moderation.experts_merge(experts=[merged], into=kept, by=editor)

    for url_name in ("reviews:expert-detail", "reviews:expert-feed"):
        old = client.get(reverse(url_name, kwargs={"slug": "ana-riberio"}))
        assert old.status_code == 301
        assert old["Location"] == reverse(url_name, kwargs={"slug": "ana-ribeiro"})
    assert client.get("/experts/a-riberio/?page=1")["Location"] == "/experts/ana-ribeiro/?page=1"


def test_merging_needs_two_experts(client, editor):
    expert = ExpertFactory()
    client.force_login(editor)

    response = run_action(client, EXPERTS, "merge_selected", [expert], keep=expert.pk)

    assert response.status_code == 302
    assert Expert.objects.filter(pk=expert.pk).exists()


def test_moderators_are_not_offered_the_expert_merge(client, moderator, two_spellings):
    client.force_login(moderator)

    actions = client.get(reverse(EXPERTS)).context["action_form"]

    assert actions is None or "merge_selected" not in dict(actions.fields["action"].choices)
    with pytest.raises(moderation.ModerationNotAllowed):
        moderation.experts_merge(experts=[two_spellings[1]], into=two_spellings[0], by=moderator)


def test_expert_admin_shows_aliases_and_searches_them(client, editor):
    expert = ExpertFactory(name="José Álvares", aliases="Jose Alvares")
    ExpertFactory(name="Somebody Else")
    client.force_login(editor)

    assert (
        'name="aliases"'
        in client.get(reverse("admin:reviews_expert_change", args=[expert.pk])).text
    )
    found = client.get(reverse(EXPERTS), {"q": "jose alvares"}).context["cl"].result_list
    assert list(found) == [expert]


def test_citation_forms_find_an_expert_by_another_spelling(client, editor):
    """The expert autocomplete of the citation form searches aliases too."""
    expert = ExpertFactory(name="José Álvares", aliases="Jose Alvares")
    CitationFactory(expert=expert)
    client.force_login(editor)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "jose alv",
            "app_label": "reviews",
            "model_name": "citation",
            "field_name": "expert",
        },
    )

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(expert.pk)]


def test_find_expert_matches_the_name_or_an_alias_ignoring_case_and_spaces():
    expert = ExpertFactory(name="Ana Ribeiro", aliases="A. Ribeiro\nAna  Maria Ribeiro")
    ExpertFactory(name="Ana Ribeirinho")

    assert moderation.find_expert("ana ribeiro") == expert
    assert moderation.find_expert("  ANA MARIA   ribeiro ") == expert
    assert moderation.find_expert("a. ribeiro") == expert
    assert moderation.find_expert("Ribeiro") is None
    assert moderation.find_expert("") is None


# Who may do what


def open_queue(client, world):
    response = client.get(reverse(QUEUE))
    return response, response.status_code == 200


def edit_tags_in_queue(client, world):
    story = world["story"]
    url = reverse("admin:reviews_storytotag_change", args=[story.pk])
    response = client.post(url, {"tags": "ports, queue"} | opened_story_form(story))
    return response, "queue" in tag_names(story)


def add_tag(client, world):
    response = run_action(client, QUEUE, "add_tag_to_selected", [world["story"]], tag="added")
    return response, "added" in tag_names(world["story"])


def remove_tag(client, world):
    response = run_action(client, QUEUE, "remove_tag_from_selected", [world["story"]], tag="ports")
    return response, "ports" not in tag_names(world["story"])


def rename_tag(client, world):
    url = reverse("admin:taggit_tag_change", args=[world["ports"].pk])
    response = client.post(url, {"name": "harbours"} | opened_record_form(world["ports"]))
    return response, Tag.objects.filter(name="harbours").exists()


def merge_tags(client, world):
    response = run_action(
        client, TAGS, "merge_selected", [world["ports"], world["docks"]], into=world["ports"].pk
    )
    return response, not Tag.objects.filter(pk=world["docks"].pk).exists()


def delete_unused_tags(client, world):
    response = run_action(client, TAGS, "delete_unused", [world["unused"]])
    return response, not Tag.objects.filter(pk=world["unused"].pk).exists()


def merge_experts(client, world):
    kept, merged = world["experts"]
    response = run_action(client, EXPERTS, "merge_selected", [kept, merged], keep=kept.pk)
    return response, not Expert.objects.filter(pk=merged.pk).exists()


def suggest_tags(client, world):
    response = client.get(reverse(SUGGEST), {"q": "po"})
    return response, response.status_code == 200


ACTIONS = {
    "open the queue": open_queue,
    "edit tags in the queue": edit_tags_in_queue,
    "add a tag": add_tag,
    "remove a tag": remove_tag,
    "rename a tag": rename_tag,
    "merge tags": merge_tags,
    "delete unused tags": delete_unused_tags,
    "merge experts": merge_experts,
    "suggest tags": suggest_tags,
}
ALLOWED = {
    "anonymous": set(),
    "moderator": set(ACTIONS) - {"merge experts"},
    "editor": set(ACTIONS),
    "superuser": set(ACTIONS),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ALLOWED)
def test_permission_matrix(client, request, role, action):
    """Each role may do exactly its moderation actions; anonymous visitors go to the login."""
    world = {
        "story": StoryFactory(tags=["ports", "docks"]),
        "unused": Tag.objects.create(name="unused"),
        "experts": (ExpertFactory(), ExpertFactory()),
    }
    world |= {"ports": Tag.objects.get(name="ports"), "docks": Tag.objects.get(name="docks")}
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response, done = ACTIONS[action](client, world)

    assert done == (action in ALLOWED[role])
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


def test_the_groups_hold_what_the_matrix_assumes():
    moderators = Group.objects.get(name="Moderators").permissions
    editors = Group.objects.get(name="Editors").permissions
    assert (
        moderators.filter(codename__in=["change_tag", "delete_tag", "change_story_tags"]).count()
        == 3
    )
    assert not moderators.filter(codename__in=["change_expert", "delete_expert"]).exists()
    assert (
        editors.filter(codename__in=["change_expert", "delete_expert", "change_tag"]).count() == 3
    )


# Old addresses: followed only if they were public, everywhere a slug is read


def move(how: str, by) -> tuple[str, str]:
    """Rename or merge a subject (created beforehand as "old-name"); return (kind, new slug)."""
    if how == "tag renamed":
        moderation.tag_rename(tag=Tag.objects.get(slug="old-name"), name="New name", by=by)
        return "tag", "new-name"
    if how == "tag merged":
        moderation.tags_merge(
            tags=[Tag.objects.get(slug="old-name")], into=Tag.objects.get(slug="kept"), by=by
        )
        return "tag", "kept"
    moderation.experts_merge(
        experts=[Expert.objects.get(slug="old-name")], into=Expert.objects.get(slug="kept"), by=by
    )
    return "expert", "kept"


def subject_before_the_move(how: str, *, public: bool):
    """The subject "old-name", used by a published review or only by a draft, and the kept
    subject "kept", used by a published review."""
    review = {} if public else {"story__review__draft": True}
    if how.startswith("tag"):
        StoryFactory(tags=["kept"])
        return CitationFactory(story__tags=["old name"], **review).story.review
    ExpertFactory(name="Kept", slug="kept")
    CitationFactory(expert=Expert.objects.get(slug="kept"))
    return CitationFactory(expert__name="Old Name", expert__slug="old-name", **review).story.review


def addresses(kind: str, slug: str) -> list[str]:
    return [
        reverse(f"reviews:{kind}-detail", args=[slug]),
        reverse(f"reviews:{kind}-feed", args=[slug]),
    ]


MOVES = ["tag renamed", "tag merged", "expert merged"]


@pytest.mark.parametrize("how", MOVES)
def test_an_old_address_that_was_never_public_answers_like_a_missing_one(client, superuser, how):
    """A subject only a draft used is moved; even once its content is published, its old
    address answers 404, its old slug in a filter 400, in the API 404, like a slug that
    never existed: nothing confirms that the hidden name existed."""
    from reviews.publishing import workflow

    draft = subject_before_the_move(how, public=False)
    kind, _new = move(how, superuser)
    workflow.review_publish(review=draft, by=superuser)

    for old, missing in zip(addresses(kind, "old-name"), addresses(kind, "never-was"), strict=True):
        assert client.get(old).status_code == client.get(missing).status_code == 404, old
    for list_name in ["reviews:review-list", "reviews:story-list"]:
        response = client.get(reverse(list_name), {kind: "old-name"})
        assert response.status_code == 400, list_name
    for endpoint in ["reviews", "stories"]:
        assert client.get(f"/api/v1/{endpoint}", {kind: "old-name"}).status_code == 400
    assert client.get(f"/api/v1/{kind}s/old-name").status_code == 404


@pytest.mark.parametrize("how", MOVES)
def test_an_old_public_address_redirects_on_pages_in_filters_and_in_the_api(client, superuser, how):
    """After a rename or merge of a public subject, the old slug leads to the current one:
    pages and list filters answer 301 to the same address with the current slug, the API's
    detail 301 to its current address, and its filters take the old slug as the new one."""
    subject_before_the_move(how, public=True)
    kind, new = move(how, superuser)

    for old, current in zip(addresses(kind, "old-name"), addresses(kind, new), strict=True):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, current)
    for list_name in ["reviews:review-list", "reviews:story-list"]:
        response = client.get(reverse(list_name), {kind: "old-name", "ordering": "date"})
        assert response.status_code == 301, list_name
        assert response["Location"] == f"{reverse(list_name)}?{kind}={new}&ordering=date"
        assert client.get(response["Location"]).status_code == 200
    for endpoint in ["reviews", "stories"]:
        by_old = client.get(f"/api/v1/{endpoint}", {kind: "old-name"})
        by_new = client.get(f"/api/v1/{endpoint}", {kind: new})
        assert by_old.status_code == by_new.status_code == 200, endpoint
        assert by_old.json()["results"] == by_new.json()["results"] != []
    response = client.get(f"/api/v1/{kind}s/old-name")
    assert (response.status_code, response["Location"]) == (301, f"/api/v1/{kind}s/{new}")
    assert client.get(response["Location"]).status_code == 200


def test_filters_replace_only_the_moved_slugs_among_several(client, moderator):
    StoryFactory(tags=["ports", "strikes"])
    moderation.tag_rename(tag=Tag.objects.get(slug="strikes"), name="Walkouts", by=moderator)

    response = client.get(reverse("reviews:story-list"), {"tag": ["ports", "strikes"]})

    assert response.status_code == 301
    assert response["Location"] == reverse("reviews:story-list") + "?tag=ports&tag=walkouts"
    unknown = client.get(reverse("reviews:story-list"), {"tag": ["strikes", "no-such-tag"]})
    assert unknown.status_code == 301, "the moved slug is replaced, the unknown one kept"
    assert client.get(unknown["Location"]).status_code == 400


def test_every_kind_of_redirect_says_where_its_subjects_and_public_ones_are():
    """moved_slugs follows a kind only through its MOVABLE entry (model and published())."""
    assert set(redirects.MOVABLE) == set(SlugRedirect.Kind.values)


def test_queue_date_hierarchy_offers_the_years_from_the_first_review_to_the_last(client, moderator):
    """Drawn from the first and last review dates, without reading the stories."""
    StoryFactory(review__review_date=datetime.date(2019, 5, 2))
    StoryFactory(review__review_date=datetime.date(2022, 1, 9))
    client.force_login(moderator)

    page = client.get(reverse(QUEUE), {"tagged": "all"}).text
    for year in range(2019, 2023):
        assert f"review__review_date__year={year}" in page

    months = client.get(reverse(QUEUE), {"review__review_date__year": 2022}).text
    assert "review__review_date__month=12" in months
    days = client.get(
        reverse(QUEUE), {"review__review_date__year": 2022, "review__review_date__month": 2}
    ).text
    assert "review__review_date__day=28" in days
    assert "review__review_date__day=29" not in days
    assert queue_rows(client, review__review_date__year=2022, tagged="all") == [
        Story.objects.get(review__review_date=datetime.date(2022, 1, 9))
    ]


@pytest.mark.parametrize("year", ["abc", "0", "99999", "-3"])
def test_queue_date_hierarchy_refuses_a_bad_year_without_an_error(client, moderator, year):
    StoryFactory()
    client.force_login(moderator)
    response = client.get(reverse(QUEUE), {"review__review_date__year": year})
    assert response.status_code in (200, 302)


def test_queue_offers_no_facet_counts(client, moderator):
    """Counting each filter choice would count every story."""
    StoryFactory()
    client.force_login(moderator)
    assert "Show counts" not in client.get(reverse(QUEUE)).text
    assert "Show counts" not in client.get(reverse(QUEUE), {"_facets": "True"}).text
