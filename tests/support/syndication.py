"""Reading feeds and sitemaps as subscribers and crawlers do: checked, then parsed."""

import xml.etree.ElementTree as ET

from django.urls import reverse

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE = "http://testserver"


def rss_items(response) -> list[ET.Element]:
    """The items of an RSS 2.0 response, after checking that it is one."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title")
    assert channel.findtext("link")
    assert channel.findtext("description")
    return channel.findall("item")


def atom_entries(response) -> list[ET.Element]:
    """The entries of an Atom response, after checking that it is one."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title")
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}updated")
    return root.findall(f"{ATOM}entry")


def sitemap_index(client) -> dict[str, str | None]:
    """The sitemap index: each sitemap page's address and its lastmod."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    return {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in root.findall(f"{SITEMAP}sitemap")
    }


def sitemap_urls(client, address: str) -> list[tuple[str, str | None]]:
    """The (loc, lastmod) of each URL on one sitemap page."""
    response = client.get(address)
    assert response.status_code == 200, address
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    return [
        (url.findtext(f"{SITEMAP}loc"), url.findtext(f"{SITEMAP}lastmod"))
        for url in root.findall(f"{SITEMAP}url")
    ]


def sitemap_alternates(client, address: str) -> dict[str, dict[str, str]]:
    """Each URL of one sitemap page with its alternates, {hreflang: address} (empty when
    it has none)."""
    response = client.get(address)
    assert response.status_code == 200, address
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for url in root.findall(f"{SITEMAP}url")
    }
