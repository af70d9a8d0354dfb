"""Matches marked safely: the database puts markers around them, the text is escaped whole,
then only the markers become <mark> tags (docs/SECURITY.md, "No stored XSS")."""

import secrets

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Random for each process, so that no stored text holds them, and escape() leaves them as
# they are (private-use characters and hexadecimal digits).
MATCH_START = f"\ue000{secrets.token_hex(8)}\ue001"
MATCH_STOP = f"\ue001{secrets.token_hex(8)}\ue000"
# About how many words of a long text a result shows around its matches.
SNIPPET_WORDS = 40


def highlight(marked_text: str) -> SafeString:
    """`marked_text` as HTML: all of it escaped, then its marked matches put in <mark>."""
    html = escape(marked_text).replace(MATCH_START, "<mark>").replace(MATCH_STOP, "</mark>")
    # Safe: everything was escaped; only our own markers have become tags.
    return mark_safe(html)
