"""Comments on reviews and their stories: threads, mentions, resolving, who may do what, in
the back office only (their absence from public surfaces: tests/security/test_leak_matrix.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse

from reviews.models import Comment, Notification, NotificationKind
from reviews.newsroom import comments
from reviews.newsroom.comments import CommentRefused
from reviews.pagecache import invalidation
from reviews.publishing import workflow
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def review_page(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def post_url(review):
    return reverse("admin:reviews_comment_post", args=[review.pk])


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post through the comments panel as `user`, its on-commit work (signals) done."""

    def run(user, review, **data):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(post_url(review), {"next": review_page(review)} | data)

    return run


class TestThreads:
    def test_an_editor_comments_on_the_review_and_on_one_of_its_stories(self, ready_draft, chief):
        story = ready_draft.stories.get()
        on_review = comments.comment_post(review=ready_draft, by=chief, body="The lede runs long.")
        on_story = comments.comment_post(
            review=ready_draft, story=story, by=chief, body="Which paper said this?"
        )

        assert (on_review.story, on_story.story) == (None, story)
        assert on_review.review_version == ready_draft.version
        assert [thread.comment for thread in comments.threads_of(ready_draft)] == [
            on_review,
            on_story,
        ]
        assert [t.comment for t in comments.threads_of(ready_draft, story=story)] == [on_story]

    def test_a_reply_to_a_reply_joins_the_same_thread_on_the_same_story(
        self, ready_draft, author, chief
    ):
        story = ready_draft.stories.get()
        first = comments.comment_post(review=ready_draft, story=story, by=chief, body="Source?")
        reply = comments.comment_reply(
            review=ready_draft, parent=first, by=author, body="The paper's own."
        )
        again = comments.comment_reply(review=ready_draft, parent=reply, by=chief, body="Fine.")

        assert (reply.parent, again.parent) == (first, first)
        assert again.story == story
        [thread] = comments.threads_of(ready_draft)
        assert thread.replies == [reply, again]

    def test_a_resolved_thread_takes_no_reply_until_reopened(self, ready_draft, chief):
        first = comments.comment_post(review=ready_draft, by=chief, body="Dateline?")
        comments.comment_resolve(comment=first, by=chief)

        with pytest.raises(CommentRefused, match="reopen it to reply"):
            comments.comment_reply(review=ready_draft, parent=first, by=chief, body="More.")
        comments.comment_reopen(comment=first, by=chief)
        assert comments.comment_reply(review=ready_draft, parent=first, by=chief, body="More.")

    def test_the_comment_keeps_the_version_it_was_made_on(self, client, ready_draft, chief):
        comment = comments.comment_post(review=ready_draft, by=chief, body="Check the title.")
        client.force_login(chief)
        assert "on an earlier version" not in client.get(review_page(ready_draft)).text

        workflow.review_submit(review=ready_draft, by=chief)

        comment.refresh_from_db()
        assert comment.on_earlier_version()
        assert "on an earlier version" in client.get(review_page(ready_draft)).text


class TestMentions:
    def test_colleagues_are_mentioned_by_username_and_unknown_names_stay_text(
        self, ready_draft, author, chief, moderator
    ):
        UserFactory(username="intern")  # staff, but may not see reviews
        comment = comments.comment_post(
            review=ready_draft,
            by=chief,
            body="@ana and @MORITZ, see this. @nobody @intern: write to paulo@example.org.",
        )

        assert set(comment.mentioned.all()) == {author, moderator}

    def test_mentions_and_comments_notify_through_their_kinds(
        self, post, ready_draft, author, chief, moderator
    ):
        post(chief, ready_draft, body="@moritz please tag story 1.")

        [mention] = Notification.objects.filter(recipient=moderator)
        assert mention.kind == NotificationKind.MENTION
        [comment] = Notification.objects.filter(recipient=author)
        assert comment.kind == NotificationKind.COMMENT
        assert comment.detail == "@moritz please tag story 1."
        posted = Comment.objects.get()
        assert comment.link == f"{review_page(ready_draft)}#comment-{posted.pk}"
        assert not Notification.objects.filter(recipient=chief).exists()

    def test_a_mention_is_shown_in_bold_and_the_text_escaped(self, client, ready_draft, chief):
        comments.comment_post(
            review=ready_draft,
            by=chief,
            body="@ana <script>alert('x')</script> & <b>bold</b>\nsecond line",
        )
        client.force_login(chief)

        page = client.get(review_page(ready_draft)).text

        assert '<strong class="comment-mention">@ana</strong>' in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold" in page
        assert "<script>alert" not in page
        assert "&lt;/b&gt;<br>second line" in page


class TestResolving:
    def test_who_began_the_thread_resolves_and_reopens_it(self, ready_draft, moderator):
        first = comments.comment_post(review=ready_draft, by=moderator, body="Tag this?")

        comments.comment_resolve(comment=first, by=moderator)
        first.refresh_from_db()
        assert (first.resolved_by, first.is_resolved) == (moderator, True)
        comments.comment_reopen(comment=first, by=moderator)
        first.refresh_from_db()
        assert (first.resolved_by, first.resolved_at) == (None, None)

    def test_someone_who_may_publish_resolves_any_thread(self, ready_draft, moderator, chief):
        first = comments.comment_post(review=ready_draft, by=moderator, body="Tag this?")
        reply = comments.comment_reply(review=ready_draft, parent=first, by=chief, body="Done")

        assert comments.comment_resolve(comment=reply, by=chief) == first  # its thread

    def test_a_moderator_may_not_resolve_someone_else_s_thread(self, ready_draft, chief, moderator):
        first = comments.comment_post(review=ready_draft, by=chief, body="Lede?")

        with pytest.raises(CommentRefused, match="Only who began this thread"):
            comments.comment_resolve(comment=first, by=moderator)

    def test_refused_resolving_in_the_admin_says_why(self, client, ready_draft, chief, moderator):
        first = comments.comment_post(review=ready_draft, by=chief, body="Lede?")
        client.force_login(moderator)

        response = client.post(
            reverse("admin:reviews_comment_resolve", args=[first.pk]),
            {"next": review_page(ready_draft)},
        )

        assert response.status_code == 302
        assert response["Location"] == f"{review_page(ready_draft)}#comment-{first.pk}"
        assert said(response) == [
            "Only who began this thread, or someone who may publish, may resolve or reopen it."
        ]
        first.refresh_from_db()
        assert not first.is_resolved

    def test_resolving_twice_is_told_not_repeated(self, client, ready_draft, chief):
        first = comments.comment_post(review=ready_draft, by=chief, body="Lede?")
        client.force_login(chief)
        url = reverse("admin:reviews_comment_resolve", args=[first.pk])

        assert said(client.post(url)) == ["The thread is resolved."]
        assert said(client.post(url))[-1] == "This thread is resolved already."


class TestRoles:
    @pytest.mark.parametrize("role", ["editor", "moderator", "superuser"])
    def test_whoever_may_see_reviews_sees_the_panel_and_may_post(
        self, request, post, client, ready_draft, role
    ):
        user = request.getfixturevalue(role)
        response = post(user, ready_draft, body=f"A word from the {role}.")

        comment = Comment.objects.get()
        assert response["Location"] == f"{review_page(ready_draft)}#comment-{comment.pk}"
        assert said(response) == ["Your comment is posted."]
        page = client.get(review_page(ready_draft))
        assert f"A word from the {role}." in page.text
        assert 'id="comments"' in page.text

    def test_anonymous_visitors_are_sent_to_the_login_page(self, client, ready_draft):
        for url in [post_url(ready_draft), reverse("admin:reviews_comment_changelist")]:
            response = client.post(url, {"body": "Hello"})
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("admin:login"))
        assert not Comment.objects.exists()

    def test_a_signed_in_reader_without_admin_access_is_sent_to_the_login_page(
        self, client, ready_draft
    ):
        client.force_login(UserFactory(username="reader", is_staff=False))

        response = client.post(post_url(ready_draft), {"body": "Hello"})

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        assert not Comment.objects.exists()

    def test_staff_who_may_not_see_reviews_may_not_comment(self, client, ready_draft):
        client.force_login(UserFactory(username="intern"))

        assert client.post(post_url(ready_draft), {"body": "Hello"}).status_code == 403
        assert client.get(reverse("admin:reviews_comment_changelist")).status_code == 403
        assert not Comment.objects.exists()

    def test_nobody_adds_edits_or_deletes_comments_through_the_generic_admin(
        self, client, ready_draft, superuser
    ):
        comment = comments.comment_post(review=ready_draft, by=superuser, body="Note.")
        client.force_login(superuser)

        assert client.get(reverse("admin:reviews_comment_add")).status_code == 403
        delete = reverse("admin:reviews_comment_delete", args=[comment.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        assert Comment.objects.filter(pk=comment.pk).exists()

    def test_a_story_page_shows_its_own_comments_and_posts_on_the_story(
        self, post, client, ready_draft, chief
    ):
        story = ready_draft.stories.get()
        comments.comment_post(review=ready_draft, by=chief, body="About the whole review.")
        story_page = reverse("admin:reviews_story_change", args=[story.pk])

        post(chief, ready_draft, body="About this story.", story=story.pk, next=story_page)

        page = client.get(story_page).text
        assert "About this story." in page and "About the whole review." not in page
        assert Comment.objects.get(body="About this story.").story == story


class TestBadInput:
    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("   ", "Not posted: Write the comment before posting it."),
            (
                "x" * (comments.MAX_LENGTH + 1),
                "Not posted: A comment may be at most 4000 characters long; this one has 4001.",
            ),
        ],
    )
    def test_an_empty_or_overlong_comment_is_refused_with_a_message(
        self, post, ready_draft, chief, body, message
    ):
        response = post(chief, ready_draft, body=body)

        assert response.status_code == 302
        assert response["Location"] == f"{review_page(ready_draft)}#comments"
        assert said(response) == [message]
        assert not Comment.objects.exists()

    def test_a_reply_to_a_comment_of_another_review_is_refused(self, post, ready_draft, chief):
        elsewhere = comments.comment_post(review=ReviewFactory(), by=chief, body="Elsewhere.")

        response = post(chief, ready_draft, body="Answer", parent=elsewhere.pk)

        assert said(response) == ["Not posted: That comment is on another review."]
        assert Comment.objects.count() == 1

    def test_a_comment_on_a_story_of_another_review_is_refused(self, post, ready_draft, chief):
        other_story = StoryFactory()

        response = post(chief, ready_draft, body="Here?", story=other_story.pk)

        assert said(response) == ["Not posted: That story is not part of this review."]
        assert not Comment.objects.exists()

    @pytest.mark.parametrize("field", ["story", "parent"])
    def test_tampered_numbers_are_refused_with_a_message(self, post, ready_draft, chief, field):
        response = post(chief, ready_draft, body="Hello", **{field: "1 OR 1=1"})

        assert response.status_code == 302
        assert said(response) == ["Choose the review or one of its stories to comment on."]

    def test_a_missing_review_or_comment_is_a_404(self, client, chief):
        client.force_login(chief)
        assert client.post(reverse("admin:reviews_comment_post", args=[999999])).status_code == 404
        resolve = reverse("admin:reviews_comment_resolve", args=[999999])
        assert client.post(resolve).status_code == 404

    def test_posting_is_post_only_and_goes_back_only_inside_the_admin(
        self, client, post, ready_draft, chief
    ):
        client.force_login(chief)
        assert client.get(post_url(ready_draft)).status_code == 405

        response = post(chief, ready_draft, body="Hello", next="https://elsewhere.example/")

        assert response["Location"].startswith(review_page(ready_draft))


class TestNotContent:
    def test_comments_are_not_content_so_no_page_goes_stale(self, ready_draft, chief):
        """The page cache is not told: a comment changes no public page."""
        assert Comment._meta.db_table not in invalidation.content_tables()
        started = []
        original = invalidation.start_new_generation
        invalidation.start_new_generation = lambda **kwargs: started.append(kwargs)
        try:
            first = comments.comment_post(review=ready_draft, by=chief, body="Hello")
            comments.comment_resolve(comment=first, by=chief)
        finally:
            invalidation.start_new_generation = original
        assert started == []

    def test_a_comment_makes_no_revision_and_no_new_version(self, ready_draft, chief):
        from reversion.models import Version

        before = Version.objects.get_for_object(ready_draft).count()
        comments.comment_post(review=ready_draft, by=chief, body="Hello")

        ready_draft.refresh_from_db()
        assert Version.objects.get_for_object(ready_draft).count() == before
        assert ready_draft.version == 1


class TestQueryBudgets:
    @pytest.fixture
    def busy_review(self, ready_draft, chief, author, moderator):
        story = ready_draft.stories.get()
        for number in range(10):
            thread = comments.comment_post(
                review=ready_draft,
                story=story if number % 2 else None,
                by=chief,
                body=f"Point {number} for @ana and @moritz",
            )
            comments.comment_reply(review=ready_draft, parent=thread, by=author, body="Seen.")
            if number % 3 == 0:
                comments.comment_resolve(comment=thread, by=chief)
        return ready_draft

    def test_the_review_page_with_twenty_comments_costs_a_bounded_number_of_queries(
        self, client, busy_review, chief, django_assert_max_num_queries
    ):
        client.force_login(chief)
        # The page's own 22 and the panel's 3 (comments, mentions, the latest revision).
        with django_assert_max_num_queries(25):
            page = client.get(review_page(busy_review))
        assert page.text.count('class="comment"') == 20

    def test_the_comment_list_costs_a_bounded_number_of_queries(
        self, client, busy_review, chief, django_assert_max_num_queries
    ):
        client.force_login(chief)
        with django_assert_max_num_queries(8):
            page = client.get(reverse("admin:reviews_comment_changelist"))
        assert page.status_code == 200
        assert page.text.count("Point ") == 10
