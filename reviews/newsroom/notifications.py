"""Who is told what, and how: notifications of workflow transitions, comments and mentions,
and the daily digest of stories waiting for tags, in the back office's inbox and by email as
each person chose per kind. Nobody is told of their own action. docs/EDITING.md,
"Notifications".
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial, wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.models import (
    Notification,
    NotificationKind,
    NotificationPreference,
    Review,
    Story,
    TaggedStory,
)
from reviews.newsroom.events import comment_posted, review_transitioned
from reviews.newsroom.tasks import enqueue_email

Kind = NotificationKind
logger = logging.getLogger(__name__)

MAY_PUBLISH = "reviews.publish_review"
MAY_TAG = "reviews.change_story_tags"
MAY_EDIT_STORIES = "reviews.change_story"


@dataclass(frozen=True)
class Choice:
    """How one person wants one kind of notification."""

    in_inbox: bool
    by_email: bool

    @property
    def wanted(self) -> bool:
        return self.in_inbox or self.by_email


# Without a choice of their own: everything in the inbox; by email, what asks something of
# the person (a review to check, one sent back or withdrawn, a mention, the tagging digest).
DEFAULTS = {
    Kind.SUBMITTED: Choice(in_inbox=True, by_email=True),
    Kind.SENT_BACK: Choice(in_inbox=True, by_email=True),
    Kind.PUBLISHED: Choice(in_inbox=True, by_email=False),
    Kind.SCHEDULED: Choice(in_inbox=True, by_email=False),
    Kind.WITHDRAWN: Choice(in_inbox=True, by_email=True),
    Kind.COMMENT: Choice(in_inbox=True, by_email=False),
    Kind.MENTION: Choice(in_inbox=True, by_email=True),
    Kind.TAGGING_DIGEST: Choice(in_inbox=True, by_email=True),
}
NOTHING = Choice(in_inbox=False, by_email=False)


def is_moderator(user) -> bool:
    """Tags stories but does not write them: the tagging digest is for them by default."""
    return user.has_perm(MAY_TAG) and not user.has_perm(MAY_EDIT_STORIES)


def default_choice(kind: str, user) -> Choice:
    # Editors may tag too, but the digest is the moderators' unless an editor asks for it.
    if kind == Kind.TAGGING_DIGEST and not is_moderator(user):
        return NOTHING
    return DEFAULTS[kind]


def kinds_for(user) -> list[str]:
    """The kinds that can reach `user`: reviews to check only reach those who may publish,
    the tagging digest only those who may tag."""
    kinds = list(Kind.values)
    if not user.has_perm(MAY_PUBLISH):
        kinds.remove(Kind.SUBMITTED)
    if not user.has_perm(MAY_TAG):
        kinds.remove(Kind.TAGGING_DIGEST)
    return kinds


def preferences_of(user) -> dict[str, Choice]:
    """Every kind with `user`'s choice, theirs or the default."""
    chosen = {
        preference.kind: Choice(preference.in_inbox, preference.by_email)
        for preference in NotificationPreference.objects.filter(user=user)
    }
    return {kind: chosen.get(kind) or default_choice(kind, user) for kind in Kind.values}


def set_preferences(*, user, choices: dict[str, Choice]) -> None:
    """Record `user`'s choices, kind by kind (kinds left out keep theirs)."""
    unknown = set(choices) - set(Kind.values)
    if unknown:
        raise ValueError(f"Unknown notification kinds: {sorted(unknown)}")
    with transaction.atomic():
        for kind, choice in choices.items():
            NotificationPreference.objects.update_or_create(
                user=user,
                kind=kind,
                defaults={"in_inbox": choice.in_inbox, "by_email": choice.by_email},
            )


def users_who_may(permission: str):
    """Active staff holding `permission` ("app_label.codename") directly, through a group,
    or as superusers."""
    app_label, codename = permission.split(".")
    granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=granted)
            | Q(groups__permissions__in=granted)
        )
        .distinct()
    )


def notify(
    *,
    kind: str,
    recipients: Iterable,
    actor,
    summary: str,
    link: str,
    review: Review | None = None,
    detail: str = "",
    default=default_choice,
) -> list[Notification]:
    """Tell each of `recipients` (never `actor`) as they chose for `kind`; queue the email of
    those who want one, to be sent by the worker once this transaction commits."""
    people = {
        user.pk: user
        for user in recipients
        if user is not None
        and user.is_active
        and user.is_staff
        and (actor is None or user.pk != actor.pk)
    }
    if not people:
        return []
    chosen = {
        preference.user_id: Choice(preference.in_inbox, preference.by_email)
        for preference in NotificationPreference.objects.filter(kind=kind, user__in=list(people))
    }
    rows = []
    for user in people.values():
        choice = chosen.get(user.pk) or default(kind, user)
        if not choice.wanted:
            continue
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                actor=actor,
                review=review,
                summary=Truncator(summary).chars(300),
                detail=detail,
                link=link,
                in_inbox=choice.in_inbox,
                email_wanted=choice.by_email and bool(user.email),
            )
        )
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        for notification in created:
            if notification.email_wanted:
                transaction.on_commit(partial(enqueue_email, notification.pk))
    return created


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark `user`'s unread notifications read (those of `ids`, or all); how many were."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def mark_unread(*, user, ids: Iterable[int]) -> int:
    return (
        Notification.objects.filter(recipient=user, pk__in=list(ids), read_at__isnull=False)
        .exclude(in_inbox=False)
        .update(read_at=None)
    )


# The header shows "99+" beyond this: counting stops there, however many are unread.
UNREAD_SHOWN = 99


def unread_count(user) -> int:
    """The number in every admin page's header, at most UNREAD_SHOWN + 1: one query, on a
    partial index, that stops counting past what the header shows."""
    unread = Notification.objects.filter(recipient=user, in_inbox=True, read_at__isnull=True)
    return unread[: UNREAD_SHOWN + 1].count()


# What each workflow transition tells, and whom.


def name_of(user) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def review_address(review: Review) -> str:
    return reverse("admin:reviews_review_change", args=[review.pk])


def quoted_title(review: Review) -> str:
    return _("“%(title)s”") % {"title": Truncator(review.title).chars(120)}


def never_fails_the_caller(listener):
    """A listener runs after the change committed: a failure to notify is logged, and the
    editor who made the change still sees it done."""

    @wraps(listener)
    def guarded(*args, **kwargs):
        try:
            listener(*args, **kwargs)
        except Exception:
            logger.exception("Notifying failed in %s", listener.__name__)

    return guarded


@receiver(review_transitioned, dispatch_uid="newsroom-notify-transition")
@never_fails_the_caller
def notify_transition(sender, *, review: Review, transition: str, by, reason: str = "", **kwargs):
    words = {"actor": name_of(by), "title": quoted_title(review)}
    author = [review.author]
    match transition:
        case "submit":
            kind, recipients = Kind.SUBMITTED, users_who_may(MAY_PUBLISH)
            summary = _("%(actor)s submitted %(title)s for review") % words
        case "send_back":
            kind, recipients = Kind.SENT_BACK, author
            summary = _("%(actor)s sent %(title)s back to you") % words
        case "publish":
            kind, recipients = Kind.PUBLISHED, author
            summary = _("%(actor)s published %(title)s") % words
        case "schedule":
            kind, recipients = Kind.SCHEDULED, author
            when = formats.date_format(timezone.localtime(review.publish_at), "DATETIME_FORMAT")
            summary = _("%(actor)s scheduled %(title)s for %(time)s") % (words | {"time": when})
        case "withdraw":
            kind, recipients = Kind.WITHDRAWN, author
            summary = _("%(actor)s withdrew %(title)s") % words
        case _:
            return
    notify(
        kind=kind,
        recipients=recipients,
        actor=by,
        review=review,
        summary=summary,
        detail=reason,
        link=review_address(review),
    )


@receiver(comment_posted, dispatch_uid="newsroom-notify-comment")
@never_fails_the_caller
def notify_comment(sender, *, comment, mentioned=(), **kwargs):
    """Each person mentioned is told of the mention; the review's author of the comment,
    unless they were mentioned in it (once is enough) or wrote it."""
    story = getattr(comment, "story", None)
    review = getattr(comment, "review", None) or story.review
    words = {"actor": name_of(comment.author), "title": quoted_title(review)}
    if story is not None:
        words["title"] = _("story %(position)s of %(title)s") % {
            "position": story.position,
            "title": words["title"],
        }
    detail = Truncator(comment.body).chars(1000)
    link = review_address(review)
    if getattr(comment, "pk", None):
        link += f"#comment-{comment.pk}"  # the panel below the review's form, at the comment
    mentioned = [user for user in mentioned if user is not None]
    notify(
        kind=Kind.MENTION,
        recipients=mentioned,
        actor=comment.author,
        review=review,
        summary=_("%(actor)s mentioned you on %(title)s") % words,
        detail=detail,
        link=link,
    )
    if review.author is not None and review.author.pk not in {user.pk for user in mentioned}:
        notify(
            kind=Kind.COMMENT,
            recipients=[review.author],
            actor=comment.author,
            review=review,
            summary=_("%(actor)s commented on %(title)s") % words,
            detail=detail,
            link=link,
        )


# The daily digest of stories waiting for tags (`manage.py send_tagging_digest`).


def untagged_stories():
    """Stories with no tag at all: the moderators' queue (Stories to tag, "Untagged")."""
    return Story.objects.filter(~Exists(TaggedStory.objects.filter(content_object=OuterRef("pk"))))


def tagging_queue_address() -> str:
    return reverse("admin:reviews_storytotag_changelist") + "?tagged=no"


DIGEST_HEADLINES = 10


def _digest_detail(waiting: int) -> str:
    newest = (
        untagged_stories()
        .select_related("review")
        .order_by("-review__review_date", "review_id", "position")[:DIGEST_HEADLINES]
    )
    lines = [
        _("%(headline)s (%(review)s, %(date)s)")
        % {
            "headline": Truncator(story.headline).chars(120),
            "review": Truncator(story.review.title).chars(80),
            "date": formats.date_format(story.review.review_date, "DATE_FORMAT"),
        }
        for story in newest
    ]
    if waiting > len(lines):
        lines.append(_("… and %(count)d more.") % {"count": waiting - len(lines)})
    return "\n".join([_("The newest:"), *lines])


def send_tagging_digest(*, now=None) -> tuple[int, int]:
    """Tell those who tag (moderators, and editors who asked) how many stories wait for tags,
    at most once a day each. Returns (stories waiting, people told)."""
    now = now or timezone.now()
    waiting = untagged_stories().count()
    if not waiting:
        return 0, 0
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    told_today = Notification.objects.filter(
        kind=Kind.TAGGING_DIGEST, created_at__gte=start_of_day
    ).values("recipient")
    taggers = users_who_may(MAY_TAG).exclude(pk__in=told_today)
    editors = set(users_who_may(MAY_EDIT_STORIES).values_list("pk", flat=True))

    def default(kind, user):
        return NOTHING if user.pk in editors else DEFAULTS[kind]

    summary = ngettext(
        "%(count)d story waits for tags", "%(count)d stories wait for tags", waiting
    ) % {"count": waiting}
    told = notify(
        kind=Kind.TAGGING_DIGEST,
        recipients=taggers,
        actor=None,
        summary=summary,
        detail=_digest_detail(waiting),
        link=tagging_queue_address(),
        default=default,
    )
    return waiting, len(told)
