"""The newsletter in the back office: subscribers (with a GDPR export and erasure), the send
log, and on each review's page its email preview, a test send to oneself and its send log.
Editors only: the email shows a review before it is public."""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from reviews.admin.records import ReadOnlyAdminMixin
from reviews.models import Delivery, Subscriber, Subscription
from reviews.newsletter import subscriptions
from reviews.newsletter.emails import review_email
from reviews.newsletter.tasks import send_test

MAY_EDIT_REVIEWS = "reviews.change_review"
LIVE = Q(subscriptions__confirmed_at__isnull=False)


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    fields = ["kind", "section", "outlet", "expert", "tag", "language", "frequency", "confirmed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "confirmed_at", "following"]
    search_fields = ["email"]
    fields = ["email", "created_at", "confirmed_at"]
    readonly_fields = fields
    inlines = [SubscriptionInline]
    actions = ["export_data", "erase"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(following=Count("subscriptions", filter=LIVE))

    @admin.display(description=gettext_lazy("confirmed subscriptions"), ordering="following")
    def following(self, subscriber):
        return subscriber.following

    def has_add_permission(self, request):
        return False  # only a reader signs up, and confirms

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "erase" says what it does
        if not self.has_delete_permission(request):
            actions.pop("erase", None)
        return actions

    @admin.action(description=gettext_lazy("Export the data of the selected subscriber (JSON)"))
    def export_data(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one subscriber to export."), messages.WARNING)
            return None
        subscriber = queryset.get()
        response = HttpResponse(
            json.dumps(subscriptions.export(subscriber), indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="newsletter-subscriber.json"'
        return response

    @admin.action(
        description=gettext_lazy("Erase the selected subscribers and their send log (GDPR)"),
        permissions=["delete"],
    )
    def erase(self, request, queryset):
        count = 0
        for subscriber in queryset:
            subscriptions.erase(subscriber=subscriber)
            count += 1
        self.message_user(
            request, _("Erased %(count)d subscribers and their send log.") % {"count": count}
        )


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The send log: one row per review and subscriber, with what happened."""

    list_display = ["review", "subscriber", "digest", "status", "attempts", "error", "sent_at"]
    list_filter = ["status", "digest"]
    list_select_related = ["review", "subscriber"]
    search_fields = ["subscriber__email", "review__title"]
    readonly_fields = [field.name for field in Delivery._meta.fields]


class NewsletterAdminMixin:
    """ReviewAdmin's "Email preview", "Send test to me" and "Send log" tools."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/email-preview/",
                wrap(self.email_preview_view),
                name="{}_{}_email_preview".format(*info),
            ),
            path(
                "<path:object_id>/email-test/",
                wrap(require_POST(self.email_test_view)),
                name="{}_{}_email_test".format(*info),
            ),
            *super().get_urls(),
        ]

    def editable_review(self, request, object_id):
        if not request.user.has_perm(MAY_EDIT_REVIEWS):
            raise PermissionDenied
        return self.get_review_or_404(request, object_id)

    def email_preview_view(self, request, object_id):
        """The HTML email as subscribers will get it (its links to manage are inert here)."""
        review = self.editable_review(request, object_id)
        email = review_email(review, to=request.user.email or "editor@localhost", subscriber=None)
        html = email.alternatives[0][0]
        if request.GET.get("format") == "text":
            return HttpResponse(email.body, content_type="text/plain; charset=utf-8")
        response = HttpResponse(html)
        # The email's own styles are inline: allowed here, in this one sandboxed answer.
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        )
        return response

    def email_test_view(self, request, object_id):
        review = self.editable_review(request, object_id)
        if not request.user.email:
            messages.error(request, _("Your account has no email address to send the test to."))
        else:
            send_test.enqueue(review.pk, request.user.email)
            messages.success(
                request,
                _("A test of the email is on its way to %(address)s.")
                % {"address": request.user.email},
            )
        return HttpResponseRedirect(self.change_url(review))

    def newsletter_tools(self, review) -> dict:
        """The send log's counts for the review's page."""
        counts = dict(
            Delivery.objects.filter(review=review)
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        log = reverse("admin:reviews_delivery_changelist") + f"?review__id__exact={review.pk}"
        return {"counts": counts, "log": log, "total": sum(counts.values())}

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and request.user.has_perm(MAY_EDIT_REVIEWS):
            context["newsletter"] = self.newsletter_tools(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
