"""The editorial workflow: transitions, who may run them, checks, scheduling, lost updates."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from reviews.models import Review
from reviews.publishing import workflow
from reviews.publishing.workflow import TransitionRefused
from tests.support.admin_forms import review_form_data
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)


def ready(**kwargs):
    """A review with one complete story, in the given state."""
    review = ReviewFactory(**kwargs)
    StoryFactory(review=review, position=1)
    return review


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


class TestTransitions:
    def test_submit_moves_a_draft_into_review(self, editor):
        review = workflow.review_submit(review=ready(draft=True), by=editor)
        assert review.status == Review.Status.IN_REVIEW

    def test_publish_now_makes_the_review_public_at_once(self, editor, time_machine):
        time_machine.move_to(NOON, tick=False)
        review = workflow.review_publish(review=ready(in_review=True), by=editor)
        assert review.status == Review.Status.PUBLISHED
        assert review.publish_at == NOON
        assert review.is_published()

    def test_scheduled_review_becomes_public_by_itself_when_its_time_comes(
        self, editor, time_machine
    ):
        time_machine.move_to(NOON, tick=False)
        at = NOON + datetime.timedelta(hours=6)
        review = workflow.review_schedule(review=ready(draft=True), by=editor, at=at)
        assert not Review.objects.published().filter(pk=review.pk).exists()
        time_machine.move_to(at, tick=False)
        assert Review.objects.published().filter(pk=review.pk).exists()

    def test_scheduling_in_the_past_is_refused(self, editor):
        review = ready(draft=True)
        with pytest.raises(TransitionRefused, match="in the future"):
            workflow.review_schedule(
                review=review, by=editor, at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
            )

    def test_a_scheduled_review_may_be_published_now(self, editor):
        review = workflow.review_publish(review=ready(scheduled=True), by=editor)
        assert review.is_published()

    def test_withdraw_hides_a_published_review(self, editor):
        review = workflow.review_withdraw(review=ready(), by=editor)
        assert review.status == Review.Status.WITHDRAWN
        assert not Review.objects.published().filter(pk=review.pk).exists()

    def test_withdrawn_review_goes_back_to_draft(self, editor):
        review = workflow.review_to_draft(review=ready(withdrawn=True), by=editor)
        assert review.status == Review.Status.DRAFT

    def test_send_back_returns_to_draft_with_the_reason(self, editor):
        review = workflow.review_send_back(
            review=ready(in_review=True), by=editor, reason="Check the second quote."
        )
        assert review.status == Review.Status.DRAFT
        assert review.sent_back_reason == "Check the second quote."

    def test_send_back_needs_a_reason(self, editor):
        review = ready(in_review=True)
        with pytest.raises(TransitionRefused, match="Say why"):
            workflow.review_send_back(review=review, by=editor, reason="  ")
        review.refresh_from_db()
        assert review.status == Review.Status.IN_REVIEW

    def test_publishing_clears_an_old_send_back_reason(self, editor):
        review = ready(draft=True, sent_back_reason="Fix the lede.")
        assert workflow.review_publish(review=review, by=editor).sent_back_reason == ""

    @pytest.mark.parametrize(
        ("name", "state"),
        [
            ("submit", {"in_review": True}),
            ("submit", {}),
            ("withdraw", {"draft": True}),
            ("send_back", {"draft": True}),
            ("to_draft", {}),
            ("publish", {}),
        ],
    )
    def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(
        self, editor, name, state
    ):
        review = ready(**state)
        before = (review.status, review.publish_at, review.version)
        kwargs = {"reason": "Because."} if name == "send_back" else {}
        with pytest.raises(TransitionRefused):
            getattr(workflow, f"review_{name}")(review=review, by=editor, **kwargs)
        review.refresh_from_db()
        assert (review.status, review.publish_at, review.version) == before

    def test_each_transition_records_a_revision_with_its_comment(self, editor):
        review = workflow.review_publish(review=ready(draft=True), by=editor)
        latest = Version.objects.get_for_object(review).first()
        assert "Published" in latest.revision.comment
        assert latest.revision.user == editor

    def test_each_transition_bumps_the_version(self, editor):
        review = ready(draft=True)
        assert workflow.review_submit(review=review, by=editor).version == review.version + 1


class TestPrePublishChecks:
    def test_a_review_without_stories_is_not_published(self, editor):
        review = ReviewFactory(draft=True)
        with pytest.raises(TransitionRefused) as refusal:
            workflow.review_publish(review=review, by=editor)
        assert refusal.value.problems == ["The review has no stories."]
        review.refresh_from_db()
        assert review.status == Review.Status.DRAFT

    def test_every_missing_piece_is_listed(self, editor):
        review = ReviewFactory(draft=True, lede="", dateline_city=" ")
        StoryFactory(review=review, position=1, headline="Dockers strike", body="")
        StoryFactory(review=review, position=2, headline="", body="Text.")
        with pytest.raises(TransitionRefused) as refusal:
            workflow.review_schedule(
                review=review, by=editor, at=datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)
            )
        assert refusal.value.problems == [
            "The review needs a dateline city.",
            "The review needs a lede.",
            "Story 1 (“Dockers strike”) has an empty body.",
            "Story 2 (“no headline”) has no headline.",
        ]


ROLE_MATRIX = {
    # action: (editor, moderator, superuser)
    "submit": (True, False, True),
    "publish": (True, False, True),
    "schedule": (True, False, True),
    "withdraw": (True, False, True),
    "send_back": (True, False, True),
    "to_draft": (True, False, True),
}
STARTING_STATE = {
    "submit": {"draft": True},
    "publish": {"in_review": True},
    "schedule": {"in_review": True},
    "withdraw": {},
    "send_back": {"in_review": True},
    "to_draft": {"withdrawn": True},
}


@pytest.mark.parametrize("action", ROLE_MATRIX)
@pytest.mark.parametrize("role", ["editor", "moderator", "superuser"])
def test_permission_matrix_for_transitions(request, role, action):
    user = request.getfixturevalue(role)
    allowed = ROLE_MATRIX[action][["editor", "moderator", "superuser"].index(role)]
    review = ready(**STARTING_STATE[action])
    kwargs = {
        "schedule": {"at": datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)},
        "send_back": {"reason": "Because."},
    }.get(action, {})
    transition = getattr(workflow, f"review_{action}")
    if allowed:
        transition(review=review, by=user, **kwargs)
    else:
        with pytest.raises(TransitionRefused, match="Your account may not use"):
            transition(review=review, by=user, **kwargs)


def test_an_editor_without_publish_permission_may_only_submit(db):
    writer = UserFactory(username="writer", groups=["Editors"])
    writer.groups.get().permissions.remove(
        *writer.groups.get().permissions.filter(codename="publish_review")
    )
    writer = get_user_model().objects.get(pk=writer.pk)
    names = [t.name for t in workflow.available_transitions(review=ready(draft=True), user=writer)]
    assert names == ["submit"]


class TestAdminButtons:
    def test_publish_button_saves_the_changes_and_publishes(self, client, editor):
        review = ready(in_review=True)
        client.force_login(editor)
        response = client.post(
            change_url(review),
            review_form_data(review, title="Press review: Fresh title", _transition="publish"),
        )
        assert response.status_code == 302
        review.refresh_from_db()
        assert review.title == "Press review: Fresh title"
        assert review.is_published()

    def test_a_refused_publish_keeps_the_edits_and_lists_what_is_missing(self, client, editor):
        review = ReviewFactory(draft=True)
        client.force_login(editor)
        response = client.post(
            change_url(review),
            review_form_data(review, lede="A new lede.", _transition="publish"),
            follow=True,
        )
        assert "The review has no stories." in response.text
        review.refresh_from_db()
        assert review.lede == "A new lede."
        assert review.status == Review.Status.DRAFT

    def test_schedule_button_uses_the_publish_time_of_the_form(self, client, editor):
        review = ready(draft=True)
        client.force_login(editor)
        data = review_form_data(review, _transition="schedule")
        data |= {"publish_at_0": "2100-01-01", "publish_at_1": "06:30:00"}
        client.post(change_url(review), data)
        review.refresh_from_db()
        assert review.status == Review.Status.PUBLISHED
        assert review.publish_at == datetime.datetime(2100, 1, 1, 6, 30, tzinfo=datetime.UTC)
        assert not review.is_published()

    def test_send_back_button_records_the_reason_the_author_then_sees(self, client, editor):
        review = ready(in_review=True)
        client.force_login(editor)
        client.post(
            change_url(review),
            review_form_data(
                review, _transition="send_back", _send_back_reason="Quote needs a source."
            ),
        )
        page = client.get(change_url(review)).text
        assert "Sent back:" in page and "Quote needs a source." in page

    def test_the_form_offers_only_the_allowed_buttons(self, client, editor, moderator):
        review = ready(in_review=True)
        client.force_login(editor)
        page = client.get(change_url(review)).text
        for name in ["publish", "schedule", "send_back"]:
            assert f'value="{name}"' in page
        assert 'value="withdraw"' not in page
        client.force_login(moderator)
        assert 'name="_transition"' not in client.get(change_url(review)).text

    def test_status_cannot_be_changed_by_posting_it(self, client, editor):
        review = ready(draft=True)
        client.force_login(editor)
        client.post(change_url(review), review_form_data(review, status="published"))
        review.refresh_from_db()
        assert review.status == Review.Status.DRAFT

    def test_changelist_tells_scheduled_from_published_in_the_editors_time_zone(
        self, client, editor, settings
    ):
        scheduled = ready(scheduled=True, title="Press review: Tomorrow")
        ready(title="Press review: Today")
        client.force_login(editor)
        response = client.get(
            reverse("admin:reviews_review_changelist"), {"publication": "scheduled"}
        )
        assert [r.pk for r in response.context["cl"].result_list] == [scheduled.pk]
        assert f"publish time ({settings.TIME_ZONE})".lower() in response.text.lower()
        assert "Scheduled" in response.text


class TestBulkActions:
    def test_editor_publishes_several_reviews_and_hears_about_the_refused_ones(
        self, client, editor
    ):
        good = ready(in_review=True)
        empty = ReviewFactory(draft=True, title="Press review: Empty")
        client.force_login(editor)
        response = client.post(
            reverse("admin:reviews_review_changelist"),
            {"action": "publish_selected", "_selected_action": [good.pk, empty.pk]},
            follow=True,
        )
        good.refresh_from_db()
        empty.refresh_from_db()
        assert good.is_published()
        assert empty.status == Review.Status.DRAFT
        assert (
            "“Press review: Empty” was not published. The review has no stories." in response.text
        )

    def test_moderators_have_no_workflow_actions(self, client, moderator):
        review = ready(in_review=True)
        client.force_login(moderator)
        response = client.post(
            reverse("admin:reviews_review_changelist"),
            {"action": "publish_selected", "_selected_action": [review.pk]},
        )
        review.refresh_from_db()
        assert review.status == Review.Status.IN_REVIEW
        assert response.status_code in (200, 302, 403)


class TestLostUpdates:
    def test_the_second_of_two_concurrent_saves_is_refused_and_nothing_is_lost(
        self, client, editor
    ):
        review = ready(draft=True, title="Press review: Original")
        colleague = UserFactory(username="colleague", groups=["Editors"])
        opened_by_both = review_form_data(review)

        client.force_login(colleague)
        first = client.post(change_url(review), opened_by_both | {"title": "Press review: Theirs"})
        assert first.status_code == 302

        client.force_login(editor)
        second = client.post(
            change_url(review), opened_by_both | {"title": "Press review: Mine", "lede": "My lede."}
        )
        assert second.status_code == 200
        assert "Not saved" in second.text
        assert "colleague" in second.text
        assert "Press review: Theirs" in second.text  # what changed meanwhile
        assert 'value="Press review: Mine"' in second.text  # the refused input is kept
        assert "My lede." in second.text
        review.refresh_from_db()
        assert review.title == "Press review: Theirs"

    def test_a_stale_save_that_touches_nothing_they_changed_is_merged(self, client, editor):
        """A transition meanwhile changes no field of the form: the stale save goes through."""
        review = ready(draft=True)
        stale = review_form_data(review)
        workflow.review_submit(review=review, by=editor)  # someone moves it on
        client.force_login(editor)
        response = client.post(change_url(review), stale | {"title": "Press review: Mine"})
        assert response.status_code == 302
        review.refresh_from_db()
        assert review.title == "Press review: Mine"
        assert review.status == Review.Status.IN_REVIEW

    def test_a_colleague_who_opened_the_review_recently_is_mentioned(self, client, editor):
        review = ready(draft=True)
        colleague = UserFactory(
            username="colleague", first_name="Rita", last_name="Sousa", groups=["Editors"]
        )
        client.force_login(colleague)
        client.get(change_url(review))
        client.force_login(editor)
        page = client.get(change_url(review)).text
        assert "Rita Sousa opened this review in the last minutes" in page
