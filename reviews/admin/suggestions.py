"""Tag suggestions in the moderators' queue and on a story's tag field: accept one with a
click (or Enter on the focused button), reject one (not offered again for that story),
accept the best ones for the selected stories at once. The suggestions and the writes are
`reviews.suggesting.services`; with no model yet, nothing here shows. docs/TAGGING.md."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from taggit.models import Tag

from reviews.models import Story
from reviews.suggesting import services, store
from reviews.suggesting.records import Suggestion
from reviews.vocabulary.moderation import ModerationError

SUGGESTED_TAGS_JS = "reviews/suggested_tags.js"

# Where a story's suggestions are put for its row (set for the page's stories at once).
SUGGESTED = "tag_suggestions"


def why(suggestion: Suggestion) -> str:
    """“Like 7 stories tagged ports; words: dockers, terminal, strike”."""
    text = ngettext(
        "Like %(count)d similar story tagged %(tag)s",
        "Like %(count)d similar stories tagged %(tag)s",
        suggestion.stories,
    ) % {"count": suggestion.stories, "tag": suggestion.name}
    if suggestion.words:
        text += _("; words: %(words)s") % {"words": ", ".join(suggestion.words)}
    return text


class TagSuggestionsAdminMixin:
    """For the queue's admin (StoryToTagAdmin): a column of suggestions, the accept and reject
    addresses their buttons post to, the "Accept the top suggestions" action, and the
    suggestions under the story's tag field."""

    def may_see_suggestions(self, request) -> bool:
        return services.may_see_suggestions(request.user)

    def suggested(self, story) -> list[Suggestion]:
        return getattr(story, SUGGESTED, None) or []

    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        # No model yet (a new newsroom): the queue as it was, without an empty column.
        if self.may_see_suggestions(request) and store.versions():
            shown.insert(shown.index("tag_list") + 1, "suggestion_buttons")
        return shown

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # Shown pages only: an action's post shows none.
        if request.method == "GET" and self.may_see_suggestions(request):
            stories = list(changelist.result_list)
            found = services.suggestions_for(stories, by=request.user)
            for story in stories:
                setattr(story, SUGGESTED, found.get(story.pk, []))
        return changelist

    @admin.display(description=gettext_lazy("suggested tags"))
    def suggestion_buttons(self, story):
        return suggestion_buttons(story, self.suggested(story), self.suggestion_urls())

    def suggestion_urls(self) -> dict[str, str]:
        return {
            name: reverse(f"admin:reviews_storytotag_suggestion_{name}")
            for name in ("accept", "reject")
        }

    def get_urls(self):
        urls = [
            path(
                f"suggestion/{name}/",
                self.admin_site.admin_view(require_POST(view)),
                name=f"reviews_storytotag_suggestion_{name}",
            )
            for name, view in (
                ("accept", self.accept_suggestion_view),
                ("reject", self.reject_suggestion_view),
            )
        ]
        return [*urls, *super().get_urls()]

    def posted_suggestion(self, request) -> tuple[Story, Tag]:
        """The story and tag of the pressed button (`suggestion` = "story id:tag id")."""
        if not self.may_see_suggestions(request):
            raise PermissionDenied
        story_id, _sep, tag_id = request.POST.get("suggestion", "").partition(":")
        if not (story_id.isdigit() and tag_id.isdigit()):
            raise ModerationError(_("That suggestion is no longer offered: reload the page."))
        story = get_object_or_404(Story, pk=story_id)
        tag = Tag.objects.filter(pk=tag_id).first()
        if tag is None:
            raise ModerationError(_("That tag no longer exists: reload the page."))
        return story, tag

    def back(self, request) -> HttpResponseRedirect:
        """Back to the page the button was on: the queue (same filters, same page) or the
        story's own page."""
        came_from = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(
            came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            came_from = reverse("admin:reviews_storytotag_changelist")
        return HttpResponseRedirect(came_from)

    def act_on_suggestion(self, request, act, done: str) -> HttpResponseRedirect:
        """Carry out `act(story=, tag=, by=)` on the pressed button's suggestion; tell the
        user `done` (with the story's headline and the tag's name) or why not; go back."""
        try:
            story, tag = self.posted_suggestion(request)
            act(story=story, tag=tag, by=request.user)
        except ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            names = {"story": story.headline, "tag": tag.name}
            self.message_user(request, done % names, messages.SUCCESS)
        return self.back(request)

    def accept_suggestion_view(self, request):
        return self.act_on_suggestion(
            request, services.suggestion_accept, _("Tagged “%(story)s” “%(tag)s”.")
        )

    def reject_suggestion_view(self, request):
        return self.act_on_suggestion(
            request,
            services.suggestion_reject,
            _("“%(tag)s” will not be suggested for “%(story)s” again."),
        )

    @admin.action(
        description=gettext_lazy("Accept the top suggested tags"), permissions=["change_tags"]
    )
    def accept_top_suggestions(self, request, queryset):
        stories = list(queryset.order_by("pk")[:500])
        try:
            added = services.suggestions_accept_top(stories=stories, by=request.user)
        except ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        if added:
            message = ngettext(
                "Added %(count)d suggested tag.", "Added %(count)d suggested tags.", added
            )
            self.message_user(request, message % {"count": added}, messages.SUCCESS)
        else:
            self.message_user(request, _("No suggestion to accept."), messages.WARNING)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.may_see_suggestions(request):
            found = services.suggestions_for([obj], by=request.user).get(obj.pk, [])
            context["tag_suggestions"] = suggestion_buttons(
                obj, found, self.suggestion_urls(), explained=True
            )
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )


def suggestion_buttons(story, suggestions, urls, *, explained: bool = False):
    """A pair of buttons per suggestion, accept (the tag's name) and reject (a cross),
    posting the form they sit in to the accept or reject address. `explained`: the reason
    is written out (the story's page), not only in the button's title (the queue); there,
    its script (static/reviews/suggested_tags.js) makes "+" put the tag in the tag field
    instead. The first accept button there answers the access key "1"."""
    if not suggestions:
        return ""
    items = []
    for rank, suggestion in enumerate(suggestions):
        value = f"{story.pk}:{suggestion.tag_id}"
        reason = why(suggestion)
        reject = _("Reject “%(tag)s”") % {"tag": suggestion.name}
        items.append(
            format_html(
                '<li class="tag-suggestion"><button type="submit" class="suggestion-accept" '
                'formaction="{}" formmethod="post" name="suggestion" value="{}" title="{}" '
                'data-tag="{}"{}>'
                "+ {}</button>"
                '<button type="submit" class="suggestion-reject" formaction="{}" '
                'formmethod="post" name="suggestion" value="{}" aria-label="{}" title="{}">'
                "&times;</button>{}</li>",
                urls["accept"],
                value,
                reason,
                suggestion.name,
                mark_safe(' accesskey="1"') if explained and rank == 0 else "",
                suggestion.name,
                urls["reject"],
                value,
                reject,
                reject,
                format_html(' <span class="suggestion-why">{}</span>', reason) if explained else "",
            )
        )
    return format_html(
        '<ul class="suggested-tags">{}</ul>', format_html_join("", "{}", ((i,) for i in items))
    )
