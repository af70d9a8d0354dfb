"""Staff preview and signed share-preview links of unpublished reviews, through the public
review page; nothing around the review comes from outside `published()`. See docs/SECURITY.md,
"The share preview".
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from reviews.models import Review, Story
from reviews.pagecache.marks import private_page
from reviews.publishing.sharing import read_share_token
from reviews.site.views import ReviewDetailView


@private_page
class ReviewPreviewView(ReviewDetailView):
    """The public review page for any review, whatever its state (staff only: see the admin)."""

    template_name = "reviews/review_preview.html"
    # The admin passes the change form's address, to link back to it from the banner.
    change_url = None

    def get_queryset(self):
        # The public view's select_related / prefetch_related, over all reviews.
        return Review.objects.select_related("section").prefetch_related(
            Prefetch("stories", queryset=Story.objects.for_display())
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
        # In the edition's own language, whatever address (the admin's) it is opened at.
        with translation.override(self.object.language):
            response = super().render_to_response(context, **response_kwargs).render()
        response["Content-Language"] = self.object.language
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@private_page
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
