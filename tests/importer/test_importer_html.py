"""Import from an HTML page: the page read as a browser's copy, in the paste box and from files."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from reviews.importer.evaluation import load_cases, load_catalogue
from reviews.importer.parser import ImportFailed, parse_review
from reviews.importer.sample_pages import page_of
from reviews.importer.webpage import decode, html_to_text, looks_like_html
from tests.importer.cases import (
    FOLDER,
    assert_reads_as_expected,
    create_catalogue,
    expected_of,
    text_of,
)

IMPORT_URL = reverse("admin:reviews_review_import")
CASES = {case.name: case for case in load_cases()}
CATALOGUE = load_catalogue()
# Each style of page around three invented reviews of different layouts.
PAGES = [
    ("01_outlet_heads_two_stories", "semantic"),
    ("07_page_clutter", "semantic"),
    ("16_outlet_headings_with_pages", "semantic"),
    ("02_expert_quoted_twice", "div_soup"),
    ("08_dateline_variant", "div_soup"),
    ("11_held_out_mixed_patterns", "div_soup"),
    ("06_all_on_one_line", "minified"),
    ("13_held_out_untuned", "minified"),
    ("21_outlet_headings_in_brackets", "minified"),
]


def proposal_of(text: str, name: str):
    return parse_review(text, catalogue=CATALOGUE, today=CASES[name].today)


@pytest.mark.once
@pytest.mark.parametrize(("name", "style"), PAGES)
def test_a_page_of_the_review_reads_as_its_copied_text(name, style):
    """The review laid out as a web page proposes what its copied text proposes, as expected."""
    from_page = proposal_of(page_of(text_of(name), style), name)
    from_text = proposal_of(text_of(name), name)

    assert_reads_as_expected(from_page, expected_of(name))
    assert {**from_page.to_dict(), "dropped": []} == {**from_text.to_dict(), "dropped": []}


@pytest.mark.once
def test_page_text_is_what_a_browser_copies():
    """Blocks on their own lines, paragraphs apart, inline elements and entities within the
    line, white space collapsed; scripts, menus, hidden parts and the page's furniture gone."""
    page = """<!DOCTYPE html><html><head><title>Site</title><style>p{}</style></head><body>
    <header><nav><a href="/">Home</a></nav></header>
    <div class="cookie-notice">We use cookies</div>
    <h1>Press review:   Rates &amp; <em>bonds</em></h1>
    <p>LISBON, <time>March 3</time>&nbsp;/Agency/.<br>The papers.<script>x = "<p>"</script></p>
    <div><b>Gazeta Norte</b>: Rates hold</div><div>Text<span hidden>secret</span> here.</div>
    <table><tr><td>one</td><td>two</td></tr></table>
    <p aria-hidden="true">hidden<p>Last
    <footer>© Site</footer></body></html>"""

    assert html_to_text(page) == (
        "Press review: Rates & bonds\n\nLISBON, March 3\u00a0/Agency/.\nThe papers.\n\n"
        "Gazeta Norte: Rates hold\nText here.\none\ttwo\n\nLast"
    )


@pytest.mark.once
def test_the_article_is_read_alone_with_the_title_above_it():
    """Text around the one <article> is left out, but not the title and dateline above it."""
    page = (
        "<body><div>Weather: sunny</div><h1>Press review: Rates</h1><p>LISBON, March 3.</p>"
        f"<article><p>{'Story text. ' * 20}</p></article><div>Most read</div></body>"
    )

    text = html_to_text(page)

    assert text.startswith("Press review: Rates\n\nLISBON, March 3.\n\nStory text.")
    assert "Weather" not in text
    assert "Most read" not in text


@pytest.mark.once
def test_copied_text_is_never_taken_for_html():
    frozen = (FOLDER / "frozen").glob("*.txt")
    texts = [case.text for case in CASES.values()] + [p.read_text("utf-8") for p in frozen]

    assert not any(looks_like_html(text) for text in texts)
    assert looks_like_html("<p>Press review: Rates</p><p>LISBON, March 3.</p>")
    assert looks_like_html("\ufeff <!doctype html><title>x</title>")


@pytest.mark.once
@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><nav>Home</nav></html>"])
def test_a_page_without_text_cannot_be_imported(page):
    with pytest.raises(ImportFailed, match="The HTML page holds no text to read"):
        parse_review(page, catalogue=CATALOGUE)


@pytest.mark.django_db
def test_editor_pastes_the_source_of_a_page(client, editor):
    """The page's HTML source in the paste box, however long its scripts, gives the proposal
    its text gives."""
    create_catalogue()
    client.force_login(editor)

    page = page_of(text_of("01_outlet_heads_two_stories"), "semantic")
    script = f"<script>var bundle = '{'x' * 300_000}';</script>"  # longer than a paste may be
    response = client.post(
        IMPORT_URL, {"text": page.replace("</head>", f"{script}</head>"), "_parse": "1"}
    )

    forms = response.context["forms"]
    assert response.status_code == 200
    assert forms.review.initial["title"] == expected_of("01_outlet_heads_two_stories")["title"]
    too_long = client.post(IMPORT_URL, {"text": "x" * 200_001, "_parse": "1"})
    assert too_long.context["form"].errors["text"] == [
        "Ensure this value has at most 200000 characters (it has 200001)."
    ]
    assert [f.initial["headline"] for f in forms.stories.forms] == [
        "Dockers extend strike into a second week",
        "Rail tender stalls over signalling costs",
        "Housing levy divides city councils",
    ]


@pytest.mark.django_db
def test_import_text_reads_a_saved_page_in_its_declared_charset(tmp_path):
    """A page saved in Windows-1252 that says so (as "iso-8859-1") is read in it."""
    create_catalogue()
    page = page_of(text_of("07_page_clutter"), "semantic")
    page = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    path = tmp_path / "review.html"
    path.write_bytes(page.encode("cp1252"))

    out = io.StringIO()
    call_command("import_text", str(path), "--dry-run", "--json", "--create-new", stdout=out)

    proposal = json.loads(out.getvalue())
    assert proposal["title"] == expected_of("07_page_clutter")["title"]
    assert [s["outlet"]["name"] for s in proposal["stories"]] == [
        "Diário da Ribeira",
        "Gazeta Norte",
        "The Harbour Post",
    ]
    assert proposal["stories"][0]["citations"][0]["name"] == "Inês Amaral"


@pytest.mark.once
def test_a_saved_page_is_decoded_in_the_charset_it_declares():
    """As a browser reads it: "iso-8859-1" as Windows-1252, the http-equiv form too."""
    latin = b'<meta charset="ISO-8859-1"><p>\x93Quoted\x94 \x97 Di\xe1rio</p>'
    cyrillic = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">Пресса'

    assert decode(latin).endswith("<p>“Quoted” — Diário</p>")
    assert decode(cyrillic.encode("cp1251")) == cyrillic
    assert decode("\ufeff<p>Diário</p>".encode()) == "<p>Diário</p>"


@pytest.mark.django_db
def test_import_text_names_a_page_it_cannot_decode(tmp_path):
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes("<html><body><p>Diário</p></body></html>".encode("cp1252"))
    unknown = tmp_path / "unknown.html"
    unknown.write_bytes(b'<html><head><meta charset="klingon"></head><body>x</body></html>')

    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_text", str(undeclared), str(unknown), stderr=err)

    assert "undeclared.html: not imported: not UTF-8 text, and no charset declared" in (
        err.getvalue()
    )
    assert "unknown.html: not imported: it declares an unknown charset, “klingon”" in (
        err.getvalue()
    )


@pytest.mark.once
def test_evaluation_scores_the_reviews_as_pages_too(tmp_path):
    """`evaluate_importer --as-pages` prints each page style's scores beside the text's."""
    case = "01_outlet_heads_two_stories"
    for name in ("catalogue.json", f"{case}.txt", f"{case}.json"):
        (tmp_path / name).write_bytes((FOLDER / name).read_bytes())

    out = io.StringIO()
    call_command("evaluate_importer", "--folder", str(tmp_path), "--as-pages", stdout=out)

    lines = out.getvalue().splitlines()
    for style in ("semantic", "div_soup", "minified"):
        assert any(
            line.split()[:3] == [style, "stories", "3/3/3"] and line.endswith("headlines 3/3")
            for line in lines
        )
