"""The inbox (each person's notifications, as the notifications' change list) and each
person's notification settings. The unread count in every page's header and the desk on the
index come from template tags (reviews/templatetags/newsroom.py)."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from reviews.admin.records import ReadOnlyAdminMixin
from reviews.models import Notification, NotificationKind
from reviews.newsroom import notifications
from reviews.newsroom.notifications import Choice


class ReadFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("unread", _("Unread")), ("read", _("Read"))]

    def queryset(self, request, queryset):
        match self.value():
            case "unread":
                return queryset.unread()
            case "read":
                return queryset.filter(read_at__isnull=False)
        return queryset


class PreferencesForm(forms.Form):
    """Two boxes per kind of notification: in the back office, by email."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = notifications.kinds_for(user)
        current = notifications.preferences_of(user)
        for kind in self.kinds:
            label = NotificationKind(kind).label
            self.fields[f"{kind}-inbox"] = forms.BooleanField(
                label=_("%(kind)s: in the back office") % {"kind": label},
                required=False,
                initial=current[kind].in_inbox,
            )
            self.fields[f"{kind}-email"] = forms.BooleanField(
                label=_("%(kind)s: by email") % {"kind": label},
                required=False,
                initial=current[kind].by_email,
            )

    def rows(self):
        for kind in self.kinds:
            yield NotificationKind(kind).label, self[f"{kind}-inbox"], self[f"{kind}-email"]

    def choices(self) -> dict[str, Choice]:
        return {
            kind: Choice(
                in_inbox=self.cleaned_data[f"{kind}-inbox"],
                by_email=self.cleaned_data[f"{kind}-email"],
            )
            for kind in self.kinds
        }


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Everyone on the staff has an inbox, and sees only their own notifications in it."""

    change_list_template = "admin/reviews/notification/change_list.html"
    list_display = ["summary_link", "detail_excerpt", "received"]
    list_display_links = None
    list_filter = [ReadFilter, "kind"]
    search_fields = ["summary", "detail"]
    list_per_page = 50
    actions = ["mark_selected_read", "mark_selected_unread"]

    class Media:
        css = {"all": ["reviews/newsroom.css"]}

    def get_queryset(self, request):
        return Notification.objects.inbox_of(request.user)

    # Everyone's own inbox, whatever their model permissions; nothing is added or edited
    # here, only read.

    def is_staff(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.is_staff(request)

    def has_view_permission(self, request, obj=None):
        return self.is_staff(request) and (obj is None or obj.recipient_id == request.user.pk)

    # The list

    @admin.display(description=_("notification"), ordering="created_at")
    def summary_link(self, notification):
        return format_html(
            '<a class="{}" href="{}">{}</a>',
            "notification-read" if notification.is_read else "notification-unread",
            reverse("admin:reviews_notification_open", args=[notification.pk]),
            notification.summary,
        )

    @admin.display(description=_("detail"))
    def detail_excerpt(self, notification):
        return Truncator(notification.detail).chars(160)

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, notification):
        return formats.date_format(
            timezone.localtime(notification.created_at), "SHORT_DATETIME_FORMAT"
        )

    @admin.action(description=_("Mark selected notifications read"))
    def mark_selected_read(self, request, queryset):
        count = notifications.mark_read(
            user=request.user, ids=queryset.values_list("pk", flat=True)
        )
        self.message_user(
            request,
            ngettext(
                "Marked %(count)d notification read.", "Marked %(count)d notifications read.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected notifications unread"))
    def mark_selected_unread(self, request, queryset):
        count = notifications.mark_unread(
            user=request.user, ids=queryset.values_list("pk", flat=True)
        )
        self.message_user(
            request,
            ngettext(
                "Marked %(count)d notification unread.",
                "Marked %(count)d notifications unread.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    # Its own pages: open one, mark all read, the settings

    def get_urls(self):
        own = [
            path(
                "<int:pk>/open/",
                self.admin_site.admin_view(self.open_view),
                name="reviews_notification_open",
            ),
            path(
                "mark-all-read/",
                self.admin_site.admin_view(require_POST(self.mark_all_read_view)),
                name="reviews_notification_mark_all_read",
            ),
            path(
                "settings/",
                self.admin_site.admin_view(self.preferences_view),
                name="reviews_notification_preferences",
            ),
        ]
        return own + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = (extra_context or {}) | {
            "title": _("Inbox"),
            "unread_total": notifications.unread_count(request.user),
        }
        return super().changelist_view(request, extra_context)

    def open_view(self, request, pk):
        """Follow a notification's link, marking it read on the way."""
        notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
        notifications.mark_read(user=request.user, ids=[notification.pk])
        target = notification.link
        if not (
            target.startswith("/")
            and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        ):
            target = reverse("admin:reviews_notification_changelist")
        return HttpResponseRedirect(target)

    def mark_all_read_view(self, request):
        count = notifications.mark_read(user=request.user)
        self.message_user(
            request,
            ngettext(
                "Marked %(count)d notification read.", "Marked %(count)d notifications read.", count
            )
            % {"count": count}
            if count
            else _("Nothing was unread."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:reviews_notification_changelist"))

    def preferences_view(self, request):
        form = PreferencesForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            notifications.set_preferences(user=request.user, choices=form.choices())
            self.message_user(request, _("Your notification settings are saved."))
            return HttpResponseRedirect(reverse("admin:reviews_notification_preferences"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Notification settings"),
            "form": form,
            "email": request.user.email,
        }
        return TemplateResponse(request, "admin/reviews/notification/preferences.html", context)
