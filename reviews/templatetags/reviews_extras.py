import functools
import hashlib
import html
import json

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms import BoundField
from django.forms.utils import flatatt
from django.template.base import token_kwargs
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from reviews.addresses import address
from reviews.pagecache.fragments import remembered, rendered_each
from reviews.site.fragments import PARTS

register = template.Library()

# `{% address "reviews:tag-detail" tag.slug %}`: `{% url %}` remembered (reviews.addresses),
# for the links a list repeats on every item.
register.simple_tag(address, name="address")

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


# The reader's filter form offers a hundred and more choices. Django renders each option or
# checkbox through a template of its own, which made the form most of a list page's rendering
# time: these two tags write the same elements in one pass, with the attributes Django's
# widgets would give them (id, aria-invalid, aria-describedby, checked, selected).


def _widget_attrs(field: BoundField) -> dict:
    """The attributes `{{ field }}` gives its widget (as BoundField.as_widget does)."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs["id"] = field.auto_id
    return widget.build_attrs(widget.attrs, attrs)


def _chosen_values(field: BoundField) -> set[str]:
    return set(field.field.widget.format_value(field.value()))


def _escaped(value) -> str:
    """`conditional_escape(value)` without the lazy-string wrappers around it: a form's
    hundred choices called them some 40,000 times a page. The same text: Django's escape()
    is the standard library's, and what is already safe is left as it is."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escaped_text(str(value))


# The same few hundred names (outlets, experts, tags) on every list page.
_escaped_text = functools.lru_cache(maxsize=4096)(html.escape)


@register.simple_tag
def select_field(field: BoundField) -> SafeString:
    """A single-choice field's <select>, as `{{ field }}` renders it."""
    chosen, found, options = _chosen_values(field), False, []
    for value, label in field.field.widget.choices:
        value = "" if value is None else str(value)
        selected = not found and value in chosen
        found |= selected
        options.append(
            f'<option value="{_escaped(value)}"{" selected" if selected else ""}>'
            f"{_escaped(label)}</option>"
        )
    return format_html(
        '<select name="{}"{}>\n{}\n</select>',
        field.html_name,
        flatatt(_widget_attrs(field)),
        mark_safe("\n".join(options)),
    )


@register.simple_tag
def checkbox_choices(field: BoundField) -> SafeString:
    """A multiple-choice field's checkboxes, each in a <div> with its label."""
    widget, chosen = field.field.widget, _chosen_values(field)
    attrs = _widget_attrs(field)
    field_id = attrs.pop("id", field.html_name)
    name, shared = _escaped(field.html_name), flatatt(attrs)
    boxes = []
    for index, (value, label) in enumerate(widget.choices):
        value = str(value)
        box_id = _escaped(widget.id_for_label(field_id, index))
        checked = " checked" if value in chosen else ""
        boxes.append(
            f'<div><input type="checkbox" name="{name}" value="{_escaped(value)}" '
            f'id="{box_id}"{shared}{checked}> <label for="{box_id}">{_escaped(label)}</label></div>'
        )
    return mark_safe("".join(boxes))


FILTER_FORM = "includes/_filter_form.html"


@register.simple_tag(takes_context=True)
def filter_form(context) -> SafeString:
    """The reader's filter form. With nothing chosen (no parameter but the page number) it
    is the same for every reader of the list until content changes: rendered once per
    content generation, address, language and template, and kept, as its choices are
    (reviews.pagecache.fragments.remembered). It was half a list page's Python calls."""
    template = context.template.engine.get_template(FILTER_FORM)
    request = context["request"]
    if any(name != "page" for name in request.GET):
        return template.render(context)
    digest = hashlib.blake2b(template.source.encode(), digest_size=8).hexdigest()
    bound = "bound" if context["filter"].is_bound else "unbound"
    name = f"filter-form:{request.path}:{get_language()}:{get_script_prefix()}:{bound}:{digest}"
    return mark_safe(remembered(name, lambda: template.render(context)))


@register.tag
def include_each(parser, token):
    """`{% include_each "includes/_story_item.html" for story in stories %}`, optionally
    `... with heading_level=3`: the template once per item, each kept in the cache by its
    content (reviews.site.fragments lists what each template reads)."""
    bits = token.split_contents()
    if len(bits) < 6 or bits[2] != "for" or bits[4] != "in" or (bits[6:] and bits[6] != "with"):
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "template" for name in items [with key=value ...] %}}'
        )
    name = bits[1].strip("\"'")
    if name not in PARTS:
        raise template.TemplateSyntaxError(f"{name} is not listed in reviews.site.fragments.")
    extra = token_kwargs(bits[7:], parser)
    if len(extra) != len(bits[7:]):
        raise template.TemplateSyntaxError(f"{bits[0]}: 'with' takes key=value pairs only.")
    return IncludeEachNode(name, bits[3], parser.compile_filter(bits[5]), extra)


class IncludeEachNode(template.Node):
    def __init__(self, template_name, name, items, extra):
        self.template_name, self.name, self.items, self.extra = template_name, name, items, extra

    def render(self, context):
        rendered = rendered_each(
            self.template_name,
            list(self.items.resolve(context) or []),
            name=self.name,
            parts=PARTS[self.template_name],
            extra={key: value.resolve(context) for key, value in self.extra.items()},
        )
        return mark_safe("".join(rendered))
