"""A review's one page: its stories with their citations inline, in order, merged on a stale
save like the review's own fields, view-only for moderators, at a bounded query cost."""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Citation, Review, Story
from reviews.publishing.editing import bump_version
from tests.support.admin_forms import citation_rows, form_as_rendered, review_form_data
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def review_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


@pytest.fixture
def colleague(db):
    return UserFactory(username="rita", first_name="Rita", last_name="Sousa", groups=["Editors"])


@pytest.fixture
def review(db):
    """A draft with two stories; the first cites two experts."""
    review = ReviewFactory(draft=True, title="Press review: Ferries stay in port")
    first = StoryFactory(review=review, position=1, headline="Ferry crews strike")
    CitationFactory(story=first, quote="Nobody sails before Monday.", position="harbour pilot")
    CitationFactory(story=first, quote="The islands run short of bread.")
    StoryFactory(review=review, position=2, headline="Bakers ration flour")
    return review


def opened(client, review) -> dict:
    response = client.get(review_url(review))
    assert response.status_code == 200
    return form_as_rendered(response)


def quotes(review) -> list[str]:
    return list(
        Citation.objects.filter(story__review=review).order_by("pk").values_list("quote", flat=True)
    )


def test_the_review_page_shows_every_story_with_its_citations(client, editor, review):
    client.force_login(editor)
    page = client.get(review_url(review)).text
    for text in ("Ferry crews strike", "Nobody sails before Monday.", "Bakers ration flour"):
        assert text in page
    assert 'name="stories-0-citations-1-quote"' in page
    assert "admin/js/autocomplete.js" in page  # the expert is picked by search


def test_citations_are_edited_added_and_removed_from_the_review_page(client, editor, review):
    client.force_login(editor)
    expert = ExpertFactory(name="Luísa Tavares")
    data = opened(client, review) | {
        "stories-0-citations-0-quote": "Nobody sails before Tuesday.",
        "stories-0-citations-1-DELETE": "on",
        "stories-1-citations-TOTAL_FORMS": "1",
        "stories-1-citations-0-expert": expert.pk,
        "stories-1-citations-0-quote": "Flour lasts a week.",
    }
    assert client.post(review_url(review), data).status_code == 302

    assert quotes(review) == ["Nobody sails before Tuesday.", "Flour lasts a week."]
    assert Citation.objects.get(expert=expert).story.headline == "Bakers ration flour"


def both_open(editor, colleague, review):
    """Two editors, each with the review's page open: their clients and forms."""
    mine, theirs = Client(), Client()
    mine.force_login(editor)
    theirs.force_login(colleague)
    return mine, theirs, opened(mine, review), opened(theirs, review)


class TestStaleSaves:
    def test_a_citation_fix_survives_a_colleagues_stale_save_of_other_fields(
        self, editor, colleague, review
    ):
        mine, theirs, my_form, their_form = both_open(editor, colleague, review)

        fixed = their_form | {"stories-0-citations-0-quote": "Nobody sails before Wednesday."}
        assert theirs.post(review_url(review), fixed).status_code == 302
        stale = my_form | {
            "title": "Press review: Ferries stay in port again",
            "stories-0-citations-1-position": "baker",
        }
        assert mine.post(review_url(review), stale).status_code == 302

        review.refresh_from_db()
        assert review.title == "Press review: Ferries stay in port again"
        assert quotes(review)[0] == "Nobody sails before Wednesday."
        assert Citation.objects.get(quote__startswith="The islands").position == "baker"

    def test_a_stale_save_of_the_same_citation_is_refused_with_the_three_values(
        self, editor, colleague, review
    ):
        mine, theirs, my_form, their_form = both_open(editor, colleague, review)
        theirs.post(review_url(review), their_form | {"stories-0-citations-0-quote": "Theirs."})

        response = mine.post(review_url(review), my_form | {"stories-0-citations-0-quote": "Mine."})

        assert response.status_code == 200
        assert "Not saved: Rita Sousa changed this review" in response.text
        conflicts = response.context["edit_conflicts"]
        assert [(c.mine, c.theirs_shown, c.base_shown) for c in conflicts] == [
            ("Mine.", "Theirs.", "Nobody sails before Monday.")
        ]
        assert quotes(review)[0] == "Theirs."

        chosen = form_as_rendered(response) | {conflicts[0].input_name: "mine"}
        assert mine.post(review_url(review), chosen).status_code == 302
        assert quotes(review)[0] == "Mine."

    def test_a_stale_review_save_does_not_restore_a_headline_changed_on_the_story_page(
        self, client, editor, colleague, review
    ):
        client.force_login(editor)
        my_form = opened(client, review)
        story = review.stories.get(position=1)
        Story.objects.filter(pk=story.pk).update(headline="Ferry crews end strike")
        bump_version(review_ids=[review.pk])

        response = client.post(review_url(review), my_form | {"lede": "A new lede."})

        assert response.status_code == 302
        story.refresh_from_db()
        assert story.headline == "Ferry crews end strike"


def new_story(*, index: int, position: str) -> dict:
    """One more story row, as "Add another Story" posts it, after `index` rows."""
    return citation_rows(f"stories-{index}-citations") | {
        "stories-TOTAL_FORMS": str(index + 1),
        f"stories-{index}-position": position,
        f"stories-{index}-outlet": OutletFactory().pk,
        f"stories-{index}-headline": "Islanders queue for boats",
        f"stories-{index}-body": "The paper counts the queue.",
    }


class TestOrder:
    def test_swapping_two_stories_saves_the_new_order(self, client, editor, review):
        client.force_login(editor)
        data = opened(client, review) | {"stories-0-position": "2", "stories-1-position": "1"}

        assert client.post(review_url(review), data).status_code == 302

        headlines = list(review.stories.order_by("position").values_list("headline", flat=True))
        assert headlines == ["Bakers ration flour", "Ferry crews strike"]
        assert review.stories.get(headline="Ferry crews strike").citations.count() == 2

    def test_a_new_story_left_without_a_position_goes_last(self, client, editor, review):
        client.force_login(editor)
        data = opened(client, review) | new_story(index=2, position="")
        assert client.post(review_url(review), data).status_code == 302
        assert review.stories.get(headline="Islanders queue for boats").position == 3

    def test_a_new_story_goes_after_one_a_colleague_added_meanwhile(self, client, editor, review):
        client.force_login(editor)
        data = opened(client, review) | new_story(index=2, position="")
        StoryFactory(review=review, position=3, headline="Added by a colleague")
        bump_version(review_ids=[review.pk])

        assert client.post(review_url(review), data).status_code == 302
        assert review.stories.get(headline="Islanders queue for boats").position == 4

    def test_a_new_story_at_the_place_a_colleague_took_meanwhile_is_refused(
        self, client, editor, review
    ):
        client.force_login(editor)
        data = opened(client, review) | new_story(index=2, position="3")
        StoryFactory(review=review, position=3, headline="Added by a colleague")
        bump_version(review_ids=[review.pk])

        response = client.post(review_url(review), data)
        assert response.status_code == 200
        assert "Two stories are at position 3" in response.text

    def test_two_stories_at_one_position_are_refused_with_a_message(self, client, editor, review):
        client.force_login(editor)
        data = opened(client, review) | {"stories-1-position": "1"}
        response = client.post(review_url(review), data)
        assert response.status_code == 200
        assert "Please correct the duplicate data for position" in response.text


class TestPermissions:
    def test_moderators_see_the_page_but_have_nothing_to_change_on_it(
        self, client, moderator, review
    ):
        client.force_login(moderator)
        response = client.get(review_url(review))

        assert response.status_code == 200
        page = response.text
        assert "Nobody sails before Monday." in page
        for field in ("headline", "body", "position", "citations-0-quote", "citations-0-expert"):
            assert f'name="stories-0-{field}"' not in page
        assert "Move up" not in page
        # nested-admin's script hides "Add another" where no row may be added.
        assert 'name="stories-MAX_NUM_FORMS" value="0"' in page

    def test_a_moderators_post_to_the_review_page_is_refused(self, client, moderator, review):
        client.force_login(moderator)
        data = review_form_data(review) | {"stories-0-citations-0-quote": "Changed."}
        assert client.post(review_url(review), data).status_code == 403
        assert "Changed." not in quotes(review)

    def test_a_citation_of_another_review_cannot_be_edited_through_this_page(
        self, client, editor, review
    ):
        """The posted row id is checked against the story's own citations."""
        elsewhere = CitationFactory(quote="Untouched elsewhere.")
        client.force_login(editor)
        data = opened(client, review) | {
            "stories-0-citations-0-id": elsewhere.pk,
            "stories-0-citations-0-quote": "Taken over.",
        }
        response = client.post(review_url(review), data)

        assert response.status_code == 200
        elsewhere.refresh_from_db()
        assert elsewhere.quote == "Untouched elsewhere."
        assert elsewhere.story.review_id != review.pk


def test_the_page_of_five_stories_with_three_citations_each_costs_a_fixed_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    review = ReviewFactory(draft=True)
    for position in range(1, 6):
        story = StoryFactory(review=review, position=position, tags=["ports", "labour"])
        CitationFactory.create_batch(3, story=story)
    client.force_login(editor)
    client.get(review_url(review))  # the session, the content types and the like, once

    # 18 for the page, its stories, citations and experts, whatever their number (the
    # autocompletes name the chosen outlet and expert from the rows already read); 3 for the
    # comments panel below the form; 1 for the newsletter's send log counts; plus one per
    # story, taggit reading the tags the form shows (the only per-row cost: 27).
    with django_assert_max_num_queries(27):
        response = client.get(review_url(review))
    assert response.status_code == 200
    assert response.text.count('name="stories-4-citations-2-quote"') == 1


def test_line_breaks_as_a_browser_posts_them_change_nothing_untouched(client, editor, review):
    """A browser sends a text box's line breaks as CR LF: an untouched body, lede or quote is
    no change (nothing in the history, no conflict later), and new text is stored with LF."""
    Story.objects.filter(review=review).update(body="First paragraph.\n\nSecond paragraph.")
    client.force_login(editor)
    data = form_as_rendered(client.get(review_url(review)))
    crlf = {
        name: value.replace("\n", "\r\n")
        for name, value in data.items()
        if isinstance(value, str) and "\n" in value
    }
    assert any(name.endswith("-body") for name in crlf), "control: the bodies have line breaks"

    response = client.post(review_url(review), data | crlf | {"_continue": "1"})

    assert response.status_code == 302
    bodies = set(Story.objects.filter(review=review).values_list("body", flat=True))
    assert bodies == {"First paragraph.\n\nSecond paragraph."}
    history = client.get(reverse("admin:reviews_review_history", args=[review.pk])).text
    assert "Changed Body" not in history

    edited = data | crlf | {"stories-0-body": "New first.\r\n\r\nNew second.", "_continue": "1"}
    client.post(review_url(review), edited | {"version": Review.objects.get(pk=review.pk).version})
    assert Story.objects.get(review=review, position=1).body == "New first.\n\nNew second."
