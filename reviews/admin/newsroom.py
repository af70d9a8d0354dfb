"""Comments and the activity log in the back office: the comments panel of a review's and a
story's page (CommentsPanelMixin), its post, reply, resolve and reopen views, the list of
comments across reviews, and the read-only activity log. docs/EDITING.md, "Comments"."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from reviews.admin.records import ReadOnlyAdminMixin
from reviews.models import Activity, Comment, Review, Story
from reviews.newsroom import comments
from reviews.newsroom.comments import CommentRefused, comment_address, may_comment, may_resolve
from reviews.site.paginators import CappedCountPaginator


def review_page(review_id: int) -> str:
    return reverse("admin:reviews_review_change", args=[review_id])


def posted_id(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value else None


class CommentsPanelMixin:
    """For the change pages of reviews and stories (which say `review_being_edited`): the
    comments panel below the form (templates/admin/reviews/comment/_panel.html, included by
    their change_form.html)."""

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["reviews/newsroom.css"]})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and may_comment(request.user):
            context["comments_panel"] = self.comments_panel(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def comments_panel(self, request, obj) -> dict:
        review = self.review_being_edited(obj)
        story = obj if isinstance(obj, Story) else None
        threads = comments.threads_of(review, story=story)
        may_compare = request.user.has_perm(comments.MAY_EDIT)
        latest = (
            Version.objects.get_for_object(review).values_list("pk", flat=True).first()
            if may_compare
            else None
        )
        compare = reverse("admin:reviews_review_compare", args=[review.pk])
        for thread in threads:
            thread.may_resolve = may_resolve(request.user, thread.comment)
            for comment in [thread.comment, *thread.replies]:
                comment.earlier = comment.on_earlier_version(review)
                if comment.earlier and latest and comment.review_revision_id:
                    comment.changes_since = (
                        f"{compare}?from={comment.review_revision_id}&to={latest}"
                    )
        return {
            "review": review,
            "story": story,
            "threads": threads,
            "open_count": sum(not thread.comment.is_resolved for thread in threads),
            "stories": [] if story else list(review.stories.order_by("position")),
            "post_url": reverse("admin:reviews_comment_post", args=[review.pk]),
            "next": request.get_full_path(),
            "max_length": comments.MAX_LENGTH,
            "activity_url": reverse("admin:reviews_activity_changelist") + f"?review={review.pk}",
        }


class OpenFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), ("resolved", _("Resolved"))]

    def queryset(self, request, queryset):
        match self.value():
            case "open":
                return queryset.open()
            case "resolved":
                return queryset.resolved()
        return queryset


class ConcerningFilter(admin.SimpleListFilter):
    """The reader's own conversation, as the desk's "Comments and mentions" counts it."""

    title = _("whose")
    parameter_name = "concerning"

    def lookups(self, request, model_admin):
        return [("me", _("On my reviews or mentioning me")), ("mine", _("Written by me"))]

    def queryset(self, request, queryset):
        match self.value():
            case "me":
                return queryset.filter(comments.concerning_q(request.user))
            case "mine":
                return queryset.filter(author=request.user)
        return queryset


class SeenByWhoMaySeeReviews(ReadOnlyAdminMixin):
    """Comments and the activity log are read by whoever may see reviews; nobody adds, edits
    or deletes them here (comments are posted, resolved and reopened on the review's page)."""

    def has_module_permission(self, request):
        return may_comment(request.user)

    def has_view_permission(self, request, obj=None):
        return may_comment(request.user)


@admin.register(Comment)
class CommentAdmin(SeenByWhoMaySeeReviews, admin.ModelAdmin):
    list_display = ["excerpt", "review_link", "about", "author", "posted", "state"]
    list_display_links = None
    list_filter = [OpenFilter, ConcerningFilter, ("author", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["review", "story", "author", "parent"]
    search_fields = ["body", "review__title"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    list_per_page = 50
    ordering = ["-created_at", "-pk"]

    class Media:
        css = {"all": ["reviews/newsroom.css"]}

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Comments")} | (extra_context or {}))

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return format_html(
            '<a href="{}">{}{}</a>',
            comment_address(comment),
            "↳ " if comment.parent_id else "",
            Truncator(comment.body).chars(120),
        )

    @admin.display(description=_("review"), ordering="review__title")
    def review_link(self, comment):
        return format_html('<a href="{}">{}</a>', review_page(comment.review_id), comment.review)

    @admin.display(description=_("on"))
    def about(self, comment):
        if comment.story is None:
            return _("the review")
        return _("story %(position)s") % {"position": comment.story.position}

    @admin.display(description=_("posted"), ordering="created_at")
    def posted(self, comment):
        return formats.date_format(timezone.localtime(comment.created_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("thread"))
    def state(self, comment):
        return _("resolved") if comments.thread_of(comment).is_resolved else _("open")

    # Posting, resolving and reopening, from the comments panel

    def get_urls(self):
        wrap = self.admin_site.admin_view
        own = [
            path(
                "post/<int:review_id>/",
                wrap(require_POST(self.post_view)),
                name="reviews_comment_post",
            ),
            path(
                "<int:pk>/resolve/",
                wrap(require_POST(self.settle_view)),
                {"resolve": True},
                name="reviews_comment_resolve",
            ),
            path(
                "<int:pk>/reopen/",
                wrap(require_POST(self.settle_view)),
                {"resolve": False},
                name="reviews_comment_reopen",
            ),
        ]
        return own + super().get_urls()

    def back(self, request, review_id: int, anchor: str = "comments") -> HttpResponseRedirect:
        """To the page the panel was on (a review's or a story's), at `anchor`."""
        target = request.POST.get("next", "")
        if not (
            target.startswith(reverse("admin:index"))
            and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        ):
            target = review_page(review_id)
        return HttpResponseRedirect(f"{target.split('#')[0]}#{anchor}")

    def post_view(self, request, review_id):
        if not may_comment(request.user):
            raise PermissionDenied
        review = get_object_or_404(Review, pk=review_id)
        body = request.POST.get("body", "")
        try:
            parent_id, story_id = posted_id(request, "parent"), posted_id(request, "story")
        except ValueError:
            messages.error(request, _("Choose the review or one of its stories to comment on."))
            return self.back(request, review.pk)
        try:
            if parent_id is not None:
                parent = Comment.objects.filter(pk=parent_id).first()
                if parent is None:
                    raise CommentRefused(_("The comment you replied to no longer exists."))
                comment = comments.comment_reply(
                    review=review, parent=parent, by=request.user, body=body
                )
            else:
                story = Story.objects.filter(pk=story_id).first() if story_id else None
                if story_id and story is None:
                    raise CommentRefused(_("That story is not part of this review."))
                comment = comments.comment_post(
                    review=review, story=story, by=request.user, body=body
                )
        except CommentRefused as refusal:
            messages.error(request, _("Not posted: %(why)s") % {"why": refusal})
            return self.back(request, review.pk)
        messages.success(request, _("Your comment is posted."))
        return self.back(request, review.pk, f"comment-{comment.pk}")

    def settle_view(self, request, pk, resolve):
        if not may_comment(request.user):
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=pk)
        settle = comments.comment_resolve if resolve else comments.comment_reopen
        try:
            thread = settle(comment=comment, by=request.user)
        except CommentRefused as refusal:
            messages.error(request, str(refusal))
            return self.back(request, comment.review_id, f"comment-{comment.pk}")
        messages.success(
            request, _("The thread is resolved.") if resolve else _("The thread is open again.")
        )
        return self.back(request, comment.review_id, f"comment-{thread.pk}")


class ReviewFilter(admin.SimpleListFilter):
    """One review's activity (the "Activity" link of its page): shown only when chosen."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        value = self.value()
        if not value:
            return []
        reviews = Review.objects.filter(pk=value) if value.isdigit() else Review.objects.none()
        title = reviews.values_list("title", flat=True).first()
        return [(value, Truncator(title).chars(60) if title else _("No such review"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(review_id=value) if value.isdigit() else queryset.none()


@admin.register(Activity)
class ActivityAdmin(SeenByWhoMaySeeReviews, admin.ModelAdmin):
    list_display = ["when", "actor", "kind", "review_link", "detail_excerpt"]
    list_display_links = None
    list_filter = [
        "kind",
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
        ReviewFilter,
    ]
    list_select_related = ["actor"]
    search_fields = ["review_title"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    list_per_page = 100

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"title": _("Activity log")} | (extra_context or {})
        )

    @admin.display(description=_("when"), ordering="created_at")
    def when(self, activity):
        return formats.date_format(timezone.localtime(activity.created_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("review"), ordering="review_title")
    def review_link(self, activity):
        if activity.review_id is None:
            return activity.review_title or self.get_empty_value_display()
        return format_html(
            '<a href="{}">{}</a>', review_page(activity.review_id), activity.review_title
        )

    @admin.display(description=_("detail"))
    def detail_excerpt(self, activity):
        excerpt = Truncator(activity.detail).chars(200)
        if activity.comment_id is None or activity.review_id is None:
            return excerpt
        page = review_page(activity.review_id)
        return format_html('<a href="{}#comment-{}">{}</a>', page, activity.comment_id, excerpt)
