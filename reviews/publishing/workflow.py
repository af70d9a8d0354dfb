"""The editorial workflow: one function per transition (submit, publish, schedule, withdraw,
send back, back to draft), each checking the state and the user's permission in one place.
See docs/EDITING.md, "The workflow".
"""

import datetime
from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.models import Review
from reviews.newsroom.events import review_transitioned
from reviews.publishing.editing import bump_version

Status = Review.Status
EDIT = "reviews.change_review"
PUBLISH = "reviews.publish_review"


class TransitionRefused(Exception):
    """A transition that may not happen; `problems` says why, in editor's words."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(" ".join(self.problems))


class ReviewIncomplete(TransitionRefused):
    """Refused because the review lacks what readers need (`publication_problems`): the
    editor can mend it and try again."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    permission: str
    comment: str
    # What the review is once it has happened, for messages: "3 reviews published."
    done: str


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            "submit",
            gettext_lazy("Submit for review"),
            (Status.DRAFT,),
            EDIT,
            "Submitted",
            gettext_lazy("submitted for review"),
        ),
        Transition(
            "publish",
            gettext_lazy("Publish now"),
            (Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED),
            PUBLISH,
            "Published",
            gettext_lazy("published"),
        ),
        Transition(
            "schedule",
            gettext_lazy("Schedule"),
            (Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED),
            PUBLISH,
            "Scheduled",
            gettext_lazy("scheduled"),
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw"),
            (Status.PUBLISHED,),
            PUBLISH,
            "Withdrawn",
            gettext_lazy("withdrawn"),
        ),
        Transition(
            "send_back",
            gettext_lazy("Send back"),
            (Status.IN_REVIEW,),
            PUBLISH,
            "Sent back",
            gettext_lazy("sent back to its author"),
        ),
        Transition(
            "to_draft",
            gettext_lazy("Back to draft"),
            (Status.WITHDRAWN,),
            EDIT,
            "Back to draft",
            gettext_lazy("put back to draft"),
        ),
    ]
}


def available_transitions(*, review: Review, user, now=None) -> list[Transition]:
    """The transitions `user` may apply to `review` in its current state, in button order."""
    return [
        transition
        for transition in TRANSITIONS.values()
        if _refusal(transition, review, user, now=now) is None
    ]


def _refusal(transition: Transition, review: Review, user, *, now=None) -> str | None:
    if not user.has_perm(transition.permission):
        return _("Your account may not use “%(action)s”.") % {"action": transition.label}
    if review.status not in transition.sources:
        return _("A review in the state “%(state)s” cannot be %(done)s.") % {
            "state": review.get_status_display(),
            "done": transition.done,
        }
    live = review.is_published(now=now)
    if transition.name == "publish" and live:
        return _("This review is already public.")
    if transition.name == "schedule" and live:
        return _("This review is already public: withdraw it first.")
    return None


def publication_problems(review: Review) -> list[str]:
    """What a review lacks before readers may see it; empty when it is ready."""
    problems = []
    required = {
        "title": _("a title"),
        "slug": _("a slug"),
        "dateline_city": _("a dateline city"),
        "review_date": _("a review date"),
        "lede": _("a lede"),
    }
    for field, what in required.items():
        value = getattr(review, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(_("The review needs %s.") % what)
    if review.section_id is None:
        problems.append(_("The review needs a section."))
    stories = list(review.stories.select_related("outlet").order_by("position"))
    if not stories:
        problems.append(_("The review has no stories."))
    for story in stories:
        name = _("Story %(position)s (“%(headline)s”)") % {
            "position": story.position,
            "headline": story.headline or _("no headline"),
        }
        if not story.headline.strip():
            problems.append(_("%s has no headline.") % name)
        if not story.body.strip():
            problems.append(_("%s has an empty body.") % name)
    return problems


def ends_share_links(*, before: str, after: str) -> bool:
    """Whether a change of status from `before` to `after` ends every share link of the
    review: entering or leaving publication does. A link shared to read a draft must not
    show the review once it has been published and withdrawn; the editor may share again."""
    return before != after and Status.PUBLISHED in (before, after)


def _apply(
    name: str, *, review: Review, by, now=None, changes: dict | None = None, check=None
) -> Review:
    transition = TRANSITIONS[name]
    now = now or timezone.now()
    with transaction.atomic(), reversion.create_revision():
        locked = Review.objects.select_for_update().get(pk=review.pk)
        refusal = _refusal(transition, locked, by, now=now)
        if refusal:
            raise TransitionRefused(refusal)
        if check:
            check(locked)
        before = locked.status
        for field, value in (changes or {}).items():
            setattr(locked, field, value)
        if ends_share_links(before=before, after=locked.status):
            locked.preview_key = ""
        locked.save()
        bump_version(review_ids=[locked.pk])
        locked.refresh_from_db()
        reversion.set_user(by)
        # The history says why a review went back: "Sent back: the lede runs long".
        reason = locked.sent_back_reason if name == "send_back" else ""
        reversion.set_comment(f"{transition.comment}: {reason}" if reason else transition.comment)
        transaction.on_commit(
            lambda: review_transitioned.send(
                sender=Review,
                review=locked,
                transition=name,
                by=by,
                reason=reason,
            )
        )
    return locked


def _ready_to_publish(review: Review) -> None:
    problems = publication_problems(review)
    if problems:
        raise ReviewIncomplete(problems)


def review_submit(*, review: Review, by) -> Review:
    return _apply("submit", review=review, by=by, changes={"status": Status.IN_REVIEW})


def review_publish(*, review: Review, by, now=None) -> Review:
    """Make the review public at once."""
    now = now or timezone.now()
    return _publish("publish", review=review, by=by, at=now, now=now)


def review_schedule(*, review: Review, by, at: datetime.datetime, now=None) -> Review:
    """Make the review public by itself at `at`, which must be in the future."""
    now = now or timezone.now()
    if at is None or at <= now:
        raise TransitionRefused(_("Choose a publish time in the future to schedule."))
    return _publish("schedule", review=review, by=by, at=at, now=now)


def _publish(name: str, *, review: Review, by, at: datetime.datetime, now) -> Review:
    """What publishing and scheduling both are: published status from `at` on, once the
    review has all it needs."""
    return _apply(
        name,
        review=review,
        by=by,
        now=now,
        changes={"status": Status.PUBLISHED, "publish_at": at, "sent_back_reason": ""},
        check=_ready_to_publish,
    )


def review_withdraw(*, review: Review, by) -> Review:
    return _apply("withdraw", review=review, by=by, changes={"status": Status.WITHDRAWN})


def review_send_back(*, review: Review, by, reason: str) -> Review:
    """Return a review in review to its author's drafts, saying why."""
    if not reason or not reason.strip():
        raise TransitionRefused(_("Say why the review goes back, so that its author knows."))
    return _apply(
        "send_back",
        review=review,
        by=by,
        changes={"status": Status.DRAFT, "sent_back_reason": reason.strip()},
    )


def review_to_draft(*, review: Review, by) -> Review:
    """Make a withdrawn review a draft again, with no publish time: when it is published
    again, it is at the time chosen then, not the one it was first published at."""
    return _apply(
        "to_draft", review=review, by=by, changes={"status": Status.DRAFT, "publish_at": None}
    )
