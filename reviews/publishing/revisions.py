"""Revisions of a review with its stories, citations and tags (django-reversion): what they
hold, the desk's revert, and comparing two states. See docs/EDITING.md, "Revisions and
comparison".
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version
from taggit.models import Tag

from reviews.models import Citation, Expert, Outlet, Review, Story, TaggedStory, join_position
from reviews.pagecache.invalidation import content_changed

# Fields that describe the record rather than its content: a revert keeps their current values.
KEPT_ON_REVERT = (
    "status",
    "publish_at",
    "sent_back_reason",
    "preview_key",
    "version",
    # An edition's place among the others, and how far it follows its source.
    "language",
    "edition_group",
    "made_from",
    "made_from_version",
    "made_from_revision",
)

# Review fields the compare view leaves out: bookkeeping, and a secret (the preview key).
NOT_COMPARED = {
    "id",
    "version",
    "preview_key",
    "created_at",
    "updated_at",
    "search_vector",
    "edition_group",
    "made_from",
    "made_from_version",
    "made_from_revision",
}

EMPTY = "—"


def register_models() -> None:
    """Register the review and its parts, each following the others.

    Saving any part adds the whole review to the revision (stories follow their review, and
    so on down), so a revision is always a complete review whichever part was saved.
    """
    following = [
        # Not the bookkeeping `version` (a transition saves it as an F() expression, which
        # cannot be read back) nor the share-preview secret: a revert keeps both as they are.
        # Nor the search vectors, which the database derives from the text (migration 0007).
        (Review, {"follow": ["stories"], "exclude": ["version", "preview_key", "search_vector"]}),
        # Tags are versioned through their TaggedStory rows, not as a field of the story.
        (
            Story,
            {"follow": ["review", "citations", "tagged"], "exclude": ["tags", "search_vector"]},
        ),
        (Citation, {"follow": ["story"]}),
        (TaggedStory, {"follow": ["content_object"]}),
    ]
    for model, options in following:
        if not reversion.is_registered(model):
            reversion.register(model, **options)


# At import time: ReviewAdmin's VersionAdmin would otherwise register Review by itself, with
# fewer follows, when the admin is loaded before this app's ready() runs.
register_models()


# What a revision holds for one review.


def _content_type_ids() -> dict[int, type[models.Model]]:
    return {
        ContentType.objects.get_for_model(model).pk: model
        for model in (Review, Story, Citation, TaggedStory)
    }


@dataclass
class RevisionPart:
    """The versions of one review in one revision: the review, its stories, their parts."""

    review: Version
    stories: list[Version]
    citations: list[Version]
    tagged: list[Version]

    @classmethod
    def of(cls, review_version: Version) -> "RevisionPart":
        models_by_type = _content_type_ids()
        by_model = defaultdict(list)
        for version in review_version.revision.version_set.all():
            by_model[models_by_type.get(version.content_type_id)].append(version)
        review_id = review_version.object_id
        stories = [v for v in by_model[Story] if str(v.field_dict["review_id"]) == review_id]
        story_ids = {v.object_id for v in stories}
        return cls(
            review=review_version,
            stories=stories,
            citations=[v for v in by_model[Citation] if str(v.field_dict["story_id"]) in story_ids],
            tagged=[
                v
                for v in by_model[TaggedStory]
                if str(v.field_dict["content_object_id"]) in story_ids
            ],
        )

    @property
    def versions(self) -> list[Version]:
        return [self.review, *self.stories, *self.citations, *self.tagged]

    def ids(self, versions: list[Version]) -> list[str]:
        return [version.object_id for version in versions]

    def missing_references(self) -> list[str]:
        """What this part points to that no longer exists, one phrase each."""
        wanted = defaultdict(list)  # related model -> [(pk, version, field)]
        for version in self.versions:
            for model_field in version._object_version.object._meta.concrete_fields:
                target = model_field.related_model
                value = version.field_dict.get(model_field.attname)
                # Reviews and stories referred to here come back with the revision itself.
                if model_field.many_to_one and value is not None and target not in (Review, Story):
                    wanted[target].append((value, version, model_field))
        missing = []
        for target, references in wanted.items():
            pks = {pk for pk, _version, _field in references}
            existing = set(target._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
            missing += [
                _("%(object)s: its %(field)s no longer exists (merged or deleted)")
                % {"object": version.object_repr, "field": model_field.verbose_name}
                for pk, version, model_field in references
                if pk not in existing
            ]
        return missing


def restore_review(part: RevisionPart) -> None:
    """Put the review back as `part` recorded it, with exactly its stories, citations and tags.

    Run it inside a transaction: it deletes what was added since before restoring.
    """
    review_id = part.review.object_id
    kept = Review.objects.filter(pk=review_id).values(*KEPT_ON_REVERT).first()
    if kept is not None:
        stories = Story.objects.filter(review_id=review_id)
        Citation.objects.filter(story__in=stories).exclude(pk__in=part.ids(part.citations)).delete()
        TaggedStory.objects.filter(content_object__in=stories).exclude(
            pk__in=part.ids(part.tagged)
        ).delete()
        stories.exclude(pk__in=part.ids(part.stories)).delete()
        positions = [*stories.values_list("position", flat=True)]
        positions += [version.field_dict["position"] for version in part.stories]
        if positions:
            # Above every position now or then, so no restored story meets a current one.
            stories.update(position=F("position") + max(positions) + 1)
    for version in part.versions:
        version.revert()
    if kept is not None:
        Review.objects.filter(pk=review_id).update(**kept)
    # update() sends no signal.
    content_changed()


# Comparing two states of a review.


@dataclass(frozen=True)
class CitationState:
    expert_id: int
    position: str
    organisation: str
    quote: str


@dataclass
class StoryState:
    pk: int
    position: int
    outlet_id: int
    headline: str
    body: str
    link: str
    tag_ids: set[int] = field(default_factory=set)
    citations: dict[int, CitationState] = field(default_factory=dict)


@dataclass
class ReviewState:
    fields: dict[str, Any]
    stories: dict[int, StoryState]

    @classmethod
    def from_part(cls, part: RevisionPart) -> "ReviewState":
        stories = {}
        for version in part.stories:
            data = version.field_dict
            stories[data["id"]] = StoryState(
                pk=data["id"],
                position=data["position"],
                outlet_id=data["outlet_id"],
                headline=_comparable(data["headline"]),
                body=_comparable(data["body"]),
                link=data["link"],
            )
        for version in part.citations:
            data = version.field_dict
            stories[data["story_id"]].citations[data["id"]] = CitationState(
                data["expert_id"],
                data["position"],
                data["organisation"],
                _comparable(data["quote"]),
            )
        for version in part.tagged:
            data = version.field_dict
            stories[data["content_object_id"]].tag_ids.add(data["tag_id"])
        fields = {name: _comparable(value) for name, value in part.review.field_dict.items()}
        return cls(fields=fields, stories=stories)

    @classmethod
    def from_database(cls, review: Review) -> "ReviewState":
        fields = {
            f.attname: _comparable(getattr(review, f.attname)) for f in Review._meta.concrete_fields
        }
        stories = {}
        for story in Story.objects.filter(review=review).prefetch_related("citations", "tagged"):
            stories[story.pk] = StoryState(
                pk=story.pk,
                position=story.position,
                outlet_id=story.outlet_id,
                headline=_comparable(story.headline),
                body=_comparable(story.body),
                link=story.link,
                tag_ids={tagged.tag_id for tagged in story.tagged.all()},
                citations={
                    c.pk: CitationState(
                        c.expert_id, c.position, c.organisation, _comparable(c.quote)
                    )
                    for c in story.citations.all()
                },
            )
        return cls(fields=fields, stories=stories)


def _comparable(value):
    """`value` without differences nobody wrote: line endings, sub-millisecond time.

    Browsers post text areas with CRLF line endings; the JSON in a revision keeps times to
    the millisecond.
    """
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if hasattr(value, "microsecond"):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


class Names:
    """Display names for the ids two states hold, fetched once per model."""

    def __init__(self, *states: ReviewState):
        wanted = defaultdict(set)
        for state in states:
            for model_field in Review._meta.concrete_fields:
                value = state.fields.get(model_field.attname)
                if model_field.many_to_one and value is not None:
                    wanted[model_field.related_model].add(value)
            for story in state.stories.values():
                wanted[Outlet].add(story.outlet_id)
                wanted[Tag] |= story.tag_ids
                wanted[Expert] |= {citation.expert_id for citation in story.citations.values()}
        self.objects = {model: model._default_manager.in_bulk(pks) for model, pks in wanted.items()}

    def __call__(self, model: type[models.Model], pk) -> str:
        obj = self.objects.get(model, {}).get(pk)
        if obj is None:
            return _("%(model)s #%(pk)s (deleted)") % {"model": model._meta.verbose_name, "pk": pk}
        if model is get_user_model():
            return obj.get_full_name() or obj.get_username()
        return str(obj)

    def citation(self, citation: CitationState) -> str:
        text = self(Expert, citation.expert_id)
        title = join_position(citation.position, citation.organisation)
        if title:
            text = f"{text}, {title}"
        return f"{text}: “{citation.quote}”" if citation.quote else text


@dataclass
class Change:
    """One changed value: its label, and the old and new values as HTML."""

    label: str
    old: SafeString
    new: SafeString


@dataclass
class StoryDiff:
    kind: str  # "added", "removed" or "changed"
    title: str
    position: int
    changes: list[Change]


@dataclass
class ReviewDiff:
    fields: list[Change]
    stories: list[StoryDiff]
    unchanged_stories: int

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.stories


_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def highlight_changes(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, words removed from `old` in <del> and words new in `new` in <ins>."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    # [equal?, old text, new text] runs; a lone space between two changes joins them, so
    # that "next week" reads as one change rather than two.
    runs = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if runs and not runs[-1][0] and operation != "equal":
            runs[-1][1] += removed
            runs[-1][2] += added
        else:
            runs.append([operation == "equal", removed, added])
    for index in range(len(runs) - 2, 0, -1):
        equal, text, _same = runs[index]
        if equal and text.isspace() and not runs[index - 1][0] and not runs[index + 1][0]:
            before, after = runs[index - 1], runs.pop(index + 1)
            runs.pop(index)
            before[1] += text + after[1]
            before[2] += text + after[2]
    old_html, new_html = [], []
    for equal, removed, added in runs:
        if equal:
            old_html.append(escape(removed))
            new_html.append(escape(added))
            continue
        if removed:
            old_html.append(format_html("<del>{}</del>", removed))
        if added:
            new_html.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))  # escaped above


def _list_changes(old: dict, new: dict) -> tuple[SafeString, SafeString]:
    """Two keyed lists of lines as HTML lists, lines gone in <del> and lines new in <ins>."""
    old_items, new_items = [], []
    for key, text in old.items():
        if key not in new:
            old_items.append(format_html("<li><del>{}</del></li>", text))
        elif new[key] != text:
            old_items.append(format_html("<li>{}</li>", highlight_changes(text, new[key])[0]))
        else:
            old_items.append(format_html("<li>{}</li>", text))
    for key, text in new.items():
        if key not in old:
            new_items.append(format_html("<li><ins>{}</ins></li>", text))
        elif old[key] != text:
            new_items.append(format_html("<li>{}</li>", highlight_changes(old[key], text)[1]))
        else:
            new_items.append(format_html("<li>{}</li>", text))

    def as_list(items):
        return format_html("<ul>{}</ul>", mark_safe("".join(items))) if items else EMPTY

    return as_list(old_items), as_list(new_items)


def _value_change(label: str, old: str, new: str) -> Change:
    if old and new:
        return Change(label, *highlight_changes(old, new))
    return Change(label, escape(old or EMPTY), escape(new or EMPTY))


def _display(model_field: models.Field, value, names: Names) -> str:
    if value is None or value == "":
        return ""
    if model_field.many_to_one:
        return names(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(model_field, models.DateField):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def diff_states(
    old: ReviewState, new: ReviewState, *, ignored: set[str] = NOT_COMPARED
) -> ReviewDiff:
    """The changes from `old` to `new`: review fields (but the `ignored`), then stories
    added, removed, changed."""
    names = Names(old, new)
    field_changes = [
        _value_change(
            str(f.verbose_name).capitalize(),
            _display(f, old.fields.get(f.attname), names),
            _display(f, new.fields.get(f.attname), names),
        )
        for f in Review._meta.concrete_fields
        if f.name not in ignored and old.fields.get(f.attname) != new.fields.get(f.attname)
    ]
    story_diffs, unchanged = [], 0
    for pk in old.stories.keys() | new.stories.keys():
        before, after = old.stories.get(pk), new.stories.get(pk)
        changes = _story_changes(before, after, names)
        if not changes:
            unchanged += 1
            continue
        shown = after or before
        kind = "added" if before is None else "removed" if after is None else "changed"
        title = f"{names(Outlet, shown.outlet_id)}: {shown.headline}"
        story_diffs.append(StoryDiff(kind, title, shown.position, changes))
    story_diffs.sort(key=lambda diff: (diff.position, diff.kind != "removed"))
    return ReviewDiff(field_changes, story_diffs, unchanged)


def _by_name(item: tuple[int, str]) -> str:
    return item[1].lower()


def _story_changes(before: StoryState | None, after: StoryState | None, names: Names):
    def values(story: StoryState | None) -> dict[str, Any]:
        if story is None:
            return {}
        return {
            "position": str(story.position),
            "outlet": names(Outlet, story.outlet_id),
            "headline": story.headline,
            "body": story.body,
            "link": story.link,
            "tags": dict(sorted(((pk, names(Tag, pk)) for pk in story.tag_ids), key=_by_name)),
            "citations": {pk: names.citation(c) for pk, c in story.citations.items()},
        }

    old, new = values(before), values(after)
    labels = {
        "position": _("Position"),
        "outlet": _("Outlet"),
        "headline": _("Headline"),
        "body": _("Body"),
        "link": _("Link to the original"),
        "tags": _("Tags"),
        "citations": _("Citations"),
    }
    changes = []
    for key, label in labels.items():
        nothing = {} if key in ("tags", "citations") else ""
        old_value, new_value = old.get(key, nothing), new.get(key, nothing)
        if old_value == new_value:
            continue
        if isinstance(nothing, dict):
            changes.append(Change(label, *_list_changes(old_value, new_value)))
        else:
            changes.append(_value_change(label, old_value, new_value))
    return changes


# The admin.
