"""The newsroom in the admin's pages: the inbox link with its unread count in every page's
header (templates/admin/base_site.html), the desk on the index (templates/admin/index.html),
a comment's text with its mentions."""

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reviews.newsroom.comments import MAY_VIEW, MENTION
from reviews.newsroom.desk import desk_for
from reviews.newsroom.notifications import MAY_TAG, UNREAD_SHOWN, unread_count
from reviews.newsroom.output import weekly_output
from reviews.site.charts import column_chart

register = template.Library()


@register.inclusion_tag("admin/reviews/notification/_inbox_link.html", takes_context=True)
def inbox_link(context):
    """One query: the number of unread notifications, read from a partial index."""
    user = context.get("user")
    unread = unread_count(user) if user is not None and user.is_authenticated else 0
    return {
        "unread": unread,
        "shown": f"{UNREAD_SHOWN}+" if unread > UNREAD_SHOWN else unread,
        "inbox": reverse("admin:reviews_notification_changelist"),
    }


@register.inclusion_tag("admin/reviews/_desk.html", takes_context=True)
def desk(context):
    user = context.get("user")
    signed_in = user is not None and user.is_authenticated
    return {
        "panels": desk_for(user) if signed_in else [],
        "charts": desk_charts(user) if signed_in else [],
        "activity_log": reverse("admin:reviews_activity_changelist")
        if signed_in and user.has_perm(MAY_VIEW)
        else "",
    }


def desk_charts(user) -> list:
    """The newsroom's last weeks as charts: for those who may edit reviews (and the stories
    waiting for tags for those who may tag them)."""
    if not user.has_perm("reviews.change_review"):
        return []
    weeks = weekly_output()

    def chart(key: str, title: str, value: str, unit: str):
        return column_chart(
            key,
            title,
            [(week.monday, getattr(week, value)) for week in weeks],
            unit=unit,
            name=lambda monday: _("week of %(day)s") % {"day": formats.date_format(monday)},
            short_name=lambda monday: formats.date_format(monday, "j M"),
            period_heading=_("Week"),
        )

    charts = [
        chart("desk-published", _("Reviews published per week"), "published", _("Reviews")),
        chart(
            "desk-draft-to-publish",
            _("Hours from draft to publication (median of the week)"),
            "median_hours",
            _("Hours"),
        ),
    ]
    if user.has_perm(MAY_TAG):
        charts.append(
            chart(
                "desk-waiting-for-tags",
                _("Stories still waiting for tags, by week of their review"),
                "waiting_for_tags",
                _("Stories"),
            )
        )
    return charts


@register.filter
def comment_text(comment) -> str:
    """The comment's plain text, escaped, its lines kept, the colleagues it mentions in bold
    (other @names stay as written). Reads the prefetched `mentioned`."""
    known = {user.get_username().casefold() for user in comment.mentioned.all()}
    parts, start = [], 0
    for match in MENTION.finditer(comment.body):
        parts.append(escape(comment.body[start : match.start()]))
        if match.group(1).casefold() in known:
            parts.append(format_html('<strong class="comment-mention">{}</strong>', match[0]))
        else:
            parts.append(escape(match[0]))
        start = match.end()
    parts.append(escape(comment.body[start:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))
