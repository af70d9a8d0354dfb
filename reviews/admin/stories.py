"""The review's one page: its stories with their citations inline (django-nested-admin),
in order, each row merged like the review's own fields on a stale save. See docs/EDITING.md,
"The review's one page"."""

import nested_admin
from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models
from django.db.models import F, Max, Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reviews.admin.fields import FORM_FIELDS, PlainTextField
from reviews.admin.vocabulary import TAG_SUGGESTIONS_CSS, TAG_SUGGESTIONS_JS
from reviews.models import Citation, Story
from reviews.publishing.editing import CITATION_FIELDS, STORY_FIELDS, MergingInlineFormSet

STORY_ORDER_JS = "reviews/story_order.js"


class StoryMergeFormSet(MergingInlineFormSet):
    merge_record = "story"
    merge_fields = STORY_FIELDS

    def row_label(self, form):
        return _("Story %(position)s") % {"position": form.instance.position}


class CitationMergeFormSet(MergingInlineFormSet):
    merge_record = "citation"
    merge_fields = CITATION_FIELDS

    def row_label(self, form):
        return _("Citation of %(expert)s") % {"expert": form.instance.expert}


# Autocomplete fields that name the chosen record without a query of their own.


class LoadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that takes the chosen record's name from the row's loaded object
    (`loaded`, set by `LoadedChoicesForm`) instead of one query per row."""

    loaded: tuple[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        chosen = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.loaded is None or chosen != {self.loaded[0]}:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        options.append(self.create_option(name, *self.loaded, True, len(options)))
        return [(None, options, 0)]


class LoadedChoicesForm(forms.ModelForm):
    """Tells each LoadedAutocompleteSelect the record its row already holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, LoadedAutocompleteSelect):
                continue
            relation = self.instance._meta.get_field(name)
            if relation.is_cached(self.instance) and getattr(self.instance, name) is not None:
                chosen = getattr(self.instance, name)
                widget.loaded = (str(chosen.pk), field.label_from_instance(chosen))


class LoadedAutocompleteMixin:
    """For inlines: their autocomplete fields name the chosen record from the loaded row."""

    form = LoadedChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = LoadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# The review's page: stories, each with its citations.


class ParentRowsOnly:
    """nested-admin reads a posted row by its id alone: only the parent's own rows may be
    changed here, so that no form can change (or take over) another review's story or
    citation. A posted id that is not one of them is refused as an invalid choice."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.data:
            own = {self.fk.name: self.instance} if self.instance.pk is not None else None
            queryset = queryset.filter(**own) if own else queryset.none()
        return queryset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.data and self._pk_field.name in form.fields:
            form.fields[self._pk_field.name].queryset = self.get_queryset()


class NestedCitationFormSet(ParentRowsOnly, CitationMergeFormSet, nested_admin.NestedInlineFormSet):
    def get_queryset(self):
        # The story's citations, with their experts, were read with the stories.
        cache = getattr(self.instance, "_prefetched_objects_cache", {})
        if not self.data and "citations" in cache:
            return cache["citations"]
        return super().get_queryset()


class NestedStoryFormSet(ParentRowsOnly, StoryMergeFormSet, nested_admin.NestedInlineFormSet):
    """Stories in the order of their `position`; a new story left without one goes last."""

    def clean(self):
        super().clean()
        rows = [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data") and not self._should_delete_form(form)
        ]
        # Stories a colleague added since this page was opened hold their positions too.
        shown = [form.instance.pk for form in self.initial_forms if form.instance.pk]
        added_meanwhile = (
            list(
                Story.objects.filter(review=self.instance)
                .exclude(pk__in=shown)
                .values_list("position", flat=True)
            )
            if self.instance.pk is not None
            else []
        )
        taken = [form.cleaned_data.get("position") for form in rows] + added_meanwhile
        last = max([position for position in taken if position is not None], default=0)
        for form in rows:
            if form.has_changed() and form.cleaned_data.get("position") is None:
                last += 1
                form.cleaned_data["position"] = form.instance.position = last
        # After a merge too: each story its own position.
        positions = [form.cleaned_data.get("position") for form in rows] + added_meanwhile
        clashes = sorted({p for p in positions if p is not None and positions.count(p) > 1})
        if clashes:
            raise forms.ValidationError(
                ngettext(
                    "Two stories are at position %(positions)s: give each its own place.",
                    "Two stories share each of the positions %(positions)s: give each its own "
                    "place.",
                    len(clashes),
                )
                % {"positions": ", ".join(map(str, clashes))}
            )

    def save(self, commit=True):
        # Stories whose position changes step aside first, past every position in use, so
        # that swapping two does not trip the one-story-per-position constraint.
        moved = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk is not None
            and ("position" in form.changed_data or self._should_delete_form(form))
        ]
        if commit and moved and self.instance.pk is not None:
            stories = Story.objects.filter(review=self.instance)
            highest = stories.aggregate(highest=Max("position"))["highest"] or 0
            stories.filter(pk__in=moved).update(position=F("position") + highest + 1)
        return super().save(commit)


class OnePageInlineMixin(LoadedAutocompleteMixin):
    def get_max_num(self, request, obj=None, **kwargs):
        # nested-admin renders "Add another" whatever the permission, and its script hides
        # it only when there is no room for another row: so, without permission, no room.
        if not self.has_add_permission(request, obj):
            return 0
        return super().get_max_num(request, obj, **kwargs)


class NestedCitationInline(OnePageInlineMixin, nested_admin.NestedTabularInline):
    model = Citation
    formset = NestedCitationFormSet
    extra = 0
    fields = ["expert", "position", "organisation", "quote"]
    autocomplete_fields = ["expert"]
    # A quote's box three lines high, so that the row fits a laptop's width.
    formfield_overrides = FORM_FIELDS | {
        models.TextField: {"form_class": PlainTextField, "widget": forms.Textarea({"rows": 3})}
    }
    classes = ["citations"]


class StoryRowForm(LoadedChoicesForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].required = False
            self.fields["position"].help_text = _(
                "The story's place in the review; “Move up” and “Move down” change it. "
                "Left empty, the story goes last."
            )


class NestedStoryInline(OnePageInlineMixin, nested_admin.NestedStackedInline):
    """The review's stories, each with its citations. Reordered with the “Move up” and
    “Move down” buttons (static/reviews/story_order.js), which keep `position` right."""

    formfield_overrides = FORM_FIELDS
    model = Story
    form = StoryRowForm
    formset = NestedStoryFormSet
    inlines = [NestedCitationInline]
    extra = 0
    ordering = ["position"]
    fields = [("position", "outlet"), "headline", "body", "link", "tags"]
    autocomplete_fields = ["outlet"]
    show_change_link = True
    # Moved by buttons, which a keyboard reaches, not by nested-admin's drag and drop.
    is_sortable = False
    classes = ["stories"]

    class Media:
        css = {"all": [TAG_SUGGESTIONS_CSS]}
        js = [TAG_SUGGESTIONS_JS, STORY_ORDER_JS]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("outlet")
            .prefetch_related(
                "tags",
                Prefetch("citations", queryset=Citation.objects.select_related("expert")),
            )
        )
