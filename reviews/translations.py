"""Names per language: an outlet's, expert's, section's or tag's name (and an expert's
position, an outlet's description) in each of the site's languages, falling back to the
default language's. See docs/ARCHITECTURE.md, "Names per language".

Outlets, experts and sections keep theirs in a `translations` column,
`{"ru": {"name": "…", "position": "…"}}`, read with the row (no query more); taggit's
tags, whose table is not ours, in `TagTranslation` rows, fetched with the tag.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag


def default_language() -> str:
    return settings.LANGUAGE_CODE


def other_languages() -> list[tuple[str, str]]:
    """The site's languages other than the default, as (code, name): those a name may be
    given in besides the default's."""
    return [(code, name) for code, name in settings.LANGUAGES if code != default_language()]


def active_language() -> str:
    """The language pages are shown in now, as a code of settings.LANGUAGES ("ru" for
    "ru-ru"), or the default language."""
    language = (get_language() or default_language()).split("-")[0]
    return language if any(code == language for code, _name in settings.LANGUAGES) else ""


def current_language() -> str:
    """The language of the page being served (pressreview.http.language) as a code of
    settings.LANGUAGES: what each language's lists and counts are of."""
    return active_language() or default_language()


class Translated(models.Model):
    """A model whose `TRANSLATED` fields have a value per language in `translations`."""

    TRANSLATED: tuple[str, ...] = ("name",)

    translations = models.JSONField(
        _("in other languages"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def translated_names(self) -> list[str]:
        """Its name in every other language it has one in."""
        return names_in_other_languages(self.translations)


def names_in_other_languages(translations: dict) -> list[str]:
    return [
        name
        for code, _name in other_languages()
        if (name := (translations.get(code) or {}).get("name", "").strip())
    ]


def translations_of(subject) -> dict:
    """`subject`'s translations: its own column, or a tag's row fetched with it (one
    query more when it was not)."""
    if isinstance(subject, Tag):
        return subject.translation.translations if hasattr(subject, "translation") else {}
    return getattr(subject, "translations", None) or {}


def translated(subject, field: str = "name", language: str | None = None) -> str:
    """`subject`'s `field` in `language` (the active one by default), else in the default
    language."""
    language = language or active_language()
    if language and language != default_language():
        value = (translations_of(subject).get(language) or {}).get(field, "")
        if value.strip():
            return value
    return getattr(subject, field)


def tag_translations(tags) -> list:
    """The TagTranslation rows of `tags` that have one (fetched with them)."""
    return [tag.translation for tag in tags if hasattr(tag, "translation")]


def name_in_language(path: str):
    """The name of the outlet, expert, section or tag at `path` ("story__outlet", "tag")
    as the database reads it in the active language, else the default's: for tallies that
    group by names (reviews.tallies)."""
    language = active_language()
    default = F(f"{path}__name")
    if not language or language == default_language():
        return default
    is_tag = path.rsplit("__", 1)[-1] == "tag"
    translations = f"{path}__translation__translations" if is_tag else f"{path}__translations"
    name = KeyTextTransform("name", KeyTransform(language, translations))
    return Coalesce(NullIf(name, Value("")), default, output_field=models.CharField())
