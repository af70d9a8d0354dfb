"""`{{ outlet|translated }}`, `{{ expert|translated:"position" }}`: a name (or another
translated field) in the active language, else the default language's (reviews.translations).
A builtin of the project's templates (settings.TEMPLATES)."""

from django import template

from reviews.translations import translated as translated_field

register = template.Library()


@register.filter
def translated(subject, field: str = "name") -> str:
    return translated_field(subject, field)
