"""Model instances as the API shows them, with absolute addresses for the asking request.

Only fields readers may see: no status, author, preview key or workflow notes. Datetimes are
in the newsroom's time zone (settings.TIME_ZONE), written with their offset. Names of
sections, outlets, experts and tags are in the active language, else the default's
(reviews.translations): a review's and a story's in the review's own language.
"""

from django.urls import reverse
from django.utils import timezone, translation

from reviews.translations import active_language, translated


class Representer:
    """Builds the dicts of schemas.py for one request (its scheme and host)."""

    def __init__(self, request):
        self.origin = f"{request.scheme}://{request.get_host()}"
        self._tag_paths: dict[tuple[str, str], str] = {}

    def absolute(self, path: str) -> str:
        return self.origin + path

    def api_url(self, name: str, **kwargs) -> str:
        return self.absolute(reverse(f"api-v1:{name}", kwargs=kwargs))

    def named(self, subject) -> dict:
        """A section, outlet or expert as a reference: its name, slug and public page."""
        return {
            "name": translated(subject),
            "slug": subject.slug,
            "url": self.absolute(subject.get_absolute_url()),
        }

    section = expert = named

    def outlet(self, outlet) -> dict:
        return {
            **self.named(outlet),
            "country": outlet.country,
            "language": outlet.language,
            "website": outlet.website,
        }

    def tag(self, tag) -> dict:
        # A page of reviews names the same few tags hundreds of times.
        key = (active_language(), tag.slug)
        path = self._tag_paths.get(key)
        if path is None:
            path = self._tag_paths[key] = reverse("reviews:tag-detail", kwargs={"slug": tag.slug})
        return {"name": translated(tag), "slug": tag.slug, "url": self.absolute(path)}

    def citation(self, citation) -> dict:
        return {
            "expert": self.expert(citation.expert),
            "position": citation.position,
            "organisation": citation.organisation,
            "title": citation.title,
            "quote": citation.quote,
        }

    def story_in_review(self, story, review_url: str) -> dict:
        """A story; `review_url` is its review's public page (the story is a part of it)."""
        return {
            "id": story.pk,
            "position": story.position,
            "headline": story.headline,
            "outlet": self.outlet(story.outlet),
            "body": story.body,
            "link": story.link,
            "tags": [self.tag(tag) for tag in sorted(story.shown_tags, key=tag_order)],
            "citations": [self.citation(citation) for citation in story.shown_citations],
            "url": f"{review_url}#{story.anchor}",
        }

    def review_ref(self, review) -> dict:
        return {
            "id": review.pk,
            "title": review.title,
            "slug": review.slug,
            "language": review.language,
            "section": self.section(review.section),
            "review_date": review.review_date,
            "published_at": timezone.localtime(review.publish_at),
            "url": self.absolute(review.get_absolute_url()),
            "api_url": self.api_url("review-detail", review_id=review.pk),
        }

    def edition(self, review) -> dict:
        return {
            "language": review.language,
            "id": review.pk,
            "url": self.absolute(review.get_absolute_url()),
            "api_url": self.api_url("review-detail", review_id=review.pk),
        }

    def review(self, review) -> dict:
        """A review with its stories in order and its other published editions (stories,
        outlets, tags, citations and editions prefetched), named in its language."""
        with translation.override(review.language):
            return self._review(review)

    def _review(self, review) -> dict:
        data = self.review_ref(review)
        stories = [self.story_in_review(story, data["url"]) for story in review.stories.all()]
        tags = {tag["slug"]: tag for story in stories for tag in story["tags"]}
        return {
            **data,
            "editions": [self.edition(edition) for edition in review.other_published_editions()],
            "dateline": review.dateline,
            "dateline_city": review.dateline_city,
            "lede": review.lede,
            "disclaimer": review.effective_disclaimer,
            "updated_at": timezone.localtime(review.updated_at),
            "tags": sorted(tags.values(), key=lambda tag: (tag["name"].lower(), tag["slug"])),
            "stories": stories,
        }

    def story(self, story) -> dict:
        """A story with a summary of its review (review and its section selected), named in
        the review's language."""
        with translation.override(story.review.language):
            review = self.review_ref(story.review)
            return {**self.story_in_review(story, review["url"]), "review": review}

    def outlet_with_count(self, outlet, story_count: int) -> dict:
        return {
            **self.outlet(outlet),
            "description": translated(outlet, "description"),
            "story_count": story_count,
            "api_url": self.api_url("outlet-detail", slug=outlet.slug),
        }

    def expert_with_count(self, expert, citation_count: int) -> dict:
        return {
            **self.expert(expert),
            "position": translated(expert, "position"),
            "organisation": expert.organisation,
            "bio": expert.bio,
            "citation_count": citation_count,
            "api_url": self.api_url("expert-detail", slug=expert.slug),
        }

    def tag_with_count(self, tag, story_count: int) -> dict:
        return {
            **self.tag(tag),
            "story_count": story_count,
            "api_url": self.api_url("tag-detail", slug=tag.slug),
        }

    def section_with_count(self, section, review_count: int) -> dict:
        return {
            **self.section(section),
            "description": section.description,
            "review_count": review_count,
            "api_url": self.api_url("section-detail", slug=section.slug),
        }


def tag_order(tag) -> tuple[str, str]:
    return (translated(tag).lower(), tag.slug)
