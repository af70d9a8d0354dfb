"""The names of outlets, experts, sections and tags in the site's other languages, on their
forms: one field per translated field and language ("Name (Russian)"), read from and written
to the subject's translations (reviews.translations)."""

import hashlib
import json

from django import forms
from django.db import models
from django.utils.text import format_lazy

from reviews.translations import other_languages, translations_of


def translation_field_names(model, *fields: str) -> list[str]:
    """The form's fields for `model`'s translations (of `fields`, else all): `name_ru`,
    `position_ru`, ..."""
    fields = fields or getattr(model, "TRANSLATED", ("name",))
    return [f"{field}_{code}" for field in fields for code, _language in other_languages()]


def translation_fields(model) -> dict[str, forms.Field]:
    made = {}
    for field in getattr(model, "TRANSLATED", ("name",)):
        source = model._meta.get_field(field)
        for code, language in other_languages():
            made[f"{field}_{code}"] = forms.CharField(
                label=format_lazy("{} ({})", source.verbose_name, language),
                required=False,
                max_length=source.max_length,
                widget=forms.Textarea if isinstance(source, models.TextField) else None,
            )
    return made


class TranslationsFormMixin:
    """Fills the translation fields from the subject and reads them back
    (`cleaned_translations()`); a subject model's form sets its `translations` on clean.

    On a form that merges a stale save (reviews.publishing.editing), the names in other
    languages are merged field by field like the record's own: someone's Russian name is
    never replaced unseen by a save of the English one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.update(
                {
                    name: value
                    for name, value in self.stored_translations(self.instance).items()
                    if name not in self.initial
                }
            )

    def stored_translations(self, subject) -> dict[str, str]:
        """{form field: value} of `subject`'s names in other languages, as stored."""
        translations = translations_of(subject)
        values = {}
        for name in translation_field_names(self._meta.model):
            field, code = name.rsplit("_", 1)
            values[name] = (translations.get(code) or {}).get(field, "")
        return values

    def merge_fields(self) -> list[str]:
        return [*super().merge_fields(), *translation_field_names(self._meta.model)]

    def stored_values(self, record) -> dict:
        return {**super().stored_values(record), **self.stored_translations(record)}

    def fingerprint(self, record) -> str:
        # A tag's names in other languages are rows of their own, which the tag's
        # fingerprint does not see.
        translations = json.dumps(self.stored_translations(record), sort_keys=True)
        return super().fingerprint(record) + ":" + hashlib.sha256(translations.encode()).hexdigest()

    def cleaned_translations(self) -> dict:
        """{language: {field: value}}, without the empty ones: those fall back."""
        translations = {}
        for name in translation_field_names(self._meta.model):
            value = self.cleaned_data.get(name, "").strip()
            if value:
                field, code = name.rsplit("_", 1)
                translations.setdefault(code, {})[field] = value
        return translations


class SubjectTranslationsFormMixin(TranslationsFormMixin):
    def clean(self):
        cleaned = super().clean()
        self.instance.translations = self.cleaned_translations()
        return cleaned


def with_translations(
    form_class: type[forms.ModelForm], model, *, mixin=SubjectTranslationsFormMixin
) -> type[forms.ModelForm]:
    """`form_class` for `model` with a field per translated field and language."""
    return type(
        form_class.__name__,
        (mixin, form_class),
        {**translation_fields(model), "__module__": __name__},
    )
