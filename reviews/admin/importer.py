"""ReviewAdmin's "Import from text": paste, check the proposal, save one draft; nothing is
written before "Save as draft". See docs/IMPORTING.md, "The proposal page and the saving".
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.admin.import_forms import PasteForm, ProposalForms
from reviews.importer.catalogue import Catalogue
from reviews.importer.parser import ImportFailed, parse_review
from reviews.importer.services import import_draft


class ImportFromTextAdminMixin:
    """For ReviewAdmin: the changelist's "Import from text" button and its pages."""

    change_list_template = "admin/reviews/review/import_change_list.html"
    import_paste_template = "admin/reviews/review/import_paste.html"
    import_preview_template = "admin/reviews/review/import_preview.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return self.render_paste(request, PasteForm())
        if "_cancel" in request.POST:
            messages.info(request, _("Import cancelled: nothing was saved."))
            return HttpResponseRedirect(self.changelist_url())
        if "_back" in request.POST:
            return self.render_paste(request, PasteForm(initial={"text": request.POST.get("text")}))
        if "_save" in request.POST:
            return self.save_proposal(request)
        return self.read_text(request)

    def read_text(self, request):
        form = PasteForm(request.POST)
        if not form.is_valid():
            return self.render_paste(request, form)
        text = form.cleaned_data["text"]
        try:
            proposal = parse_review(
                text,
                catalogue=Catalogue.from_database(),
                today=timezone.localdate(),
                language=form.cleaned_data["language"],
            )
        except ImportFailed as problem:
            form.add_error("text", str(problem))
            return self.render_paste(request, form)
        return self.render_preview(request, ProposalForms.initial(proposal, text))

    def save_proposal(self, request):
        forms = ProposalForms.bound(request.POST)
        if not forms.is_valid():
            return self.render_preview(request, forms)
        try:
            review = import_draft(draft=forms.draft(), by=request.user)
        except (ImportFailed, PermissionDenied, DatabaseError) as problem:
            if isinstance(problem, DatabaseError):
                problem = _("The database refused the review; please try again.")
            return self.render_preview(
                request, forms, error=_("Nothing was saved. %(problem)s") % {"problem": problem}
            )
        count = review.stories.count()
        messages.success(
            request,
            ngettext(
                "“%(title)s” was imported as a draft with %(count)d story. "
                "Check it, then submit it.",
                "“%(title)s” was imported as a draft with %(count)d stories. "
                "Check it, then submit it.",
                count,
            )
            % {"title": review.title, "count": count},
        )
        return HttpResponseRedirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[review.pk],
                current_app=self.admin_site.name,
            )
        )

    # Rendering

    def changelist_url(self) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist",
            current_app=self.admin_site.name,
        )

    def import_context(self, request, title: str) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "changelist_url": self.changelist_url(),
        }

    def render_paste(self, request, form):
        return TemplateResponse(
            request,
            self.import_paste_template,
            {**self.import_context(request, _("Import a review from text")), "form": form},
        )

    def render_preview(self, request, forms: ProposalForms, *, error: str = ""):
        doubts = forms.review_doubts()
        return TemplateResponse(
            request,
            self.import_preview_template,
            {
                **self.import_context(request, _("Check the imported review")),
                "forms": forms,
                "review_form": forms.review,
                "review_doubts": doubts,
                "review_rows": [
                    (field, doubts.get(field.name, [])) for field in forms.review.visible_fields()
                ],
                "stories": forms.story_rows(),
                "mentioned": forms.mentioned(),
                "newsmakers": forms.newsmakers(),
                "doubt_count": forms.doubt_count(),
                "error": error,
                "has_errors": forms.has_errors(),
                "media": self.media + forms.media,
            },
        )
