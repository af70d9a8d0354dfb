"""Syndication feeds: the site's latest reviews, and one feed per outlet, expert and tag. Each
starts from a `published()` method and runs a fixed number of queries; descriptions are HTML,
so the text put into them is escaped first (docs/SECURITY.md, section 2).

A feed is in its address's language, as the pages are (`/ru/feeds/reviews/rss/`): that
language's published editions, its words, its names of subjects, its links and `<language>`.
"""

from collections import defaultdict
from html import escape

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    SlugRedirect,
    Story,
    TaggedStory,
    published_tags,
)
from reviews.pagecache.marks import public_page
from reviews.site.redirects import FollowsSlugRedirectsFeed
from reviews.translations import active_language, translated

FEED_LENGTH = 30


def as_html(text: str) -> str:
    """Plain text as HTML text: "&", "<" and ">" escaped, quotes left readable."""
    return escape(text, quote=False)


def story_title(story: Story) -> str:
    """ "Outlet: headline", the outlet named in the feed's language."""
    return f"{translated(story.outlet)}: {story.headline}" if story.outlet_id else story.headline


def public_update_time(review: Review):
    """When readers last saw the review change: never before it was published.

    A review scheduled ahead is saved (`updated_at`) before its publish time comes.
    """
    return max(review.publish_at, review.updated_at)


class SiteFeedMixin:
    """What every feed of the site says the same way.

    Items are signed by the site, and their guid is their absolute link (Django's default
    for `item_guid`), declared a permalink.
    """

    item_guid_is_permalink = True

    def item_author_name(self, item):
        return settings.PRESSREVIEW_SITE_NAME


@public_page
class LatestReviewsFeed(SiteFeedMixin, Feed):
    """The latest published reviews as RSS 2.0."""

    def title(self):
        return _("%(site)s: latest press reviews") % {"site": settings.PRESSREVIEW_SITE_NAME}

    def description(self):
        return _("Daily press reviews: what the newspapers led with and which experts they quoted.")

    def link(self):
        return reverse("reviews:home")

    def items(self):
        reviews = list(
            Review.objects.published()
            .in_language()
            .select_related("section")
            .order_by("-publish_at", "-pk")[:FEED_LENGTH]
        )
        # The tags' names alone, in one query: a feed of 30 reviews has some 500 story tags,
        # and building stories and tags as models was most of the feed's time.
        tag_names = defaultdict(set)
        uses = TaggedStory.objects.filter(content_object__review__in=reviews)
        language = active_language()
        for review_id, name, translations in uses.values_list(
            "content_object__review_id", "tag__name", "tag__translation__translations"
        ):
            tag_names[review_id].add(((translations or {}).get(language) or {}).get("name") or name)
        for review in reviews:
            review.tag_names = sorted(tag_names[review.pk], key=str.lower)
        return reviews

    def item_title(self, review):
        return review.title

    def item_description(self, review):
        return as_html(review.lede)

    def item_pubdate(self, review):
        return review.publish_at

    def item_updateddate(self, review):
        return public_update_time(review)

    def item_categories(self, review):
        return [translated(review.section), *review.tag_names]


@public_page
class LatestReviewsAtomFeed(LatestReviewsFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class SubjectFeed(SiteFeedMixin, Feed):
    """The feed of one outlet, tag or expert, found by slug among the public ones."""

    def public_subjects(self):
        raise NotImplementedError

    def get_object(self, request, slug):
        return get_object_or_404(self.public_subjects(), slug=slug)

    def title(self, subject):
        return _("%(name)s in the press reviews of %(site)s") % {
            "name": translated(subject),
            "site": settings.PRESSREVIEW_SITE_NAME,
        }

    def link(self, subject):
        return subject.get_absolute_url()


class StoryFeed(SubjectFeed):
    """The published stories of one subject (an outlet, a tag), newest first."""

    def items(self, subject):
        return (
            self.filter_stories(Story.objects.published().in_language(), subject)
            .select_related("review", "outlet")
            .with_shown_tags()
            .order_by("-review__publish_at", "-review_id", "position")[:FEED_LENGTH]
        )

    def filter_stories(self, stories, subject):
        raise NotImplementedError

    def item_title(self, story):
        return story_title(story)

    def item_description(self, story):
        paragraphs = story.paragraphs
        return as_html(paragraphs[0]) if paragraphs else ""

    def item_pubdate(self, story):
        return story.review.publish_at

    def item_updateddate(self, story):
        return public_update_time(story.review)

    def item_categories(self, story):
        return sorted((translated(tag) for tag in story.shown_tags), key=str.lower)


@public_page
class OutletFeed(StoryFeed):
    def public_subjects(self):
        return Outlet.objects.published()

    def filter_stories(self, stories, outlet):
        return stories.filter(outlet=outlet)

    def description(self, outlet):
        return _("The latest stories of %(outlet)s summarised in our press reviews.") % {
            "outlet": as_html(translated(outlet))
        }


@public_page
class TagFeed(FollowsSlugRedirectsFeed, StoryFeed):
    slug_redirect_kind = SlugRedirect.Kind.TAG

    def public_subjects(self):
        return published_tags()

    def filter_stories(self, stories, tag):
        return stories.filter(tags=tag)

    def description(self, tag):
        return _("The latest stories tagged “%(tag)s” in our press reviews.") % {
            "tag": as_html(translated(tag))
        }

    def link(self, tag):
        return reverse("reviews:tag-detail", kwargs={"slug": tag.slug})


@public_page
class ExpertFeed(FollowsSlugRedirectsFeed, SubjectFeed):
    """One expert's published citations, newest first, each with the position held then."""

    slug_redirect_kind = SlugRedirect.Kind.EXPERT

    def public_subjects(self):
        return Expert.objects.published()

    def description(self, expert):
        return _("The latest stories quoting %(expert)s in our press reviews.") % {
            "expert": as_html(translated(expert))
        }

    def items(self, expert):
        return (
            Citation.objects.published()
            .in_language()
            .filter(expert=expert)
            .select_related("expert", "story__outlet", "story__review")
            .order_by("-story__review__publish_at", "-story__review_id", "story__position")[
                :FEED_LENGTH
            ]
        )

    def item_title(self, citation):
        return story_title(citation.story)

    def item_description(self, citation):
        who = translated(citation.expert)
        if citation.title:
            who = _("%(expert)s, %(position)s") % {"expert": who, "position": citation.title}
        cited = _("%(who)s, quoted by %(outlet)s.") % {
            "who": who,
            "outlet": translated(citation.story.outlet),
        }
        description = f"<p>{as_html(cited)}</p>"
        if citation.quote:
            description += f"<blockquote><p>{as_html(citation.quote)}</p></blockquote>"
        return description

    def item_link(self, citation):
        return citation.story.get_absolute_url()

    def item_pubdate(self, citation):
        return citation.story.review.publish_at

    def item_updateddate(self, citation):
        return public_update_time(citation.story.review)
