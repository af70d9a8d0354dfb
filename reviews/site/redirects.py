"""A public page of a renamed or merged tag or expert, asked for at its old slug, answers 301."""

from django.http import Http404, HttpResponsePermanentRedirect

from reviews.vocabulary.redirects import moved_page_url


def redirect_if_moved(request, *, kind: str, slug: str) -> HttpResponsePermanentRedirect | None:
    """A 301 from this old address to the same page of the current subject, if it moved."""
    moved_to = moved_page_url(request, kind=kind, slug=slug)
    return None if moved_to is None else HttpResponsePermanentRedirect(moved_to)


class FollowsSlugRedirectsView:
    """For a public view of a tag or expert by slug: a page not found at an old slug of a
    renamed or merged subject answers 301 to its current page instead."""

    slug_redirect_kind = ""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = redirect_if_moved(request, kind=self.slug_redirect_kind, slug=kwargs["slug"])
            if moved is None:
                raise
            return moved


class FollowsSlugRedirectsFeed:
    """The same for a subject's feed (a `Feed` is called, not dispatched)."""

    slug_redirect_kind = ""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            moved = redirect_if_moved(request, kind=self.slug_redirect_kind, slug=kwargs["slug"])
            if moved is None:
                raise
            return moved
