"""The admin's change forms as a browser posts them, for tests that drive the admin."""

from django import forms
from django.contrib import admin

from reviews.models import Review
from reviews.publishing.editing import base_token


def inline_rows(prefix: str, rows: list[dict]) -> dict:
    """An inline formset as posted: its management form, then each row's fields."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data


def tag_names(story) -> str:
    return ", ".join(tag.name for tag in story.tags.all())


def review_form_data(review: Review, **changes) -> dict:
    """The review change form as a browser posts it, with `changes` applied."""
    stories = review.stories.order_by("position")
    data = {
        "title": review.title,
        "slug": review.slug,
        "section": review.section_id,
        "dateline_city": review.dateline_city,
        "review_date": review.review_date.isoformat(),
        "lede": review.lede,
        "disclaimer": review.disclaimer,
        "publish_at_0": review.publish_at.date().isoformat() if review.publish_at else "",
        "publish_at_1": review.publish_at.strftime("%H:%M:%S") if review.publish_at else "",
        "version": review.version,
        # What the form showed when opened: the base a stale save is merged against.
        "edit_base": base_token(review.pk),
    }
    data |= inline_rows(
        "stories",
        [
            {
                "id": story.pk,
                "review": review.pk,
                "position": story.position,
                "outlet": story.outlet_id,
                "headline": story.headline,
                "body": story.body,
                "link": story.link,
                "tags": tag_names(story),
            }
            for story in stories
        ],
    )
    # The review's page nests each story's citations in its row (reviews/admin/stories.py).
    for index, story in enumerate(stories):
        data |= citation_rows(f"stories-{index}-citations", story)
    return data | changes


def story_form_data(story, **changes) -> dict:
    """The story change form as a browser posts it, with `changes` applied."""
    data = {
        "review": story.review_id,
        "position": story.position,
        "outlet": story.outlet_id,
        "headline": story.headline,
        "body": story.body,
        "link": story.link,
        "tags": tag_names(story),
    }
    return data | citation_rows("citations", story) | opened_story_form(story) | changes


def citation_rows(prefix: str, story=None) -> dict:
    """A story's citation rows as posted, under `prefix` (the story's own page: "citations";
    the review's page, where they are nested in the story's row: "stories-N-citations").
    A new story (None) posts none, but the count of them all the same."""
    citations = story.citations.order_by("pk") if story is not None else []
    return inline_rows(
        prefix,
        [
            {
                "id": citation.pk,
                "story": story.pk,
                "expert": citation.expert_id,
                "position": citation.position,
                "organisation": citation.organisation,
                "quote": citation.quote,
            }
            for citation in citations
        ],
    )


def opened_story_form(story) -> dict:
    """The hidden fields a story's page (or its tagging page) carries when opened now."""
    review = Review.objects.get(pk=story.review_id)
    return {"review_version": review.version, "edit_base": base_token(review.pk)}


def form_as_rendered(response) -> dict:
    """What a browser posts back from the change form in `response` when nothing is edited
    (after a refused save: the input it was refused with)."""
    data = {}
    bound_forms = [response.context["adminform"].form]
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    while formsets:
        formset = formsets.pop(0)
        bound_forms += [formset.management_form, *formset.forms]
        for form in formset.forms:
            # Rows nested in rows: a story's citations on the review's page.
            formsets += getattr(form, "nested_formsets", [])
    for form in bound_forms:
        for bound in form:
            value, widget = bound.value(), bound.field.widget
            if isinstance(widget, forms.MultiWidget):
                # A bound form (a refused save) holds the posted parts already.
                parts = value if isinstance(value, list) else widget.decompress(value)
                for index, part in enumerate(parts):
                    data[f"{bound.html_name}_{index}"] = widget.widgets[index].format_value(part)
            elif isinstance(widget, forms.CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
            elif value is not None:
                data[bound.html_name] = widget.format_value(value)
    return {name: "" if value is None else value for name, value in data.items()}


def opened_record_form(record, fields=("name",)) -> dict:
    """The hidden fields a section's, outlet's, expert's or tag's page carries when opened now
    (`fields`: those of its form besides the names in other languages)."""
    admin_form = admin.site._registry[type(record)].form
    form = forms.modelform_factory(type(record), form=admin_form, fields=list(fields))(
        instance=record
    )
    return {name: form.initial[name] for name in ("edit_fingerprint", "edit_base")}
