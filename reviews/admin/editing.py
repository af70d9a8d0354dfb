"""The admin side of editing without losing work: who else is editing, and the choices a stale
save asks for (the merging itself is reviews.publishing.editing)."""

from reviews.publishing.editing import UnchangedSinceOpenedForm, note_opened

HIDDEN_FIELDS = ("version", "review_version", "edit_fingerprint", "edit_base", "edit_conflicts")


def merge_context(form, *, editable: bool) -> dict:
    """The hidden fields that say what the form was opened on (none on a page that only
    shows), and the conflicts of a refused save with the choices made, for
    templates/admin/reviews/_edit_merge.html."""
    merge = getattr(form.instance, "edit_merge", None)
    return {
        "edit_conflicts": merge.shown if merge else [],
        "edit_hidden_fields": [
            form[name] for name in HIDDEN_FIELDS if editable and name in form.fields
        ],
    }


class EditingAdminMixin:
    """For the pages of the review unit: who else is working on the review,
    and the choices a refused stale save asks for."""

    def review_being_edited(self, obj):
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        review = self.review_being_edited(obj) if obj else None
        extra_context = (extra_context or {}) | {
            "other_editors": note_opened(request, review) if review else [],
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        merge = getattr(form.instance, "edit_merge", None)
        if merge is not None:
            merge.announce_saved(by=request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        editable = self.has_change_permission(request, obj) if obj else True
        context.update(merge_context(context["adminform"].form, editable=editable))
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )


class UnchangedSinceOpenedAdminMixin:
    """For records edited on their own page (sections, outlets, experts, tags): who else
    opened the record lately, and the choices a refused stale save asks for."""

    form = UnchangedSinceOpenedForm
    change_form_template = "admin/reviews/change_form_checked.html"

    class Media:
        css = {"all": ["reviews/admin.css"]}

    def get_fields(self, request, obj=None):
        # Rendered by the template, above the fieldsets, not as rows of their own.
        return [name for name in super().get_fields(request, obj) if name not in HIDDEN_FIELDS]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = (extra_context or {}) | {
            "other_editors": note_opened(request, obj) if obj else [],
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            editable = self.has_change_permission(request, obj)
            context.update(merge_context(context["adminform"].form, editable=editable))
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )
