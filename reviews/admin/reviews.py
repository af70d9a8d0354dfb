"""The editorial back office.

Editors edit everything editorial. Moderators see everything but may change only the tags
of stories (the custom `reviews.change_story_tags` permission): for them every other field
of the story form is read-only and the citation inline is view-only.
"""

import nested_admin
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from reviews.admin.editing import EditingAdminMixin, UnchangedSinceOpenedAdminMixin
from reviews.admin.editions import EditionsAdminMixin
from reviews.admin.fields import FORM_FIELDS
from reviews.admin.importer import ImportFromTextAdminMixin
from reviews.admin.newsletter import NewsletterAdminMixin
from reviews.admin.newsroom import CommentsPanelMixin
from reviews.admin.preview import PreviewAdminMixin
from reviews.admin.revisions import ReviewVersionAdmin
from reviews.admin.searching import FullTextSearchMixin
from reviews.admin.stories import CitationMergeFormSet, LoadedAutocompleteMixin, NestedStoryInline
from reviews.admin.vocabulary import (
    TAG_SUGGESTIONS_CSS,
    TAG_SUGGESTIONS_JS,
    ExpertMergeMixin,
    StoryTagActionsMixin,
)
from reviews.counts import count_per_row
from reviews.finding.search import search_reviews
from reviews.models import Citation, Expert, Outlet, Review, Section, Story
from reviews.newsroom import desk
from reviews.publishing import editing, workflow
from reviews.publishing.forms import ReviewAdminForm, StoryAdminForm
from reviews.publishing.workflow import (
    TRANSITIONS,
    ReviewIncomplete,
    TransitionRefused,
    available_transitions,
)
from reviews.site.paginators import CappedCountPaginator


class SlugFromNameAdmin:
    """A new subject's slug may be left empty: the model makes it from the name
    (reviews.names), so a name the browser cannot spell in Latin letters (北京日报, 😀)
    still saves. An existing subject's slug stays required: it is a public address."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        slug = form.base_fields.get("slug")
        if obj is None and slug is not None:
            source = self.model._meta.get_field(self.prepopulated_fields["slug"][0]).verbose_name
            made = _("Left empty, it is made from the %(source)s.") % {"source": source}
            slug.required = False
            slug.help_text = " ".join(filter(None, [str(slug.help_text), made]))
        return form


@admin.register(Section)
class SectionAdmin(UnchangedSinceOpenedAdminMixin, SlugFromNameAdmin, admin.ModelAdmin):
    formfield_overrides = FORM_FIELDS
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Outlet)
class OutletAdmin(UnchangedSinceOpenedAdminMixin, SlugFromNameAdmin, admin.ModelAdmin):
    formfield_overrides = FORM_FIELDS
    list_display = ["name", "country", "language", "website"]
    list_filter = ["country", "language"]
    search_fields = ["name", "aliases", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Expert)
class ExpertAdmin(
    UnchangedSinceOpenedAdminMixin, SlugFromNameAdmin, ExpertMergeMixin, admin.ModelAdmin
):
    formfield_overrides = FORM_FIELDS
    list_display = ["name", "position", "organisation", "citation_count"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    # Aliases too, so that the citation form's expert search finds other spellings.
    search_fields = ["name", "aliases", "organisation", "position"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "aliases", "position", "organisation", "bio"]
    # Explicit: a counted (grouped) queryset drops Meta.ordering, and the citation
    # form's expert autocomplete pages through this queryset.
    ordering = ["name", "pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(citation_total=count_per_row(Citation.objects.all(), "expert"))
        )

    @admin.display(description=_("citations"), ordering="citation_total")
    def citation_count(self, expert):
        return expert.citation_total


def refused_message(name: str, refusal: TransitionRefused) -> str:
    """What happened when a workflow button was refused after the form was saved, and what
    to do next."""
    transition = TRANSITIONS[name]
    parts = [
        _("Your changes are saved, but the review was not %(done)s.") % {"done": transition.done},
        *refusal.problems,
    ]
    if isinstance(refusal, ReviewIncomplete):
        parts.append(
            _("Add what is missing, then press “%(button)s” again.") % {"button": transition.label}
        )
    return " ".join(str(part) for part in parts)


class PublicationFilter(admin.SimpleListFilter):
    """The workflow states, with "scheduled" and "live" told apart."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("in_review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published and public")),
            ("today", _("Published today")),
            ("withdrawn", _("Withdrawn")),
            ("out_of_date", _("Editions out of date")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case "today":
                return queryset.filter(desk.published_today_q())
            case "out_of_date":
                return queryset.out_of_date()
            case "live":
                return queryset.published()
            case "draft" | "in_review" | "withdrawn":
                return queryset.filter(status=self.value())
        return queryset


class WhoseFilter(admin.SimpleListFilter):
    """The reader's own reviews, as the desk (reviews/newsroom/desk.py) counts them."""

    title = _("whose")
    parameter_name = "whose"

    def lookups(self, request, model_admin):
        return [("mine", _("Mine")), ("sent_back", _("Sent back to me"))]

    def queryset(self, request, queryset):
        match self.value():
            case "mine":
                return queryset.filter(author=request.user)
            case "sent_back":
                return queryset.filter(desk.sent_back_to_q(request.user))
        return queryset


@admin.register(Review)
class ReviewAdmin(
    CommentsPanelMixin,  # the comments below the form (reviews/admin/newsroom.py)
    FullTextSearchMixin,
    EditingAdminMixin,
    SlugFromNameAdmin,
    ImportFromTextAdminMixin,
    NewsletterAdminMixin,  # email preview, test send, send log (reviews/admin/newsletter.py)
    PreviewAdminMixin,
    EditionsAdminMixin,  # the other languages' editions (reviews/admin/editions.py)
    nested_admin.NestedModelAdminMixin,
    ReviewVersionAdmin,
):
    form = ReviewAdminForm
    change_form_template = "admin/reviews/review/change_form.html"
    formfield_overrides = FORM_FIELDS
    # The state and its time right after the title, so that they stay in view on a laptop;
    # "Scheduled" or "Published" in the state says whether readers see it.
    list_display = [
        "title",
        "state",
        "publish_time",
        "review_date",
        "section",
        "story_count",
    ]
    list_filter = [PublicationFilter, WhoseFilter, "language", "section", "review_date"]
    list_select_related = ["section", "author"]
    # At archive scale (docs/PERFORMANCE.md): no count of the whole table, counts capped.
    show_full_result_count = False
    paginator = CappedCountPaginator
    search_fields = ["title", "lede", "slug"]
    # On PostgreSQL, as the site searches: the review's and its stories' words, full text.
    full_text_search = staticmethod(search_reviews)
    date_hierarchy = "review_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "language",
                    "section",
                    ("dateline_city", "review_date"),
                    "lede",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": [("status", "publish_at"), "sent_back_reason", "author"]},
        ),
        (_("Disclaimer"), {"fields": ["disclaimer"], "classes": ["collapse"]}),
        (_("Record"), {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]
    inlines = [NestedStoryInline]
    actions = ["submit_selected", "publish_selected", "withdraw_selected", "to_draft_selected"]

    class Media:
        css = {"all": ["reviews/admin.css"]}

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering, which autocomplete's paginator needs.
        return (
            super()
            .get_queryset(request)
            .annotate(story_total=count_per_row(Story.objects.all(), "review"))
            .order_by(*Review._meta.ordering)
        )

    def review_being_edited(self, review):
        return review

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # Reverting or recovering replaces the review on purpose: stale, it is refused.
        url_name = request.resolver_match.url_name if request.resolver_match else ""
        form.merging = not url_name.endswith(("_revision", "_recover"))
        return form

    def get_readonly_fields(self, request, obj=None):
        # Status changes only through the workflow buttons; the publish time only for
        # those who may publish.
        readonly = ["status", "sent_back_reason", "author", "created_at", "updated_at"]
        if obj is not None and obj.edition_group_id is not None:
            # One edition per language in a group: its language is what it is.
            readonly.append("language")
        if not request.user.has_perm("reviews.publish_review"):
            readonly.append("publish_at")
        return readonly

    @admin.display(description=_("stories"), ordering="story_total")
    def story_count(self, review):
        return review.story_total

    @admin.display(description=_("state"), ordering="status")
    def state(self, review):
        return review.get_state_display()

    @admin.display(
        description=format_lazy(_("publish time ({zone})"), zone=settings.TIME_ZONE),
        ordering="publish_at",
    )
    def publish_time(self, review):
        if review.publish_at is None:
            return self.get_empty_value_display()
        return formats.date_format(timezone.localtime(review.publish_at), "DATETIME_FORMAT")

    def view_on_site(self, review):
        # Readers' address once public; until then, the staff preview.
        if review.is_published():
            return review.get_absolute_url()
        return reverse("admin:reviews_review_preview", args=[review.pk])

    def has_publish_permission(self, request):
        return request.user.has_perm("reviews.publish_review")

    # Saving

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        if change:
            # clean() has merged, under a row lock, what was saved since the form was opened.
            editing.bump_version(review_ids=[obj.pk])
            obj.refresh_from_db(fields=["version", "updated_at"])

    def response_add(self, request, obj, post_url_continue=None):
        return self.apply_transition(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.apply_transition(request, obj) or super().response_change(request, obj)

    def apply_transition(self, request, review):
        """Run the workflow button that was pressed, once the editor's content is saved."""
        name = request.POST.get("_transition")
        if name not in TRANSITIONS:
            return None
        try:
            if name == "schedule":
                workflow.review_schedule(review=review, by=request.user, at=review.publish_at)
            elif name == "send_back":
                reason = request.POST.get("_send_back_reason", "")
                workflow.review_send_back(review=review, by=request.user, reason=reason)
            else:
                getattr(workflow, f"review_{name}")(review=review, by=request.user)
        except TransitionRefused as refusal:
            self.message_user(request, refused_message(name, refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(title)s” was %(done)s.")
                % {"title": review.title, "done": TRANSITIONS[name].done},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[review.pk]))

    # The change form's workflow buttons

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        review = self.get_object(request, object_id) if object_id else None
        extra_context = (extra_context or {}) | {
            "transitions": available_transitions(
                review=review or Review(status=Review.Status.DRAFT), user=request.user
            ),
            **self.editions_context(request, review),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    # Bulk actions: the same transitions, review by review.

    def run_bulk(self, request, queryset, transition):
        done, refused = [], []
        for review in queryset:
            try:
                getattr(workflow, f"review_{transition}")(review=review, by=request.user)
            except TransitionRefused as refusal:
                refused.append(
                    _("“%(title)s” was not %(done)s. %(problems)s")
                    % {
                        "title": review.title,
                        "done": TRANSITIONS[transition].done,
                        "problems": " ".join(refusal.problems),
                    }
                )
            else:
                done.append(review)
        if done:
            self.message_user(
                request,
                ngettext("%(count)d review %(done)s.", "%(count)d reviews %(done)s.", len(done))
                % {"count": len(done), "done": TRANSITIONS[transition].done},
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    @admin.action(description=_("Submit selected reviews for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self.run_bulk(request, queryset, "submit")

    @admin.action(description=_("Publish selected reviews now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_bulk(request, queryset, "publish")

    @admin.action(description=_("Withdraw selected reviews"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self.run_bulk(request, queryset, "withdraw")

    @admin.action(
        description=_("Put selected withdrawn reviews back to draft"), permissions=["change"]
    )
    def to_draft_selected(self, request, queryset):
        self.run_bulk(request, queryset, "to_draft")


class CitationInline(LoadedAutocompleteMixin, admin.TabularInline):
    model = Citation
    formfield_overrides = FORM_FIELDS
    extra = 0
    fields = ["expert", "position", "organisation", "quote"]
    autocomplete_fields = ["expert"]
    formset = CitationMergeFormSet


@admin.register(Story)
class StoryAdmin(CommentsPanelMixin, EditingAdminMixin, StoryTagActionsMixin, VersionAdmin):
    """Stories and their citations. A save here records a revision of the whole review, and
    is merged with the review's other pages like the review form (reviews.publishing.editing)."""

    form = StoryAdminForm
    change_form_template = "admin/reviews/story/change_form.html"
    formfield_overrides = FORM_FIELDS
    list_display = ["headline", "outlet", "review", "position", "tag_list"]
    list_filter = ["review__section", "review__status", "outlet"]
    list_select_related = ["outlet", "review"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    search_fields = ["headline", "outlet__name", "review__title"]
    autocomplete_fields = ["review", "outlet"]
    fields = ["review", "position", "outlet", "headline", "body", "link", "tags"]
    inlines = [CitationInline]

    class Media:
        css = {"all": ["reviews/admin.css", TAG_SUGGESTIONS_CSS]}
        js = [TAG_SUGGESTIONS_JS]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description=_("tags"))
    def tag_list(self, story):
        # Read the prefetched tags: taggit's names() would query once per row.
        return ", ".join(sorted(tag.name for tag in story.tags.all()))

    def may_edit_text(self, request) -> bool:
        return request.user.has_perm("reviews.change_story")

    def has_change_permission(self, request, obj=None):
        return self.may_edit_text(request) or request.user.has_perm("reviews.change_story_tags")

    def get_readonly_fields(self, request, obj=None):
        if self.may_edit_text(request):
            return []
        return [field for field in self.fields if field != "tags"]

    def review_being_edited(self, story):
        return story.review

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The story's review, and the one it left if it moved: both changed.
        moved_from = form.initial.get("review") if change else None
        editing.bump_version(review_ids=[form.instance.review_id, moved_from])
