"""Admin for moderators: the tagging queue, bulk tagging, the tag vocabulary, expert merges.

The screens here only collect choices; the changes themselves are made by the functions
of `reviews.vocabulary.moderation`, which check permissions and raise `ModerationError` with a
message for the user. Actions that need a choice (which tag, which expert to keep) show
an intermediate page, then post back to the changelist like Django's own delete action.
"""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminRadioSelect
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from taggit.models import Tag

from reviews.admin.editing import EditingAdminMixin, UnchangedSinceOpenedAdminMixin
from reviews.admin.searching import FullTextSearchMixin
from reviews.admin.suggestions import SUGGESTED_TAGS_JS, TagSuggestionsAdminMixin
from reviews.admin.translations import (
    TranslationsFormMixin,
    translation_field_names,
    with_translations,
)
from reviews.counts import count_per_row
from reviews.finding.search import search_stories
from reviews.models import Expert, StoryToTag, TaggedStory, UntaggedStory
from reviews.publishing.editing import UnchangedSinceOpenedForm
from reviews.publishing.forms import StoryAdminForm
from reviews.site.paginators import CappedCountPaginator
from reviews.suggesting.tasks import rebuild_when_due
from reviews.vocabulary import moderation
from reviews.vocabulary.moderation import ModerationError

# The tag suggestions: a local script (no inline code, for a strict Content Security
# Policy) told where to ask by an attribute of its own <script> element.
TAG_SUGGESTIONS_JS = forms.Script(
    "reviews/tag_suggestions.js", **{"data-source": reverse_lazy("admin:taggit_tag_suggest")}
)
TAG_SUGGESTIONS_CSS = "reviews/tag_suggestions.css"
TAG_SUGGESTIONS_MEDIA = forms.Media(js=[TAG_SUGGESTIONS_JS], css={"all": [TAG_SUGGESTIONS_CSS]})


class SingleTagInput(forms.TextInput):
    """One tag name, with suggestions (the script completes the whole value)."""

    def __init__(self, attrs=None):
        super().__init__(
            {"data-tag-autocomplete": "single", "autocomplete": "off", "size": 30} | (attrs or {})
        )


def tag_name_field(**kwargs) -> forms.CharField:
    return forms.CharField(max_length=100, widget=SingleTagInput, **kwargs)


# Intermediate pages


def action_page(
    model_admin: admin.ModelAdmin,
    request,
    queryset,
    *,
    action: str,
    form: forms.Form,
    title: str,
    submit_label: str,
    intro: str = "",
    objects: list[str] | None = None,
) -> TemplateResponse:
    """The page between choosing an action and applying it: the selection and a form."""
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "intro": intro,
        "opts": opts,
        "app_label": opts.app_label,
        "objects": objects,
        "selected": [str(pk) for pk in queryset.values_list("pk", flat=True)],
        "action": action,
        "form": form,
        "submit_label": submit_label,
        "media": model_admin.media + TAG_SUGGESTIONS_MEDIA + form.media,
        "cancel_url": request.get_full_path(),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/reviews/moderation_action.html", context)


def submitted(request) -> dict | None:
    """The intermediate form's data once it is posted, None when the action was just chosen."""
    return request.POST if "apply" in request.POST else None


def choose_then_apply(
    model_admin: admin.ModelAdmin,
    request,
    queryset,
    form: forms.Form,
    apply: Callable[[dict], str],
    **page,
) -> TemplateResponse | None:
    """An action that needs a choice: the intermediate page (`action_page(**page)`) until its
    form is valid, then `apply(cleaned_data)`, whose message (or refusal) the user is shown."""
    if not form.is_valid():
        return action_page(model_admin, request, queryset, form=form, **page)
    try:
        done = apply(form.cleaned_data)
    except ModerationError as error:
        model_admin.message_user(request, str(error), messages.ERROR)
    else:
        model_admin.message_user(request, done, messages.SUCCESS)
    return None


def quoted(names) -> str:
    return ", ".join(f"“{name}”" for name in names)


# Bulk tagging of stories (the tagging queue and the story list)


class AddTagForm(forms.Form):
    tag = tag_name_field(
        label=gettext_lazy("Tag to add"),
        help_text=gettext_lazy(
            "An existing tag, in any case, or a new one. Start typing for suggestions."
        ),
    )

    def clean_tag(self):
        name = moderation.normalise_name(self.cleaned_data["tag"])
        if "," in name or '"' in name:
            raise forms.ValidationError(_("One tag at a time, without commas or quotes."))
        return name


class RemoveTagForm(forms.Form):
    tag = tag_name_field(label=gettext_lazy("Tag to remove"))

    def clean_tag(self):
        tag = moderation.find_tag(self.cleaned_data["tag"])
        if tag is None:
            raise forms.ValidationError(
                _("There is no tag “%(name)s”.") % {"name": self.cleaned_data["tag"]}
            )
        return tag


def story_labels(queryset) -> list[str]:
    stories = queryset.select_related("outlet").prefetch_related("tags").order_by("pk")
    labels = []
    for story in stories:
        tags = sorted((tag.name for tag in story.tags.all()), key=str.casefold)
        labels.append(f"{story} ({', '.join(tags) or _('no tags')})")
    return labels


class StoryTagActionsMixin:
    """Bulk "Add a tag…" and "Remove a tag…" actions for an admin of stories."""

    actions = ["add_tag_to_selected", "remove_tag_from_selected"]

    def has_change_tags_permission(self, request) -> bool:
        return request.user.has_perm(moderation.CHANGE_STORY_TAGS)

    @admin.action(description=gettext_lazy("Add a tag…"), permissions=["change_tags"])
    def add_tag_to_selected(self, request, queryset):
        def apply(data):
            tag, added = moderation.stories_add_tag(
                stories=queryset, name=data["tag"], by=request.user
            )
            rebuild_when_due()
            return ngettext(
                "Tagged %(count)d story “%(tag)s”.", "Tagged %(count)d stories “%(tag)s”.", added
            ) % {"count": added, "tag": tag.name}

        return choose_then_apply(
            self,
            request,
            queryset,
            AddTagForm(submitted(request)),
            apply,
            action="add_tag_to_selected",
            title=_("Add a tag to the selected stories"),
            submit_label=_("Add the tag"),
            objects=story_labels(queryset),
        )

    @admin.action(description=gettext_lazy("Remove a tag…"), permissions=["change_tags"])
    def remove_tag_from_selected(self, request, queryset):
        def apply(data):
            tag = data["tag"]
            removed = moderation.stories_remove_tag(stories=queryset, tag=tag, by=request.user)
            return ngettext(
                "Removed “%(tag)s” from %(count)d story.",
                "Removed “%(tag)s” from %(count)d stories.",
                removed,
            ) % {"count": removed, "tag": tag.name}

        return choose_then_apply(
            self,
            request,
            queryset,
            RemoveTagForm(submitted(request)),
            apply,
            action="remove_tag_from_selected",
            title=_("Remove a tag from the selected stories"),
            submit_label=_("Remove the tag"),
            objects=story_labels(queryset),
        )


# The tagging queue


class TaggedFilter(admin.SimpleListFilter):
    """Untagged (the queue's own view, when nothing else is asked), tagged, or all stories.

    "Untagged" reads the few rows of UntaggedStory, kept by triggers, instead of testing
    every story for a tag (docs/PERFORMANCE.md, "The moderators' queue").
    """

    title = gettext_lazy("tagged")
    parameter_name = "tagged"
    # What the bare queue may carry and still open on the untagged stories.
    NOT_ASKING = {"p", "o", "_changelist_filters"}

    def __init__(self, request, params, model, model_admin):
        # An action posts the selected rows' ids: they are found among all stories.
        self.bare = request.method == "GET" and not set(request.GET) - self.NOT_ASKING
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("no", _("Untagged")), ("yes", _("Tagged")), ("all", _("All"))]

    def value(self):
        return super().value() or ("no" if self.bare else "all")

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        untagged = UntaggedStory.objects.values("story_id")
        if self.value() == "no":
            return queryset.filter(pk__in=untagged)
        if self.value() == "yes":
            return queryset.exclude(pk__in=untagged)
        return queryset


@admin.register(StoryToTag)
class StoryToTagAdmin(
    TagSuggestionsAdminMixin,
    FullTextSearchMixin,
    EditingAdminMixin,
    StoryTagActionsMixin,
    admin.ModelAdmin,
):
    """Stories seen through the tagging lens: untagged first, newest first; only tags edit.

    Its form is the story form: a stale save merges the tags (reviews.publishing.editing).
    """

    form = StoryAdminForm
    change_form_template = "admin/reviews/story/change_form.html"
    actions = [*StoryTagActionsMixin.actions, "accept_top_suggestions"]

    # The tags right after the headline: the column the queue is for stays in view, then the
    # review's state and date; the section is a filter.
    list_display = ["headline", "tag_list", "review_state", "review_date", "outlet"]
    list_filter = [
        TaggedFilter,
        "outlet",
        "review__section",
        "review__review_date",
    ]
    list_select_related = ["outlet", "review"]
    # Headline words; on PostgreSQL, as the site searches: headline and body, full text.
    search_fields = ["headline"]
    full_text_search = staticmethod(search_stories)
    # Drawn from the reviews' first and last dates (templates/admin/reviews/storytotag/).
    date_hierarchy = "review__review_date"
    list_per_page = 50
    show_full_result_count = False
    # Facet counts ("Show counts") would count every story once per filter choice.
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedCountPaginator
    fields = ["headline", "outlet", "review", "body", "link", "tags"]
    readonly_fields = ["headline", "outlet", "review", "body", "link"]

    class Media:
        css = {"all": ["reviews/admin.css", TAG_SUGGESTIONS_CSS]}
        js = [TAG_SUGGESTIONS_JS, SUGGESTED_TAGS_JS]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def get_ordering(self, request):
        return ["-review__review_date", "-review__publish_at", "-pk"]

    def lookup_allowed(self, lookup, value, request):
        # The tag list links here to show one tag's stories.
        return lookup == "tags__slug" or super().lookup_allowed(lookup, value, request)

    @admin.display(description=gettext_lazy("review date"), ordering="review__review_date")
    def review_date(self, story):
        return story.review.review_date

    @admin.display(description=gettext_lazy("state"), ordering="review__status")
    def review_state(self, story):
        return story.review.get_state_display()

    @admin.display(description=gettext_lazy("tags"))
    def tag_list(self, story):
        # Read the prefetched tags: taggit's names() would query once per row.
        names = sorted((tag.name for tag in story.tags.all()), key=str.casefold)
        return ", ".join(names) or format_html('<span class="untagged">{}</span>', _("untagged"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.has_change_tags_permission(
            request
        )

    def review_being_edited(self, story):
        return story.review

    def save_model(self, request, obj, form, change):
        # Everything but the tags is read-only here: save_related() stores the tags.
        pass

    def save_related(self, request, form, formsets, change):
        moderation.story_set_tags(
            story=form.instance, names=form.cleaned_data["tags"], by=request.user
        )
        rebuild_when_due()


# The tag vocabulary


class TagNameForm(UnchangedSinceOpenedForm):
    class Meta:
        model = Tag
        fields = ["name"]

    def clean_name(self):
        name = moderation.normalise_name(self.cleaned_data["name"])
        clash = Tag.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if clash is not None:
            message = _("There is already a tag “%(name)s” (tags ignore case).")
            if self.instance.pk:
                message += " " + _("To combine the two, use “Merge selected tags into…”.")
            raise forms.ValidationError(message % {"name": clash.name})
        return name


# With the tag's names in other languages, which TagAdmin saves (moderation.tag_translate).
TagForm = with_translations(TagNameForm, Tag, mixin=TranslationsFormMixin)


class TagChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tag):
        count = tag.story_count
        return ngettext("%(name)s (%(count)d story)", "%(name)s (%(count)d stories)", count) % {
            "name": tag.name,
            "count": count,
        }


class MergeTagsForm(forms.Form):
    into = TagChoiceField(
        label=gettext_lazy("Keep"),
        queryset=Tag.objects.none(),
        widget=AdminRadioSelect(attrs={"class": "radiolist"}),
        required=False,
        empty_label=None,
    )
    other = tag_name_field(
        label=gettext_lazy("or another tag"),
        required=False,
        help_text=gettext_lazy("An existing tag not among the selected ones."),
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tags.order_by("-story_count", "name")

    def clean(self):
        data = super().clean()
        if data.get("other"):
            data["target"] = moderation.find_tag(data["other"])
            if data["target"] is None:
                self.add_error("other", _("There is no tag “%(name)s”.") % {"name": data["other"]})
        elif data.get("into"):
            data["target"] = data["into"]
        elif not self.errors:
            raise forms.ValidationError(_("Choose the tag to keep."))
        return data


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(UnchangedSinceOpenedAdminMixin, admin.ModelAdmin):
    """The vocabulary: usage counts, rename (old addresses redirect), merge, delete unused."""

    form = TagForm
    list_display = ["name", "slug", "stories"]
    search_fields = ["name"]
    ordering = ["name"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    readonly_fields = ["slug", "stories"]
    actions = ["merge_selected", "delete_unused"]

    def get_urls(self):
        suggest = path(
            "suggest/",
            self.admin_site.admin_view(self.suggest_view),
            name="taggit_tag_suggest",
        )
        return [suggest, *super().get_urls()]

    def suggest_view(self, request):
        """Tags starting with ?q=, the most used first, for the tag inputs' suggestions."""
        user = request.user
        if not (
            self.has_view_or_change_permission(request)
            or user.has_perm(moderation.CHANGE_STORY_TAGS)
        ):
            raise PermissionDenied
        return JsonResponse({"results": moderation.suggest_tags(request.GET.get("q", ""))})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(story_count=count_per_row(TaggedStory.objects.all(), "tag"))
        )

    def get_fields(self, request, obj=None):
        names = ["name", *translation_field_names(Tag)]
        return [*names, "slug", "stories"] if obj else names

    @admin.display(description=gettext_lazy("stories"), ordering="story_count")
    def stories(self, tag):
        if not tag.story_count:
            return "0"
        url = reverse("admin:reviews_storytotag_changelist") + f"?tags__slug={tag.slug}"
        return format_html('<a href="{}">{}</a>', url, tag.story_count)

    def get_actions(self, request):
        # Deleting a tag in use would silently untag its stories: "Delete unused tags" only.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and TaggedStory.objects.filter(tag=obj).exists():
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        elif "name" in form.changed_data:
            renamed = moderation.tag_rename(tag=obj, name=obj.name, by=request.user)
            obj.slug = renamed.slug
        if set(translation_field_names(Tag)) & set(form.changed_data):
            moderation.tag_translate(
                tag=obj, translations=form.cleaned_translations(), by=request.user
            )

    @admin.action(description=gettext_lazy("Merge selected tags into…"), permissions=["change"])
    def merge_selected(self, request, queryset):
        def apply(data):
            target = data["target"]
            merged_names = [tag.name for tag in queryset if tag.pk != target.pk]
            moderation.tags_merge(tags=queryset, into=target, by=request.user)
            count = TaggedStory.objects.filter(tag=target).count()
            return ngettext(
                "Merged %(merged)s into “%(tag)s”, which %(count)d story now carries.",
                "Merged %(merged)s into “%(tag)s”, which %(count)d stories now carry.",
                count,
            ) % {"merged": quoted(merged_names), "tag": target.name, "count": count}

        return choose_then_apply(
            self,
            request,
            queryset,
            MergeTagsForm(submitted(request), tags=queryset),
            apply,
            action="merge_selected",
            title=_("Merge tags"),
            intro=_(
                "Every story of the other selected tags moves to the tag you keep; they "
                "disappear and their addresses redirect to it."
            ),
            submit_label=_("Merge"),
        )

    @admin.action(description=gettext_lazy("Delete unused tags"), permissions=["delete"])
    def delete_unused(self, request, queryset):
        try:
            deleted, kept = moderation.tags_delete_unused(tags=queryset, by=request.user)
        except ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        if deleted:
            self.message_user(
                request,
                ngettext(
                    "Deleted %(count)d unused tag: %(names)s.",
                    "Deleted %(count)d unused tags: %(names)s.",
                    len(deleted),
                )
                % {"count": len(deleted), "names": quoted(deleted)},
                messages.SUCCESS,
            )
        if kept:
            self.message_user(
                request,
                ngettext(
                    "Kept %(names)s: stories use it.",
                    "Kept %(names)s: stories use them.",
                    len(kept),
                )
                % {"names": quoted(kept)},
                messages.WARNING,
            )
        return None


# Expert merges (used by ExpertAdmin)


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, expert):
        count = expert.citation_total
        cited = ngettext("%(count)d citation", "%(count)d citations", count) % {"count": count}
        details = [part for part in (expert.title, cited) if part]
        return f"{expert.name} ({expert.slug}): {'; '.join(details)}"


class MergeExpertsForm(forms.Form):
    keep = ExpertChoiceField(
        label=gettext_lazy("Keep"),
        queryset=None,
        widget=AdminRadioSelect(attrs={"class": "radiolist"}),
        empty_label=None,
        help_text=gettext_lazy(
            "The others' citations move to this expert, their names become its other "
            "spellings and their pages redirect to its page."
        ),
    )

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        # Counted afresh: the admin's queryset may carry annotations of its own.
        self.fields["keep"].queryset = (
            Expert.objects.filter(pk__in=experts.values("pk"))
            .annotate(citation_total=Count("citations"))
            .order_by("-citation_total", "name", "pk")
        )


class ExpertMergeMixin:
    """The "Merge selected experts into…" action for ExpertAdmin."""

    actions = ["merge_selected"]

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perms(moderation.MERGE_EXPERTS)

    @admin.action(description=gettext_lazy("Merge selected experts into…"), permissions=["merge"])
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, _("Select at least two experts to merge."), messages.WARNING)
            return None

        def apply(data):
            keep = data["keep"]
            merged_names = [expert.name for expert in queryset if expert.pk != keep.pk]
            moderation.experts_merge(experts=queryset, into=keep, by=request.user)
            return _(
                "Merged %(merged)s into “%(expert)s”; their old pages redirect to its page."
            ) % {"merged": quoted(merged_names), "expert": keep.name}

        return choose_then_apply(
            self,
            request,
            queryset,
            MergeExpertsForm(submitted(request), experts=queryset),
            apply,
            action="merge_selected",
            title=_("Merge experts"),
            intro=_("Choose the record to keep; the other selected experts are deleted."),
            submit_label=_("Merge"),
        )
