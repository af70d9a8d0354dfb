"""The activity log: what happened to which review, by whom, across the site. Written only by
these listeners of the newsroom's events, so that the services doing the work know nothing of
it. docs/EDITING.md, "The activity log".
"""

from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.models import Activity, ActivityKind, Review
from reviews.newsroom.events import (
    comment_posted,
    comment_reopened,
    comment_resolved,
    review_transitioned,
    stale_save_merged,
)
from reviews.newsroom.notifications import never_fails_the_caller

Kind = ActivityKind
EXCERPT = 500


def record(*, kind: str, actor, review: Review | None, detail: str = "", comment=None) -> Activity:
    return Activity.objects.create(
        kind=kind,
        actor=actor,
        review=review,
        review_title=Truncator(review.title).chars(255) if review else "",
        comment=comment,
        detail=detail,
    )


@receiver(review_transitioned, dispatch_uid="newsroom-activity-transition")
@never_fails_the_caller
def log_transition(sender, *, review, transition: str, by, reason: str = "", **kwargs):
    detail = reason
    if transition == "schedule" and review.publish_at:
        when = formats.date_format(timezone.localtime(review.publish_at), "DATETIME_FORMAT")
        detail = _("For %(time)s") % {"time": when}
    record(kind=Kind(transition), actor=by, review=review, detail=detail)


def about(comment) -> str:
    """Where the comment is: "Story 2: <headline>" or nothing (the review itself)."""
    story = comment.story
    if story is None:
        return ""
    return _("On story %(position)s, “%(headline)s”: ") % {
        "position": story.position,
        "headline": Truncator(story.headline).chars(80),
    }


@receiver(comment_posted, dispatch_uid="newsroom-activity-comment")
@never_fails_the_caller
def log_comment(sender, *, comment, **kwargs):
    reply = _("In reply: ") if comment.parent_id else ""
    record(
        kind=Kind.COMMENT,
        actor=comment.author,
        review=comment.review,
        comment=comment,
        detail=about(comment) + reply + Truncator(comment.body).chars(EXCERPT),
    )


@receiver(comment_resolved, dispatch_uid="newsroom-activity-resolve")
@never_fails_the_caller
def log_resolve(sender, *, comment, by, **kwargs):
    log_settled(Kind.RESOLVE, comment, by)


@receiver(comment_reopened, dispatch_uid="newsroom-activity-reopen")
@never_fails_the_caller
def log_reopen(sender, *, comment, by, **kwargs):
    log_settled(Kind.REOPEN, comment, by)


def log_settled(kind: str, comment, by) -> None:
    record(
        kind=kind,
        actor=by,
        review=comment.review,
        comment=comment,
        detail=about(comment) + Truncator(comment.body).chars(120),
    )


CHOICE_NAMES = {
    "mine": gettext_lazy("yours"),
    "theirs": gettext_lazy("theirs"),
    "base": gettext_lazy("as opened"),
}


@receiver(stale_save_merged, dispatch_uid="newsroom-activity-merge")
@never_fails_the_caller
def log_merge(sender, *, review, by, merged=(), chosen=(), **kwargs):
    lines = []
    if merged:
        lines.append(_("Merged by themselves: %(fields)s.") % {"fields": "; ".join(merged)})
    if chosen:
        picked = [f"{label} ({CHOICE_NAMES.get(choice, choice)})" for label, choice in chosen]
        lines.append(_("Chosen: %(fields)s.") % {"fields": "; ".join(picked)})
    record(kind=Kind.MERGE, actor=by, review=review, detail="\n".join(lines))
