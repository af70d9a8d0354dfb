"""Names in any script never take a page down (issue 12, finding 1).

Hypothesis names a section, an outlet, an expert, a review and its tags with text drawn from
emoji, flags, Cyrillic, Arabic, CJK, combining marks, punctuation, symbols and invisible
format characters, alone or mixed; a draft using them all is published through the workflow
service, and every public surface and the API is requested. Every subject gets an ASCII
slug, its pages answer 200, and no answer is a 500 (tests.support.answers.check also wants the
body well formed). Each example runs in a savepoint that is rolled back, so examples do not
see each other's rows; the figures are in docs/SECURITY.md ("Names in any script").
"""

from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from taggit.models import Tag

from reviews.names import is_address_slug
from reviews.publishing import workflow
from tests.support.answers import check
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    SectionFactory,
    StoryFactory,
)
from tests.support.pages import forget_stored_pages

pytestmark = pytest.mark.django_db

EXAMPLES = 30

REGIONAL_INDICATORS = [chr(code) for code in range(0x1F1E6, 0x1F200)]
SCRIPTS = {
    "emoji": st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
    "cyrillic": st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),
    "arabic": st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    "cjk": st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    "combining": st.characters(categories=["Mn", "Me"]),
    "punctuation": st.characters(categories=["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"]),
    "symbols": st.characters(categories=["Sm", "Sc", "Sk", "So"]),
    "format": st.sampled_from(["\u200b", "\u200d", "\u200e", "\u202e", "\u2060", "\ufeff"]),
}
flags = st.lists(st.sampled_from(REGIONAL_INDICATORS), min_size=2, max_size=6).map("".join)
words = st.one_of(
    flags, *(st.text(alphabet=alphabet, min_size=1, max_size=10) for alphabet in SCRIPTS.values())
)
# One to three words, each in one script; the name must be more than blank space.
names = (
    st.lists(words, min_size=1, max_size=3)
    .map(" ".join)
    .map(str.strip)
    .filter(lambda name: name.strip() and len(name) <= 60)
)

SETTINGS = hypothesis_settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    # No shrinking: shrinking a failing example of this size took over five minutes.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def publish_with_names(editor, *, section_name, outlet_name, expert_name, title, tag_names):
    """A draft whose every subject has one of the names, published by an editor."""
    section = SectionFactory(name=section_name, slug="")
    outlet = OutletFactory(name=outlet_name, slug="")
    expert = ExpertFactory(name=expert_name, slug="")
    review = ReviewFactory(draft=True, title=title, slug="", section=section)
    story = StoryFactory(review=review, outlet=outlet)
    story.tags.add(*tag_names)
    CitationFactory(story=story, expert=expert)
    workflow.review_publish(review=review, by=editor)
    review.refresh_from_db()
    return section, outlet, expert, review, list(Tag.objects.filter(name__in=tag_names))


def get(client, url: str, *, status: int | None = 200):
    response = client.get(url)
    check(response, url)
    if status is not None:
        assert response.status_code == status, (url, response.status_code)
    return response


@SETTINGS
@given(
    section_name=names,
    outlet_name=names,
    expert_name=names,
    title=names,
    tag_names=st.lists(names, min_size=1, max_size=2, unique_by=str.casefold),
)
def test_names_in_any_script_leave_every_page_working(
    client, editor, settings, section_name, outlet_name, expert_name, title, tag_names
):
    settings.PRESSREVIEW_API_RATE_LIMIT = "0"
    with transaction.atomic():
        forget_stored_pages()
        section, outlet, expert, review, tags = publish_with_names(
            editor,
            section_name=section_name,
            outlet_name=outlet_name,
            expert_name=expert_name,
            title=title,
            tag_names=tag_names,
        )
        subjects = [section, outlet, expert, review, *tags]
        assert all(is_address_slug(subject.slug) for subject in subjects), [
            subject.slug for subject in subjects
        ]

        review_page = get(client, review.get_absolute_url())
        assert escape(title) in review_page.text
        for url in [
            "/",
            "/reviews/",
            "/stories/",
            "/outlets/",
            outlet.get_absolute_url(),
            reverse("reviews:outlet-feed", kwargs={"slug": outlet.slug}),
            "/experts/",
            expert.get_absolute_url(),
            reverse("reviews:expert-feed", kwargs={"slug": expert.slug}),
            "/tags/",
            *(reverse("reviews:tag-detail", kwargs={"slug": tag.slug}) for tag in tags),
            *(reverse("reviews:tag-feed", kwargs={"slug": tag.slug}) for tag in tags),
            section.get_absolute_url(),
            "/sitemap.xml",
            "/feeds/reviews/rss/",
            "/feeds/reviews/atom/",
            "/api/v1/reviews",
            "/api/v1/tags",
            "/api/v1/sections",
            reverse("api-v1:outlet-detail", kwargs={"slug": outlet.slug}),
            reverse("api-v1:expert-detail", kwargs={"slug": expert.slug}),
            reverse("api-v1:section-detail", kwargs={"slug": section.slug}),
            *(reverse("api-v1:tag-detail", kwargs={"slug": tag.slug}) for tag in tags),
        ]:
            get(client, url)
        filters = urlencode({"tag": tags[0].slug, "outlet": outlet.slug, "section": section.slug})
        for list_url in ["/reviews/", "/stories/"]:
            listed = get(client, f"{list_url}?{filters}")
            assert review.get_absolute_url() in listed.text
        for name in [section_name, outlet_name, expert_name, title, *tag_names]:
            get(client, f"/search/?{urlencode({'q': name})}", status=None)
        transaction.set_rollback(True)
