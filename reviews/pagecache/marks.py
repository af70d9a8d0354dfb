"""Which views the page cache stores: those marked `@public_page`, and no other.

A class's mark is its own, never inherited: a view built on a public one (the share-link
preview on the review page) is stored only if it says so. Every address of the reader site
is marked one way or the other (tests/pagecache/test_public_pages.py).
"""

import functools

PUBLIC = "public"
PRIVATE = "private"
MARK = "page_cache"


def public_page(view):
    """Store this view's pages for anonymous readers: on a class-based view or feed class, or
    around a view function (a marked copy, so that Django's own views stay unchanged)."""
    return _marked(view, PUBLIC)


def private_page(view):
    """Never store this view's pages, whatever it is built on."""
    return _marked(view, PRIVATE)


def _marked(view, kind: str):
    if isinstance(view, type):
        setattr(view, MARK, kind)
        return view

    @functools.wraps(view)
    def marked(*args, **kwargs):
        return view(*args, **kwargs)

    setattr(marked, MARK, kind)
    return marked


def page_kind(view) -> str | None:
    """PUBLIC, PRIVATE or None (unmarked) for a resolved view (`ResolverMatch.func`): a view
    function, the function `as_view()` made, or a callable instance such as a feed."""
    own = getattr(view, "__dict__", {}).get(MARK)
    if own is not None:
        return own
    view_class = getattr(view, "view_class", None) or type(view)
    return vars(view_class).get(MARK)
