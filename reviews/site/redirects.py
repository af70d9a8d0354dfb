"""A public page of a renamed or merged tag or expert, asked for at its old slug, answers 301."""

from pressreview.http.moved import answer_or_moved
from reviews.vocabulary.redirects import moved_page_url


class FollowsSlugRedirects:
    slug_redirect_kind = ""

    def answer_or_moved(self, request, answer, slug: str):
        return answer_or_moved(
            answer, lambda: moved_page_url(request, kind=self.slug_redirect_kind, slug=slug)
        )


class FollowsSlugRedirectsView(FollowsSlugRedirects):
    """For a public view of a tag or expert by slug: a page not found at an old slug of a
    renamed or merged subject answers 301 to its current page instead."""

    def get(self, request, *args, **kwargs):
        get = super().get
        return self.answer_or_moved(request, lambda: get(request, *args, **kwargs), kwargs["slug"])


class FollowsSlugRedirectsFeed(FollowsSlugRedirects):
    """The same for a subject's feed (a `Feed` is called, not dispatched)."""

    def __call__(self, request, *args, **kwargs):
        call = super().__call__
        return self.answer_or_moved(request, lambda: call(request, *args, **kwargs), kwargs["slug"])
