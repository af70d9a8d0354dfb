"""The desk: what the admin's index shows editors and moderators first (my drafts, waiting
for review, sent back to me, scheduled, published today, stories to tag, comments and
mentions), each panel a count, a few items and a link to the admin list filtered the same
way. A fixed number of queries whatever the archive's size. docs/EDITING.md, "The desk".
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.models import Comment, Review, ReviewQuerySet, SubscriptionKind
from reviews.newsletter.subscriptions import counts
from reviews.newsroom.comments import comment_address, concerning_q, may_comment
from reviews.newsroom.notifications import MAY_TAG, name_of, quoted_title, untagged_stories

Status = Review.Status
MAY_SEE_SUBSCRIBERS = "reviews.view_subscriber"
SHOWN = 5


@dataclass
class DeskItem:
    label: str
    link: str
    note: str = ""


@dataclass
class DeskPanel:
    key: str
    title: str
    count: int
    link: str
    empty: str
    items: list[DeskItem] = field(default_factory=list)


# The conditions, said once: the desk counts with them and the review list's filters
# (reviews/admin/reviews.py, PublicationFilter and WhoseFilter) filter with them.


def my_drafts_q(user) -> Q:
    return Q(status=Status.DRAFT, author=user)


def sent_back_to_q(user) -> Q:
    return my_drafts_q(user) & ~Q(sent_back_reason="")


def waiting_for_review_q() -> Q:
    return Q(status=Status.IN_REVIEW)


def start_of_today(now: datetime.datetime) -> datetime.datetime:
    """Midnight of today in the newsroom's time zone."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def published_today_q(now=None) -> Q:
    now = now or timezone.now()
    return ReviewQuerySet.published_q(now=now) & Q(publish_at__gte=start_of_today(now))


@dataclass(frozen=True)
class ReviewPanel:
    key: str
    title: str
    permission: str
    empty: str
    ordering: tuple[str, ...]
    filters: dict

    def condition(self, user, now) -> Q:
        match self.key:
            case "my_drafts":
                return my_drafts_q(user)
            case "waiting":
                return waiting_for_review_q()
            case "sent_back":
                return sent_back_to_q(user)
            case "scheduled":
                return ReviewQuerySet.scheduled_q(now=now)
            case "published_today":
                return published_today_q(now)
            case "out_of_date":
                return ReviewQuerySet.out_of_date_q()
        raise ValueError(self.key)

    def note(self, review: Review, now) -> str:
        match self.key:
            case "my_drafts":
                return _("sent back") if review.sent_back_reason else ""
            case "waiting":
                return _("by %(author)s") % {"author": name_of(review.author)}
            case "sent_back":
                return Truncator(review.sent_back_reason).chars(80)
            case "scheduled":
                return _("in %(time)s") % {"time": timeuntil(review.publish_at, now, depth=2)}
            case "published_today":
                return formats.time_format(timezone.localtime(review.publish_at), "TIME_FORMAT")
            case "out_of_date":
                return _("%(language)s edition") % {"language": review.get_language_display()}
        return ""


REVIEW_PANELS = [
    ReviewPanel(
        "my_drafts",
        gettext_lazy("My drafts"),
        "reviews.add_review",
        gettext_lazy("No draft of yours."),
        ("-updated_at", "-pk"),
        {"publication": "draft", "whose": "mine"},
    ),
    ReviewPanel(
        "sent_back",
        gettext_lazy("Sent back to me"),
        "reviews.add_review",
        gettext_lazy("Nothing was sent back to you."),
        ("-updated_at", "-pk"),
        {"whose": "sent_back"},
    ),
    ReviewPanel(
        "waiting",
        gettext_lazy("Waiting for review"),
        "reviews.change_review",
        gettext_lazy("No review waits."),
        ("updated_at", "pk"),
        {"publication": "in_review"},
    ),
    ReviewPanel(
        "scheduled",
        gettext_lazy("Scheduled"),
        "reviews.view_review",
        gettext_lazy("Nothing is scheduled."),
        ("publish_at", "pk"),
        {"publication": "scheduled"},
    ),
    ReviewPanel(
        "published_today",
        gettext_lazy("Published today"),
        "reviews.view_review",
        gettext_lazy("Nothing published yet today."),
        ("-publish_at", "-pk"),
        {"publication": "today"},
    ),
    ReviewPanel(
        "out_of_date",
        gettext_lazy("Editions out of date"),
        "reviews.change_review",
        gettext_lazy("Every edition follows its source."),
        ("-updated_at", "-pk"),
        {"publication": "out_of_date"},
    ),
]


def review_list_address(filters: dict) -> str:
    return f"{reverse('admin:reviews_review_changelist')}?{urlencode(filters)}"


def desk_for(user, *, now=None) -> list[DeskPanel]:
    """The panels `user` may see, in order. At most 12 queries, whatever the archive holds."""
    now = now or timezone.now()
    panels = [panel for panel in REVIEW_PANELS if user.has_perm(panel.permission)]
    shown = review_panels(panels, user, now)
    if user.has_perm(MAY_TAG):
        shown.append(tagging_panel())
    if may_comment(user):
        shown.append(conversation_panel(user))
    if user.has_perm(MAY_SEE_SUBSCRIBERS):
        shown.append(newsletter_panel())
    return shown


def review_panels(panels: list[ReviewPanel], user, now) -> list[DeskPanel]:
    if not panels:
        return []
    conditions = {panel.key: panel.condition(user, now) for panel in panels}
    # One query for every count, reading only the rows some panel wants (the status index
    # finds them: drafts, reviews in review and recent publications are few).
    counts = Review.objects.filter(reduce(or_, conditions.values())).aggregate(
        **{key: Count("pk", filter=condition) for key, condition in conditions.items()}
    )
    shown = []
    for panel in panels:
        reviews = (
            Review.objects.filter(conditions[panel.key])
            .select_related("author")
            .order_by(*panel.ordering)[:SHOWN]
        )
        shown.append(
            DeskPanel(
                key=panel.key,
                title=str(panel.title),
                count=counts[panel.key],
                link=review_list_address(panel.filters),
                empty=str(panel.empty),
                items=[
                    DeskItem(
                        label=review.title,
                        link=reverse("admin:reviews_review_change", args=[review.pk]),
                        note=panel.note(review, now),
                    )
                    for review in reviews
                ],
            )
        )
    return shown


def tagging_panel() -> DeskPanel:
    stories = untagged_stories()
    newest = stories.select_related("outlet").order_by("-review__review_date", "-pk")[:SHOWN]
    return DeskPanel(
        key="untagged",
        title=_("Stories to tag"),
        count=stories.count(),
        link=reverse("admin:reviews_storytotag_changelist") + "?tagged=no",
        empty=_("Every story has its tags."),
        items=[
            DeskItem(
                label=story.headline,
                link=reverse("admin:reviews_storytotag_change", args=[story.pk]),
                note=story.outlet.name,
            )
            for story in newest
        ],
    )


def conversation_panel(user) -> DeskPanel:
    """What the team says to me: comments by others on my reviews and those mentioning me, in
    threads still open, newest first."""
    waiting = Comment.objects.filter(concerning_q(user)).open()
    latest = waiting.select_related("author", "review").order_by("-created_at", "-pk")[:SHOWN]
    return DeskPanel(
        key="conversation",
        title=_("Comments and mentions"),
        count=waiting.count(),
        link=f"{reverse('admin:reviews_comment_changelist')}?"
        + urlencode({"concerning": "me", "state": "open"}),
        empty=_("No open comment on your reviews or mentioning you."),
        items=[
            DeskItem(
                label=Truncator(comment.body).chars(80),
                link=comment_address(comment),
                note=_("%(actor)s on %(title)s")
                % {"actor": name_of(comment.author), "title": quoted_title(comment.review)},
            )
            for comment in latest
        ],
    )


def newsletter_panel() -> DeskPanel:
    """Who receives the newsletter: confirmed subscribers, and subscriptions per kind."""
    subscribers, per_kind = counts()
    return DeskPanel(
        key="newsletter",
        title=_("Newsletter subscribers"),
        count=subscribers,
        link=reverse("admin:reviews_subscriber_changelist"),
        empty=_("Nobody has confirmed a subscription yet."),
        items=[
            DeskItem(
                label=f"{label}: {per_kind[kind]}",
                link=reverse("admin:reviews_subscriber_changelist"),
            )
            for kind, label in SubscriptionKind.choices
        ],
    )
