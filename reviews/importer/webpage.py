"""A press-review web page given as HTML (a saved page, or its source pasted) read as the text a
browser's copy would give, so the parser sees what it sees in a copied page. See
docs/IMPORTING.md, "HTML pages".
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

# What never shows on the page, or is not the review: dropped with everything inside.
UNSEEN = {
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "map", "dialog", "nav", "aside", "button", "select",
    "textarea", "datalist", "option",
}  # fmt: skip
# The page's own header and footer; inside these, a header or footer is the article's own.
PAGE_PARTS = {"header", "footer"}
SECTIONING = {"article", "main", "section", "aside", "nav", "blockquote", "details"}
UNSEEN_ROLES = {
    "navigation", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    "toolbar",
}  # fmt: skip
# Words of class and id names that mark a page's furniture (whole words: "share-bar",
# "cookie_notice"); never "header" or "footer", which often hold the article's title or end.
FURNITURE_WORDS = {
    "nav", "navbar", "navigation", "menu", "sidebar", "share", "sharing", "social", "cookie",
    "cookies", "consent", "gdpr", "related", "advert", "advertisement", "ad", "ads", "promo",
    "comments", "popup", "modal",
}  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Line breaks a block asks for before and after itself, as a browser's innerText gives them:
# a paragraph stands apart by a blank line, other blocks by a line break.
PARAGRAPHS = {"p"}
BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "ol", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
# Elements whose end tag may be left out, closed by the start of another (the HTML standard's
# "implied end tags", the cases a page's text depends on), and where such a search stops.
CLOSES_P = BLOCKS - {"body", "html", "caption", "tbody", "tfoot", "thead", "tr"} | {"p"}
SCOPE = {"html", "table", "td", "th", "caption", "template", "button", "object"}
IMPLIED = {
    "li": ({"li"}, SCOPE | {"ol", "ul"}),
    "dt": ({"dt", "dd"}, SCOPE | {"dl"}),
    "dd": ({"dt", "dd"}, SCOPE | {"dl"}),
    "tr": ({"tr", "td", "th"}, {"html", "table", "template"}),
    "td": ({"td", "th"}, {"html", "table", "tr", "template"}),
    "th": ({"td", "th"}, {"html", "table", "tr", "template"}),
}

# Marks in the rendered text where the one article (or main part) starts and ends, and where a
# top-level heading starts: private-use characters that a page does not use.
ARTICLE_START, ARTICLE_END, HEADING = "\ue000", "\ue001", "\ue002"
MARKS = (ARTICLE_START, ARTICLE_END, HEADING)
NO_MARKS = dict.fromkeys(map(ord, MARKS))
# The article is read alone when it holds at least this share of the page's words.
ARTICLE_SHARE = 0.5

KNOWN_TAGS = BLOCKS | VOID | UNSEEN | PARAGRAPHS | {
    "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "label", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "td", "th", "time", "u", "!doctype",
}  # fmt: skip
TAG = re.compile(r"<(/?)([a-z][a-z0-9]*|!doctype)\b[^<>]*>", re.IGNORECASE)
DOCUMENT_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)", re.I)
MIN_TAGS = 4


def looks_like_html(text: str) -> bool:
    """Whether `text` is HTML rather than copied text: it starts as a document does
    (`<!doctype html>`, `<html>`, `<head>`, `<body>`, a comment), or holds at least four tags
    of HTML's elements. Text copied from a browser holds none."""
    text = text.lstrip("\ufeff")
    if DOCUMENT_START.match(text):
        return True
    tags = (m for m in TAG.finditer(text) if m.group(2).casefold() in KNOWN_TAGS)
    return sum(1 for _tag in zip(range(MIN_TAGS), tags, strict=False)) >= MIN_TAGS


@dataclass
class Open:
    """An element open in the parse: what it asks for and what it hides."""

    tag: str
    unseen: bool  # it and everything inside are dropped
    breaks: int = 0  # line breaks wanted before and after it
    cells: int = 0  # for a table row: the cells seen so far
    mark_end: str = ""  # written after it (the article's end mark)


class PageText(HTMLParser):
    """Renders a page as innerText does: blocks on their own lines, inline elements within
    them, white space collapsed, table cells apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[Open] = []
        self.open_tags: Counter[str] = Counter()  # so that a deep page is not searched through
        self.parts: list[str | int] = []  # text, or the line breaks wanted at that place
        self.unseen = 0  # open elements that hide their content
        self.pre = 0  # open <pre> elements: their white space is kept

    # Opening and closing

    def handle_starttag(self, tag, attrs):
        self.close_implied(tag)
        attributes = {name: value or "" for name, value in attrs}
        if tag in VOID:
            if not self.unseen:
                if tag == "br":
                    self.parts.append("\n")
                elif tag == "hr":
                    self.parts.append(1)
            return
        unseen = self.is_unseen(tag, attributes)
        element = Open(tag, unseen)
        if not self.unseen and not unseen:
            element.breaks = 2 if tag in PARAGRAPHS else 1 if tag in BLOCKS else 0
            if tag in ("td", "th"):
                row = next((e for e in reversed(self.stack) if e.tag == "tr"), None)
                if row is not None:
                    if row.cells:
                        self.parts.append("\t")
                    row.cells += 1
            self.parts.append(element.breaks)
            if tag == "h1":
                self.parts.append(HEADING)
            kind = "main" if attributes.get("role") == "main" else tag
            if kind in ("article", "main"):
                self.parts.append(ARTICLE_START + kind)
                element.mark_end = ARTICLE_END + kind
        self.stack.append(element)
        self.open_tags[tag] += 1
        self.unseen += unseen
        self.pre += tag == "pre"

    def handle_endtag(self, tag):
        if tag in ("p", "br") and not self.open_tags[tag]:
            # A stray </p> is an empty paragraph to a browser, and </br> a <br>.
            if not self.unseen:
                self.parts.append(2 if tag == "p" else "\n")
            return
        if not self.open_tags[tag]:
            return
        while self.stack:
            element = self.pop()
            if element.tag == tag:
                break

    def pop(self) -> Open:
        element = self.stack.pop()
        self.open_tags[element.tag] -= 1
        self.unseen -= element.unseen
        self.pre -= element.tag == "pre"
        if not self.unseen and not element.unseen:
            self.parts.append(element.breaks)
            if element.mark_end:
                self.parts.append(element.mark_end)
        return element

    def close_implied(self, tag: str) -> None:
        """Close what the start of `tag` closes: an open paragraph, list item, row or cell."""
        rules = []
        if tag in CLOSES_P:
            rules.append(({"p"}, SCOPE))
        if tag in IMPLIED:
            rules.append(IMPLIED[tag])
        for closed, boundaries in rules:
            if not any(self.open_tags[name] for name in closed):
                continue
            for depth in range(len(self.stack) - 1, -1, -1):
                name = self.stack[depth].tag
                if name in closed:
                    while len(self.stack) > depth:
                        self.pop()
                    break
                if name in boundaries:
                    break

    def is_unseen(self, tag: str, attributes: dict[str, str]) -> bool:
        if tag in UNSEEN:
            return True
        if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
            return True
        if HIDDEN_STYLE.search(attributes.get("style", "")):
            return True
        role = attributes.get("role", "").lower()
        in_sectioning = any(self.open_tags[name] for name in SECTIONING)
        if role in UNSEEN_ROLES or (role in ("banner", "contentinfo") and not in_sectioning):
            return True
        if tag in PAGE_PARTS and not in_sectioning:
            return True
        names = f"{attributes.get('class', '')} {attributes.get('id', '')}".casefold()
        return bool(FURNITURE_WORDS.intersection(re.split(r"[\s_\-]+", names)))

    # Text

    def handle_data(self, data):
        if self.unseen or not data:
            return
        data = data.translate(NO_MARKS)  # a page's own private-use characters are not marks
        if self.pre:
            self.parts.append(data)
        else:
            self.parts.append(re.sub(r"[ \t\n\r\f]+", " ", data))

    def text(self) -> str:
        """The rendered text: the breaks wanted at each place merged (the most of them), none
        at either end, no space at a line's start or end."""
        while self.stack:
            self.pop()
        out: list[str] = []
        pending, wrote, line_start = 0, False, True
        for part in self.parts:
            if isinstance(part, int):
                pending = max(pending, part)
                continue
            if part[:1] in MARKS:
                out.append(part)
                continue
            new_line = bool(pending and wrote)
            if line_start or new_line:
                part = part.lstrip(" ")
            if not part:
                continue  # white space between blocks: the breaks still wanted
            if new_line:
                out.append("\n" * pending)
            out.append(part)
            pending, wrote, line_start = 0, True, part.endswith(("\n", "\t", " "))
        text = "".join(out)
        return re.sub(r" +(?=[\n\t]|$)", "", text)


def read_article(text: str) -> str:
    """The one article (or else the one main part) alone, from the page's first top-level
    heading when that stands before it, when it holds most of the page's words; else it all."""
    for kind in ("article", "main"):
        start_mark, end_mark = ARTICLE_START + kind, ARTICLE_END + kind
        if text.count(start_mark) != 1 or text.count(end_mark) != 1:
            continue
        start, end = text.index(start_mark), text.index(end_mark)
        heading = text.find(HEADING)
        if 0 <= heading < start:
            start = heading
        inside, whole = strip_marks(text[start:end]), strip_marks(text)
        if len(inside.split()) >= ARTICLE_SHARE * len(whole.split()):
            return inside
    return strip_marks(text)


def strip_marks(text: str) -> str:
    text = re.sub(f"[{ARTICLE_START}{ARTICLE_END}](?:article|main)", "", text)
    return text.replace(HEADING, "")


def html_to_text(document: str) -> str:
    """The text of an HTML page or fragment as a browser's copy gives it, without what the page
    hides and its furniture (menus, sidebars, share bars, cookie notices, the page's header
    and footer); the article alone when the page has one holding most of its text."""
    parser = PageText()
    parser.feed(document)
    parser.close()
    text = read_article(parser.text())
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Reading a saved page's bytes

META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)""", re.IGNORECASE
)
# What browsers read for these labels (the WHATWG Encoding standard), by Python's codec names.
BROWSER_ENCODINGS = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "utf-16-le": "utf-8", "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}  # fmt: skip


class UndecodablePage(ValueError):
    """The bytes cannot be read as text; the message says why in a few words."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 1024 bytes (`<meta charset=…>` or
    `<meta http-equiv="Content-Type" content="text/html; charset=…">`), as Python names it."""
    match = META_CHARSET.search(data[:1024])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise UndecodablePage(f"it declares an unknown charset, “{label}”") from None
    return BROWSER_ENCODINGS.get(name, name)


def decode(data: bytes) -> str:
    """The text of a file's bytes: UTF-8 when it starts with UTF-8's byte-order mark, else for
    an HTML page the charset it declares, else UTF-8. UndecodablePage says why when that does
    not read."""
    marked = data.startswith(codecs.BOM_UTF8)
    head = data[:1024].decode("ascii", errors="replace")
    charset = None
    if not marked and (looks_like_html(head) or b"<meta" in data[:1024]):
        charset = declared_charset(data)
    try:
        return data.decode(charset or "utf-8-sig")
    except UnicodeDecodeError:
        if charset:
            raise UndecodablePage(f"not text in the charset it declares, {charset}") from None
        if marked:
            raise UndecodablePage("not UTF-8 text, despite its byte-order mark") from None
        raise UndecodablePage("not UTF-8 text, and no charset declared") from None
