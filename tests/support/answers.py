"""Whether an answer is sound: no server error, a body its Content-Type can read, HTML whose
tags balance, and redirects that stay on this site."""

import json
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import urlsplit

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class BalancedHtml(HTMLParser):
    """Records a doctype and every end tag that does not close the element last opened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else ''}>")
            return
        self.open.pop()


def assert_well_formed_html(text: str, url: str) -> None:
    parser = BalancedHtml()
    parser.feed(text)
    parser.close()
    assert parser.doctype, f"no doctype: {url!r}"
    assert not parser.problems, (url, parser.problems[:3])
    assert not parser.open, (url, f"never closed: {parser.open}")


REDIRECTS = {301, 302, 303, 307, 308}


def check(response, url: str) -> None:
    """No server error, and a body that its Content-Type can read."""
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code in REDIRECTS:
        target = urlsplit(response["Location"])
        assert target.netloc in ("", "testserver"), (url, response["Location"])
        assert not response["Location"].startswith("//"), (url, response["Location"])
        return
    if response.status_code == 304:
        return
    content_type = response.get("Content-Type", "")
    body = response.content
    if "html" in content_type:
        assert_well_formed_html(body.decode("utf-8"), url)
    elif "xml" in content_type:
        ElementTree.fromstring(body)
    elif "json" in content_type:
        json.loads(body)
    else:
        assert content_type.startswith("text/plain"), (url, content_type)
        body.decode("utf-8")
