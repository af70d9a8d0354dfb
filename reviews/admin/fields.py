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


# Editors paste addresses without a scheme; assume https, as Django 6 will.
URL_FIELDS_ASSUME_HTTPS = {
    models.URLField: {"form_class": WebAddressField, "assume_scheme": "https"}
}
