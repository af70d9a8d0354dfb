"""The addresses a page gives of itself in its <head>: its canonical address, and those of
the pages before and after it in a list (rel=prev/next)."""

from django import template

register = template.Library()


def page_number(context) -> int:
    page = context.get("page_obj")
    return page.number if page else 1


@register.simple_tag(takes_context=True)
def canonical_address(context) -> str:
    """This page's address without its query, but for a list's page number (?page=3 is a page
    of its own). A filtered or sorted list is a view of the whole list: its canonical address
    is the list's, as it always was."""
    # A page rendered without the site's context processor (an error page) has none.
    canonical, request = context.get("canonical_url", ""), context.get("request")
    number = page_number(context)
    filtered = request is not None and any(
        value for name, values in request.GET.lists() if name != "page" for value in values
    )
    return f"{canonical}?page={number}" if number > 1 and not filtered else canonical


@register.simple_tag(takes_context=True)
def page_address(context, number: int) -> str:
    """The absolute address of page `number` of this list, filters kept (page 1 without
    `page=`)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    return f"{context['canonical_url']}?{query.urlencode()}" if query else context["canonical_url"]
