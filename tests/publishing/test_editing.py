"""Nothing lost: every page of a review is one unit of editing, and a stale save is merged
field by field, or refused with your value, theirs and the one you started from."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from reviews.models import Review, Story
from reviews.publishing import editing, workflow
from reviews.vocabulary import moderation
from tests.support.admin_forms import form_as_rendered
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def review_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def story_url(story):
    return reverse("admin:reviews_story_change", args=[story.pk])


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def opened(client, url) -> dict:
    """Open a change page and return what its form posts back unedited."""
    response = client.get(url)
    assert response.status_code == 200
    return form_as_rendered(response)


def tag_names(story):
    return sorted((tag.name for tag in story.tags.all()), key=str.casefold)


@pytest.fixture
def colleague(db):
    return UserFactory(username="rita", first_name="Rita", last_name="Sousa", groups=["Editors"])


@pytest.fixture
def review(db):
    review = ReviewFactory(draft=True, title="Press review: Cranes idle", lede="Original lede.")
    story = StoryFactory(review=review, position=1, headline="Dockers walk out", tags=["ports"])
    CitationFactory(story=story, quote="The strike will cost more.")
    return review


def only_story(review) -> Story:
    return review.stories.get()


class TestStoryPage:
    def test_a_citation_fix_survives_a_stale_save_of_the_same_story(
        self, editor, colleague, review
    ):
        story = only_story(review)
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, story_url(story))
        their_form = opened(theirs, story_url(story))

        fixed = their_form | {"citations-0-quote": "The strike will cost far more."}
        assert theirs.post(story_url(story), fixed).status_code == 302
        response = mine.post(story_url(story), my_form | {"headline": "Dockers stop work"})

        assert response.status_code == 302
        story.refresh_from_db()
        assert story.headline == "Dockers stop work"
        assert story.citations.get().quote == "The strike will cost far more."

    def test_a_stale_save_changing_what_a_colleague_changed_is_refused_keeping_the_input(
        self, editor, colleague, review
    ):
        story = only_story(review)
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, story_url(story))
        their_form = opened(theirs, story_url(story))

        theirs.post(story_url(story), their_form | {"citations-0-quote": "Their fix."})
        response = mine.post(story_url(story), my_form | {"citations-0-quote": "My fix."})

        assert response.status_code == 200
        assert "Not saved: Rita Sousa changed this review" in response.text
        assert "My fix." in response.text  # the input is kept
        assert "Their fix." in response.text  # and theirs is shown
        assert story.citations.get().quote == "Their fix."

    def test_the_story_page_says_who_else_is_working_on_the_review(self, editor, colleague, review):
        client_for(colleague).get(review_url(review))
        page = client_for(editor).get(story_url(only_story(review))).text
        apostrophe = "\N{RIGHT SINGLE QUOTATION MARK}"
        assert f"Rita Sousa opened this story{apostrophe}s review in the last minutes" in page

    def test_a_save_on_the_story_page_makes_open_review_forms_stale(self, editor, review):
        before = review.version
        client = client_for(editor)
        client.post(story_url(only_story(review)), opened(client, story_url(only_story(review))))
        review.refresh_from_db()
        assert review.version == before + 1


class TestReviewForm:
    def test_a_stale_review_save_does_not_restore_a_headline_changed_on_the_story_page(
        self, editor, colleague, review
    ):
        story = only_story(review)
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))

        their_form = opened(theirs, story_url(story))
        theirs.post(story_url(story), their_form | {"headline": "Dockers down tools"})
        response = mine.post(review_url(review), my_form | {"title": "Press review: Quiet docks"})

        assert response.status_code == 302
        review.refresh_from_db()
        story.refresh_from_db()
        assert review.title == "Press review: Quiet docks"
        assert story.headline == "Dockers down tools"

    def test_a_stale_review_save_keeps_a_moderators_new_tag_and_merges(
        self, editor, moderator, review
    ):
        story = only_story(review)
        mine = client_for(editor)
        my_form = opened(mine, review_url(review))

        moderation.stories_add_tag(stories=[story], name="labour", by=moderator)
        response = mine.post(review_url(review), my_form | {"lede": "A new lede."})

        assert response.status_code == 302
        review.refresh_from_db()
        assert review.lede == "A new lede."
        assert tag_names(story) == ["labour", "ports"]

    def test_tags_added_on_both_sides_are_all_kept_and_a_removal_stays_removed(
        self, editor, moderator, review
    ):
        story = only_story(review)
        mine = client_for(editor)
        my_form = opened(mine, review_url(review))

        moderation.story_set_tags(story=story, names=["ports", "labour"], by=moderator)
        mine.post(review_url(review), my_form | {"stories-0-tags": "strikes"})

        assert tag_names(story) == ["labour", "strikes"]

    def test_a_true_conflict_shows_the_three_values_and_lets_the_editor_pick(
        self, editor, colleague, review
    ):
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))
        their_form = opened(theirs, review_url(review))

        theirs.post(review_url(review), their_form | {"title": "Press review: Theirs"})
        refused = mine.post(
            review_url(review), my_form | {"title": "Press review: Mine", "lede": "My lede."}
        )

        assert refused.status_code == 200
        conflicts = refused.context["edit_conflicts"]
        assert [conflict.key for conflict in conflicts] == ["review.title"]
        row = refused.text[refused.text.index('class="edit-conflict"') :]
        row = row[: row.index("</tr>")]
        for value in ("Press review: Mine", "Press review: Theirs", "Press review: Cranes idle"):
            assert value in row
        assert row.count('type="radio" name="resolve:review.title"') == 3
        review.refresh_from_db()
        assert (review.title, review.lede) == ("Press review: Theirs", "Original lede.")

        # Saving again without choosing is refused: nothing is replaced unseen.
        again = form_as_rendered(refused)
        assert mine.post(review_url(review), again).status_code == 200

        accepted = mine.post(review_url(review), again | {"resolve:review.title": "theirs"})
        assert accepted.status_code == 302
        review.refresh_from_db()
        assert (review.title, review.lede) == ("Press review: Theirs", "My lede.")

    def test_what_merged_before_a_conflict_stays_merged_after_the_choice(
        self, editor, colleague, review
    ):
        """Their headline (which I left alone) is not undone by my form once I choose."""
        story = only_story(review)
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))
        their_review_form = opened(theirs, review_url(review))
        theirs.post(review_url(review), their_review_form | {"title": "Press review: Theirs"})
        their_story_form = opened(theirs, story_url(story))
        theirs.post(story_url(story), their_story_form | {"headline": "Their headline"})

        refused = mine.post(review_url(review), my_form | {"title": "Press review: Mine"})
        assert [conflict.key for conflict in refused.context["edit_conflicts"]] == ["review.title"]
        again = form_as_rendered(refused) | {"resolve:review.title": "mine"}

        assert mine.post(review_url(review), again).status_code == 302
        review.refresh_from_db()
        story.refresh_from_db()
        assert (review.title, story.headline) == ("Press review: Mine", "Their headline")

    def test_picking_your_own_value_replaces_theirs_knowingly(self, editor, colleague, review):
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))
        their_form = opened(theirs, review_url(review))
        theirs.post(review_url(review), their_form | {"title": "Press review: Theirs"})

        refused = mine.post(review_url(review), my_form | {"title": "Press review: Mine"})
        again = form_as_rendered(refused) | {"resolve:review.title": "mine"}

        assert mine.post(review_url(review), again).status_code == 302
        review.refresh_from_db()
        assert review.title == "Press review: Mine"

    def test_conflicting_story_fields_are_listed_story_by_story(self, editor, colleague, review):
        story = only_story(review)
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))
        their_form = opened(theirs, story_url(story))
        theirs.post(story_url(story), their_form | {"headline": "Their headline"})

        refused = mine.post(review_url(review), my_form | {"stories-0-headline": "My headline"})

        assert refused.status_code == 200
        [conflict] = refused.context["edit_conflicts"]
        assert conflict.key == f"story:{story.pk}.headline"
        assert conflict.label == "Story 1: Headline"
        again = form_as_rendered(refused) | {conflict.input_name: "base"}
        assert mine.post(review_url(review), again).status_code == 302
        story.refresh_from_db()
        assert story.headline == "Dockers walk out"


class TestTaggingPage:
    def test_a_moderators_stale_tagging_keeps_an_editors_new_headline_and_tags(
        self, editor, moderator, review
    ):
        story = only_story(review)
        url = reverse("admin:reviews_storytotag_change", args=[story.pk])
        theirs, mine = client_for(editor), client_for(moderator)
        my_form = opened(mine, url)
        assert "headline" not in my_form  # read-only for moderators

        their_form = opened(theirs, review_url(review))
        theirs.post(
            review_url(review),
            their_form | {"stories-0-headline": "Dockers return", "stories-0-tags": "ports, pay"},
        )
        response = mine.post(url, my_form | {"tags": "ports, labour"})

        assert response.status_code == 302
        story.refresh_from_db()
        assert story.headline == "Dockers return"
        assert tag_names(story) == ["labour", "pay", "ports"]

    def test_the_tagging_page_says_which_editor_has_the_review_open(
        self, moderator, colleague, review
    ):
        client_for(colleague).get(review_url(review))
        url = reverse("admin:reviews_storytotag_change", args=[only_story(review).pk])
        page = client_for(moderator).get(url).text
        assert "Rita Sousa opened this story\N{RIGHT SINGLE QUOTATION MARK}s review" in page

    def test_the_review_page_names_whoever_opened_one_of_its_stories(
        self, moderator, colleague, review
    ):
        client_for(moderator).get(
            reverse("admin:reviews_storytotag_change", args=[only_story(review).pk])
        )
        page = client_for(colleague).get(review_url(review)).text
        assert f"{moderator.get_username()} opened this review in the last minutes" in page


class TestOneVersion:
    """Every write path of the review unit goes through editing.bump_version."""

    @pytest.mark.parametrize(
        "change",
        [
            lambda story, user: moderation.stories_add_tag(stories=[story], name="new", by=user),
            lambda story, user: moderation.stories_remove_tag(
                stories=[story], tag=story.tags.get(), by=user
            ),
            lambda story, user: moderation.story_set_tags(story=story, names=["x"], by=user),
        ],
        ids=["bulk add", "bulk remove", "set tags"],
    )
    def test_moderator_tagging_bumps_the_version(self, moderator, review, change):
        before = review.version
        change(only_story(review), moderator)
        review.refresh_from_db()
        assert review.version == before + 1

    def test_a_transition_bumps_the_version_through_the_same_function(
        self, editor, review, monkeypatch
    ):
        bumped = []
        monkeypatch.setattr(workflow, "bump_version", lambda **kw: bumped.append(kw))
        workflow.review_submit(review=review, by=editor)
        assert bumped == [{"review_ids": [review.pk]}]

    def test_bump_version_moves_only_the_reviews_named(self, review):
        other = ReviewFactory()
        editing.bump_version(review_ids=[review.pk])
        assert Review.objects.get(pk=review.pk).version == review.version + 1
        assert Review.objects.get(pk=other.pk).version == other.version


RECORD_CASES = [
    pytest.param(
        "admin:reviews_section_change", SectionFactory, "description", "name", id="section"
    ),
    pytest.param(
        "admin:reviews_outlet_change", OutletFactory, "country", "description", id="outlet"
    ),
    pytest.param("admin:reviews_expert_change", ExpertFactory, "position", "bio", id="expert"),
    pytest.param(
        "admin:taggit_tag_change",
        lambda: Tag.objects.create(name="harbours"),
        "name",
        None,
        id="tag",
    ),
]
RECORDS = pytest.mark.parametrize(("url_name", "make", "field", "other_field"), RECORD_CASES)
# A tag's form has one field: nothing to merge beside it.
RECORDS_OF_SEVERAL_FIELDS = pytest.mark.parametrize(
    ("url_name", "make", "field", "other_field"), RECORD_CASES[:3]
)


def both_save(url, *, first, second, theirs: dict, mine: dict):
    """`first` and `second` open the page at `url`; `first` saves `theirs`, then `second`
    saves `mine` on the page opened before. Returns `second`'s response."""
    my_form = opened(second, url)
    assert first.post(url, opened(first, url) | theirs).status_code == 302
    return second.post(url, my_form | mine)


class TestRecordsEditedAlone:
    """Sections, outlets, experts and tags: a stale save merges, or asks what to keep."""

    @RECORDS
    @pytest.mark.parametrize("choice", ["base", "mine", "theirs"])
    def test_a_stale_save_of_the_same_field_asks_which_value_to_keep(
        self, editor, colleague, url_name, make, field, other_field, choice
    ):
        record = make()
        started_from = getattr(record, field) or "(empty)"
        url = reverse(url_name, args=[record.pk])
        mine = client_for(editor)
        refused = both_save(
            url,
            first=client_for(colleague),
            second=mine,
            theirs={field: "Theirs"},
            mine={field: "Mine"},
        )

        assert refused.status_code == 200
        assert "Not saved: someone else saved this" in refused.text
        [conflict] = refused.context["edit_conflicts"]
        assert conflict.key == f"record.{field}"
        assert [shown for _value, _label, shown in conflict.choices] == [
            started_from,
            "Mine",
            "Theirs",
        ]
        record.refresh_from_db()
        assert getattr(record, field) == "Theirs"

        # Saving again without choosing replaces nothing unseen: refused again.
        again = form_as_rendered(refused)
        assert mine.post(url, again).status_code == 200
        record.refresh_from_db()
        assert getattr(record, field) == "Theirs"

        assert mine.post(url, again | {conflict.input_name: choice}).status_code == 302
        record.refresh_from_db()
        chosen = {"base": started_from, "mine": "Mine", "theirs": "Theirs"}[choice]
        assert (getattr(record, field) or "(empty)") == chosen

    @RECORDS_OF_SEVERAL_FIELDS
    def test_fields_only_one_side_changed_merge_by_themselves(
        self, editor, colleague, url_name, make, field, other_field
    ):
        record = make()
        response = both_save(
            reverse(url_name, args=[record.pk]),
            first=client_for(colleague),
            second=client_for(editor),
            theirs={other_field: "Their change"},
            mine={field: "My change"},
        )

        assert response.status_code == 302
        record.refresh_from_db()
        assert (getattr(record, field), getattr(record, other_field)) == (
            "My change",
            "Their change",
        )

    @RECORDS
    def test_a_stale_save_keeps_their_name_in_another_language(
        self, editor, colleague, url_name, make, field, other_field
    ):
        record = make()
        url = reverse(url_name, args=[record.pk])
        response = both_save(
            url,
            first=client_for(colleague),
            second=client_for(editor),
            theirs={"name_ru": "Их название"},
            mine={field: "My change"},
        )
        assert response.status_code == 302
        assert client_for(editor).get(url).context["adminform"].form.initial["name_ru"] == (
            "Их название"
        )

        # Both changed it: refused, showing both, until one is chosen.
        refused = both_save(
            url,
            first=client_for(colleague),
            second=client_for(editor),
            theirs={"name_ru": "Их второе"},
            mine={"name_ru": "Моё"},
        )
        assert refused.status_code == 200
        [conflict] = refused.context["edit_conflicts"]
        assert conflict.key == "record.name_ru"
        assert client_for(editor).get(url).context["adminform"].form.initial["name_ru"] == (
            "Их второе"
        )

    @RECORDS
    def test_the_page_says_who_else_opened_the_record(
        self, editor, colleague, url_name, make, field, other_field
    ):
        record = make()
        url = reverse(url_name, args=[record.pk])
        client_for(colleague).get(url)
        page = client_for(editor).get(url).text
        model = record._meta.verbose_name
        assert f"Rita Sousa opened this {model} in the last minutes" in page

    def test_the_history_does_not_name_the_bookkeeping_fields(self, editor, review):
        client = client_for(editor)
        client.post(review_url(review), opened(client, review_url(review)) | {"lede": "New."})
        outlet = OutletFactory()
        url = reverse("admin:reviews_outlet_change", args=[outlet.pk])
        client.post(url, opened(client, url) | {"country": "Spain"})

        messages = [entry.get_change_message() for entry in LogEntry.objects.all()]
        assert messages == ["Changed Country.", "Changed Lede."]


class TestRefusedFormShowsWhatSavingKeeps:
    def test_a_field_only_they_changed_shows_their_value_on_the_refused_form(
        self, editor, colleague, review
    ):
        mine, theirs = client_for(editor), client_for(colleague)
        my_form = opened(mine, review_url(review))
        their_form = opened(theirs, review_url(review))
        other_section = SectionFactory(name="Harbours")
        theirs.post(
            review_url(review),
            their_form
            | {"title": "Press review: Theirs", "lede": "Their lede.", "section": other_section.pk}
            | {"stories-0-tags": "ports, pay"},
        )

        refused = mine.post(
            review_url(review),
            my_form | {"title": "Press review: Mine", "stories-0-tags": "ports, strikes"},
        )

        shown = form_as_rendered(refused)
        assert shown["lede"] == "Their lede."
        assert str(shown["section"]) == str(other_section.pk)
        assert shown["stories-0-tags"] == "pay, ports, strikes"
        assert shown["title"] == "Press review: Mine"  # the conflict: my input, to choose on
        accepted = mine.post(review_url(review), shown | {"resolve:review.title": "mine"})
        assert accepted.status_code == 302
        review.refresh_from_db()
        assert (review.title, review.lede, review.section) == (
            "Press review: Mine",
            "Their lede.",
            other_section,
        )
        assert tag_names(only_story(review)) == ["pay", "ports", "strikes"]

    def test_a_record_shows_their_value_where_only_they_changed(self, editor, colleague):
        outlet = OutletFactory(country="Portugal", description="A daily.")
        refused = both_save(
            reverse("admin:reviews_outlet_change", args=[outlet.pk]),
            first=client_for(colleague),
            second=client_for(editor),
            theirs={"country": "Spain", "description": "Theirs."},
            mine={"description": "Mine."},
        )

        shown = form_as_rendered(refused)
        assert (shown["country"], shown["description"]) == ("Spain", "Mine.")
