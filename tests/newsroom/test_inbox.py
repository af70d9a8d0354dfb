"""The back office's inbox: the unread count in every page's header, the list of one's own
notifications, opening one, marking read, and the notification settings page."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from reviews.models import Notification, NotificationKind, NotificationPreference
from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db
Kind = NotificationKind
INBOX = "/admin/reviews/notification/"


def notice(recipient, summary="Paulo Reis published “Rail tender collapses”", **kwargs):
    review = kwargs.pop("review", None) or ReviewFactory()
    return Notification.objects.create(
        recipient=recipient,
        kind=kwargs.pop("kind", Kind.PUBLISHED),
        summary=summary,
        review=review,
        link=reverse("admin:reviews_review_change", args=[review.pk]),
        **kwargs,
    )


class TestUnreadCount:
    def test_every_admin_page_shows_my_unread_count_in_the_header(self, client, author, chief):
        notice(author)
        notice(author)
        notice(author, read_at="2026-03-03T12:00Z")
        notice(author, in_inbox=False, email_wanted=True)
        notice(chief)
        client.force_login(author)

        for page in ("/admin/", "/admin/reviews/review/", INBOX):
            html = client.get(page).content.decode()
            assert f'href="{INBOX}?state=unread">Inbox <span class="inbox-count"' in html
            assert '>2<span class="visually-hidden"> unread</span>' in html

    def test_past_99_unread_the_header_says_99_plus(self, client, author):
        review = ReviewFactory()
        Notification.objects.bulk_create(
            Notification(recipient=author, kind=Kind.MENTION, summary="Hello", review=review)
            for _ in range(120)
        )
        client.force_login(author)

        html = client.get("/admin/").content.decode()
        assert '>99+<span class="visually-hidden"> unread</span>' in html

    def test_with_nothing_unread_the_header_just_links_the_inbox(self, client, author):
        client.force_login(author)

        html = client.get("/admin/").content.decode()
        assert f'<a class="inbox-link" href="{INBOX}">Inbox</a>' in html

    def test_the_count_costs_one_query(self, author, django_assert_max_num_queries):
        notice(author)
        template = Template("{% load newsroom %}{% inbox_link %}")

        with django_assert_max_num_queries(1):
            html = template.render(Context({"user": author}))
        assert "inbox-count" in html


class TestInbox:
    def test_the_inbox_lists_my_notifications_only_newest_first(self, client, author, chief):
        notice(author, summary="First news for Ana")
        notice(author, summary="Second news for Ana")
        notice(chief, summary="News for Paulo")
        client.force_login(author)

        response = client.get(INBOX)
        html = response.content.decode()
        assert response.status_code == 200
        assert html.index("Second news for Ana") < html.index("First news for Ana")
        assert "News for Paulo" not in html

    def test_a_moderator_has_an_inbox_too(self, client, moderator):
        notice(moderator, summary="Someone mentioned you", kind=Kind.MENTION)
        client.force_login(moderator)

        assert "Someone mentioned you" in client.get(INBOX).content.decode()
        assert 'href="/admin/reviews/notification/"' in client.get("/admin/").content.decode()

    def test_email_only_notifications_stay_out_of_the_inbox(self, client, author):
        notice(author, summary="Only by email", in_inbox=False, email_wanted=True)
        client.force_login(author)

        assert "Only by email" not in client.get(INBOX).content.decode()

    def test_unread_notifications_stand_out_and_filter_by_state_and_kind(self, client, author):
        notice(author, summary="Unread one")
        notice(author, summary="Read one", read_at="2026-03-03T12:00Z")
        notice(author, summary="A mention", kind=Kind.MENTION)
        client.force_login(author)

        html = client.get(INBOX).content.decode()
        assert 'class="notification-unread"' in html and 'class="notification-read"' in html
        unread = client.get(INBOX, {"state": "unread"}).content.decode()
        assert "Unread one" in unread and "Read one" not in unread
        mentions = client.get(INBOX, {"kind__exact": "mention"}).content.decode()
        assert "A mention" in mentions and "Unread one" not in mentions

    def test_opening_a_notification_marks_it_read_and_leads_to_its_review(self, client, author):
        notification = notice(author)
        client.force_login(author)

        response = client.get(f"{INBOX}{notification.pk}/open/")

        assert response.status_code == 302
        assert response["Location"] == notification.link
        notification.refresh_from_db()
        assert notification.is_read

    def test_nobody_opens_someone_elses_notification(self, client, author, chief):
        notification = notice(chief)
        client.force_login(author)

        assert client.get(f"{INBOX}{notification.pk}/open/").status_code == 404
        assert client.get(f"{INBOX}{notification.pk}/change/").status_code in (302, 403, 404)
        notification.refresh_from_db()
        assert not notification.is_read

    def test_mark_all_read(self, client, author, chief):
        notice(author)
        notice(author)
        theirs = notice(chief)
        client.force_login(author)

        assert client.get(f"{INBOX}mark-all-read/").status_code == 405
        response = client.post(f"{INBOX}mark-all-read/", follow=True)

        assert "Marked 2 notifications read." in response.content.decode()
        assert not Notification.objects.filter(recipient=author, read_at__isnull=True).exists()
        theirs.refresh_from_db()
        assert not theirs.is_read

    def test_the_selected_ones_can_be_marked_read_and_unread_again(self, client, author):
        first, second = notice(author), notice(author)
        client.force_login(author)

        client.post(
            INBOX, {"action": "mark_selected_read", "_selected_action": [first.pk, second.pk]}
        )
        assert Notification.objects.filter(read_at__isnull=True).count() == 0
        response = client.post(
            INBOX,
            {"action": "mark_selected_unread", "_selected_action": [first.pk]},
            follow=True,
        )
        assert "Marked 1 notification unread." in response.content.decode()
        assert list(Notification.objects.filter(read_at__isnull=True)) == [first]

    def test_nothing_is_added_or_deleted_here(self, client, author):
        notification = notice(author)
        client.force_login(author)

        assert client.get(f"{INBOX}add/").status_code == 403
        assert client.get(f"{INBOX}{notification.pk}/delete/").status_code == 403

    def test_readers_without_an_account_get_the_login_page(self, client):
        response = client.get(INBOX)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


class TestSettingsPage:
    URL = f"{INBOX}settings/"

    def test_it_shows_each_kind_that_can_reach_me_with_the_defaults(self, client, moderator):
        client.force_login(moderator)

        response = client.get(self.URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Someone mentions me" in html
        assert "Stories wait for tags (once a day)" in html
        assert "A review is submitted for review" not in html, "moderators publish nothing"
        assert 'name="mention-email" id="id_mention-email" checked' in html
        assert 'name="comment-email" id="id_comment-email">' in html

    def test_saving_records_my_choices(self, client, author):
        client.force_login(author)
        data = {f"{kind}-inbox": "on" for kind in Kind.values if kind != "tagging_digest"}
        data["published-email"] = "on"
        del data["comment-inbox"]

        response = client.post(self.URL, data, follow=True)

        assert "Your notification settings are saved." in response.content.decode()
        published = NotificationPreference.objects.get(user=author, kind=Kind.PUBLISHED)
        assert (published.in_inbox, published.by_email) == (True, True)
        comment = NotificationPreference.objects.get(user=author, kind=Kind.COMMENT)
        assert (comment.in_inbox, comment.by_email) == (False, False)

    def test_someone_without_an_email_address_is_told_email_cannot_reach_them(self, client, author):
        author.email = ""
        author.save()
        client.force_login(author)

        assert "no email can reach you" in client.get(self.URL).content.decode()

    def test_the_inbox_links_to_the_settings(self, client, author):
        client.force_login(author)
        assert f'href="{self.URL}"' in client.get(INBOX).content.decode()
