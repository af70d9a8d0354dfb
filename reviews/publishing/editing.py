"""One unit of editing: the review's version (`bump_version`), three-way merges of stale saves,
and who else is editing. See docs/EDITING.md, "One unit of editing".
"""

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any

from django import forms
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reversion.models import Version
from taggit.forms import TagField

from reviews.models import Review, Story
from reviews.newsroom.events import stale_save_merged
from reviews.pagecache import dependencies
from reviews.pagecache.invalidation import content_changed

REVIEW_FIELDS = [
    "title",
    "slug",
    "section",
    "dateline_city",
    "review_date",
    "lede",
    "disclaimer",
    "publish_at",
]
STORY_FIELDS = ["position", "outlet", "headline", "body", "link", "tags"]
CITATION_FIELDS = ["expert", "position", "organisation", "quote"]

BASE_SALT = "reviews.editing.base"
CONFLICTS_SALT = "reviews.editing.conflicts"

# How long someone who opened a review (or one of its stories) counts as "working on it".
RECENTLY_OPENED = datetime.timedelta(minutes=10)


def bump_version(*, review_ids: Iterable[int]) -> None:
    """Record that these reviews (or a part of them) changed: the one place `version` goes up,
    so that every form opened before the change knows it is stale."""
    ids = {pk for pk in review_ids if pk is not None}
    if ids:
        Review.objects.filter(pk__in=ids).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        # update() sends no signal, and readers see `updated_at` (sitemap, feeds, API, and
        # the review's own page).
        content_changed(affects={dependencies.review(pk) for pk in ids})


def review_ids_of_stories(story_ids: Iterable[int]) -> set[int]:
    return set(
        Story.objects.filter(pk__in=set(story_ids)).values_list("review_id", flat=True).distinct()
    )


# Snapshots: a review's editable values, comparable whichever side they come from.


def comparable(value) -> Any:
    """`value` (from a model or a form) in the form the three sides are compared in."""
    if value is None:
        return ""
    if hasattr(value, "pk") and hasattr(value, "_meta"):
        return value.pk
    if isinstance(value, datetime.datetime):
        # Forms show times to the second; "publish now" stores microseconds.
        return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, (list, tuple, set)):  # tag names
        return sorted({str(name) for name in value}, key=str.casefold)
    return value


def same(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return {name.casefold() for name in a} == {name.casefold() for name in b}
    return a == b


def snapshot(review_id: int) -> dict[str, dict[str, Any]]:
    """Every editable value of the review, its stories, their tags and citations, by record:
    "review", "story:<pk>", "citation:<pk>"."""
    review = Review.objects.get(pk=review_id)
    records = {
        "review": {
            name: comparable(getattr(review, Review._meta.get_field(name).attname))
            for name in REVIEW_FIELDS
        }
    }
    stories = Story.objects.filter(review_id=review_id).prefetch_related("tags", "citations")
    for story in stories:
        records[f"story:{story.pk}"] = {
            "position": story.position,
            "outlet": story.outlet_id,
            "headline": comparable(story.headline),
            "body": comparable(story.body),
            "link": comparable(story.link),
            "tags": comparable([tag.name for tag in story.tags.all()]),
        }
        for citation in story.citations.all():
            records[f"citation:{citation.pk}"] = {
                "expert": citation.expert_id,
                "position": comparable(citation.position),
                "organisation": comparable(citation.organisation),
                "quote": comparable(citation.quote),
            }
    return records


def base_token(review_id: int) -> str:
    """The signed snapshot a form carries, as its base for a later merge."""
    return signing.dumps(snapshot(review_id), salt=BASE_SALT, compress=True)


def _loads(token: str, salt: str, default):
    if not token:
        return default
    try:
        return signing.loads(token, salt=salt)
    except signing.BadSignature:
        return default


def to_cleaned(field: forms.Field, value):
    """A comparable value back in the type `field` cleans to."""
    if isinstance(field, forms.ModelChoiceField):
        return field.queryset.filter(pk=value).first() if value != "" else None
    if isinstance(field, (forms.SplitDateTimeField, forms.DateTimeField)):
        return datetime.datetime.fromisoformat(value) if value else None
    if isinstance(field, forms.DateField):
        return datetime.date.fromisoformat(value) if value else None
    return value


def display(field: forms.Field, value) -> str:
    """A comparable value as the editor reads it."""
    if isinstance(field, TagField) or isinstance(value, list):
        return ", ".join(value) if value else _("(no tags)")
    cleaned = to_cleaned(field, value)
    if cleaned in (None, ""):
        return _("(empty)")
    if isinstance(cleaned, datetime.datetime):
        return formats.date_format(timezone.localtime(cleaned), "DATETIME_FORMAT")
    if isinstance(cleaned, datetime.date):
        return formats.date_format(cleaned, "DATE_FORMAT")
    return str(cleaned)


def merge_tags(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """Tags both sides added are kept, tags either side removed are gone."""
    key = str.casefold
    base_keys = {key(name) for name in base}
    spelled = {key(name): name for name in [*base, *theirs, *mine]}
    mine_keys, their_keys = {key(name) for name in mine}, {key(name) for name in theirs}
    added = (mine_keys | their_keys) - base_keys
    removed = (base_keys - mine_keys) | (base_keys - their_keys)
    return sorted((spelled[k] for k in (base_keys | added) - removed), key=str.casefold)


def as_posted(form: forms.Form, name: str) -> dict[str, Any]:
    """The cleaned value of `form`'s field `name` as its widget posts it."""
    field, value = form.fields[name], form.cleaned_data[name]
    key = form.add_prefix(name)
    if isinstance(field, TagField):
        return {key: ", ".join(value)}
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value)
        return {
            f"{key}_{index}": sub.format_value(part) or ""
            for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True))
        }
    shown = widget.format_value(field.prepare_value(value))
    if isinstance(shown, list):  # a choice widget's; these fields hold one choice
        shown = shown[0] if shown else ""
    return {key: shown or ""}


@dataclass
class Conflict:
    """A field both sides changed differently since the form was opened."""

    key: str
    label: str
    mine: str
    theirs: Any
    base: Any
    theirs_shown: str
    base_shown: str
    choice: str = ""

    @property
    def input_name(self) -> str:
        return f"resolve:{self.key}"

    @property
    def choices(self) -> list[tuple[str, str, str]]:
        # In the table's order: where both of you started, then each side's change.
        return [
            ("base", _("As you opened it"), self.base_shown),
            ("mine", _("Yours"), self.mine),
            ("theirs", _("Theirs (saved meanwhile)"), self.theirs_shown),
        ]


class Merge:
    """One save of a form: is it stale, what merges, what conflicts. `now` reads the records
    as stored, by record name; subclasses say what "stale" is and how to say "not saved"."""

    def __init__(self, *, root_form: forms.Form, stale: bool, now, merging: bool = True):
        data = root_form.data
        self.root_form = root_form
        self.merging = merging
        self.stale = stale
        self.base = _loads(data.get(root_form.add_prefix("edit_base"), ""), BASE_SALT, {})
        pending = _loads(data.get(root_form.add_prefix("edit_conflicts"), ""), CONFLICTS_SALT, [])
        self.pending = {}
        for item in pending:
            conflict = Conflict(**item)
            conflict.choice = data.get(conflict.input_name, "")
            self.pending[conflict.key] = conflict
        self.now = now() if stale else {}
        self.conflicts: dict[str, Conflict] = {}
        self.unresolved: list[Conflict] = []
        self.refused = False
        self.announced = False
        # For the activity log: fields whose change by others was kept by itself, and the
        # choices the editor made, as (label, "mine" | "theirs" | "base").
        self.merged: list[str] = []
        self.chosen: list[tuple[str, str]] = []

    def apply(self, form: forms.Form, record: str, fields: Iterable[str], *, label: str) -> bool:
        """Merge `form`'s cleaned values of `record`; return whether any value was replaced
        (the caller copies replaced values to an already-built instance)."""
        replaced = False
        merged = []
        cleaned = form.cleaned_data
        for name in fields:
            if name not in cleaned or name not in form.fields or form.fields[name].disabled:
                continue
            field = form.fields[name]
            key = f"{record}.{name}"
            pending = self.pending.get(key)
            if pending is not None:
                if pending.choice in ("theirs", "base"):
                    cleaned[name] = to_cleaned(field, getattr(pending, pending.choice))
                    replaced = True
                elif pending.choice != "mine":
                    self.unresolved.append(pending)
                if pending.choice in ("mine", "theirs", "base"):
                    self.chosen.append((pending.label, pending.choice))
            if not self.stale:
                continue
            base = self.base.get(record, {}).get(name)
            if record not in self.now:
                continue  # gone meanwhile: the form's own validation says so
            theirs = self.now[record][name]
            mine = comparable(cleaned[name])
            if same(mine, theirs):
                continue
            if base is not None and same(mine, base):
                cleaned[name] = to_cleaned(field, theirs)
                merged.append(name)
                replaced = True
                self.merged.append(f"{label}: {field.label}")
            elif base is not None and same(theirs, base):
                continue
            elif base is not None and isinstance(field, TagField):
                cleaned[name] = merge_tags(base, mine, theirs)
                merged.append(name)
                replaced = True
                self.merged.append(f"{label}: {field.label}")
            elif self.merging:
                self.conflicts[key] = Conflict(
                    key=key,
                    label=f"{label}: {field.label}" if label else str(field.label),
                    mine=display(field, mine),
                    theirs=theirs,
                    base="" if base is None else base,
                    theirs_shown=display(field, theirs),
                    base_shown=_("(not known)") if base is None else display(field, base),
                )
            else:
                self.conflicts[key] = None  # refused without a choice (a revert)
        if merged and self.merging:
            # Should the form be shown again, it shows what saving it keeps. (A refused
            # revert shows the revision: saving it again reverts whole.)
            data = form.data.copy()
            for name in merged:
                for key, value in as_posted(form, name).items():
                    data[key] = value  # a QueryDict's update() would add, not replace
            form.data = data
        return replaced

    @property
    def shown(self) -> list[Conflict]:
        """The conflicts to choose between on the refused form, with the choices made."""
        if not self.refused:
            return []
        chosen = {key: c for key, c in self.pending.items() if key not in self.conflicts}
        return [c for c in [*chosen.values(), *self.conflicts.values()] if c is not None]

    def must_refuse(self) -> bool:
        if self.stale and not self.merging:
            return True
        return bool(self.conflicts or self.unresolved)

    def refuse(self) -> None:
        """Carry the choices to make into the re-shown form, which shows the editor's input
        with what merged from the other side in place (`apply`). What says when it was opened
        (the version, the fingerprint) and its base stay, so that the next save merges again
        what only one side changed. Only the base of a conflicting field moves, to the value
        shown as theirs: once chosen, that choice is the editor's own change."""
        self.refused = True
        form = self.root_form
        base = {record: dict(values) for record, values in self.base.items()}
        for conflict in self.conflicts.values():
            if conflict is not None:
                record, name = conflict.key.rsplit(".", 1)
                base.setdefault(record, {})[name] = conflict.theirs
        data = form.data.copy()
        self.carry(data)
        data[form.add_prefix("edit_base")] = signing.dumps(base, salt=BASE_SALT, compress=True)
        data[form.add_prefix("edit_conflicts")] = signing.dumps(
            [asdict(c) | {"choice": ""} for c in self.shown], salt=CONFLICTS_SALT, compress=True
        )
        form.data = data

    def carry(self, data) -> None:
        """Change what else the re-shown form posts back."""

    def message(self) -> str:
        raise NotImplementedError


class ReviewMerge(Merge):
    """A save of a page of the review unit, stale when the review's version moved on.

    The root form begins it (locking the review's row until the save commits) and attaches
    it to its instance, which its inline formsets share.
    """

    def __init__(self, *, root_form: forms.Form, review: Review, merging: bool = True):
        self.review = review
        posted = root_form.data.get(root_form.add_prefix(root_form.version_field))
        super().__init__(
            root_form=root_form,
            stale=str(posted) != str(review.version),
            now=lambda: snapshot(review.pk),
            merging=merging,
        )

    def carry(self, data) -> None:
        if not self.merging:
            # A revert is refused whole: saving again after seeing why reverts anyway.
            form = self.root_form
            current = Review.objects.get(pk=self.review.pk).version
            data[form.add_prefix(form.version_field)] = current

    def announce_saved(self, *, by) -> None:
        """Once the save commits, tell the newsroom what was merged (the activity log)."""
        if not (self.merged or self.chosen):
            return
        review, merged, chosen = self.review, list(self.merged), list(self.chosen)
        transaction.on_commit(
            lambda: stale_save_merged.send(
                sender=Review, review=review, by=by, merged=merged, chosen=chosen
            )
        )

    def message(self) -> str:
        if self.stale and not self.merging:
            return (
                _(
                    "Not saved: %(who)s changed this review at %(when)s, after you opened this "
                    "page. Your input is still in the form below; save again to replace their "
                    "changes with it."
                )
                % self._who_and_when()
            )
        if self.conflicts:
            return (
                _(
                    "Not saved: %(who)s changed this review at %(when)s, after you opened it, "
                    "and changed some of the same fields as you."
                )
                % self._who_and_when()
            )
        return _("Not saved: choose the value to keep for each field listed.")

    def _who_and_when(self) -> dict:
        latest = (
            Version.objects.get_for_object(self.review).select_related("revision__user").first()
        )
        user = latest.revision.user if latest and latest.revision.user else None
        who = (user.get_full_name() or user.get_username()) if user else _("someone else")
        current = Review.objects.get(pk=self.review.pk)
        return {"who": who, "when": formats.date_format(current.updated_at, "DATETIME_FORMAT")}


class BookkeepingField(forms.CharField):
    """A hidden field the form carries for merging (the version it was opened on, the base,
    the pending choices): `BookkeepingFieldsMixin` keeps it out of the form's changes."""

    widget = forms.HiddenInput


class BookkeepingFieldsMixin:
    """Leaves the hidden fields that say what the form was opened on out of `changed_data`,
    so that the history says "Changed Lede.", never "Changed Lede, edit_base and version."."""

    bookkeeping_fields = ("version", "review_version", "edit_base", "edit_conflicts")

    @cached_property
    def changed_data(self) -> list[str]:
        return [name for name in super().changed_data if name not in self.bookkeeping_fields]


class MergingFormMixin(BookkeepingFieldsMixin, forms.Form):
    """For the root ModelForm of a page of the review unit: carries the version and the base,
    and merges a stale save. Subclasses say where their review is and what record they are."""

    version_field = "version"
    merge_fields: list[str] = []
    # A revert or recovery replaces the review on purpose: a stale one is refused, not merged.
    merging = True

    edit_base = BookkeepingField(required=False)
    edit_conflicts = BookkeepingField(required=False)

    def review_of(self, instance) -> Review:
        raise NotImplementedError

    def record(self) -> str:
        raise NotImplementedError

    def record_label(self) -> str:
        return _("Review")

    def init_merge_fields(self) -> None:
        if self.instance.pk is not None and not self.is_bound:
            review = self.review_of(self.instance)
            self.initial[self.version_field] = review.version
            self.initial["edit_base"] = base_token(review.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        # Locked until the save commits, so that two saves cannot both pass this check.
        review_id = self.review_of(self.instance).pk
        review = Review.objects.select_for_update().filter(pk=review_id).first()
        if review is None:
            raise forms.ValidationError(_("This review has been deleted meanwhile."))
        merge = ReviewMerge(root_form=self, review=review, merging=self.merging)
        self.instance.edit_merge = merge
        merge.apply(self, self.record(), self.merge_fields, label=self.record_label())
        if merge.must_refuse():
            merge.refuse()
            merge.announced = True
            raise forms.ValidationError(merge.message())
        return cleaned


class MergingInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows (stories, citations) merged like their root form's fields."""

    merge_record = ""
    merge_fields: list[str] = []

    def row_label(self, form) -> str:
        return str(form.instance)

    def find_merge(self) -> Merge | None:
        """The save's merge, begun by the root form: on this formset's parent, or, for rows
        nested in rows (a story's citations on the review's page), on the parent's parent."""
        formset = self
        while formset is not None:
            merge = getattr(formset.instance, "edit_merge", None)
            if merge is not None:
                return merge
            formset = getattr(getattr(formset, "parent_form", None), "parent_formset", None)
        return None

    def clean(self):
        super().clean()
        merge = self.find_merge()
        if merge is None:
            return
        found_before = len(merge.conflicts) + len(merge.unresolved)
        for form in self.forms:
            pk = form.instance.pk
            if pk is None or not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            fields = [name for name in self.merge_fields if name in form.cleaned_data]
            record = f"{self.merge_record}:{pk}"
            if merge.apply(form, record, fields, label=self.row_label(form)):
                # The row's instance was built from the posted values before this clean.
                for name in fields:
                    if not isinstance(form.fields[name], TagField):
                        setattr(form.instance, name, form.cleaned_data[name])
        found_here = len(merge.conflicts) + len(merge.unresolved) > found_before
        if found_here:
            merge.refuse()
            if not merge.announced:
                merge.announced = True
                merge.root_form.add_error(None, merge.message())
            raise forms.ValidationError(_("See the choices to make at the top of the page."))


# Records edited on their own page (sections, outlets, experts, tags): merged like the unit.


def fingerprint(instance) -> str:
    """A digest of every stored value of `instance`: it changes whenever anyone saves it."""
    values = {
        field.attname: comparable(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    }
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


RECORD = "record"


class RecordMerge(Merge):
    """A save of a record's page, stale when the record's stored values changed."""

    def __init__(self, *, root_form: forms.ModelForm, current):
        self.current = current
        posted = root_form.data.get(root_form.add_prefix("edit_fingerprint"))
        super().__init__(
            root_form=root_form,
            stale=posted != root_form.fingerprint(current),
            now=lambda: {RECORD: root_form.stored_values(current)},
        )

    def message(self) -> str:
        if self.conflicts:
            return _(
                "Not saved: someone else saved this %(model)s after you opened it, and changed "
                "some of the same fields as you."
            ) % {"model": self.current._meta.verbose_name}
        return _("Not saved: choose the value to keep for each field listed.")


class UnchangedSinceOpenedForm(BookkeepingFieldsMixin, forms.ModelForm):
    """A record's form whose save after someone else's is merged field by field: what only
    they changed stays theirs, and for what you both changed you choose, seeing your value,
    theirs and the one you started from. Nothing of theirs is replaced unseen."""

    bookkeeping_fields = ("edit_fingerprint", "edit_base", "edit_conflicts")

    edit_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    edit_base = BookkeepingField(required=False)
    edit_conflicts = BookkeepingField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["edit_fingerprint"] = self.fingerprint(self.instance)
            self.initial["edit_base"] = signing.dumps(
                {RECORD: self.stored_values(self.instance)}, salt=BASE_SALT, compress=True
            )

    def record_fields(self) -> list[str]:
        """The form's fields that are the record's own columns."""
        model_fields = {field.name for field in self.instance._meta.concrete_fields}
        return [name for name in self.fields if name in model_fields]

    def merge_fields(self) -> list[str]:
        """The form's fields merged on a stale save (not the bookkeeping ones)."""
        return self.record_fields()

    def stored_values(self, record) -> dict[str, Any]:
        """The values of the merged fields as `record` stores them."""
        return {name: comparable(getattr(record, name)) for name in self.record_fields()}

    def fingerprint(self, record) -> str:
        """What changes whenever anyone saves what this form edits of `record`."""
        return fingerprint(record)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        model = type(self.instance)
        # Locked until the save commits, so that two saves cannot both pass this check.
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise forms.ValidationError(
                _("This %(model)s has been deleted meanwhile.")
                % {"model": model._meta.verbose_name}
            )
        merge = RecordMerge(root_form=self, current=current)
        self.instance.edit_merge = merge
        if merge.apply(self, RECORD, self.merge_fields(), label=""):
            # The instance was built from the posted values before this clean (the other
            # merged fields, such as names in other languages, are read from `cleaned`).
            for name in self.record_fields():
                if name in cleaned:
                    setattr(self.instance, name, cleaned[name])
        if merge.must_refuse():
            merge.refuse()
            raise forms.ValidationError(merge.message())
        return cleaned


# Who else is working on a review or a record.


def note_opened(request, obj) -> list[str]:
    """Remember that this user opened `obj` (a review, for any page of its unit, or a record
    edited on its own page) on a GET; return the names of the others who did lately."""
    key = f"opened:{obj._meta.label_lower}:{obj.pk}"
    now = timezone.now()
    openers = {
        user_id: (name, opened_at)
        for user_id, (name, opened_at) in (cache.get(key) or {}).items()
        if now - opened_at < RECENTLY_OPENED
    }
    others = [name for user_id, (name, _when) in openers.items() if user_id != request.user.pk]
    if request.method == "GET":
        name = request.user.get_full_name() or request.user.get_username()
        openers[request.user.pk] = (name, now)
        cache.set(key, openers, int(RECENTLY_OPENED.total_seconds()))
    return others
