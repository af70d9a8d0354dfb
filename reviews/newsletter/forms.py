"""The sign-up form of the public pages and the subscriber's own manage form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.newsletter.models import Frequency
from reviews.newsletter.subscriptions import BadAddress, check_address


class SignUpForm(forms.Form):
    email = forms.CharField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "max_length": _("An email address is at most 254 characters long."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.AT_ONCE,
        widget=forms.RadioSelect,
    )
    # "Every review" or a section's pk, on the newsletter's own page (subject "site").
    follow = forms.CharField(required=False)
    # The signed subject of the page the form is on (reviews.newsletter.tokens.form_token).
    form = forms.CharField(widget=forms.HiddenInput)
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False)

    def clean_email(self):
        try:
            return check_address(self.cleaned_data["email"])
        except BadAddress as error:
            raise forms.ValidationError(str(error)) from error
