"""The long-tail scenario's editor and checker (bench/longtail.py runs it as a child process,
with Django set up on the archive's database).

Every `--every` seconds, from half that after GO on standard input until `--duration` is
nearly over, it makes one change the way an editor does, alternately: publishes a review
that is not public through the workflow (`reviews.publishing.workflow.review_publish`), and
revises a published story's headline as the admin saves it (one transaction, a revision, the
review's version bumped); both come from bench/load_with_writes.py's editor. Around each
change, the checker:

1. requests the pages the change affects (the review's page, home, the lists and feeds, the
   section, the archives of its month and year, its outlets', tags' and experts' pages), so
   that those in the page cache are stored there before the change;
2. makes the change;
3. requests each of them again, as a reader, and compares it with the page rendered afresh
   from the database in this process (the page cache off and no cache at all): a page that
   differs is stale. The review's page must also show the new title, lede and headline (the
   check of bench/load_with_writes.py).

It prints READY once set up, and at the end one line `RESULT {json}`: the changes made, the
pages checked, the stale ones, failed changes, and what the page cache answered the checker
(bench/longtail.py takes those out of the readers' counts).
"""

import itertools
import json
import sys
import time
import traceback
from collections import Counter

from harness import fetch
from load_with_writes import Editor
from longtail import HOST

# At most this many pages checked around one change.
MOST_PAGES = 14
# No change starts later than this many seconds before the end: its check must finish.
LAST_CHANGE_MARGIN = 5
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def editor_account():
    """The account the changes are made by: an editor (the generated archive has none)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username="editor", defaults={"email": "editor@pressreview.example", "is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name="Editors"))
    return user


def subject_pages(stories) -> list[str]:
    """The outlet, tag and expert pages of `stories`."""
    from django.urls import reverse

    from reviews.models import Citation

    paths = []
    for story in stories:
        paths.append(story.outlet.get_absolute_url())
        paths += [reverse("reviews:tag-detail", args=[tag.slug]) for tag in story.tags.all()]
    citations = Citation.objects.filter(story__in=stories).select_related("expert")
    paths += [citation.expert.get_absolute_url() for citation in citations]
    return paths


def affected_pages(review, stories) -> list[str]:
    """The pages a change to `review` (its `stories`) may show on, without repeats."""
    from django.urls import reverse

    day = review.review_date
    paths = [
        review.get_absolute_url(),
        reverse("reviews:home"),
        reverse("reviews:review-list"),
        reverse("reviews:story-list"),
        reverse("reviews:review-feed-rss"),
        review.section.get_absolute_url(),
        reverse("reviews:review-month", args=[day.year, day.month]),
        reverse("reviews:review-year", args=[day.year]),
        *subject_pages(stories),
    ]
    return list(dict.fromkeys(paths))[:MOST_PAGES]


def fresh(path: str):
    """`path` rendered now from the database, as an anonymous reader: no stored page, no
    stored fragment."""
    from django.test import Client
    from django.test.utils import override_settings

    with override_settings(CACHES=NO_CACHE, PRESSREVIEW_PAGE_CACHE_SECONDS=0):
        return Client(HTTP_HOST=HOST).get(path)


class Checker:
    def __init__(self, port: int, editor: Editor):
        self.port, self.editor = port, editor
        self.page_cache: Counter = Counter()
        self.writes: Counter = Counter()
        self.checked = 0
        self.stale: list[str] = []
        self.failures: list[str] = []

    def get(self, path: str):
        answer = fetch(self.port, path)
        self.page_cache[answer.headers.get("X-Page-Cache") or "none"] += 1
        return answer

    def change(self, kind: str) -> None:
        from django.db import close_old_connections

        try:
            if kind == "publish" and (review := self.editor.unpublished_review()) is not None:
                pages = self.prime(review, list(review.stories.select_related("outlet")))
                review = self.editor.publish(review)
            else:
                kind = "story edit"
                story = self.editor.published_story()
                pages = self.prime(story.review, [story])
                review = self.editor.edit_story(story)
            self.writes[kind] += 1
            self.verify(kind, review, pages)
        except Exception as error:
            self.failures.append(f"{kind}: {error!r}")
            traceback.print_exc()
        finally:
            close_old_connections()

    def prime(self, review, stories) -> list[str]:
        pages = affected_pages(review, stories)
        for path in pages:
            self.get(path)
        return pages

    def verify(self, kind: str, review, pages: list[str]) -> None:
        what = f"after the {kind} of {review.get_absolute_url()}"
        for path in pages:
            answer = self.get(path)
            page = fresh(path)
            self.checked += 1
            if (answer.status, answer.body) != (page.status_code, page.content):
                self.stale.append(
                    f"{path} {what}: HTTP {answer.status}, not the page as it is now "
                    f"(HTTP {page.status_code}, X-Page-Cache {answer.headers.get('X-Page-Cache')})"
                )
            elif path == review.get_absolute_url():
                expected = self.editor.expected[review.pk]
                if not self.editor.shows(expected, answer.status, answer.body):
                    self.stale.append(f"{path} {what}: the change is not shown")


def run_editor(args) -> None:
    editor_account()
    editor = Editor(args.port, [], 0)
    checker = Checker(args.port, editor)
    print("READY", flush=True)
    sys.stdin.readline()
    started = time.monotonic()
    kinds = itertools.cycle(["publish", "story edit"])
    at = args.every / 2
    while at <= args.duration - LAST_CHANGE_MARGIN:
        time.sleep(max(0.0, started + at - time.monotonic()))
        checker.change(next(kinds))
        at += args.every
    result = {
        "writes": dict(checker.writes),
        "pages_checked": checker.checked,
        "stale": checker.stale,
        "failures": checker.failures,
        "page_cache": dict(checker.page_cache),
    }
    print("RESULT " + json.dumps(result), flush=True)
