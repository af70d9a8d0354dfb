"""`{% chrome %}...{% endchrome %}`: a part of every page that shows no content and nothing
of the reader or the request (the header's navigation and search form, the footer's
sign-up form), rendered once per process for each language, script prefix, site name and
day, then reused. About a tenth of a page's Python calls when the page cache cannot help.

The part sees only `site_name` (no request, no user, no CSRF token, no CSP nonce), so
something that depends on the request cannot be kept by mistake: it renders empty there.
"""

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reviews.newsletter.tokens import today_number

register = template.Library()

# Each part keeps at most this many renderings (languages times days, in practice), then
# starts again: clearing is one step, safe between threads.
KEPT_RENDERINGS = 16


@register.tag
def chrome(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% chrome %} takes no arguments.")
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(nodelist)


class ChromeNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.renderings: dict[tuple, str] = {}

    def render(self, context):
        site_name = context.get("site_name", settings.PRESSREVIEW_SITE_NAME)
        key = (
            get_language(),
            get_script_prefix(),
            get_urlconf(),
            site_name,
            # The footer's sign-up form names its day.
            today_number(),
        )
        rendered = self.renderings.get(key)
        if rendered is None:
            rendered = self.nodelist.render(context.new({"site_name": site_name}))
            if len(self.renderings) >= KEPT_RENDERINGS:
                self.renderings.clear()
            self.renderings[key] = rendered
        return mark_safe(rendered)
