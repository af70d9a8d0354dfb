"""The site's icon: an SVG linked from every page, and /favicon.ico for clients that ask there."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from pressreview.http.site_root import ROOT_FILE_MAX_AGE, cache_root_files


def test_favicon_ico_answers_with_an_icon_kept_a_week(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/vnd.microsoft.icon", "image/x-icon"}
    assert response["Cache-Control"] == f"max-age={ROOT_FILE_MAX_AGE}, public"
    icon = b"".join(response.streaming_content)
    assert icon[:4] == b"\x00\x00\x01\x00"  # an ICO file's header: reserved 0, type 1 (icon)


def test_static_files_keep_whitenoise_caching(client):
    """Only files at the root get the week: a static file keeps WhiteNoise's own headers."""
    headers = {"Cache-Control": "max-age=60, public"}
    cache_root_files(headers, "/srv/static/css/site.css", "/static/css/site.css")

    assert headers["Cache-Control"] == "max-age=60, public"


@pytest.mark.django_db
def test_every_page_links_the_svg_icon(client):
    page = client.get(reverse("reviews:home")).text

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("favicon.svg")
