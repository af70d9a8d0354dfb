"""Revisions of reviews: recording, history, compare, revert and recover in the admin."""

import io

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version

from reviews.models import Citation, Review, Story, TaggedStory
from reviews.publishing import workflow
from reviews.publishing.revisions import highlight_changes
from tests.support.admin_forms import (
    citation_rows,
    form_as_rendered,
    opened_story_form,
    review_form_data,
)
from tests.support.factories import (
    CitationFactory,
    ExpertFactory,
    OutletFactory,
    ReviewFactory,
    StoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# Helpers


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def history_url(review):
    return reverse("admin:reviews_review_history", args=[review.pk])


def compare_url(review, old, new):
    url = reverse("admin:reviews_review_compare", args=[review.pk])
    return f"{url}?from={old.pk}&to={new.pk}"


def revert_url(review, version):
    return reverse("admin:reviews_review_revision", args=[review.pk, version.pk])


def form_errors(response) -> str:
    if response.context is None or "adminform" not in response.context:
        return f"status {response.status_code}"
    inline_errors = [
        [*inline.formset.errors, inline.formset.non_form_errors()]
        for inline in response.context["inline_admin_formsets"]
    ]
    return f"{response.context['adminform'].form.errors} {inline_errors}"


def save_in_admin(client, review, data=None, **changes):
    """Post the review's change form, as the editor would, and check it was saved."""
    response = client.post(change_url(review), (data or review_form_data(review)) | changes)
    assert response.status_code == 302, form_errors(response)
    review.refresh_from_db()
    return response


def with_new_story(data, *, review, outlet, position, headline, tags=""):
    """Form data with one more story form, filled in."""
    index = data["stories-TOTAL_FORMS"]
    return (
        data
        | citation_rows(f"stories-{index}-citations")
        | {
            "stories-TOTAL_FORMS": index + 1,
            f"stories-{index}-review": review.pk,
            f"stories-{index}-position": position,
            f"stories-{index}-outlet": outlet.pk,
            f"stories-{index}-headline": headline,
            f"stories-{index}-body": "The paper reports the tender reopened.",
            f"stories-{index}-link": "",
            f"stories-{index}-tags": tags,
        }
    )


def versions_of(review):
    """The review's versions, latest first."""
    return list(Version.objects.get_for_object(review).select_related("revision"))


def models_in(revision) -> dict[str, int]:
    counts = {}
    for version in revision.version_set.all():
        name = ContentType.objects.get_for_id(version.content_type_id).model
        counts[name] = counts.get(name, 0) + 1
    return counts


def tag_names(story):
    return sorted(tag.name for tag in story.tags.all())


@pytest.fixture
def review():
    """A draft review with two stories: the first tagged and citing an expert."""
    review = ReviewFactory(draft=True, title="Press review: Dockers walk out")
    first = StoryFactory(review=review, position=1, headline="Dockers walk out", tags=["ports"])
    CitationFactory(story=first, expert__name="Marta Quelhas", quote="It will spread.")
    StoryFactory(review=review, position=2, headline="Central bank holds rates")
    return review


# Recording


def test_an_admin_save_records_one_revision_of_the_review_with_all_its_parts(
    client, editor, review
):
    """The review, its two stories, the citation and the tag row, with who and when."""
    client.force_login(editor)
    before = timezone.now()

    save_in_admin(client, review, title="Press review: Dockers walk out again")

    revision = Revision.objects.get()
    assert revision.user == editor
    assert before <= revision.date_created <= timezone.now()
    assert "Title" in revision.get_comment()
    assert models_in(revision) == {"review": 1, "story": 2, "citation": 1, "taggedstory": 1}


def test_adding_a_review_in_the_admin_records_its_first_revision(client, editor):
    client.force_login(editor)
    section = ReviewFactory().section
    response = client.post(
        reverse("admin:reviews_review_add"),
        {
            "title": "Press review: Rail tender reopens",
            "slug": "rail-tender-reopens",
            "section": section.pk,
            "dateline_city": "Lisbon",
            "review_date": "2026-03-03",
            "lede": "The papers lead with the rail tender.",
            "stories-TOTAL_FORMS": 0,
            "stories-INITIAL_FORMS": 0,
            "stories-MIN_NUM_FORMS": 0,
            "stories-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 302, form_errors(response)
    review = Review.objects.get(slug="rail-tender-reopens")
    assert [version.revision.user for version in versions_of(review)] == [editor]


def test_the_history_lists_revisions_with_date_user_and_comment(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review, title="Press review: First title")
    save_in_admin(client, review, lede="A new lede.")

    page = client.get(history_url(review))

    assert page.status_code == 200
    rows = page.context["revisions"]
    assert [row["revision"].user for row in rows] == [editor, editor]
    assert "Lede" in rows[0]["revision"].get_comment()  # latest first
    assert "Compare selected revisions" in page.text
    assert page.text.count('type="radio"') == 4


# Compare


@pytest.fixture
def two_revisions(client, editor, review):
    """The review saved twice in the admin, with many changes in between."""
    client.force_login(editor)
    save_in_admin(client, review)
    first = review.stories.get(position=1)
    new_outlet = OutletFactory(name="Diário da Manhã")
    # The citation changes before the form is opened (as in the story's own form); the
    # review's next revision picks it up with the rest.
    Citation.objects.filter(story=first).update(quote="It will spread north by Friday.")
    data = with_new_story(
        review_form_data(review),
        review=review,
        outlet=new_outlet,
        position=3,
        headline="Rail tender reopens",
        tags="rail",
    )
    save_in_admin(
        client,
        review,
        data,
        title="Press review: Dockers extend walkout",
        lede="The papers lead with the dockers and the rail tender.",
        **{
            "stories-0-headline": "Dockers extend their walkout",
            "stories-0-tags": "ports, labour",
            "stories-1-DELETE": "on",
        },
    )
    new, old = versions_of(review)
    return review, old, new


def test_compare_shows_only_the_changed_review_fields_old_and_new(client, two_revisions):
    review, old, new = two_revisions
    page = client.get(compare_url(review, old, new))

    assert page.status_code == 200
    changes = {change.label: change for change in page.context["diff"].fields}
    assert set(changes) == {"Title", "Lede"}
    assert changes["Title"].old == "Press review: Dockers <del>walk out</del>"
    assert changes["Title"].new == "Press review: Dockers <ins>extend walkout</ins>"
    assert "Dateline city" not in page.text


def test_compare_shows_stories_added_removed_and_changed(client, two_revisions):
    review, old, new = two_revisions
    page = client.get(compare_url(review, old, new))

    stories = {story.kind: story for story in page.context["diff"].stories}
    assert set(stories) == {"added", "removed", "changed"}
    assert stories["added"].title == "Diário da Manhã: Rail tender reopens"
    assert "Central bank holds rates" in stories["removed"].title
    changed = {change.label: change for change in stories["changed"].changes}
    assert set(changed) == {"Headline", "Tags", "Citations"}
    assert "<ins>labour</ins>" in changed["Tags"].new
    assert "north by Friday</ins>" in changed["Citations"].new
    assert "Marta Quelhas" in changed["Citations"].old
    for text in ("Story added", "Story removed", "Story changed", "Rail tender reopens"):
        assert text in page.text


def test_compare_orders_the_two_revisions_oldest_first_whichever_is_picked_first(
    client, two_revisions
):
    review, old, new = two_revisions
    page = client.get(compare_url(review, new, old))
    assert (page.context["old"], page.context["new"]) == (old, new)


def test_compare_of_a_revision_with_itself_says_there_are_no_differences(client, two_revisions):
    review, old, _new = two_revisions
    page = client.get(compare_url(review, old, old))
    assert page.context["diff"].is_empty
    assert "No differences" in page.text


def test_compare_refuses_revisions_of_another_review(client, two_revisions):
    review, old, _new = two_revisions
    other = ReviewFactory()
    with reversion.create_revision():
        other.save()
    foreign = versions_of(other)[0]
    response = client.get(compare_url(review, old, foreign))
    assert response.status_code == 302
    assert response["Location"] == history_url(review)


def test_line_endings_alone_are_no_difference(client, editor, review):
    """Browsers post text areas with CRLF; that is not a change anyone made."""
    client.force_login(editor)
    story = review.stories.get(position=1)
    story.body = "The walkout spread north.\n\nUnions expect talks."
    story.save()
    with reversion.create_revision():
        review.save()
    Story.objects.filter(pk=story.pk).update(body=story.body.replace("\n", "\r\n"))
    with reversion.create_revision():
        review.save()
    new, old = versions_of(review)

    page = client.get(compare_url(review, old, new))

    assert page.context["diff"].is_empty


def test_long_text_is_diffed_word_by_word():
    old, new = highlight_changes(
        "Unions expect talks next week.\n\nThe port stays shut.",
        "Unions expect talks on Monday.\n\nThe port stays shut.",
    )
    assert old == "Unions expect talks <del>next week</del>.\n\nThe port stays shut."
    assert new == "Unions expect talks <ins>on Monday</ins>.\n\nThe port stays shut."


def test_highlighted_text_is_escaped():
    old, new = highlight_changes("<b>Tom</b> & Jerry", "<i>Tom</i> & Jerry")
    assert old == "&lt;<del>b</del>&gt;Tom&lt;/<del>b</del>&gt; &amp; Jerry"
    assert new == "&lt;<ins>i</ins>&gt;Tom&lt;/<ins>i</ins>&gt; &amp; Jerry"


# Revert


def revert(client, review, version):
    """Open the revert page of `version` and save its form unchanged, as an editor would."""
    page = client.get(revert_url(review, version))
    assert page.status_code == 200, page.status_code
    response = client.post(revert_url(review, version), form_as_rendered(page))
    assert response.status_code == 302, form_errors(response)
    review.refresh_from_db()
    return page


def test_revert_restores_stories_citations_and_tags_removed_later(client, two_revisions):
    review, old, _new = two_revisions
    first = review.stories.get(position=1)

    revert(client, review, old)

    stories = list(review.stories.order_by("position"))
    assert [story.headline for story in stories] == [
        "Dockers walk out",
        "Central bank holds rates",
    ]
    assert tag_names(stories[0]) == ["ports"]
    assert stories[0].pk == first.pk
    assert list(stories[0].citations.values_list("quote", flat=True)) == ["It will spread."]
    assert review.title == "Press review: Dockers walk out"
    assert not Story.objects.filter(headline="Rail tender reopens").exists()


def test_revert_after_two_later_saves_passes_the_lost_update_check(client, editor, review):
    """The revert form carries the current version, not the old revision's."""
    client.force_login(editor)
    save_in_admin(client, review)
    target = versions_of(review)[0]
    save_in_admin(client, review, title="Press review: Second")
    save_in_admin(client, review, title="Press review: Third")
    current_version = review.version

    page = revert(client, review, target)

    assert page.context["adminform"].form["version"].value() == current_version
    assert review.title == "Press review: Dockers walk out"
    assert review.version == current_version + 1
    latest = versions_of(review)[0].revision
    assert latest.user == editor
    assert latest.get_comment().startswith("Reverted to the revision of")


def test_a_revert_form_gone_stale_is_refused_like_any_other(client, editor, review):
    """Someone saving between opening the revert page and saving it is not overwritten."""
    client.force_login(editor)
    save_in_admin(client, review)
    target = versions_of(review)[0]
    save_in_admin(client, review, title="Press review: Second")
    page = client.get(revert_url(review, target))
    save_in_admin(client, review, title="Press review: Meanwhile")

    response = client.post(revert_url(review, target), form_as_rendered(page))

    assert response.status_code == 200
    review.refresh_from_db()
    assert review.title == "Press review: Meanwhile"


def test_opening_the_revert_page_changes_nothing(client, two_revisions):
    review, old, _new = two_revisions
    revisions_before = Revision.objects.count()

    page = client.get(revert_url(review, old))

    assert "Story removed" in page.text  # what reverting would undo: the new story
    review.refresh_from_db()
    assert review.title == "Press review: Dockers extend walkout"
    assert review.stories.count() == 2
    assert Revision.objects.count() == revisions_before


def test_a_revert_keeps_the_workflow_state_and_share_key(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review)
    target = versions_of(review)[0]
    workflow.review_submit(review=review, by=editor)
    published = workflow.review_publish(review=review, by=editor)
    Review.objects.filter(pk=review.pk).update(preview_key="current-key")

    revert(client, review, target)

    assert review.status == Review.Status.PUBLISHED
    # To the second: the form, like any admin save, drops the microseconds.
    assert review.publish_at == published.publish_at.replace(microsecond=0)
    assert review.preview_key == "current-key"


def test_the_revision_of_a_workflow_transition_can_be_reverted_to(client, editor, review):
    """Transitions save `version` as an expression; the revision must still read back."""
    client.force_login(editor)
    workflow.review_submit(review=review, by=editor)
    transition = versions_of(review)[0]
    assert transition.revision.get_comment() == "Submitted"
    review.refresh_from_db()
    save_in_admin(client, review, title="Press review: After submitting")

    revert(client, review, transition)

    assert review.title == "Press review: Dockers walk out"


def test_revert_undoes_a_reordering_of_stories(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review)
    target = versions_of(review)[0]
    save_in_admin(client, review, **{"stories-0-position": 3})
    save_in_admin(client, review, **{"stories-0-position": 1, "stories-1-position": 2})
    assert list(review.stories.order_by("position").values_list("headline", flat=True)) == [
        "Central bank holds rates",
        "Dockers walk out",
    ]

    revert(client, review, target)

    assert list(review.stories.order_by("position").values_list("headline", flat=True)) == [
        "Dockers walk out",
        "Central bank holds rates",
    ]


def test_revert_leaves_other_reviews_of_the_same_revision_alone(client, editor, review):
    """A bulk action records several reviews in one revision; reverting one reverts one."""
    other = ReviewFactory(draft=True, title="Press review: Another day")
    with reversion.create_revision():
        review.save()
        other.save()
    shared = versions_of(review)[0]
    Review.objects.filter(pk=other.pk).update(title="Press review: Another day, edited")
    client.force_login(editor)
    save_in_admin(client, review, title="Press review: Edited")

    revert(client, review, shared)

    other.refresh_from_db()
    assert review.title == "Press review: Dockers walk out"
    assert other.title == "Press review: Another day, edited"


def test_a_revision_citing_a_merged_expert_is_refused_with_a_message(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review)
    target = versions_of(review)[0]
    citation = Citation.objects.get(story__review=review)
    merged_away = citation.expert
    citation.expert = ExpertFactory(name="Marta Quelhas Silva")
    citation.save()
    merged_away.delete()

    response = client.get(revert_url(review, target), follow=True)

    assert response.redirect_chain[-1][0] == history_url(review)
    assert "cannot be restored" in response.text
    assert "expert no longer exists" in response.text
    assert Citation.objects.get(pk=citation.pk).expert.name == "Marta Quelhas Silva"


# Recover


def test_a_deleted_review_is_recovered_with_its_stories_citations_and_tags(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review)
    review_pk = review.pk
    response = client.post(
        reverse("admin:reviews_review_delete", args=[review_pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Story.objects.filter(review_id=review_pk).exists()

    listing = client.get(reverse("admin:reviews_review_recoverlist"))
    assert "Press review: Dockers walk out" in listing.text
    deleted = listing.context["deleted"][0]
    recover_url = reverse("admin:reviews_review_recover", args=[deleted.pk])
    page = client.get(recover_url)
    assert page.status_code == 200
    assert "It comes back in the state it was saved in: Draft." in page.text
    assert not Review.objects.filter(pk=review_pk).exists()  # looking recovers nothing
    response = client.post(recover_url, form_as_rendered(page))

    assert response.status_code == 302, form_errors(response)
    recovered = Review.objects.get(pk=review_pk)
    stories = list(recovered.stories.order_by("position"))
    assert [story.headline for story in stories] == [
        "Dockers walk out",
        "Central bank holds rates",
    ]
    assert tag_names(stories[0]) == ["ports"]
    assert stories[0].citations.get().expert.name == "Marta Quelhas"
    assert TaggedStory.objects.filter(content_object__review=recovered).count() == 1
    assert versions_of(recovered)[0].revision.get_comment().startswith("Recovered")


def test_only_deleted_reviews_are_offered_for_recovery(client, editor, review):
    client.force_login(editor)
    save_in_admin(client, review)
    living = versions_of(review)[0]
    response = client.get(reverse("admin:reviews_review_recover", args=[living.pk]))
    assert response.status_code == 404


# Who may


@pytest.fixture
def recorded(client, editor, review):
    """The review with two revisions, and one deleted review; the client logged out."""
    client.force_login(editor)
    save_in_admin(client, review)
    save_in_admin(client, review, title="Press review: Later")
    gone = ReviewFactory(title="Press review: Gone")
    with reversion.create_revision():
        gone.save()
    gone.delete()
    client.logout()
    new, old = versions_of(review)
    deleted = Version.objects.get_deleted(Review).get()
    return {
        "history": history_url(review),
        "compare": compare_url(review, old, new),
        "revert": revert_url(review, old),
        "recover list": reverse("admin:reviews_review_recoverlist"),
        "recover": reverse("admin:reviews_review_recover", args=[deleted.pk]),
    }


def test_moderators_see_the_history_but_cannot_compare_revert_or_recover(
    client, moderator, recorded, review
):
    client.force_login(moderator)

    history = client.get(recorded["history"])
    assert history.status_code == 200
    assert len(history.context["revisions"]) == 2
    assert 'type="radio"' not in history.text
    assert "Revert to this" not in history.text
    for name in ("compare", "revert", "recover list", "recover"):
        assert client.get(recorded[name]).status_code == 403, name
    assert client.post(recorded["revert"], review_form_data(review)).status_code == 403
    review.refresh_from_db()
    assert review.title == "Press review: Later"


def test_editors_may_open_every_revision_page(client, editor, recorded):
    client.force_login(editor)
    for name, url in recorded.items():
        assert client.get(url).status_code == 200, name


def test_staff_without_review_permissions_see_no_history(client, recorded):
    client.force_login(UserFactory(username="intern"))
    for name, url in recorded.items():
        assert client.get(url).status_code == 403, name


def test_anonymous_visitors_are_sent_to_the_login_page(client, recorded):
    for name, url in recorded.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("admin:login")), name


def test_a_moderators_tag_change_records_a_revision_of_the_whole_review(client, moderator):
    """Tags are part of the review's history too, whoever changes them and wherever."""
    story = StoryFactory(tags=["ports"])
    client.force_login(moderator)
    client.post(
        reverse("admin:reviews_story_change", args=[story.pk]),
        {
            "tags": "ports, labour",
            "citations-TOTAL_FORMS": 0,
            "citations-INITIAL_FORMS": 0,
            "citations-MIN_NUM_FORMS": 0,
            "citations-MAX_NUM_FORMS": 1000,
        }
        | opened_story_form(story),
    )
    latest = Version.objects.get_for_object(story.review).first()
    assert latest is not None
    assert latest.revision.user == moderator


def test_demo_reviews_start_with_a_revision(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    review = Review.objects.first()
    assert Version.objects.get_for_object(review).first().revision.comment == "Demo content loaded"
