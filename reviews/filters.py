"""The reader's filters for /reviews/ and /stories/, with the public parameter names.

PRODUCT.md fixes the parameters: q, section, outlet (repeatable, any of), expert,
tag (repeatable, all of), date_after, date_before (inclusive, on the review date) and
ordering (-date or date). Choices come from published content only, so an outlet, expert
or tag that readers cannot see is as unknown as one that does not exist.
"""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Expert, Outlet, Review, Section, Story, published_tags
from .search import search_reviews, search_stories


class IsoDateInput(forms.DateInput):
    """A date picker that leaves out a value it cannot show (HTML allows only YYYY-MM-DD)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


class ReaderFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", _("This date is before the start date."))
        return cleaned


class DateOrderingFilter(django_filters.OrderingFilter):
    """`ordering=date` (oldest first) or `-date` (newest first, the default).

    Ties are broken by the next `date_fields` in the same direction, then by `then`, so that
    pages of a long list never overlap.
    """

    def __init__(self, *, date_fields, then=(), **kwargs):
        self.date_fields, self.then = list(date_fields), list(then)
        kwargs.setdefault("label", _("Order"))
        super().__init__(fields=((date_fields[0], "date"),), **kwargs)
        self.extra["choices"] = [("-date", _("Newest first")), ("date", _("Oldest first"))]
        self.extra["empty_label"] = None

    def filter(self, qs, value):
        if not value:
            return qs
        direction = "-" if value[0].startswith("-") else ""
        return qs.order_by(*(direction + name for name in self.date_fields), *self.then)


class ReaderFilterSet(django_filters.FilterSet):
    """What both lists share: text search, validation messages and date ordering."""

    q = django_filters.CharFilter(
        label=_("Words"), method="filter_text", max_length=200, widget=forms.SearchInput
    )

    def filter_text(self, queryset, name, value):
        raise NotImplementedError

    @staticmethod
    def section_filter(field_name):
        return django_filters.ModelChoiceFilter(
            label=_("Section"),
            field_name=field_name,
            queryset=Section.objects.all(),
            to_field_name="slug",
            empty_label=_("All sections"),
        )

    # Multiple-choice filters compare the chosen objects' slugs (to_field_name), so their
    # field_name ends in __slug.
    @staticmethod
    def outlet_filter(field_name, **kwargs):
        return django_filters.ModelMultipleChoiceFilter(
            label=_("Outlets"),
            field_name=field_name,
            queryset=Outlet.objects.published(),
            to_field_name="slug",
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    @staticmethod
    def expert_filter(field_name, **kwargs):
        return django_filters.ModelChoiceFilter(
            label=_("Expert"),
            field_name=field_name,
            queryset=Expert.objects.published(),
            to_field_name="slug",
            empty_label=_("Any expert"),
            **kwargs,
        )

    @staticmethod
    def tag_filter(field_name):
        # conjoined: every chosen tag must be there (one filter() call per tag).
        return django_filters.ModelMultipleChoiceFilter(
            label=_("Tags"),
            field_name=field_name,
            queryset=published_tags().order_by("name"),
            to_field_name="slug",
            conjoined=True,
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def date_filter(field_name, lookup_expr, label):
        """Inclusive bound on the review date, entered as YYYY-MM-DD."""
        return django_filters.DateFilter(
            label=label,
            field_name=field_name,
            lookup_expr=lookup_expr,
            input_formats=["%Y-%m-%d"],
            widget=IsoDateInput,
        )

    @staticmethod
    def ordering_filter(*date_fields, then=()):
        return DateOrderingFilter(date_fields=date_fields, then=then)


class ReviewFilter(ReaderFilterSet):
    section = ReaderFilterSet.section_filter("section")
    outlet = ReaderFilterSet.outlet_filter("stories__outlet__slug", distinct=True)
    expert = ReaderFilterSet.expert_filter("stories__citations__expert", distinct=True)
    tag = ReaderFilterSet.tag_filter("stories__tags__slug")
    date_after = ReaderFilterSet.date_filter("review_date", "gte", _("From"))
    date_before = ReaderFilterSet.date_filter("review_date", "lte", _("Until"))
    ordering = ReaderFilterSet.ordering_filter("review_date", "publish_at", "pk")

    class Meta:
        model = Review
        fields = []
        form = ReaderFilterForm

    def filter_text(self, queryset, name, value):
        return search_reviews(queryset, value)


class StoryFilter(ReaderFilterSet):
    section = ReaderFilterSet.section_filter("review__section")
    outlet = ReaderFilterSet.outlet_filter("outlet__slug")
    expert = ReaderFilterSet.expert_filter("citations__expert")
    tag = ReaderFilterSet.tag_filter("tags__slug")
    date_after = ReaderFilterSet.date_filter("review__review_date", "gte", _("From"))
    date_before = ReaderFilterSet.date_filter("review__review_date", "lte", _("Until"))
    ordering = ReaderFilterSet.ordering_filter(
        "review__review_date", "review__publish_at", "review_id", then=["position"]
    )

    class Meta:
        model = Story
        fields = []
        form = ReaderFilterForm

    def filter_text(self, queryset, name, value):
        return search_stories(queryset, value)
