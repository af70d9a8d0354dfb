"""The old slugs of renamed or merged tags and experts, and where readers who follow them go."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.urls import reverse
from taggit.models import Tag

from reviews.finding.shortlists import SLUG
from reviews.models import Expert, SlugRedirect, published_tags


@dataclass(frozen=True)
class MovableSubject:
    """A kind of subject whose old slugs redirect: its model, and its public rows."""

    model: type[Model]
    public: Callable[[], QuerySet]


MOVABLE: dict[str, MovableSubject] = {
    SlugRedirect.Kind.TAG: MovableSubject(Tag, published_tags),
    SlugRedirect.Kind.EXPERT: MovableSubject(Expert, lambda: Expert.objects.published()),
}


def redirect_kind_for(model: type[Model]) -> str | None:
    """The SlugRedirect kind of `model`'s old slugs, or None if its slugs never move."""
    return next((kind for kind, subject in MOVABLE.items() if subject.model is model), None)


def public_ids(kind: str, ids: Iterable[int]) -> set[int]:
    """Those of `ids` that readers can see now: to be asked before a subject moves."""
    public = MOVABLE[kind].public().filter(pk__in=set(ids))
    return set(public.values_list("pk", flat=True))


def record_redirect(*, kind: str, old_slug: str, new_slug: str, was_public: bool) -> None:
    """Send `old_slug` to `new_slug` for good, keeping every redirect one hop long.

    `was_public` says whether readers could see the subject at `old_slug` just before it
    moved; only then is the old address ever followed.
    """
    if old_slug == new_slug:
        return
    redirects = SlugRedirect.objects.filter(kind=kind)
    # The new address is in use again: nothing may send it elsewhere.
    redirects.filter(old_slug=new_slug).delete()
    # Addresses that led to the old one now lead straight to the new one.
    redirects.filter(new_slug=old_slug).update(new_slug=new_slug)
    SlugRedirect.objects.update_or_create(
        kind=kind, old_slug=old_slug, defaults={"new_slug": new_slug, "was_public": was_public}
    )


def record_merge(*, kind: str, merged: Iterable[Model], into: Model, public: set[int]) -> None:
    """The slugs of the `merged` subjects lead to `into`'s; `public` (`public_ids()`, asked
    before the merge) says which of them readers could see."""
    for subject in merged:
        record_redirect(
            kind=kind, old_slug=subject.slug, new_slug=into.slug, was_public=subject.pk in public
        )


def moved_slugs(kind: str, slugs: Iterable[str]) -> dict[str, str]:
    """{old slug: current slug} for those of `slugs` that readers may follow.

    A slug is followed when no current subject has it (a current one wins, published or
    not), a redirect from it was recorded while the subject was public there, and the
    subject it leads to is public now: a redirect never reveals what readers may not see.
    Three queries at most, whatever the number of slugs.
    """
    subject = MOVABLE[kind]
    wanted = {slug for slug in slugs if SLUG.fullmatch(slug)}
    if not wanted:
        return {}
    taken = subject.model._default_manager.filter(slug__in=wanted).values_list("slug", flat=True)
    moves = dict(
        SlugRedirect.objects.filter(
            kind=kind, was_public=True, old_slug__in=wanted - set(taken)
        ).values_list("old_slug", "new_slug")
    )
    if not moves:
        return {}
    public = set(
        subject.public().filter(slug__in=set(moves.values())).values_list("slug", flat=True)
    )
    return {old: new for old, new in moves.items() if new in public}


def moved_subject_url(*, kind: str, slug: str, url_name: str) -> str | None:
    """Where the public page `url_name` of a renamed or merged tag or expert now lives, or
    None (see `moved_slugs` for when an old slug is followed)."""
    new_slug = moved_slugs(kind, [slug]).get(slug)
    if new_slug is None:
        return None
    return reverse(url_name, kwargs={"slug": new_slug})


def moved_page_url(request, *, kind: str, slug: str) -> str | None:
    """Where the page asked for at the old `slug` now lives, with the request's query string,
    or None: what a 301 from a public page (site or API) points to."""
    moved_to = moved_subject_url(kind=kind, slug=slug, url_name=request.resolver_match.view_name)
    if moved_to is None:
        return None
    query = request.META.get("QUERY_STRING", "")
    return f"{moved_to}?{query}" if query else moved_to
