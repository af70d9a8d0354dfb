"""The back office's small courtesies: clear messages, a way back, nothing internal shown."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from taggit.models import Tag

from reviews.admin.denied import permission_denied
from reviews.admin.reviews import ReviewAdmin
from reviews.admin.vocabulary import StoryToTagAdmin
from reviews.models import Review
from reviews.publishing import workflow
from tests.support.admin_forms import review_form_data
from tests.support.factories import ReviewFactory, StoryFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)


def ready(**kwargs):
    review = ReviewFactory(**kwargs)
    StoryFactory(review=review, position=1)
    return review


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_back_to_draft_clears_the_old_publish_time(editor, time_machine):
    time_machine.move_to(NOON, tick=False)
    review = workflow.review_publish(review=ready(in_review=True), by=editor)
    review = workflow.review_withdraw(review=review, by=editor)
    assert review.publish_at == NOON

    review = workflow.review_to_draft(review=review, by=editor)

    assert review.status == Review.Status.DRAFT
    assert review.publish_at is None


@pytest.mark.parametrize(
    ("count", "said"), [(1, "1 review published."), (3, "3 reviews published.")]
)
def test_bulk_messages_count_in_plain_words(client, editor, count, said):
    reviews = [ready(in_review=True) for _ in range(count)]
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": "publish_selected", "_selected_action": [review.pk for review in reviews]},
        follow=True,
    )
    assert said in messages_of(response)


def test_a_refused_button_says_what_happened_and_what_to_do_next(client, editor):
    review = ReviewFactory(draft=True)  # no stories
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_form_data(review) | {"_transition": "publish"},
        follow=True,
    )
    [message] = messages_of(response)
    assert message == (
        "Your changes are saved, but the review was not published. "
        "The review has no stories. Add what is missing, then press “Publish now” again."
    )


def test_a_button_that_succeeds_says_what_became_of_the_review(client, editor):
    review = ready(draft=True, title="Press review: Ferries stay in port")
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_form_data(review) | {"_transition": "submit"},
        follow=True,
    )
    assert messages_of(response) == [
        "“Press review: Ferries stay in port” was submitted for review."
    ]


def test_a_bulk_action_names_each_review_it_could_not_change_and_why(client, editor):
    published = workflow.review_publish(review=ready(in_review=True), by=editor)
    draft = ready(draft=True, title="Press review: Still a draft")
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": "withdraw_selected", "_selected_action": [published.pk, draft.pk]},
        follow=True,
    )
    assert messages_of(response) == [
        "1 review withdrawn.",
        "“Press review: Still a draft” was not withdrawn. "
        "A review in the state “Draft” cannot be withdrawn.",
    ]


def test_a_refusal_for_want_of_permission_names_the_button(editor, moderator):
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.review_withdraw(review=ready(in_review=True), by=moderator)
    assert refused.value.problems == ["Your account may not use “Withdraw”."]


def test_moderators_do_not_see_the_internal_version(client, moderator):
    review = ready()
    client.force_login(moderator)
    page = client.get(reverse("admin:reviews_review_change", args=[review.pk])).text
    assert "field-version" not in page
    assert ">Version" not in page
    assert 'name="version"' not in page  # a page that only shows posts nothing back


def test_editors_carry_the_version_in_a_hidden_input_only(client, editor):
    review = ready()
    client.force_login(editor)
    page = client.get(reverse("admin:reviews_review_change", args=[review.pk])).text
    assert f'<input type="hidden" name="version" value="{review.version}"' in page
    assert "field-version" not in page


def test_a_refusal_inside_the_admin_keeps_the_admin_and_a_way_back(client, moderator):
    client.force_login(moderator)
    came_from = "http://testserver" + reverse("admin:reviews_review_changelist")

    response = client.get(reverse("admin:reviews_review_add"), HTTP_REFERER=came_from)

    assert response.status_code == 403
    assert "admin/403.html" in [template.name for template in response.templates]
    assert f'href="{came_from}"' in response.text
    assert f'href="{reverse("admin:index")}"' in response.text


@pytest.mark.parametrize(
    ("method", "url_name", "whose_id"),
    [
        ("post", "admin:reviews_review_change", "review"),
        ("get", "admin:reviews_review_delete", "review"),
        ("get", "admin:reviews_review_compare", "review"),
        ("post", "admin:reviews_review_share_preview", "review"),
        ("get", "admin:reviews_review_import", None),
        ("post", "admin:reviews_review_import", None),
        ("get", "admin:reviews_story_delete", "story"),
        ("post", "admin:reviews_outlet_change", "outlet"),
        ("get", "admin:reviews_outlet_add", None),
    ],
)
def test_every_refusal_of_a_moderator_in_the_admin_keeps_the_admin(
    client, moderator, method, url_name, whose_id
):
    story = StoryFactory()
    objects = {"review": story.review, "story": story, "outlet": story.outlet}
    args = [objects[whose_id].pk] if whose_id else []
    client.force_login(moderator)

    response = getattr(client, method)(reverse(url_name, args=args))

    assert response.status_code == 403
    assert "admin/403.html" in [template.name for template in response.templates]
    assert "Nothing was changed." in response.text
    assert f'href="{reverse("admin:index")}"' in response.text


def test_a_refusal_outside_the_admin_is_the_public_page(rf, editor):
    request = rf.get("/reviews/")
    request.user = editor
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Go to the latest press reviews" in response.content.decode()


@pytest.mark.parametrize(
    ("admin_class", "first_columns"),
    [
        (ReviewAdmin, ["title", "state", "publish_time"]),
        (StoryToTagAdmin, ["headline", "tag_list", "review_state", "review_date"]),
    ],
)
def test_state_and_time_come_first_so_they_stay_in_view(admin_class, first_columns):
    """At 1280 px only the first few columns fit beside the filters."""
    columns = admin_class.list_display
    assert columns[: len(first_columns)] == first_columns
    assert len(columns) <= 6


def test_a_tag_merge_counts_its_stories_in_plain_words(client, moderator):
    StoryFactory(tags=["ferries"])
    ferries = Tag.objects.get(name="ferries")
    boats = Tag.objects.create(name="boats")
    client.force_login(moderator)
    response = client.post(
        reverse("admin:taggit_tag_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": [ferries.pk, boats.pk],
            "apply": "1",
            "into": ferries.pk,
        },
        follow=True,
    )
    assert messages_of(response) == ["Merged “boats” into “ferries”, which 1 story now carries."]


@pytest.mark.parametrize(
    "url_name", ["admin:reviews_review_changelist", "admin:reviews_storytotag_changelist"]
)
def test_both_lists_tell_a_scheduled_review_from_a_public_one(client, editor, url_name):
    scheduled = ready(in_review=True)
    workflow.review_schedule(
        review=scheduled, by=editor, at=datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)
    )
    client.force_login(editor)
    page = client.get(reverse(url_name)).text
    assert '<td class="field-' in page
    states = [
        cell.split(">", 1)[1].split("<", 1)[0]
        for cell in page.split('<td class="field-')[1:]
        if cell.startswith(("state", "review_state"))
    ]
    assert states == ["Scheduled"]
