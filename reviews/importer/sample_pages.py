"""Invented web pages around the invented reviews of tests/data/import/: a case's text laid out
as a news site might lay it out, in one of a few styles, for the evaluation (`evaluate_importer
--as-pages`) and the tests to read back as the text was. Nothing here is copied from a site."""

import re
from html import escape

STYLES = ("semantic", "div_soup", "minified")
DATE = re.compile(r"^([A-Z][^,/.]*, )((?:\w+ )?\d{1,2}(?: \w+)?)")


def parts_of(text: str) -> list[tuple[str, str]]:
    """(kind, line) for the case's lines: "title", "section", "dateline", "heading" (a short
    line heading a paragraph, or an outlet heading alone), "paragraph" or "break"."""
    parts = []
    blocks = [b.split("\n") for b in text.strip().split("\n\n")]
    for number, block in enumerate(blocks):
        for index, line in enumerate(block):
            if number == 0 and index == 0:
                kind = "title" if len(block) > 1 or len(blocks) > 1 else "paragraph"
            elif number == 0 and len(line.split()) <= 3 and not line.endswith("."):
                kind = "section"
            elif number == 0 and DATE.match(line) and all(k != "dateline" for k, _l in parts):
                kind = "dateline"
            elif (
                len(line.split()) <= 14
                and not line.endswith((".", '"', "”"))
                and (index == 0 and (len(block) > 1 or line.isupper() or "," in line))
            ):
                kind = "heading"
            else:
                kind = "paragraph"
            if parts and parts[-1][0] == "heading" and parts[-1][1].endswith(":"):
                parts[-1] = ("heading", f"{parts[-1][1]}\n{line}")  # "OUTLET:", headline
                continue
            parts.append((kind, line))
        parts.append(("break", ""))
    return parts


def inline(line: str) -> str:
    """The line escaped, with a few inline elements that a copy must not break apart."""
    html = escape(line).replace("&quot;", "&#34;").replace("\n", "<br>")
    html = re.sub(r"&#34;([^&]+)&#34;", r"&#34;<em>\1</em>&#34;", html)
    if ": " in html and len(html.split(": ", 1)[0].split()) <= 4:
        outlet, rest = html.split(": ", 1)
        html = f'<span class="outlet">{outlet}</span>: {rest}'
    return html


def dateline(line: str) -> str:
    match = DATE.match(line)
    if not match:
        return inline(line)
    rest = line[match.end() :]
    return (
        f'<span class="place">{escape(match.group(1))}</span><time datetime="2026">'
        f"{escape(match.group(2))}</time>{inline(rest)}"
    )


def laid_out(text: str, templates: dict[str, str], *, between: str) -> str:
    """The case's parts, each in its kind's template ("{}" for the line's HTML)."""
    return between.join(
        templates[kind].format(dateline(line) if kind == "dateline" else inline(line))
        for kind, line in parts_of(text)
        if templates[kind]
    )


RELATED = ["Press review: Cork exporters hit by freight costs", "Press review: Shoes look east"]


def semantic_page(text: str) -> str:
    """HTML5 with a site header and menu, a cookie banner, the review in <article> with <h1>,
    <h2> headings and paragraphs, a share bar, related links in <aside> and a footer."""
    body = laid_out(
        text,
        {
            "title": "<header><h1>{}</h1>",
            "section": '<p class="kicker"><a href="/s/">{}</a></p>',
            "dateline": '<p class="lede">{}</p></header>',
            "heading": "<h2>{}</h2>",
            "paragraph": "<p>\n    {}\n  </p>",
            "break": "",
        },
        between="\n      ",
    )
    title = escape(text.split("\n", 1)[0])
    related = "".join(f'<li><a href="/r/{n}">{escape(r)}</a></li>' for n, r in enumerate(RELATED))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | Pressreview Agency</title>
  <link rel="stylesheet" href="/static/site.css">
  <style>body {{ font: 16px/1.5 Georgia, serif; }} .share a::after {{ content: " |"; }}</style>
  <script>window.dataLayer = []; if (a < b && b > c) {{ track("page"); }}</script>
  <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}"}}</script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <div class="logo">Pressreview Agency</div>
    <nav aria-label="Sections"><ul><li><a href="/">Home</a></li><li><a href="/w/">World</a>
      </li><li><a href="/b/">Business</a></li><li><a href="/p/">Politics</a></li></ul></nav>
    <form role="search" action="/search"><input name="q"><button>Search</button></form>
  </header>
  <div class="cookie-banner" role="dialog">We use cookies to improve your experience.
    <button>Accept all</button></div>
  <main id="main">
    <article class="review">
      {body}
      <div class="share-bar"><span>Share</span> <a href="#">Facebook</a> <a href="#">X</a></div>
    </article>
    <aside class="related"><h2>Related press reviews</h2><ul>{related}</ul></aside>
  </main>
  <footer><p>&copy; 2026 Pressreview Agency. All rights reserved.</p>
    <p><a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a></p></footer>
  <script src="/static/app.js" defer></script>
</body>
</html>
"""


def div_soup_page(text: str) -> str:
    """No semantic element: a layout table with a menu column, <div> paragraphs, <font> and
    <b> headings, a share box, a cookie note and a footer, all <div>s."""
    body = laid_out(
        text,
        {
            "title": '<div class="ttl"><font size="5"><b>{}</b></font></div>',
            "section": '<div class="rubric">{}</div>',
            "dateline": '<div class="txt">{}</div>',
            "heading": '<div class="txt"><b>{}</b></div>',
            "paragraph": '<div class="txt">{}</div>',
            "break": '<div class="gap">&nbsp;</div>',
        },
        between="\n",
    )
    return f"""<HTML><HEAD><TITLE>Pressreview Agency</TITLE>
<META http-equiv="Content-Type" content="text/html; charset=utf-8">
<SCRIPT language="javascript">function go(u) {{ if (u) location = u; }}</SCRIPT>
</HEAD><BODY bgcolor="#ffffff">
<div id="top"><div class="logo"><img src="/logo.gif" alt="Pressreview Agency"></div>
<div class="top-menu"><a href="/">Home</a> | <a href="/w">World</a> | <a href="/b">Business</a>
</div></div>
<table width="100%" cellpadding="0"><tr>
<td width="180" valign="top"><div class="menu-left"><div><a href="/n">News</a></div>
<div><a href="/a">Archive</a></div></div></td>
<td valign="top">
{body}
<div class="share-links"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a></div>
</td></tr></table>
<div id="cookie_note">This site uses cookies. <a href="#">OK</a></div>
<div id="bottom">&copy; 2026 Pressreview Agency. All rights reserved.<br>
Terms | Privacy | Contact</div>
</BODY></HTML>"""


def minified_page(text: str) -> str:
    """All on one line: the title, section and dateline in a head above the <article>, the
    stories inside it as text and <strong> headings separated by <br><br>."""
    head, stories = [], []
    for kind, line in parts_of(text):
        if kind == "title":
            head.append(f"<h1>{inline(line)}</h1>")
        elif kind == "section":
            head.append(f'<div class="cat">{inline(line)}</div>')
        elif kind == "dateline":
            head.append(f"<p>{dateline(line)}</p>")
        elif kind == "heading":
            stories.append(f"<strong>{inline(line)}</strong><br>")
        elif kind == "paragraph":
            stories.append(f"{inline(line)}<br>")
        elif stories:
            stories.append("<br>")
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>Pressreview</title>'
        "<style>p{margin:0}</style></head><body><header><nav><a href=/>Home</a>"
        '<a href="/b">Business</a></nav></header><main><div class="page-head">'
        + "".join(head)
        + '</div><article><div class="body">'
        + "".join(stories)
        + '</div><p hidden>Loading comments</p><div aria-hidden="true">Ad</div>'
        + '<div style="display: none">Subscribe now</div></article></main><footer>'
        + "&copy; 2026 Pressreview</footer></body></html>"
    )


PAGES = {"semantic": semantic_page, "div_soup": div_soup_page, "minified": minified_page}


def page_of(text: str, style: str) -> str:
    return PAGES[style](text)
