"""The back office's small courtesies: clear messages, a way back, nothing internal shown."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

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


def test_a_refused_button_says_what_was_refused_and_why(client, editor):
    review = ReviewFactory(draft=True)  # no stories
    client.force_login(editor)
    response = client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_form_data(review) | {"_transition": "publish"},
        follow=True,
    )
    [message] = messages_of(response)
    assert message == (
        "Your changes are saved, but the review was not published, because: "
        "The review has no stories."
    )


def test_moderators_do_not_see_the_internal_version(client, moderator):
    review = ready()
    client.force_login(moderator)
    page = client.get(reverse("admin:reviews_review_change", args=[review.pk])).text
    assert "field-version" not in page
    assert ">Version" not in page


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
