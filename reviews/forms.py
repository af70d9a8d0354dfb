"""Forms of the editorial back office."""

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from reversion.models import Version

from .models import Review

# The fields a conflict message compares with the saved version.
COMPARED_FIELDS = ["title", "slug", "dateline_city", "review_date", "lede", "disclaimer"]


class ReviewAdminForm(forms.ModelForm):
    """The review form, with a check that nobody saved the review since it was opened.

    `version` travels in a hidden field. If the database holds a newer version when the
    form comes back, the save is refused and the form shows the editor's input untouched,
    with what changed meanwhile. The hidden field then carries the newer version, so that
    saving again, after reading the differences, knowingly replaces them.
    """

    class Meta:
        model = Review
        fields = [
            "title",
            "slug",
            "section",
            "dateline_city",
            "review_date",
            "lede",
            "disclaimer",
            "publish_at",
            "version",
        ]
        widgets = {"version": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "version" in self.fields:
            # A new review starts at the model's default; only changes compare versions.
            self.fields["version"].required = False
        if "publish_at" in self.fields:
            self.fields["publish_at"].help_text = _(
                "Readers see a published review from this moment on. Times are in the "
                "newsroom's time zone, %(zone)s."
            ) % {"zone": settings.TIME_ZONE}

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or "version" not in self.fields:
            return cleaned
        # Locked until the save commits, so that two saves cannot both pass this check.
        current = Review.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise forms.ValidationError(_("This review has been deleted meanwhile."))
        if cleaned.get("version") != current.version:
            data = self.data.copy()
            data[self.add_prefix("version")] = current.version
            self.data = data
            raise forms.ValidationError(self.conflict_message(current, cleaned))
        return cleaned

    def conflict_message(self, current: Review, cleaned: dict) -> str:
        latest = Version.objects.get_for_object(current).select_related("revision__user").first()
        who = latest.revision.user if latest and latest.revision.user else None
        when = formats.date_format(current.updated_at, "DATETIME_FORMAT")
        lines = [
            _(
                "Not saved: %(who)s saved this review at %(when)s, after you opened it. "
                "Your changes are still in the form below."
            )
            % {"who": who or _("someone else"), "when": when}
        ]
        differences = [
            _("%(field)s: “%(value)s”.")
            % {
                "field": Review._meta.get_field(name).verbose_name.capitalize(),
                "value": getattr(current, name),
            }
            for name in COMPARED_FIELDS
            if name in cleaned and cleaned[name] != getattr(current, name)
        ]
        if differences:
            lines.append(_("The saved version differs from yours here:"))
            lines.extend(differences)
        else:
            lines.append(_("Its fields match yours; its stories may differ."))
        lines.append(
            _(
                "Check, then save again to replace the saved version with yours, or reload "
                "the page to drop your changes."
            )
        )
        return " ".join(str(line) for line in lines)
