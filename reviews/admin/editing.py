"""The admin side of one unit of editing: who else is editing, and the choices a stale save asks
for (the merging itself is reviews.publishing.editing)."""

from reviews.publishing.editing import UnchangedSinceOpenedForm, note_opened


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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        merge = getattr(form.instance, "edit_merge", None)
        context["edit_conflicts"] = merge.shown if merge else []
        context["edit_hidden_fields"] = [
            form[name]
            for name in (getattr(form, "version_field", None), "edit_base", "edit_conflicts")
            if name in form.fields
        ]
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )


class UnchangedSinceOpenedAdminMixin:
    """Renders the fingerprint of an UnchangedSinceOpenedForm (not part of any fieldset)."""

    form = UnchangedSinceOpenedForm
    change_form_template = "admin/reviews/change_form_checked.html"

    def get_fields(self, request, obj=None):
        # Rendered by the template, above the fieldsets, not as a row of its own.
        return [name for name in super().get_fields(request, obj) if name != "edit_fingerprint"]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["edit_hidden_fields"] = [form["edit_fingerprint"]] if obj is not None else []
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )
