"""A public page of a renamed or merged tag or expert, asked for at its old slug, answers 301."""

from pressreview.http.moved import answer_or_moved
from reviews.vocabulary.redirects import moved_page_url


class FollowsSlugRedirectsView:
    """For a public view of a tag or expert by slug: a page not found at an old slug of a
    renamed or merged subject answers 301 to its current page instead."""

    slug_redirect_kind = ""

    def get(self, request, *args, **kwargs):
        get = super().get
        return answer_or_moved(
            lambda: get(request, *args, **kwargs),
            lambda: moved_page_url(request, kind=self.slug_redirect_kind, slug=kwargs["slug"]),
        )


class FollowsSlugRedirectsFeed:
    """The same for a subject's feed (a `Feed` is called, not dispatched)."""

    slug_redirect_kind = ""

    def __call__(self, request, *args, **kwargs):
        call = super().__call__
        return answer_or_moved(
            lambda: call(request, *args, **kwargs),
            lambda: moved_page_url(request, kind=self.slug_redirect_kind, slug=kwargs["slug"]),
        )
