"""The header's language switcher and the `hreflang` alternates (docs/ARCHITECTURE.md,
"Editions"). A review page passes `edition_addresses`, the addresses of its published
editions by language; every other page links each language's home."""

from django import template
from django.conf import settings
from django.utils import translation

from reviews.addresses import address

register = template.Library()


def home_of(language: str) -> str:
    with translation.override(language):
        return address("reviews:home")


@register.inclusion_tag("includes/_language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """A link to each other language: the same review's published edition, else its home."""
    editions = context.get("edition_addresses") or {}
    current = translation.get_language()
    return {
        "languages": [
            {"code": code, "name": name, "address": editions.get(code) or home_of(code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }


@register.simple_tag(takes_context=True)
def hreflang_alternates(context) -> list[dict]:
    """The published editions of this page's review, absolute, when it has more than one."""
    editions, request = context.get("edition_addresses") or {}, context.get("request")
    if len(editions) < 2 or request is None:
        return []
    return [
        {"code": code, "address": request.build_absolute_uri(path)}
        for code, path in editions.items()
    ]
