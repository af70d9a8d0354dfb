"""The review's history in the admin: each revision compared with the one before, and revert."""

import itertools
from contextlib import ExitStack

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from reviews.pagecache.invalidation import rolled_back_writes
from reviews.publishing.revisions import ReviewState, RevisionPart, diff_states, restore_review


class _ShowOnly(Exception):
    """Carries a rendered response out of a transaction that must be rolled back."""

    def __init__(self, response):
        self.response = response


class ReviewVersionAdmin(VersionAdmin):
    """Base of ReviewAdmin: history with compare, revert and recover.

    Viewing the history is for everyone who may view reviews; comparing, reverting and
    recovering need the change permission.
    """

    object_history_template = "admin/reviews/review/object_history.html"
    revision_form_template = "admin/reviews/review/revision_form.html"
    recover_list_template = "admin/reviews/review/recover_list.html"
    recover_form_template = "admin/reviews/review/recover_form.html"
    history_latest_first = True

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def _url(self, name: str, *args) -> str:
        info = self.admin_site.name, self.opts.app_label, self.opts.model_name
        return reverse("{}:{}_{}_".format(*info) + name, args=args)

    def review_versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision__user"
        )

    def save_model(self, request, obj, form, change):
        """Save, unless nothing changed and the history has the review as it is already: then
        nothing is written, so no empty "No fields changed." revision is recorded (a workflow
        button pressed on an untouched form records its own revision, "Sent back: …", or,
        refused, none). A revert or a recovery always records what it restored."""
        if (
            change
            and getattr(form, "merging", True)
            and not form.has_changed()
            and self.review_versions(obj.pk).exists()
        ):
            return
        super().save_model(request, obj, form, change)

    # Views.

    def history_view(self, request, object_id, extra_context=None):
        """The revisions, latest first, with a compare form for editors."""
        obj = self.get_object(request, unquote(object_id))
        may_revert = obj is not None and self.has_change_permission(request, obj)
        versions = self._reversion_order_version_queryset(
            request, self.review_versions(unquote(object_id))
        )
        paginator = self.get_paginator(request, versions, 100)
        page = paginator.get_page(request.GET.get("p", 1))
        # Each row links to what changed since the one before, possibly on the next page.
        ordered_ids = list(versions.values_list("pk", flat=True))
        previous = dict(itertools.pairwise(ordered_ids))
        rows = [
            {
                "version": version,
                "revision": version.revision,
                "revert_url": self._url("revision", quote(object_id), version.pk),
                "previous_id": previous.get(version.pk),
            }
            for version in page
        ]
        context = {
            "revisions": rows,
            "action_list": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "pagination_required": paginator.count > 100,
            "may_revert": may_revert,
            "compare_url": self._url("compare", quote(object_id)),
            **(extra_context or {}),
        }
        # ModelAdmin's, not VersionAdmin's, which would query its own list of revisions.
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two revisions of a review side by side: the fields and the stories that changed."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        versions = self.review_versions(unquote(object_id))
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("from", "to")]
        except (KeyError, ValueError, Version.DoesNotExist):
            messages.error(request, _("Choose two revisions of this review to compare."))
            return redirect(self._url("history", quote(object_id)))
        old, new = sorted(chosen, key=lambda version: (version.revision.date_created, version.pk))
        diff = diff_states(
            ReviewState.from_part(RevisionPart.of(old)), ReviewState.from_part(RevisionPart.of(new))
        )
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revisions: %s") % obj,
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "module_name": str(self.opts.verbose_name_plural).capitalize(),
            "old": old,
            "new": new,
            "old_revert_url": self._url("revision", quote(object_id), old.pk),
            "new_revert_url": self._url("revision", quote(object_id), new.pk),
            "diff": diff,
        }
        return TemplateResponse(request, "admin/reviews/review/revision_compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """The review as the revision recorded it, in the change form: saving reverts to it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            version = self.review_versions(unquote(object_id)).get(pk=int(version_id))
        except (ValueError, Version.DoesNotExist) as error:
            raise Http404(_("No such revision of this review.")) from error
        when = formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        )
        part = RevisionPart.of(version)
        context = {
            "title": _("Revert %(name)s") % {"name": version.object_repr},
            "revert": True,
            "reverted_version": version,
            "revert_diff": diff_states(ReviewState.from_database(obj), ReviewState.from_part(part)),
            **(extra_context or {}),
        }
        return self._restore_view(
            request,
            part,
            self.revision_form_template,
            context,
            comment=_("Reverted to the revision of %(datetime)s") % {"datetime": when},
        )

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted review in the change form: saving brings it back with its stories."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        try:
            version = Version.objects.get_deleted(self.model).get(pk=int(version_id))
        except (ValueError, Version.DoesNotExist) as error:
            raise Http404(_("No such deleted review.")) from error
        when = formats.date_format(
            timezone.localtime(version.revision.date_created), "DATETIME_FORMAT"
        )
        context = {
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        return self._restore_view(
            request,
            RevisionPart.of(version),
            self.recover_form_template or self._reversion_get_template_list("recover_form.html"),
            context,
            comment=_("Recovered after deletion, as saved on %(datetime)s") % {"datetime": when},
        )

    def _restore_view(self, request, part, template_name, context, *, comment):
        """Restore `part`, then show the change form (rolled back) or save it (kept).

        Takes the place of VersionAdmin._reversion_revisionform_view: see the module docstring
        for how this revert differs from reversion's.
        """
        version = part.review
        missing = part.missing_references()
        if missing:
            messages.error(
                request,
                _("This revision cannot be restored: %(missing)s. Edit the review instead.")
                % {"missing": "; ".join(missing)},
            )
            return redirect(self._revert_refused_url(version))
        # Looking at an old revision is not saving it: nothing listening to saves must hear,
        # and no stored page goes stale (the transaction is rolled back).
        quiet = ExitStack()
        if request.method == "GET":
            quiet.enter_context(
                mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            )
            quiet.enter_context(rolled_back_writes())
        try:
            with transaction.atomic(using=version.db), quiet:
                restore_review(part)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        reversion.set_comment(comment)
                        return response
                    if response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                    raise _ShowOnly(response)
        except _ShowOnly as shown:
            return shown.response
        except (RevertError, IntegrityError, models.ProtectedError) as error:
            messages.error(
                request, _("This revision cannot be restored: %(error)s") % {"error": error}
            )
            return redirect(self._revert_refused_url(version))

    def _revert_refused_url(self, version: Version) -> str:
        if self.model._default_manager.filter(pk=version.object_id).exists():
            return self._url("history", quote(version.object_id))
        return self._url("recoverlist")
