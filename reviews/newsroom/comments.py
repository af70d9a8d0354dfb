"""Comments on a review or one of its stories: post, reply, resolve, reopen, with @mentions of
colleagues. Anyone who may see reviews in the back office may comment; a thread is resolved or
reopened by whoever began it or by someone who may publish. docs/EDITING.md, "Comments".
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from reviews.models import Comment, Review, Story
from reviews.newsroom.events import comment_posted, comment_reopened, comment_resolved
from reviews.newsroom.notifications import MAY_PUBLISH, users_who_may

MAY_VIEW = "reviews.view_review"
MAY_EDIT = "reviews.change_review"
MAX_LENGTH = 4000
# "@ana", "@p.reis": a username (Django allows letters, digits and @.+-_) after an @ that does
# not follow a word (so an email address is no mention), ending on a letter or digit (so the
# full stop after "@ana." is not part of it).
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]*\w)")
MAX_MENTIONS = 20


class CommentRefused(Exception):
    """A comment action that may not happen; the message says why, in the editor's words."""


def may_comment(user) -> bool:
    """Whoever may see reviews in the back office (as the admin reckons: view or change) may
    comment on them."""
    may_see = user.has_perm(MAY_VIEW) or user.has_perm(MAY_EDIT)
    return bool(user.is_active and user.is_staff and may_see)


def thread_of(comment: Comment) -> Comment:
    """The comment that began `comment`'s thread (itself, or the one it replies to)."""
    return comment.parent if comment.parent_id else comment


def may_resolve(user, comment: Comment) -> bool:
    """Who began the thread decides it is settled, or someone who may publish the review."""
    thread = thread_of(comment)
    return may_comment(user) and (thread.author_id == user.pk or user.has_perm(MAY_PUBLISH))


def concerning_q(user) -> Q:
    """Comments by others on `user`'s reviews, and comments that mention `user`."""
    mentions = Comment.mentioned.through.objects.filter(comment=OuterRef("pk"), user=user)
    return (Q(review__author=user) | Q(Exists(mentions))) & ~Q(author=user)


def comment_address(comment: Comment) -> str:
    """Where the comment is shown: its review's page, at the comment."""
    page = reverse("admin:reviews_review_change", args=[comment.review_id])
    return f"{page}#comment-{comment.pk}"


def mentioned_in(body: str) -> list:
    """The colleagues `body` @mentions by username: active staff who may see reviews. Other
    names stay plain text."""
    names = list(dict.fromkeys(name.casefold() for name in MENTION.findall(body)))
    if not names:
        return []
    by_name = reduce(or_, (Q(username__iexact=name) for name in names[:MAX_MENTIONS]))
    return list(users_who_may(MAY_VIEW).filter(by_name).order_by("username"))


def clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise CommentRefused(_("Write the comment before posting it."))
    if len(body) > MAX_LENGTH:
        raise CommentRefused(
            _("A comment may be at most %(most)d characters long; this one has %(count)d.")
            % {"most": MAX_LENGTH, "count": len(body)}
        )
    return body


def comment_post(*, review: Review, by, body: str, story: Story | None = None) -> Comment:
    """Begin a thread on `review`, or on one of its stories."""
    if story is not None and story.review_id != review.pk:
        raise CommentRefused(_("That story is not part of this review."))
    return _post(review=review, by=by, body=body, story=story, parent=None)


def comment_reply(*, review: Review, parent: Comment, by, body: str) -> Comment:
    """Answer in `parent`'s thread (a reply to a reply joins the same thread)."""
    if parent.review_id != review.pk:
        raise CommentRefused(_("That comment is on another review."))
    thread = thread_of(parent)
    if thread.is_resolved:
        raise CommentRefused(_("This thread is resolved: reopen it to reply."))
    return _post(review=review, by=by, body=body, story=thread.story, parent=thread)


def _post(*, review, by, body, story, parent) -> Comment:
    if not may_comment(by):
        raise CommentRefused(_("You may not comment on reviews."))
    body = clean_body(body)
    with transaction.atomic():
        version = Review.objects.values_list("version", flat=True).get(pk=review.pk)
        comment = Comment.objects.create(
            review=review,
            story=story,
            parent=parent,
            author=by,
            body=body,
            review_version=version,
            review_revision=Version.objects.get_for_object(review).first(),
        )
        mentioned = mentioned_in(body)
        comment.mentioned.set(mentioned)
        transaction.on_commit(
            lambda: comment_posted.send(sender=Comment, comment=comment, mentioned=mentioned)
        )
    return comment


def comment_resolve(*, comment: Comment, by) -> Comment:
    """Mark the comment's thread settled."""
    return _settle(comment, by, resolve=True)


def comment_reopen(*, comment: Comment, by) -> Comment:
    """Open a resolved thread again."""
    return _settle(comment, by, resolve=False)


def _settle(comment: Comment, by, *, resolve: bool) -> Comment:
    thread = thread_of(comment)
    if not may_resolve(by, thread):
        raise CommentRefused(
            _("Only who began this thread, or someone who may publish, may resolve or reopen it.")
        )
    values = {"resolved_at": timezone.now(), "resolved_by": by} if resolve else {}
    with transaction.atomic():
        # Only an open thread is resolved, only a resolved one reopened (two clicks, one change).
        changed = Comment.objects.filter(pk=thread.pk, resolved_at__isnull=resolve).update(
            **({"resolved_at": None, "resolved_by": None} | values)
        )
        if not changed:
            raise CommentRefused(
                _("This thread is resolved already.") if resolve else _("This thread is open.")
            )
        thread.refresh_from_db()
        signal = comment_resolved if resolve else comment_reopened
        transaction.on_commit(lambda: signal.send(sender=Comment, comment=thread, by=by))
    return thread


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def threads_of(review: Review, *, story: Story | None = None) -> list[Thread]:
    """The review's threads (or one story's), oldest first, each with its replies: two
    queries, however many there are."""
    comments = Comment.objects.filter(review=review).for_panel()
    if story is not None:
        comments = comments.filter(story=story)
    threads: dict[int, Thread] = {}
    for comment in comments:
        if comment.parent_id is None:
            threads[comment.pk] = Thread(comment)
        elif comment.parent_id in threads:
            threads[comment.parent_id].replies.append(comment)
    return list(threads.values())
