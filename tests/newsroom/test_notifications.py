"""Who is told what, as each person chose: notifications of transitions, comments, mentions
and the tagging digest, in the inbox and by email; nobody is told of their own action."""

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from reviews.models import Notification, NotificationKind
from reviews.newsroom.events import comment_posted
from reviews.newsroom.notifications import Choice, preferences_of, set_preferences
from tests.support.factories import ReviewFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db
Kind = NotificationKind
NOON = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)


def told(user, kind=None):
    notifications = Notification.objects.filter(recipient=user)
    if kind:
        notifications = notifications.filter(kind=kind)
    return list(notifications)


def mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


class TestWorkflowNotifications:
    def test_submitting_tells_everyone_who_may_publish_but_not_the_author(
        self, committed, ready_draft, author, chief, moderator
    ):
        superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
        committed("submit", review=ready_draft, by=author)

        for publisher in (chief, superuser):
            [notification] = told(publisher, Kind.SUBMITTED)
            assert notification.summary == (
                "Ana Pires submitted “Ports strike spreads north” for review"
            )
            assert notification.actor == author
            assert notification.link == f"/admin/reviews/review/{ready_draft.pk}/change/"
            assert len(mail_to(publisher)) == 1
        assert told(author) == []
        assert told(moderator) == [], "moderators may not publish: nothing to do for them"

    def test_sending_back_tells_the_author_why_in_the_inbox_and_by_email(
        self, committed, ready_draft, author, chief
    ):
        committed("submit", review=ready_draft, by=author)
        committed(
            "send_back", review=ready_draft, by=chief, reason="The second story needs a source."
        )

        [notification] = told(author, Kind.SENT_BACK)
        assert notification.summary == "Paulo Reis sent “Ports strike spreads north” back to you"
        assert notification.detail == "The second story needs a source."
        assert notification.in_inbox and notification.read_at is None
        [message] = mail_to(author)
        assert message.subject == (
            "[Pressreview] Paulo Reis sent “Ports strike spreads north” back to you"
        )
        assert "The second story needs a source." in message.body
        assert f"/admin/reviews/notification/{notification.pk}/open/" in message.body

    def test_publishing_tells_the_author_in_the_inbox_only_by_default(
        self, committed, ready_draft, author, chief
    ):
        committed("publish", review=ready_draft, by=chief)

        [notification] = told(author, Kind.PUBLISHED)
        assert notification.summary == "Paulo Reis published “Ports strike spreads north”"
        assert not notification.email_wanted
        assert mail_to(author) == []

    def test_scheduling_tells_the_author_when(
        self, committed, ready_draft, author, chief, time_machine, settings
    ):
        settings.TIME_ZONE = "Europe/Lisbon"
        time_machine.move_to(NOON, tick=False)
        at = datetime.datetime(2026, 3, 4, 6, 30, tzinfo=datetime.UTC)
        committed("schedule", review=ready_draft, by=chief, at=at)

        [notification] = told(author, Kind.SCHEDULED)
        assert "scheduled “Ports strike spreads north” for March 4, 2026, 6:30 a.m." in (
            notification.summary
        )

    def test_withdrawing_tells_the_author_by_email_too(self, committed, author, chief):
        review = ReviewFactory(author=author, title="Rail tender collapses")
        committed("withdraw", review=review, by=chief)

        [notification] = told(author, Kind.WITHDRAWN)
        assert notification.summary == "Paulo Reis withdrew “Rail tender collapses”"
        assert [message.subject for message in mail_to(author)] == [
            "[Pressreview] Paulo Reis withdrew “Rail tender collapses”"
        ]

    def test_nobody_is_told_of_their_own_action(self, committed, ready_draft, author):
        committed("publish", review=ready_draft, by=author)
        committed("withdraw", review=ready_draft, by=author)

        assert told(author) == []
        assert mail.outbox == []

    def test_back_to_draft_tells_nobody(self, committed, author, chief):
        review = ReviewFactory(withdrawn=True, author=author)
        committed("to_draft", review=review, by=chief)

        assert Notification.objects.count() == 0

    def test_a_review_without_author_tells_nobody_when_published(self, committed, chief):
        review = ReviewFactory(draft=True, author=None)
        StoryFactory(review=review, position=1)
        committed("publish", review=review, by=chief)

        assert Notification.objects.count() == 0

    def test_inactive_people_are_not_told(self, committed, ready_draft, author, chief):
        chief.is_active = False
        chief.save()
        committed("submit", review=ready_draft, by=author)

        assert told(chief) == []

    def test_someone_without_an_email_address_still_gets_the_inbox_notice(
        self, committed, ready_draft, author, chief
    ):
        author.email = ""
        author.save()
        committed("withdraw", review=ReviewFactory(author=author), by=chief)

        [notification] = told(author, Kind.WITHDRAWN)
        assert notification.in_inbox and not notification.email_wanted
        assert mail.outbox == []

    def test_a_failing_notification_does_not_undo_or_break_the_transition(
        self, committed, ready_draft, author, chief, monkeypatch, caplog
    ):
        def broken(**kwargs):
            raise RuntimeError("the inbox table is gone")

        monkeypatch.setattr("reviews.newsroom.notifications.notify", broken)
        review = committed("publish", review=ready_draft, by=chief)

        assert review.is_published()
        assert "Notifying failed" in caplog.text


class TestPreferences:
    def test_defaults_put_everything_in_the_inbox_and_mail_what_asks_for_action(
        self, chief, moderator
    ):
        choices = preferences_of(chief)
        assert all(choice.in_inbox for kind, choice in choices.items() if kind != "tagging_digest")
        emailed = {kind for kind, choice in choices.items() if choice.by_email}
        assert emailed == {"submitted", "sent_back", "withdrawn", "mention"}
        assert preferences_of(moderator)["tagging_digest"] == Choice(True, True)

    def test_email_only_sends_the_email_and_leaves_the_inbox_alone(
        self, committed, ready_draft, author, chief
    ):
        set_preferences(user=author, choices={Kind.SENT_BACK: Choice(False, True)})
        committed("submit", review=ready_draft, by=author)
        committed("send_back", review=ready_draft, by=chief, reason="Too long.")

        [notification] = told(author, Kind.SENT_BACK)
        assert not notification.in_inbox
        assert not Notification.objects.inbox_of(author).exists()
        assert len(mail_to(author)) == 1

    def test_inbox_only_sends_no_email(self, committed, ready_draft, author, chief):
        set_preferences(user=chief, choices={Kind.SUBMITTED: Choice(True, False)})
        committed("submit", review=ready_draft, by=author)

        assert [n.kind for n in Notification.objects.inbox_of(chief)] == [Kind.SUBMITTED]
        assert mail_to(chief) == []

    def test_neither_tells_nothing(self, committed, ready_draft, author, chief):
        set_preferences(user=author, choices={Kind.PUBLISHED: Choice(False, False)})
        set_preferences(user=author, choices={Kind.PUBLISHED: Choice(False, False)})
        committed("publish", review=ready_draft, by=chief)

        assert told(author) == []
        assert mail.outbox == []

    def test_email_can_be_asked_for_a_kind_that_is_off_by_default(
        self, committed, ready_draft, author, chief
    ):
        set_preferences(user=author, choices={Kind.PUBLISHED: Choice(True, True)})
        committed("publish", review=ready_draft, by=chief)

        assert [m.subject for m in mail_to(author)] == [
            "[Pressreview] Paulo Reis published “Ports strike spreads north”"
        ]

    def test_an_unknown_kind_is_refused(self, author):
        with pytest.raises(ValueError, match="Unknown notification kinds"):
            set_preferences(user=author, choices={"gossip": Choice(True, True)})


@pytest.fixture
def post_comment(django_capture_on_commit_callbacks):
    """As the comments will: the signal, with a stand-in comment having the documented
    attributes, in a transaction that commits."""

    def post(*, review, author, body, mentioned=(), story=None):
        comment = SimpleNamespace(review=review, story=story, author=author, body=body)
        with django_capture_on_commit_callbacks(execute=True):
            comment_posted.send(sender=SimpleNamespace, comment=comment, mentioned=list(mentioned))

    return post


class TestCommentsAndMentions:
    def test_a_comment_on_my_review_tells_me(self, post_comment, ready_draft, author, chief):
        post_comment(review=ready_draft, author=chief, body="The lede runs long.")

        [notification] = told(author, Kind.COMMENT)
        assert notification.summary == "Paulo Reis commented on “Ports strike spreads north”"
        assert notification.detail == "The lede runs long."
        assert mail_to(author) == [], "comments reach the inbox only, by default"

    def test_a_comment_on_a_story_names_the_story(self, post_comment, ready_draft, author, chief):
        story = ready_draft.stories.get()
        post_comment(review=ready_draft, story=story, author=chief, body="Source?")

        [notification] = told(author, Kind.COMMENT)
        assert notification.summary == (
            "Paulo Reis commented on story 1 of “Ports strike spreads north”"
        )

    def test_a_mention_tells_the_person_mentioned_in_the_inbox_and_by_email(
        self, post_comment, ready_draft, author, chief, moderator
    ):
        post_comment(
            review=ready_draft, author=chief, body="@moritz tag this?", mentioned=[moderator]
        )

        [notification] = told(moderator, Kind.MENTION)
        assert notification.summary == "Paulo Reis mentioned you on “Ports strike spreads north”"
        assert [m.subject for m in mail_to(moderator)] == [f"[Pressreview] {notification.summary}"]
        assert "@moritz tag this?" in mail_to(moderator)[0].body

    def test_the_author_mentioned_in_a_comment_on_their_review_is_told_once(
        self, post_comment, ready_draft, author, chief
    ):
        post_comment(review=ready_draft, author=chief, body="@ana see here", mentioned=[author])

        assert [n.kind for n in told(author)] == [Kind.MENTION]

    def test_my_own_comment_and_self_mention_tell_me_nothing(
        self, post_comment, ready_draft, author
    ):
        post_comment(review=ready_draft, author=author, body="Note to @ana", mentioned=[author])

        assert told(author) == []


@pytest.fixture
def untagged_story():
    return StoryFactory(headline="Ferry timetable cut in winter")


class TestTaggingDigest:
    def test_moderators_are_told_how_many_stories_wait_for_tags(
        self, call_command_output, untagged_story, moderator, editor
    ):
        StoryFactory(tags=["harbours"])
        out = call_command_output("send_tagging_digest")

        [notification] = told(moderator, Kind.TAGGING_DIGEST)
        assert notification.summary == "1 story waits for tags"
        assert "Ferry timetable cut in winter" in notification.detail
        assert notification.link == "/admin/reviews/storytotag/?tagged=no"
        assert len(mail_to(moderator)) == 1
        assert told(editor) == [], "editors tag too, but get the digest only if they ask"
        assert out == "1 story waits for tags; told 1 person (nobody is told twice a day).\n"

    def test_an_editor_who_asks_gets_the_digest(
        self, call_command_output, untagged_story, moderator, editor
    ):
        set_preferences(user=editor, choices={Kind.TAGGING_DIGEST: Choice(True, False)})
        call_command_output("send_tagging_digest")

        assert len(told(editor, Kind.TAGGING_DIGEST)) == 1
        assert mail_to(editor) == []

    def test_running_it_twice_a_day_tells_nobody_twice(
        self, call_command_output, untagged_story, moderator, time_machine
    ):
        time_machine.move_to(NOON, tick=False)
        call_command_output("send_tagging_digest")
        assert call_command_output("send_tagging_digest").endswith(
            "told 0 people (nobody is told twice a day).\n"
        )
        time_machine.move_to(NOON + datetime.timedelta(days=1), tick=False)
        call_command_output("send_tagging_digest")

        assert len(told(moderator, Kind.TAGGING_DIGEST)) == 2

    def test_nothing_to_tag_tells_nobody(self, call_command_output, moderator):
        StoryFactory(tags=["harbours"])

        assert call_command_output("send_tagging_digest") == (
            "No story waits for tags: nobody told.\n"
        )
        assert told(moderator) == []


@pytest.fixture
def call_command_output(django_capture_on_commit_callbacks):
    """Run a command as cron would (each of its transactions commits); what it printed."""

    def run(*args) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(*args, stdout=out)
        return out.getvalue()

    return run


def test_a_moderator_with_no_account_left_is_not_told(
    call_command_output, untagged_story, moderator
):
    """A deactivated moderator's account gets no digest."""
    UserFactory(username="gone", groups=["Moderators"], is_active=False)
    call_command_output("send_tagging_digest")

    assert Notification.objects.filter(recipient__username="gone").count() == 0
