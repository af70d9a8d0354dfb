"""The reader's filters for /reviews/ and /stories/, with the public parameter names (README.md,
"The reader site"). Every choice comes from a `published()` method, so a hidden subject is as
unknown as a missing one (docs/SECURITY.md, section 12).
"""

import datetime
import functools

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.finding.search import search_reviews, search_stories
from reviews.finding.shortlists import shorten_choices
from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    Section,
    Story,
    TaggedStory,
    published_tags,
)
from reviews.vocabulary.redirects import moved_slugs, redirect_kind_for


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


class PublishedChoices:
    """A model choice field whose queryset, `published()` at this moment, is built when
    first asked for (to check a reader's choice), not when the form is made: shown, the
    form offers the choices kept per content generation (reviews.finding.shortlists), so a
    list with nothing chosen builds none of its four querysets, which were a tenth of the
    list page's Python calls. `queryset` is the callable that builds it."""

    def __init__(self, *args, queryset, **kwargs):
        self.published = queryset
        super().__init__(*args, queryset=None, **kwargs)

    @property
    def queryset(self):
        if self._queryset is None and self.published is not None:
            self._queryset = self.published()
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self._queryset = None if queryset is None else queryset.all()
        # Django's choice iterator reads the queryset when it is made: made when shown.
        self.widget.choices = lambda: self.choices

    def __deepcopy__(self, memo):
        result = forms.Field.__deepcopy__(self, memo)
        result.queryset = self._queryset
        return result


class PublishedChoiceField(PublishedChoices, django_filters.fields.ModelChoiceField):
    pass


class PublishedMultipleChoiceField(
    PublishedChoices, django_filters.fields.ModelMultipleChoiceField
):
    pass


class BuiltWhenChecked:
    """A choice filter whose field builds the filter's queryset when it checks a choice
    (PublishedChoices), rather than when the form is made."""

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self.extra["queryset"] = functools.partial(self.get_queryset, self.get_request())
        # Filter's field, past QuerySetRequestMixin's, which would build the queryset now.
        return django_filters.Filter.field.fget(self)


class PublishedChoiceFilter(BuiltWhenChecked, django_filters.ModelChoiceFilter):
    field_class = PublishedChoiceField


class PublishedMultipleChoiceFilter(BuiltWhenChecked, django_filters.ModelMultipleChoiceFilter):
    field_class = PublishedMultipleChoiceField


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

    # The choice filters compare the chosen objects' slugs (to_field_name): a multiple
    # choice's field_name ends in __slug. Their choices are evaluated per request (when the
    # field checks a choice: PublishedChoices): a published() queryset built at
    # import would keep the time the process started, and a review published after it
    # could not be filtered by its outlet, expert or tag.
    @staticmethod
    def published_choice(filter_class, published, **kwargs):
        """A choice among published subjects, by slug: `published()` gives them."""
        return filter_class(queryset=lambda request: published(), to_field_name="slug", **kwargs)

    @staticmethod
    def section_filter(field_name):
        return ReaderFilterSet.published_choice(
            PublishedChoiceFilter,
            Section.objects.published,
            label=_("Section"),
            field_name=field_name,
            empty_label=_("All sections"),
        )

    @staticmethod
    def outlet_filter(field_name, **kwargs):
        return ReaderFilterSet.published_choice(
            PublishedMultipleChoiceFilter,
            Outlet.objects.published,
            label=_("Outlets"),
            field_name=field_name,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    @staticmethod
    def expert_filter(field_name, **kwargs):
        return ReaderFilterSet.published_choice(
            PublishedChoiceFilter,
            Expert.objects.published,
            label=_("Expert"),
            field_name=field_name,
            empty_label=_("Any expert"),
            **kwargs,
        )

    @staticmethod
    def tag_filter(field_name, **kwargs):
        # conjoined: every chosen tag must be there (one filter() call per tag).
        return ReaderFilterSet.published_choice(
            PublishedMultipleChoiceFilter,
            lambda: published_tags().order_by("name"),
            label=_("Tags"),
            field_name=field_name,
            conjoined=True,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
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

    def with_current_slugs(self):
        """The parameters with every old slug of a renamed or merged subject that the form
        refused replaced by the current one (`moderation.moved_slugs`: only old addresses
        that were public), or None when none was. Asked only of an invalid form, so a
        valid request costs no query more."""
        if not hasattr(self.data, "getlist"):
            return None
        data, replaced = self.data.copy(), False
        for name in self.errors:
            choice = self.filters.get(name)
            if not isinstance(choice, django_filters.filters.QuerySetRequestMixin):
                continue
            kind = redirect_kind_for(choice.get_queryset(self.request).model)
            if kind is None:
                continue
            values = data.getlist(name)
            moves = moved_slugs(kind, values)
            if moves:
                data.setlist(name, [moves.get(value, value) for value in values])
                replaced = True
        return data if replaced else None

    @property
    def form(self):
        form = super().form
        # A large archive has thousands of experts and tags: the form offers a shortlist
        # (reviews.finding.shortlists), and accepts any of them.
        shorten_choices(form, self.data)
        return form


class ReviewFilter(ReaderFilterSet):
    section = ReaderFilterSet.section_filter("section")
    outlet = ReaderFilterSet.outlet_filter("stories__outlet__slug", method="filter_outlets")
    expert = ReaderFilterSet.expert_filter("stories__citations__expert", method="filter_expert")
    tag = ReaderFilterSet.tag_filter("stories__tags__slug", method="filter_tags")
    date_after = ReaderFilterSet.date_filter("review_date", "gte", _("From"))
    date_before = ReaderFilterSet.date_filter("review_date", "lte", _("Until"))
    ordering = ReaderFilterSet.ordering_filter("review_date", "publish_at", "pk")

    class Meta:
        model = Review
        fields = []
        form = ReaderFilterForm

    def filter_text(self, queryset, name, value):
        return search_reviews(queryset, value)

    # Through a story, by subquery rather than join: a review matches once however many of
    # its stories do (no DISTINCT), so the newest-first list can stop at its 20th review.
    # (A method gets the empty choice as an empty queryset, which means "any".)
    def filter_outlets(self, reviews, name, outlets):
        if not outlets:
            return reviews
        return reviews.filter(pk__in=Story.objects.filter(outlet__in=outlets).values("review_id"))

    def filter_expert(self, reviews, name, expert):
        return reviews.filter(
            pk__in=Citation.objects.filter(expert=expert).values("story__review_id")
        )

    def filter_tags(self, reviews, name, tags):
        for tag in tags:
            reviews = reviews.filter(
                pk__in=TaggedStory.objects.filter(tag=tag).values("content_object__review_id")
            )
        return reviews


class StoryFilter(ReaderFilterSet):
    section = ReaderFilterSet.section_filter("review__section")
    # By id, not joined by slug, so that the planner knows which outlet or tag; one row per
    # story either way (a story has one outlet, each tag once), so no DISTINCT either.
    outlet = ReaderFilterSet.outlet_filter("outlet__slug", method="filter_outlets")
    expert = ReaderFilterSet.expert_filter("citations__expert")
    tag = ReaderFilterSet.tag_filter("tags__slug", method="filter_tags")
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

    def filter_outlets(self, stories, name, outlets):
        return stories.filter(outlet__in=outlets) if outlets else stories

    def filter_tags(self, stories, name, tags):
        for tag in tags:
            stories = stories.filter(
                pk__in=TaggedStory.objects.filter(tag=tag).values("content_object_id")
            )
        return stories
