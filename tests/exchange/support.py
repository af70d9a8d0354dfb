"""Running the exchange commands, and the database's content by natural keys, for tests."""

import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from reviews.models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory


@dataclass
class Run:
    stdout: str
    stderr: str
    error: CommandError | None = None


def export(**options) -> Run:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_json", stdout=out, stderr=err, **options)
    return Run(out.getvalue(), err.getvalue())


def import_file(path: Path, **options) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_json", str(path), stdout=out, stderr=err, **options)
    except CommandError as exc:
        return Run(out.getvalue(), err.getvalue(), exc)
    return Run(out.getvalue(), err.getvalue())


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def empty_the_database() -> None:
    """What an empty second database holds: no content at all (accounts stay)."""
    Review.objects.all().delete()
    for model in (Tag, Outlet, Expert, Section):
        model.objects.all().delete()


def snapshot() -> dict[str, list]:
    """Every content row with its field values, by natural keys (never by database id)."""
    return {
        "sections": list(
            Section.objects.order_by("slug").values_list(
                "slug", "name", "description", "translations"
            )
        ),
        "outlets": list(
            Outlet.objects.order_by("slug").values_list(
                "slug",
                "name",
                "country",
                "language",
                "website",
                "description",
                "aliases",
                "translations",
            )
        ),
        "experts": list(
            Expert.objects.order_by("slug").values_list(
                "slug", "name", "position", "organisation", "bio", "aliases", "translations"
            )
        ),
        "tags": list(
            Tag.objects.order_by("name").values_list("name", "slug", "translation__translations")
        ),
        "editions": editions(),
        "reviews": list(
            Review.objects.order_by("review_date", "slug").values_list(
                "review_date",
                "slug",
                "language",
                "title",
                "section__slug",
                "dateline_city",
                "lede",
                "disclaimer",
                "status",
                "publish_at",
                "sent_back_reason",
                "author__username",
                "created_at",
                "updated_at",
            )
        ),
        "stories": list(
            Story.objects.order_by("review__review_date", "review__slug", "position").values_list(
                "review__review_date",
                "review__slug",
                "position",
                "outlet__slug",
                "headline",
                "body",
                "link",
            )
        ),
        "citations": list(
            Citation.objects.order_by(
                "story__review__review_date", "story__review__slug", "story__position", "pk"
            ).values_list(
                "story__review__review_date",
                "story__review__slug",
                "story__position",
                "expert__slug",
                "position",
                "organisation",
                "quote",
            )
        ),
        "story_tags": list(
            TaggedStory.objects.order_by(
                "content_object__review__review_date",
                "content_object__review__slug",
                "content_object__position",
                "tag__name",
            ).values_list(
                "content_object__review__review_date",
                "content_object__review__slug",
                "content_object__position",
                "tag__name",
            )
        ),
    }


def editions() -> list[tuple]:
    """Each review's edition links, by natural keys: the editions of its group, the one it
    was made from and whether it is out of date."""
    reviews = Review.objects.select_related("made_from").prefetch_related("edition_group__editions")
    return sorted(
        (
            (review.review_date, review.slug),
            review.edition_group
            and sorted(
                (each.review_date, each.slug) for each in review.edition_group.editions.all()
            ),
            review.made_from and (review.made_from.review_date, review.made_from.slug),
            review.is_out_of_date(),
        )
        for review in reviews
    )
