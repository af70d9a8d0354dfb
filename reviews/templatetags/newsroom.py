"""The newsroom in the admin's pages: the inbox link with its unread count in every page's
header (templates/admin/base_site.html), the desk on the index (templates/admin/index.html)."""

from django import template
from django.urls import reverse

from reviews.newsroom.desk import desk_for
from reviews.newsroom.notifications import UNREAD_SHOWN, unread_count

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
    return {"panels": desk_for(user) if user is not None and user.is_authenticated else []}
