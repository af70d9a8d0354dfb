"""The review admin's "Preview", "Share preview" and "Revoke share links" tools."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import Review
from reviews.publishing.sharing import (
    ensure_preview_key,
    make_share_token,
    preview_max_age,
    revoke_preview_key,
)
from reviews.site.preview import ReviewPreviewView


class PreviewAdminMixin:
    """ReviewAdmin's "Preview", "Share preview" and "Revoke share links" tools.

    Preview is for whoever may view reviews (Editors, Moderators); share links are created
    and revoked only by those who may change the review (Editors).
    """

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["reviews/preview_tools.css"]})

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<path:object_id>/share-preview/",
                wrap(require_POST(self.share_preview_view)),
                name="{}_{}_share_preview".format(*info),
            ),
            path(
                "<path:object_id>/share-preview/revoke/",
                wrap(require_POST(self.revoke_share_preview_view)),
                name="{}_{}_revoke_share_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_review_or_404(self, request, object_id) -> Review:
        review = self.get_object(request, unquote(object_id))
        if review is None:
            raise Http404(_("No such review."))
        return review

    def change_url(self, review: Review) -> str:
        info = self.opts.app_label, self.opts.model_name
        return reverse(
            "admin:{}_{}_change".format(*info), args=[review.pk], current_app=self.admin_site.name
        )

    def preview_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        review = self.get_review_or_404(request, object_id)
        if not self.has_view_permission(request, review):
            raise PermissionDenied
        view = ReviewPreviewView.as_view(change_url=self.change_url(review))
        return view(request, pk=review.pk)

    def share_preview_view(self, request, object_id):
        review = self.get_review_or_404(request, object_id)
        if not self.has_change_permission(request, review):
            raise PermissionDenied
        ensure_preview_key(review)
        url = request.build_absolute_uri(
            reverse("reviews:review-share-preview", args=[make_share_token(review)])
        )
        expires = timezone.localtime() + datetime.timedelta(seconds=preview_max_age())
        messages.success(
            request,
            format_html(
                _(
                    "Share link for “{title}”, valid until {expires} ({zone}): "
                    '<a href="{url}" class="share-link">{url}</a> '
                    "Anyone holding it can read this review, and nothing else, without "
                    "logging in. “Revoke share links” stops every link at once, and so do "
                    "publishing and withdrawing."
                ),
                title=review.title,
                expires=formats.date_format(expires, "DATETIME_FORMAT"),
                zone=timezone.get_current_timezone_name(),
                url=url,
            ),
        )
        return HttpResponseRedirect(self.change_url(review))

    def revoke_share_preview_view(self, request, object_id):
        review = self.get_review_or_404(request, object_id)
        if not self.has_change_permission(request, review):
            raise PermissionDenied
        revoke_preview_key(review)
        messages.success(
            request,
            _("Every share link of “%(title)s” has stopped working.") % {"title": review.title},
        )
        return HttpResponseRedirect(self.change_url(review))
