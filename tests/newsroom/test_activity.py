"""The activity log: every transition with its reason, every comment, resolve and merge, by
person, review and kind, across the site; and a review's history without empty revisions."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from reviews.models import Activity, ActivityKind
from reviews.newsroom import comments
from reviews.publishing import workflow
from reviews.publishing.workflow import TRANSITIONS, TransitionRefused
from reviews.vocabulary import moderation
from tests.support.admin_forms import form_as_rendered, review_form_data
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db
Kind = ActivityKind
LOG = "/admin/reviews/activity/"


def review_page(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def logged(**filters) -> list[tuple]:
    return [
        (activity.kind, activity.actor.username, activity.review_title, activity.detail)
        for activity in Activity.objects.filter(**filters).order_by("pk")
    ]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run a service as a request would, its on-commit work (the events) done."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Save the review form in `client` (a stale one, merged) and return the merges logged."""

    def run(client, review, data) -> list[tuple]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(review_page(review), data)
        assert response.status_code == 302
        return logged(kind=Kind.MERGE)

    return run


class TestWhatIsLogged:
    def test_every_transition_is_logged_with_its_reason(self, committed, ready_draft, chief):
        title = ready_draft.title
        committed("submit", review=ready_draft, by=chief)
        committed("send_back", review=ready_draft, by=chief, reason="Story 1 needs a source.")
        committed("publish", review=ready_draft, by=chief)
        committed("withdraw", review=ready_draft, by=chief)
        committed("to_draft", review=ready_draft, by=chief)

        assert logged() == [
            ("submit", "paulo", title, ""),
            ("send_back", "paulo", title, "Story 1 needs a source."),
            ("publish", "paulo", title, ""),
            ("withdraw", "paulo", title, ""),
            ("to_draft", "paulo", title, ""),
        ]
        assert set(TRANSITIONS) <= set(Kind.values), "every transition has its kind"

    def test_a_refused_transition_is_not_logged(self, committed, ready_draft, chief):
        with pytest.raises(TransitionRefused):
            committed("send_back", review=ready_draft, by=chief, reason="Not in review yet.")
        assert logged() == []

    def test_comments_replies_resolves_and_reopens_are_logged(
        self, on_commit, ready_draft, author, chief
    ):
        story = ready_draft.stories.get()
        first = on_commit(
            comments.comment_post, review=ready_draft, story=story, by=chief, body="Source?"
        )
        on_commit(
            comments.comment_reply, review=ready_draft, parent=first, by=author, body="Added."
        )
        on_commit(comments.comment_resolve, comment=first, by=chief)
        on_commit(comments.comment_reopen, comment=first, by=author)

        place = f"On story 1, “{story.headline}”: "
        assert [(kind, who, detail) for kind, who, _title, detail in logged()] == [
            ("comment", "paulo", place + "Source?"),
            ("comment", "ana", place + "In reply: Added."),
            ("resolve", "paulo", place + "Source?"),
            ("reopen", "ana", place + "Source?"),
        ]
        assert Activity.objects.filter(comment=first).count() == 3

    def test_a_stale_save_that_merged_by_itself_is_logged(
        self, saved, editor, moderator, ready_draft
    ):
        mine = Client()
        mine.force_login(editor)
        my_form = form_as_rendered(mine.get(review_page(ready_draft)))
        moderation.stories_add_tag(stories=[ready_draft.stories.get()], name="labour", by=moderator)

        assert saved(mine, ready_draft, my_form | {"lede": "A new lede."}) == [
            (
                "merge",
                "edna",
                ready_draft.title,
                "Merged by themselves: Story 1: Tags.",
            )
        ]

    def test_a_conflict_the_editor_chose_on_is_logged(self, saved, editor, chief, ready_draft):
        mine, theirs = Client(), Client()
        mine.force_login(editor)
        theirs.force_login(chief)
        my_form = form_as_rendered(mine.get(review_page(ready_draft)))
        their_form = form_as_rendered(theirs.get(review_page(ready_draft)))
        theirs.post(review_page(ready_draft), their_form | {"title": "Theirs"})
        refused = mine.post(review_page(ready_draft), my_form | {"title": "Mine"})
        assert refused.status_code == 200

        again = form_as_rendered(refused) | {"resolve:review.title": "theirs"}
        assert saved(mine, ready_draft, again) == [
            ("merge", "edna", "Theirs", "Chosen: Review: Title (theirs).")
        ]


class TestHistory:
    def post_button(self, client, review, transition, reason=""):
        data = review_form_data(review) | {"_transition": transition, "_send_back_reason": reason}
        return client.post(review_page(review), data)

    def comments_of(self, review) -> list[str]:
        return [
            version.revision.comment
            for version in Version.objects.get_for_object(review).select_related("revision")
        ]

    @pytest.fixture
    def in_review(self, client, chief, ready_draft):
        client.force_login(chief)
        client.post(review_page(ready_draft), review_form_data(ready_draft))  # a first revision
        workflow.review_submit(review=ready_draft, by=chief)
        ready_draft.refresh_from_db()
        return ready_draft

    def test_the_history_says_why_a_review_was_sent_back(self, client, in_review):
        self.post_button(client, in_review, "send_back", "The lede runs long.")

        assert self.comments_of(in_review)[0] == "Sent back: The lede runs long."
        history = client.get(reverse("admin:reviews_review_history", args=[in_review.pk]))
        assert "Sent back: The lede runs long." in history.text

    def test_a_refused_send_back_leaves_no_empty_revision(self, client, in_review):
        before = self.comments_of(in_review)

        response = self.post_button(client, in_review, "send_back", "")

        assert response.status_code == 302
        assert self.comments_of(in_review) == before

    def test_a_refused_stale_save_leaves_no_revision(self, client, in_review):
        data = review_form_data(in_review)
        theirs = Client()
        theirs.force_login(UserFactory(username="rita", groups=["Editors"]))
        in_review.refresh_from_db()
        theirs.post(review_page(in_review), review_form_data(in_review) | {"title": "Theirs"})
        before = self.comments_of(in_review)

        refused = client.post(review_page(in_review), data | {"title": "Mine"})

        assert refused.status_code == 200
        assert self.comments_of(in_review) == before

    def test_a_real_change_with_a_refused_button_keeps_its_revision(self, client, in_review):
        self.post_button(client, in_review, "send_back", "")  # refused, nothing recorded
        in_review.refresh_from_db()
        data = review_form_data(in_review, lede="A shorter lede.")

        client.post(review_page(in_review), data | {"_transition": "send_back"})

        assert self.comments_of(in_review)[0] == "Changed Lede."


class TestTheLog:
    @pytest.fixture
    def history(self, on_commit, committed, author, chief, moderator):
        """Work on two reviews by three people."""
        ports = ReviewFactory(draft=True, author=author, title="Ports strike spreads north")
        StoryFactory(review=ports, position=1)
        rail = ReviewFactory(draft=True, author=chief, title="Rail tender reopens")
        StoryFactory(review=rail, position=1)
        committed("submit", review=ports, by=author)
        committed("send_back", review=ports, by=chief, reason="Check the figures.")
        committed("submit", review=rail, by=chief)
        on_commit(comments.comment_post, review=rail, by=moderator, body="Tag the rail story?")
        return ports, rail

    def rows(self, client, **query):
        response = client.get(LOG, query)
        assert response.status_code == 200
        return [
            (row.kind, row.actor.username, row.review_title)
            for row in response.context["cl"].result_list
        ]

    def test_the_log_lists_everything_newest_first(self, client, history, chief):
        client.force_login(chief)

        assert self.rows(client) == [
            ("comment", "moritz", "Rail tender reopens"),
            ("submit", "paulo", "Rail tender reopens"),
            ("send_back", "paulo", "Ports strike spreads north"),
            ("submit", "ana", "Ports strike spreads north"),
        ]

    def test_the_log_filters_by_kind_person_review_and_date_and_searches_titles(
        self, client, history, chief, author
    ):
        _ports, rail = history
        client.force_login(chief)

        assert self.rows(client, kind__exact="send_back") == [
            ("send_back", "paulo", "Ports strike spreads north")
        ]
        assert self.rows(client, actor__id__exact=author.pk) == [
            ("submit", "ana", "Ports strike spreads north")
        ]
        assert [kind for kind, _who, _title in self.rows(client, review=rail.pk)] == [
            "comment",
            "submit",
        ]
        assert len(self.rows(client, q="ports strike")) == 2
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        assert len(self.rows(client, created_at__gte=str(midnight))) == 4

    def test_a_bad_filter_value_is_no_500(self, client, history, chief):
        client.force_login(chief)
        assert self.rows(client, review="not-a-number") == []
        assert client.get(LOG, {"kind__exact": "<script>"}).status_code == 200

    def test_the_review_page_links_to_its_activity(self, client, history, chief):
        ports, _rail = history
        client.force_login(chief)

        page = client.get(review_page(ports)).text

        assert f'href="{LOG}?review={ports.pk}"' in page

    def test_the_desk_links_to_the_log(self, client, moderator):
        client.force_login(moderator)
        assert f'href="{LOG}"' in client.get("/admin/").text

    def test_the_log_is_read_only_for_everyone(self, client, history, chief):
        client.force_login(chief)
        entry = Activity.objects.first()

        assert client.get(f"{LOG}add/").status_code == 403
        assert client.post(f"{LOG}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
        assert client.post(f"{LOG}{entry.pk}/change/", {"detail": "x"}).status_code == 403
        assert Activity.objects.get(pk=entry.pk).detail == entry.detail

    @pytest.mark.parametrize(("role", "status"), [("moderator", 200), ("intern", 403)])
    def test_who_may_read_the_log(self, client, history, request, role, status):
        user = request.getfixturevalue(role) if role != "intern" else UserFactory(username="intern")
        client.force_login(user)
        assert client.get(LOG).status_code == status

    def test_anonymous_visitors_are_sent_to_the_login_page(self, client):
        response = client.get(LOG)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_the_log_costs_the_same_queries_however_long_it_is(
        self, client, history, chief, on_commit, django_assert_max_num_queries
    ):
        client.force_login(chief)
        client.get(LOG)
        with django_assert_max_num_queries(12) as few:
            client.get(LOG)
        _ports, rail = history
        for number in range(20):
            on_commit(comments.comment_post, review=rail, by=chief, body=f"Note {number}")
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(LOG)
