"""The review admin's editions: the other languages' editions of a review, "Create the
Russian edition", and an out-of-date edition's banner with what its source changed since
(reviews.publishing.editions)."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import Review
from reviews.publishing.editions import (
    EditionRefused,
    changes_since,
    edition_create,
    edition_mark_current,
    language_name,
    missing_languages,
)


class EditionsAdminMixin:
    """ReviewAdmin's editions panel: for whoever may change reviews (Editors), as editing."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/editions/<str:language>/",
                wrap(require_POST(self.create_edition_view)),
                name="{}_{}_create_edition".format(*info),
            ),
            path(
                "<path:object_id>/editions-current/",
                wrap(require_POST(self.mark_current_view)),
                name="{}_{}_mark_current".format(*info),
            ),
            *super().get_urls(),
        ]

    def editions_context(self, request, review: Review | None) -> dict:
        """What the change form's editions panel shows."""
        if review is None:
            return {}
        editions = []
        if review.edition_group_id is not None:
            editions = [
                {"edition": edition, "language_name": language_name(edition.language)}
                for edition in review.edition_group.editions.exclude(pk=review.pk)
                .select_related("made_from")
                .order_by("language")
            ]
        may_create = request.user.has_perm("reviews.add_review")
        out_of_date = review.is_out_of_date()
        return {
            "language_name": language_name(review.language),
            "other_editions": editions,
            "new_editions": [
                {"code": code, "name": language_name(code)}
                for code in (missing_languages(review) if may_create else [])
            ],
            "source_name": review.made_from and language_name(review.made_from.language),
            "out_of_date": out_of_date,
            "changes_since": changes_since(review) if out_of_date else None,
        }

    def edition_of(self, request, object_id) -> Review:
        review = self.get_object(request, unquote(object_id))
        if review is None:
            raise Http404(_("No review with this id."))
        if not self.has_change_permission(request, review):
            raise PermissionDenied
        return review

    def create_edition_view(self, request, object_id, language):
        source = self.edition_of(request, object_id)
        try:
            edition = edition_create(source=source, language=language, by=request.user)
        except EditionRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[source.pk]))
        self.message_user(
            request,
            _(
                "The %(language)s edition is a draft with the stories of the %(source)s one: "
                "translate it."
            )
            % {"language": language_name(language), "source": language_name(source.language)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[edition.pk]))

    def mark_current_view(self, request, object_id):
        edition = self.edition_of(request, object_id)
        try:
            edition_mark_current(edition=edition, by=request.user)
        except EditionRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request, _("The edition is marked current with its source."), messages.SUCCESS
            )
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[edition.pk]))
