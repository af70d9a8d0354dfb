"""The newsroom in the admin's pages: the inbox link with its unread count in every page's
header (templates/admin/base_site.html), the desk on the index (templates/admin/index.html)."""

from django import template
from django.urls import reverse

from reviews.newsroom.desk import desk_for
from reviews.newsroom.notifications import unread_count

register = template.Library()


@register.inclusion_tag("admin/reviews/notification/_inbox_link.html", takes_context=True)
def inbox_link(context):
    """One query: the number of unread notifications, read from a partial index."""
    user = context["request"].user
    return {
        "unread": unread_count(user),
        "inbox": reverse("admin:reviews_notification_changelist"),
    }


@register.inclusion_tag("admin/reviews/_desk.html", takes_context=True)
def desk(context):
    return {"panels": desk_for(context["request"].user)}
