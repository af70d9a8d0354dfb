"""`{% newsletter_form kind subject heading %}`: the sign-up form for a page's subject (an
outlet, expert or tag; "all" for every review), the same for every reader of the page."""

from django import template

from reviews.newsletter.tokens import form_token

register = template.Library()


@register.inclusion_tag("includes/_newsletter_form.html")
def newsletter_form(
    kind: str, subject=None, heading: str = "", prefix: str = "newsletter", compact: bool = False
):
    """`compact`: the address alone, for every review at once (the footer of every page)."""
    key = kind if subject is None else f"{kind}:{subject.pk}"
    return {"form_token": form_token(key), "heading": heading, "prefix": prefix, "compact": compact}
