"""Forms of the editorial back office."""

from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from reviews.models import Review, Story
from reviews.publishing.editing import (
    REVIEW_FIELDS,
    STORY_FIELDS,
    BookkeepingField,
    MergingFormMixin,
)


class ReviewAdminForm(MergingFormMixin, forms.ModelForm):
    """The review form: a stale save is merged with what changed meanwhile, field by field
    and story by story, or refused with the choices to make (reviews.publishing.editing)."""

    merge_fields = REVIEW_FIELDS
    version = BookkeepingField(required=False)

    class Meta:
        model = Review
        fields = REVIEW_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_merge_fields()
        if "language" in self.fields:
            # Left empty, the site's default language (an edition's is read-only).
            self.fields["language"].required = False
        if "publish_at" in self.fields:
            self.fields["publish_at"].help_text = _(
                "Readers see a published review from this moment on. Times are in the "
                "newsroom's time zone, %(zone)s."
            ) % {"zone": settings.TIME_ZONE}

    def review_of(self, instance):
        return instance

    def clean_language(self):
        return self.cleaned_data.get("language") or settings.LANGUAGE_CODE

    @cached_property
    def changed_data(self) -> list[str]:
        # A language left empty is the default it already was: not a change for the history.
        cleaned = getattr(self, "cleaned_data", {})
        return [
            name
            for name in super().changed_data
            if not (name == "language" and cleaned.get(name) == self.initial.get(name))
        ]

    def record(self):
        return "review"


class StoryAdminForm(MergingFormMixin, forms.ModelForm):
    """A story's own page: one part of its review, merged and refused like the review form."""

    version_field = "review_version"
    merge_fields = STORY_FIELDS
    review_version = BookkeepingField(required=False)

    class Meta:
        model = Story
        # The admin adds "link", with its https-assuming field (reviews.admin.reviews).
        fields = ["review", "position", "outlet", "headline", "body", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_merge_fields()

    def review_of(self, instance):
        return Review.objects.get(pk=instance.review_id)

    def record(self):
        return f"story:{self.instance.pk}"

    def record_label(self):
        return _("Story %(position)s") % {"position": self.instance.position}
