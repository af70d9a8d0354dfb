import json

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or open a comment inside it, escaped
# the same way as Django's json_script filter.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


@register.filter
def ld_json(data) -> str:
    """Render `data` as a JSON-LD script element that no field value can break out of."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def http_url(value) -> str:
    """`value` if it is an absolute http(s) address, else "".

    For stored links printed in href: the forms accept only such addresses, and this keeps
    anything that reached the database by another road (javascript:, data:, ...) off the page.
    """
    try:
        _WEB_ADDRESS(value)
    except ValidationError:
        return ""
    return value


@register.filter
def iso_datetime(value) -> str:
    """ISO 8601 to the second with its offset, as HTML's <time datetime> accepts."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
