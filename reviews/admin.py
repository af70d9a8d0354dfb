"""The editorial back office.

Editors edit everything editorial. Moderators see everything but may change only the tags
of stories (the custom `reviews.change_story_tags` permission): for them every other field
of the story form is read-only and the citation inline is view-only.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Citation, Expert, Outlet, Review, Section, Story
from .preview import PreviewAdminMixin
from .revisions import ReviewVersionAdmin

# Editors paste addresses without a scheme; assume https, as Django 6 will.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["name", "country", "language", "website"]
    list_filter = ["country", "language"]
    search_fields = ["name", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "organisation"]
    search_fields = ["name", "organisation", "position"]
    prepopulated_fields = {"slug": ["name"]}


class StoryInline(admin.StackedInline):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    model = Story
    extra = 0
    ordering = ["position"]
    fields = [("position", "outlet"), "headline", "body", "link", "tags"]
    autocomplete_fields = ["outlet"]
    show_change_link = True
    classes = ["stories"]


@admin.register(Review)
class ReviewAdmin(PreviewAdminMixin, ReviewVersionAdmin):
    change_form_template = "admin/reviews/review/change_form.html"
    list_display = [
        "title",
        "section",
        "review_date",
        "status",
        "publish_at",
        "is_published",
        "story_count",
    ]
    list_filter = ["status", "section", "review_date"]
    list_select_related = ["section", "author"]
    search_fields = ["title", "lede", "slug"]
    date_hierarchy = "review_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section"]
    readonly_fields = ["author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", ("dateline_city", "review_date"), "lede"]}),
        (_("Publication"), {"fields": [("status", "publish_at"), "author"]}),
        (
            _("Disclaimer"),
            {"fields": ["disclaimer"], "classes": ["collapse"]},
        ),
        (_("Record"), {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]
    inlines = [StoryInline]

    class Media:
        css = {"all": ["reviews/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_total=Count("stories"))

    @admin.display(description=_("stories"), ordering="story_total")
    def story_count(self, review):
        return review.story_total

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["expert", "position", "organisation", "quote"]
    autocomplete_fields = ["expert"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["headline", "outlet", "review", "position", "tag_list"]
    list_filter = ["review__section", "review__status", "outlet"]
    list_select_related = ["outlet", "review"]
    search_fields = ["headline", "outlet__name", "review__title"]
    autocomplete_fields = ["review", "outlet"]
    fields = ["review", "position", "outlet", "headline", "body", "link", "tags"]
    inlines = [CitationInline]

    class Media:
        css = {"all": ["reviews/admin.css"]}

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


# The moderators' screens live in their own module; importing it registers them.
from . import moderation_admin  # noqa: E402, F401
