"""Staff preview and signed share-preview links of unpublished reviews.

Both show a review exactly as readers will see it: the public `ReviewDetailView` and its
template, only with the review fetched from all reviews rather than from `published()`.
Everything around it (previous and next, related reviews) still comes from `published()`,
so a preview reveals no other unpublished review.

A share link is `/preview/<token>/`, where the token is the review's pk and its
`preview_key`, signed with a timestamp (`django.core.signing`, own salt). It opens that one
review for `PRESSREVIEW_PREVIEW_MAX_AGE` seconds (48 hours by default). Emptying the key
revokes every link of the review at once: the editor's "Revoke share links" does, and so
does every change of status into or out of publication (`services.ends_share_links`). A
bad, expired or revoked token answers 404, as if there were nothing there.
"""

import datetime
import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .models import Review
from .views import ReviewDetailView, stories_for_display

SHARE_TOKEN_SALT = "reviews.preview.share-link"
DEFAULT_PREVIEW_MAX_AGE = 48 * 60 * 60


def preview_max_age() -> int:
    """How long a share link works, in seconds."""
    return int(getattr(settings, "PRESSREVIEW_PREVIEW_MAX_AGE", DEFAULT_PREVIEW_MAX_AGE))


def make_share_token(review: Review) -> str:
    """A signed, timestamped token naming the review and its current preview key."""
    if not review.preview_key:
        raise ValueError("The review has no preview key: call ensure_preview_key() first.")
    return signing.dumps([review.pk, review.preview_key], salt=SHARE_TOKEN_SALT)


def read_share_token(token: str) -> tuple[int, str] | None:
    """The (pk, preview key) a valid, unexpired token was made for, or None."""
    try:
        payload = signing.loads(token, salt=SHARE_TOKEN_SALT, max_age=preview_max_age())
    except signing.BadSignature:  # also SignatureExpired
        return None
    match payload:
        case [int() as pk, str() as key] if key:
            return pk, key
    return None


def ensure_preview_key(review: Review) -> str:
    """Give the review a preview key unless it has one; return the key now in force.

    The key is written with a conditional UPDATE, so that two editors sharing at the same
    moment end up with one key (neither invalidates the other's link), and so that sharing
    is not an edit: no new version, revision or modification time.
    """
    Review.objects.filter(pk=review.pk, preview_key="").update(
        preview_key=secrets.token_urlsafe(16)
    )
    review.preview_key = Review.objects.values_list("preview_key", flat=True).get(pk=review.pk)
    return review.preview_key


def revoke_preview_key(review: Review) -> None:
    """Stop every share link of the review at once."""
    Review.objects.filter(pk=review.pk).update(preview_key="")
    review.preview_key = ""


class ReviewPreviewView(ReviewDetailView):
    """The public review page for any review, whatever its state (staff only: see the admin)."""

    template_name = "reviews/review_preview.html"
    # The admin passes the change form's address, to link back to it from the banner.
    change_url = None

    def get_queryset(self):
        # The public view's select_related / prefetch_related, over all reviews.
        return Review.objects.select_related("section").prefetch_related(
            Prefetch("stories", queryset=stories_for_display())
        )

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(change_url=self.change_url, **kwargs)

    def structured_data(self) -> list[dict]:
        # Search engines are kept out of previews; a draft has no publication to describe.
        if self.object.publish_at is None:
            return []
        return super().structured_data()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@method_decorator(never_cache, name="dispatch")
class ReviewSharePreviewView(ReviewPreviewView):
    """`/preview/<token>/`: one review for whoever holds a valid share link, no login."""

    def get_object(self, queryset=None):
        signed = read_share_token(self.kwargs["token"])
        if signed is None:
            raise Http404("No such preview.")
        pk, key = signed
        review = get_object_or_404(self.get_queryset(), pk=pk)
        if not review.preview_key or not constant_time_compare(review.preview_key, key):
            raise Http404("No such preview.")
        return review

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # The token is the credential: keep it out of Referer headers, even same-origin.
        response["Referrer-Policy"] = "no-referrer"
        return response


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
