"""Every page's header and footer are rendered once and reused (`{% chrome %}`): what they
show still follows the site's name, the day and the request's nothing."""

import datetime
import re

import pytest
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory

from reviews.newsletter import tokens

pytestmark = pytest.mark.django_db


def footer_form_token(page) -> str:
    footer = page.text.split('<footer class="site-footer">', 1)[1]
    return re.search(r'name="form" value="([^"]+)"', footer).group(1)


def test_the_footer_sign_up_form_names_the_day_it_is_shown(client, settings, time_machine):
    """A footer kept from yesterday would offer yesterday's token: each day has its own."""
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    time_machine.move_to(datetime.datetime(2026, 5, 4, 23, 0, tzinfo=datetime.UTC), tick=False)
    monday = footer_form_token(client.get("/"))
    time_machine.move_to(datetime.datetime(2026, 5, 5, 1, 0, tzinfo=datetime.UTC), tick=False)
    tuesday = footer_form_token(client.get("/"))
    assert monday != tuesday
    assert tokens.form_subject(tuesday) == "all"


def test_the_header_follows_the_site_name(client, settings):
    settings.PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    settings.PRESSREVIEW_SITE_NAME = "Morning Papers"
    assert '<a class="site-name" href="/">Morning Papers</a>' in client.get("/").text
    settings.PRESSREVIEW_SITE_NAME = "Evening Papers"
    assert '<a class="site-name" href="/">Evening Papers</a>' in client.get("/").text


@pytest.mark.once
def test_a_kept_part_sees_nothing_of_the_request():
    """Something that depends on the request cannot be kept for every reader by mistake."""
    request = RequestFactory().get("/reviews/?q=secret")
    template = Template(
        "{% load page_chrome %}{% chrome %}[{{ request.path }}{{ user }}{{ csrf_token }}]"
        "{{ site_name }}{% endchrome %}"
    )
    context = RequestContext(request, {"site_name": "Pressreview", "user": "editor"})
    assert template.render(context) == "[]Pressreview"


@pytest.mark.once
def test_the_chrome_tag_takes_no_arguments():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load page_chrome %}{% chrome header %}{% endchrome %}")
