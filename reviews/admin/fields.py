"""Form fields the admin's pages share."""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebAddressField(forms.URLField):
    """An http(s) address: readers follow these links, so no javascript:, data: or ftp:."""

    default_validators = [
        URLValidator(
            schemes=["http", "https"],
            message=_("Enter a web address, starting with https:// or http://."),
        )
    ]


class PlainTextField(forms.CharField):
    """Text as stored: a browser posts a text box's line breaks as CR LF, which would make
    every untouched body a change (history, merges) and store two kinds of line break."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


# For every admin that edits content: editors paste addresses without a scheme (assume
# https, as Django 6 will), and text keeps one kind of line break.
FORM_FIELDS = {
    models.URLField: {"form_class": WebAddressField, "assume_scheme": "https"},
    models.TextField: {"form_class": PlainTextField},
}
