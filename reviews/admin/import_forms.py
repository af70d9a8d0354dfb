"""The import pages' forms: the paste box, then the editable proposal (the review, its stories,
their citations). See docs/IMPORTING.md, "The proposal page and the saving".
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from reviews.importer.parser import ReviewProposal
from reviews.importer.services import (
    DraftCitation,
    DraftReview,
    DraftStory,
    NewExpert,
    NewOutlet,
    own_disclaimer,
)
from reviews.importer.webpage import looks_like_html
from reviews.models import Citation, Expert, Outlet, Section, Story, language_choices

MAX_PASTE = 200_000
# A page's HTML source is mostly markup, styles and scripts: a news page's runs to several
# hundred thousand characters for a review of a few thousand words.
MAX_PAGE = 1_000_000


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Pasted text"),
        max_length=MAX_PAGE,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "class": "import-paste", "spellcheck": "false"}),
        help_text=_(
            "The whole review as copied from a page or a document: title, dateline "
            "(“LISBON, March 3 /Agency/.”), lede, each story headed “Outlet: headline”, and "
            "the disclaimer. Menus, share buttons and related links may stay: they are dropped. "
            "The page's HTML source may be pasted instead: it is read as the page's text."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=lambda: [("", _("Recognise it from the text")), *language_choices()],
        help_text=_("The language the review is written in."),
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not looks_like_html(text):
            MaxLengthValidator(MAX_PASTE)(text)
        return text


class ReviewPartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    section = forms.ModelChoiceField(Section.objects.all(), label=_("Section"))
    dateline_city = forms.CharField(label=_("Dateline city"), max_length=100)
    review_date = forms.DateField(label=_("Review date"), widget=AdminDateWidget)
    lede = forms.CharField(label=_("Lede"), widget=forms.Textarea(attrs={"rows": 4}))
    disclaimer = forms.CharField(
        label=_("Disclaimer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty to use the site-wide disclaimer."),
    )
    # The pasted text (to go back to it) and the parser's doubts (to keep the marks).
    text = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    notes = forms.CharField(widget=forms.HiddenInput, required=False)

    def notes_data(self) -> dict:
        raw = (
            self.data.get(self.add_prefix("notes")) if self.is_bound else self.initial.get("notes")
        )
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        # A hidden field comes back from the browser: keep only what has the shape we wrote.
        uncertain = data.get("uncertain")
        mentioned = data.get("mentioned")
        newsmakers = data.get("newsmakers")
        return {
            "uncertain": [
                (item[0], item[1])
                for item in (uncertain if isinstance(uncertain, list) else [])
                if isinstance(item, list | tuple)
                and len(item) == 2
                and all(isinstance(part, str) for part in item)
            ],
            "mentioned": [
                name
                for name in (mentioned if isinstance(mentioned, list) else [])
                if isinstance(name, str)
            ],
            "newsmakers": [
                name
                for name in (newsmakers if isinstance(newsmakers, list) else [])
                if isinstance(name, str)
            ],
        }


def autocomplete(model, field_name: str) -> AutocompleteSelect:
    return AutocompleteSelect(model._meta.get_field(field_name), admin.site)


class StoryPartForm(forms.Form):
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(),
        label=_("Outlet"),
        required=False,
        widget=autocomplete(Story, "outlet"),
    )
    create_outlet = forms.BooleanField(label=_("create this outlet"), required=False)
    new_outlet_name = forms.CharField(label=_("New outlet"), max_length=120, required=False)
    new_outlet_country = forms.CharField(label=_("Country"), max_length=80, required=False)
    new_outlet_language = forms.CharField(label=_("Language"), max_length=60, required=False)
    headline = forms.CharField(label=_("Headline"), max_length=255)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}))

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("create_outlet"):
            for field in ("new_outlet_name", "new_outlet_country", "new_outlet_language"):
                if not data.get(field, "").strip():
                    self.add_error(field, _("Needed to create the outlet."))
            name = data.get("new_outlet_name", "").strip()
            existing = Outlet.objects.filter(name__iexact=name).first() if name else None
            if existing is not None:
                self.add_error(
                    "new_outlet_name",
                    _("“%(name)s” exists already: choose it instead.") % {"name": existing.name},
                )
        elif not data.get("outlet"):
            self.add_error(
                "outlet", _("Choose an outlet, or tick “create this outlet” to add a new one.")
            )
        return data

    def outlet_choice(self) -> Outlet | NewOutlet:
        data = self.cleaned_data
        if data.get("create_outlet"):
            return NewOutlet(
                data["new_outlet_name"].strip(),
                data["new_outlet_country"].strip(),
                data["new_outlet_language"].strip(),
            )
        return data["outlet"]


class CitationPartForm(forms.Form):
    expert = forms.ModelChoiceField(
        Expert.objects.all(),
        label=_("Expert"),
        required=False,
        widget=autocomplete(Citation, "expert"),
    )
    create_expert = forms.BooleanField(label=_("create this expert"), required=False)
    new_expert_name = forms.CharField(label=_("New expert"), max_length=120, required=False)
    position = forms.CharField(label=_("Position as cited"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation as cited"), max_length=200, required=False)
    quote = forms.CharField(
        label=_("Quote"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("create_expert"):
            if not data.get("new_expert_name", "").strip():
                self.add_error("new_expert_name", _("Needed to create the expert."))
        elif not data.get("expert"):
            self.add_error(
                "expert",
                _("Choose an expert, tick “create this expert”, or remove this citation."),
            )
        return data

    def draft(self) -> DraftCitation:
        data = self.cleaned_data
        expert = (
            NewExpert(data["new_expert_name"].strip(), data["position"], data["organisation"])
            if data.get("create_expert")
            else data["expert"]
        )
        return DraftCitation(expert, data["position"], data["organisation"], data["quote"])


# Bounds for what a posted form may ask for: a press review has a dozen stories, a story a
# few experts. Beyond them the form says so, instead of building thousands of forms.
MAX_STORIES = 60
MAX_CITATIONS = 30


def bounded_formset(form: type[forms.Form], maximum: int) -> type[forms.BaseFormSet]:
    """Forms of `form`, each removable, at most `maximum` of them."""
    return forms.formset_factory(
        form, extra=0, can_delete=True, max_num=maximum, validate_max=True, absolute_max=maximum
    )


StoryFormSet = bounded_formset(StoryPartForm, MAX_STORIES)
CitationFormSet = bounded_formset(CitationPartForm, MAX_CITATIONS)


def citations_prefix(index: int) -> str:
    return f"story-{index}-citations"


class ProposalForms:
    """The review form, the stories formset and each story's citations, handled as one."""

    def __init__(self, review: ReviewPartForm, stories: StoryFormSet, citations: list):
        self.review, self.stories, self.citations = review, stories, citations

    @classmethod
    def initial(cls, proposal: ReviewProposal, text: str) -> ProposalForms:
        notes = {
            "uncertain": [[u.field, u.message] for u in proposal.uncertainties],
            "mentioned": [n for n in proposal.mentioned_people if n not in proposal.newsmakers],
            "newsmakers": proposal.newsmakers,
        }
        review = ReviewPartForm(
            initial={
                "title": proposal.title,
                "language": proposal.language,
                "section": proposal.section_id,
                "dateline_city": proposal.dateline_city,
                "review_date": proposal.review_date,
                "lede": proposal.lede,
                "disclaimer": own_disclaimer(proposal.disclaimer),
                "text": text,
                "notes": json.dumps(notes, ensure_ascii=False),
            }
        )
        stories = StoryFormSet(
            prefix="stories",
            initial=[
                {
                    "outlet": story.outlet.outlet_id,
                    "new_outlet_name": story.outlet.name if story.outlet.is_new else "",
                    "new_outlet_country": story.outlet.country if story.outlet.is_new else "",
                    "new_outlet_language": story.outlet.language if story.outlet.is_new else "",
                    "headline": story.headline,
                    "body": story.body,
                }
                for story in proposal.stories
            ],
        )
        citations = [
            CitationFormSet(
                prefix=citations_prefix(index),
                initial=[
                    {
                        "expert": citation.expert_id,
                        "new_expert_name": citation.name if citation.is_new else "",
                        "position": citation.position,
                        "organisation": citation.organisation,
                        "quote": citation.quote,
                    }
                    for citation in story.citations
                ],
            )
            for index, story in enumerate(proposal.stories)
        ]
        return cls(review, stories, citations)

    @classmethod
    def bound(cls, data) -> ProposalForms:
        stories = StoryFormSet(data, prefix="stories")
        count = stories.total_form_count() if stories.management_form.is_valid() else 0
        citations = [
            CitationFormSet(data, prefix=citations_prefix(index)) for index in range(count)
        ]
        return cls(ReviewPartForm(data), stories, citations)

    def is_valid(self) -> bool:
        valid = self.review.is_valid() & self.stories.is_valid()
        for index, form in enumerate(self.stories.forms):
            deleted = self.stories.can_delete and self.stories._should_delete_form(form)
            if not deleted:
                valid &= self.citations[index].is_valid()
        return bool(valid)

    def draft(self) -> DraftReview:
        data = self.review.cleaned_data
        stories = []
        for index, form in enumerate(self.stories.forms):
            if self.stories._should_delete_form(form):
                continue
            citations = [
                citation_form.draft()
                for citation_form in self.citations[index].forms
                if not self.citations[index]._should_delete_form(citation_form)
            ]
            stories.append(
                DraftStory(
                    outlet=form.outlet_choice(),
                    headline=form.cleaned_data["headline"].strip(),
                    body=form.cleaned_data["body"].strip(),
                    citations=citations,
                )
            )
        return DraftReview(
            title=data["title"].strip(),
            language=data["language"],
            section=data["section"],
            dateline_city=data["dateline_city"].strip(),
            review_date=data["review_date"],
            lede=data["lede"].strip(),
            disclaimer=data["disclaimer"].strip(),
            stories=stories,
        )

    def has_errors(self) -> bool:
        """Whether any part came back with errors (only bound forms have any)."""
        formsets = [self.stories, *self.citations]
        return bool(
            self.review.errors or any(f.total_error_count() for f in formsets if f.is_bound)
        )

    @property
    def media(self):
        media = self.review.media + self.stories.media
        for formset in self.citations:
            media += formset.media
        return media

    def story_rows(self) -> list[dict]:
        """What the template shows per story: its form, its citations and the marks."""
        doubts = self.doubts()
        rows = []
        for index, form in enumerate(self.stories.forms):
            citations = self.citations[index] if index < len(self.citations) else None
            rows.append(
                {
                    "number": index + 1,
                    "form": form,
                    "doubts": {
                        field: doubts.get(f"stories.{index}.{field}", [])
                        for field in ("outlet", "headline", "body")
                    },
                    "citations": citations,
                    "citation_rows": [
                        (
                            citation_form,
                            doubts.get(f"stories.{index}.citations.{number}.expert", []),
                        )
                        for number, citation_form in enumerate(citations.forms if citations else [])
                    ],
                }
            )
        return rows

    def doubts(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for field, message in self.review.notes_data().get("uncertain", []):
            found.setdefault(field, []).append(message)
        return found

    def review_doubts(self) -> dict[str, list[str]]:
        doubts = self.doubts()
        return {
            field: doubts[field]
            for field in doubts
            if not field.startswith("stories.") and field != "stories"
        } | {"stories": doubts.get("stories", [])}

    def mentioned(self) -> list[str]:
        return self.review.notes_data().get("mentioned", [])

    def newsmakers(self) -> list[str]:
        return self.review.notes_data().get("newsmakers", [])

    def doubt_count(self) -> int:
        return sum(len(messages) for messages in self.doubts().values())
