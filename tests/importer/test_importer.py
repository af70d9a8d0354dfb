"""Import from pasted text: the parser on the invented reviews, the admin flow, the command."""

import datetime
import io
import json

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.urls import reverse
from reversion.models import Version

from reviews.importer.catalogue import Catalogue
from reviews.importer.evaluation import METRICS, evaluate
from reviews.importer.parser import ImportFailed, parse_review
from reviews.importer.text import MASK, find_dateline, remove_clutter
from reviews.models import Citation, Expert, Outlet, Review, Story
from tests.importer.cases import (
    FOLDER,
    assert_reads_as_expected,
    case_names,
    create_catalogue,
    expected_of,
    form_data,
    text_of,
)
from tests.support.factories import ExpertFactory, OutletFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:reviews_review_import")
CHANGELIST_URL = reverse("admin:reviews_review_changelist")


@pytest.fixture
def catalogue(db):
    create_catalogue()
    return Catalogue.from_database()


def parse(name: str, catalogue: Catalogue):
    expected = expected_of(name)
    today = datetime.date.fromisoformat(expected["today"])
    return parse_review(text_of(name), catalogue=catalogue, today=today), expected


# The parser on each invented review


@pytest.mark.parametrize("name", case_names())
def test_parser_reads_the_invented_review_as_expected(name, catalogue):
    """Title, dateline, lede, stories, outlets, citations and disclaimer as in <name>.json."""
    proposal, expected = parse(name, catalogue)
    assert_reads_as_expected(proposal, expected)


@pytest.mark.parametrize("name", case_names())
def test_no_proposed_value_is_invented_or_masked(name, catalogue):
    """Headlines, names, positions and organisations are copied from the text (case aside),
    no placeholder or mask character reaches any value, and a new outlet's country and
    language are left empty rather than guessed."""
    proposal, _expected = parse(name, catalogue)
    source = " ".join(text_of(name).split()).casefold()
    assert MASK not in json.dumps(proposal.to_dict(), ensure_ascii=False)
    for story in proposal.stories:
        assert story.headline.casefold() in source
        if story.outlet.is_new:
            assert (story.outlet.country, story.outlet.language) == ("", "")
        for citation in story.citations:
            for value in (citation.written, citation.position, citation.organisation):
                assert value.casefold() in source, value


def story_with(sentences: str, catalogue: Catalogue):
    text = (
        "Press review: Rates\nLISBON, March 3 /Pressreview/. The papers write about rates.\n\n"
        f"Gazeta Norte: Rates hold\nThe bank held its rate, the paper writes. {sentences}\n"
    )
    return parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4)).stories[0]


@pytest.mark.parametrize(
    ("sentences", "cited"),
    [
        (
            "The cut will wait, Rui Matos, leading researcher with the Center for Wage Studies "
            "at the Northern Institute of Labour, stated.",
            ("Rui Matos", "leading researcher",
             "Center for Wage Studies at the Northern Institute of Labour"),
        ),
        (
            "Omar al-Farsi, a senior member of the Gulf Shipping Council, told Gazeta Norte "
            "that rates matter.",
            ("Omar al-Farsi", "senior member", "Gulf Shipping Council"),
        ),
        (
            "Head of the Center for Strategic Assessments Pavel Orlov told the paper that the "
            "bank was right.",
            ("Pavel Orlov", "head", "Center for Strategic Assessments"),
        ),
        ("Economist Pieter van der Berg is convinced that rates will fall.",
         ("Pieter van der Berg", "economist", "")),
        ("María de la Fuente was quoted by the paper as saying that rates would fall.",
         ("María de la Fuente", "", "")),
        ("Analyst J. R. Mendes said so. In Mendes's view, the bank is waiting.",
         ("J. R. Mendes", "analyst", "")),
    ],
)  # fmt: skip
def test_attribution_phrasings_of_the_genre_find_the_source(sentences, cited, catalogue):
    story = story_with(sentences, catalogue)
    assert [(c.name, c.position, c.organisation) for c in story.citations] == [cited]


@pytest.mark.parametrize(
    "sentence",
    [
        "Finance Minister Rui Matos said at a news conference that rates would hold.",
        "Rui Matos, the bank's spokesman, said in a statement that rates would hold.",
        "Deputy minister Rui Matos wrote on Telegram that rates would hold.",
        "Governor Rui Matos said rates would hold.",
    ],
)
def test_public_statements_make_newsmakers_not_experts(sentence, catalogue):
    story = story_with(sentence, catalogue)
    assert story.citations == []


def test_a_quotation_before_role_and_name_never_becomes_the_position(catalogue):
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers lead with ports.\n\n"
        'Gazeta Norte: Dockers stay out\n"We stay out until they listen," union leader Rui '
        "Matos told Gazeta Norte.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    citation = proposal.stories[0].citations[0]
    assert (citation.name, citation.position) == ("Rui Matos", "union leader")
    assert citation.quote == "We stay out until they listen"


def test_a_place_and_the_next_sentence_s_first_word_are_not_a_person(catalogue):
    text = (
        "Press review: Trams\nLISBON, March 3 /Pressreview/. The papers write about trams.\n\n"
        "Gazeta Norte: Tram fares rise in Lisbon The paper writes that fares rise in May.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert proposal.stories[0].headline == "Tram fares rise in Lisbon"
    assert proposal.mentioned_people == []


def test_newsmakers_are_listed_apart_and_never_proposed_as_experts(catalogue):
    proposal, _expected = parse("18_newsmakers_and_the_expert", catalogue)
    assert proposal.newsmakers == ["Tomas Rimkus", "Agnė Butkutė", "Adam Nowicki"]
    cited = {c.name for story in proposal.stories for c in story.citations}
    assert not cited & set(proposal.newsmakers)
    assert "Daiva Stankevičienė" in proposal.mentioned_people  # signed: named, not quoted
    # "The expert believes ...": the paper's source, not a new person.
    assert [c.name for c in proposal.stories[0].citations] == ["Piotr Zieliński"]


def test_an_economist_quoted_from_a_news_conference_is_proposed_and_flagged(catalogue):
    text = (
        "Press review: Rates\nLISBON, March 3 /Pressreview/. The papers write about rates.\n\n"
        "Gazeta Norte: Rates hold\nEconomist Rui Matos said at a news conference that rates "
        "would hold.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [c.name for c in proposal.stories[0].citations] == ["Rui Matos"]
    assert "newsmaker" in " ".join(proposal.uncertain("stories.0.citations.0.expert"))


def test_a_flattened_headline_is_flagged_only_when_its_end_is_uncertain(catalogue):
    sure, _expected = parse("15_flattened_quote_first_and_newsmakers", catalogue)
    assert not any(sure.uncertain(f"stories.{i}.headline") for i in range(3))
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers write about ports.\n\n"
        "Gazeta Norte: Strike ends Dockers return Shipping resumes on Monday.\n"
    )
    unsure = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert unsure.uncertain("stories.0.headline")


def test_a_short_first_line_that_runs_into_the_text_is_split_too(catalogue):
    """Only the story's first line lost its break; "U.S." does not end a sentence."""
    text = (
        "Press review: Rates\nLISBON, March 3 /Pressreview/. The papers write about rates.\n\n"
        "Gazeta Norte: Rates hold for a third month The bank held rates, the paper writes.\n"
        "Ana Ribeiro told the paper that a cut would come in May.\n\n"
        "The Harbour Post: U.S. lenders follow the bank\nThe paper writes that lenders did.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [(s.headline, s.body[:8]) for s in proposal.stories] == [
        ("Rates hold for a third month", "The bank"),
        ("U.S. lenders follow the bank", "The pape"),
    ]


def test_outlet_headings_give_a_story_per_paragraph_without_page_references(catalogue):
    proposal, _expected = parse("16_outlet_headings_with_pages", catalogue)
    assert [s.pages for s in proposal.stories] == ["p. 1, 4", "p. 6", "pp. 2-3"]
    assert not any("(p" in s.body or "GAZETA" in s.body for s in proposal.stories)
    assert proposal.uncertain("stories")  # headlines drawn from first sentences: said once


def test_a_short_line_under_an_outlet_heading_is_the_next_paragraph_s_headline(catalogue):
    text = (
        "Press review: Ferries\nLISBON, March 3 /Pressreview/. The papers write about ferries."
        "\n\nGAZETA NORTE\n\nFerry fares to rise by 8 percent\n\nFerry fares to the islands "
        "will rise in May. (p. 2)\n\nDockers in Leixões will strike on Friday. (p. 3)\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [(s.outlet.name, s.headline, s.pages) for s in proposal.stories] == [
        ("Gazeta Norte", "Ferry fares to rise by 8 percent", "p. 2"),
        ("Gazeta Norte", "Dockers in Leixões will strike on Friday", "p. 3"),
    ]


def test_an_outlet_heading_may_say_what_kind_of_paper_it_is(catalogue):
    text = (
        "Press review: Roads\nLISBON, March 3 /Pressreview/. The papers write about roads.\n\n"
        "Rīta Avīze (regional weekly)\n\nRoads in the east will be repaired, the weekly "
        "writes. (p. 4)\n\nGazeta Norte (business daily), March 3\n\nTolls rise in May.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [(s.outlet.name, s.outlet.is_new, s.headline) for s in proposal.stories] == [
        ("Rīta Avīze", True, "Roads in the east will be repaired"),
        ("Gazeta Norte", False, "Tolls rise in May"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "GAZETA NORTE — Tuesday, March 3",
        "GAZETA NORTE, Tuesday March 3",
        "GAZETA NORTE (Tuesday, 3 March)",
    ],
)
def test_an_outlet_heading_may_date_itself_with_the_weekday(catalogue, heading):
    text = (
        "Press review: Ferries\nLISBON, March 3 /Pressreview/. The papers write about ferries."
        f"\n\n{heading}\n\nFerry fares to the islands will rise in May. (p. 2)\n\n"
        "Dockers in Leixões will strike on Friday. (p. 3)\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [(s.outlet.name, s.headline) for s in proposal.stories] == [
        ("Gazeta Norte", "Ferry fares to the islands will rise in May"),
        ("Gazeta Norte", "Dockers in Leixões will strike on Friday"),
    ]


@pytest.mark.parametrize(
    ("first", "later"),
    [("Rosario de la Vega", "De la Vega"), ("Pieter van der Molen", "Van der Molen")],
)
def test_a_surname_of_several_words_later_on_is_the_same_person(catalogue, first, later):
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers write about ports.\n\n"
        f"Gazeta Norte: Dockers strike again\n{first}, an economist at the Harbour Institute, "
        f"told the paper that the strike would last. {later} added that talks had failed.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [c.name for c in proposal.stories[0].citations] == [first]


def test_a_parse_reads_the_catalogue_in_a_few_queries_however_many_experts(
    db, django_assert_max_num_queries
):
    """Names are matched against an index built once, not looked up one query at a time."""
    create_catalogue()
    ExpertFactory.create_batch(50)
    with django_assert_max_num_queries(3):
        catalogue = Catalogue.from_database()
        proposal, _expected = parse("18_newsmakers_and_the_expert", catalogue)
    assert len([c for s in proposal.stories for c in s.citations]) == 4


def test_evaluation_reports_precision_and_recall_for_every_metric():
    """The evaluation command's figures; a drop below 0.9 means the parser regressed."""
    evaluation = evaluate(FOLDER)
    assert len(evaluation.per_case) == len(case_names()) >= 8
    for metric in METRICS:
        score = evaluation.totals[metric]
        assert score.expected > 0
        assert score.precision >= 0.9, metric
        assert score.recall >= 0.9, metric
    assert evaluation.headlines["flattened"].total >= 15
    for layout in ("all", "flattened", "outlet-headings"):
        assert evaluation.headlines[layout].share >= 0.9, layout


def test_evaluate_importer_command_prints_the_figures():
    out = io.StringIO()
    call_command("evaluate_importer", stdout=out)
    printed = out.getvalue()
    for metric in ("stories", "outlets", "experts"):
        assert metric in printed
    assert "precision" in printed and "recall" in printed
    assert "headline boundaries" in printed and "flattened" in printed


# Parser details


@pytest.mark.parametrize(
    ("line", "city", "month", "day", "year", "agency"),
    [
        ("LISBON, March 3 /Pressreview/. The papers", "LISBON", 3, 3, None, "Pressreview"),
        ("Klaipėda, 14 March (Pressreview) — The papers", "Klaipėda", 3, 14, None, "Pressreview"),
        ("MADRID, Feb. 2, 2026 - El Faro", "MADRID", 2, 2, 2026, ""),
        (
            "PONTA DELGADA (Pressreview), May 8: The sale",
            "PONTA DELGADA",
            5,
            8,
            None,
            "Pressreview",
        ),
        ("title text RIGA, June 12 /Pressreview/. The", "RIGA", 6, 12, None, "Pressreview"),
        ("VILNIUS. June 12 (Pressreview) - The papers", "VILNIUS", 6, 12, None, "Pressreview"),
    ],
)
def test_dateline_variants_are_recognised(line, city, month, day, year, agency):
    dateline = find_dateline(line)
    assert (dateline.city, dateline.month, dateline.day, dateline.year, dateline.agency) == (
        city,
        month,
        day,
        year,
        agency,
    )


def test_a_weekday_is_not_a_dateline_city():
    assert find_dateline("The strike began on Monday, March 2, at dawn.") is None


def test_page_clutter_lines_are_dropped_but_running_text_is_kept():
    text = (
        "Home > Politics\nShare\nFacebook · X · Email\nPress review: A title here\n"
        "Press review: A title here\nBody text that mentions share prices and © notices "
        "in a long paragraph that is clearly written prose, not a page element at all.\n"
        "You may also like\nPress review: Another one\nPress review: And another\n\n"
        "© 2026 Pressreview. All rights reserved."
    )
    clean = remove_clutter(text)
    assert clean.text.splitlines() == [
        "Press review: A title here",
        "Body text that mentions share prices and © notices in a long paragraph that is "
        "clearly written prose, not a page element at all.",
    ]
    assert clean.breadcrumbs == [["Home", "Politics"]]


def test_an_outlet_name_mid_sentence_does_not_start_a_story(catalogue):
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers lead with ports.\n\n"
        "Gazeta Norte: Ports reopen\nThe paper writes, as the Harbour Post: Weekly Edition "
        "also noted, that the ports reopened.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [s.outlet.name for s in proposal.stories] == ["Gazeta Norte"]


def test_an_unknown_outlet_in_flattened_text_is_found_by_its_own_story(catalogue):
    """No newspaper word and no mention in the lede, but its story says "…, Portolano writes"."""
    text = (
        "Press review: Ports LISBON, March 3 /Pressreview/. The papers lead with ports. "
        "Portolano: Ports reopen after the strike The ports reopened on Monday, Portolano "
        "writes. Gazeta Norte: Dockers go back to work The paper writes that dockers returned."
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [(s.outlet.name, s.outlet.is_new, s.headline) for s in proposal.stories] == [
        ("Portolano", True, "Ports reopen after the strike"),
        ("Gazeta Norte", False, "Dockers go back to work"),
    ]


def test_an_unknown_label_is_not_offered_as_an_outlet(catalogue):
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers lead with ports.\n"
        "Note: All times are local\n\n"
        "Gazeta Norte: Ports reopen\nThe paper writes that the ports reopened.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert [s.outlet.name for s in proposal.stories] == ["Gazeta Norte"]
    assert not proposal.uncertain("stories.0.outlet")


def test_an_unknown_outlet_is_proposed_never_created(catalogue):
    proposal, _expected = parse("04_unknown_outlet", catalogue)
    ledger = proposal.stories[1].outlet
    assert ledger.is_new and ledger.outlet_id is None
    assert proposal.uncertain("stories.1.outlet")
    assert not Outlet.objects.filter(name="The Lagoon Ledger").exists()


def test_a_surname_alone_is_the_expert_named_in_full_earlier(catalogue):
    proposal, _expected = parse("02_expert_quoted_twice", catalogue)
    petrauskas = Expert.objects.get(name="Jonas Petrauskas")
    assert proposal.stories[1].citations[0].expert_id == petrauskas.pk


def test_an_expert_is_matched_through_an_alias(catalogue):
    proposal, _expected = parse("09_one_line_with_clutter", catalogue)
    citation = proposal.stories[1].citations[0]
    assert citation.written == "Ines Amaral"
    assert citation.expert_id == Expert.objects.get(name="Inês Amaral").pk


def test_a_close_spelling_of_an_outlet_is_matched_but_marked(catalogue):
    text = (
        "Press review: Ports\nLISBON, March 3 /Pressreview/. The papers lead with ports.\n\n"
        "Gazeta Nortte: Ports reopen\nThe paper writes that the ports reopened.\n"
    )
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2026, 3, 4))
    assert proposal.stories[0].outlet.name == "Gazeta Norte"
    assert proposal.uncertain("stories.0.outlet")


def test_text_without_a_year_takes_the_closest_past_year(catalogue):
    text = "Press review: Ports\nLISBON, December 30 /Pressreview/. Lede.\n"
    proposal = parse_review(text, catalogue=catalogue, today=datetime.date(2027, 1, 2))
    assert proposal.review_date == datetime.date(2026, 12, 30)
    assert proposal.uncertain("review_date")


def test_empty_text_cannot_be_imported(catalogue):
    with pytest.raises(ImportFailed):
        parse_review(" \n\n ", catalogue=catalogue)


# The admin flow


def read_text(client, name: str):
    response = client.post(IMPORT_URL, {"text": text_of(name), "_parse": "1"})
    assert response.status_code == 200
    return response


def test_editor_pastes_checks_fixes_and_saves_one_draft(client, editor, catalogue):
    client.force_login(editor)
    assert client.get(IMPORT_URL).status_code == 200
    response = read_text(client, "04_unknown_outlet")
    page = response.content.decode()
    assert "The Lagoon Ledger" in page
    assert "import-doubt" in page
    assert Review.objects.count() == 0

    data = form_data(response.context["forms"])
    data["stories-1-create_outlet"] = "on"  # the unknown outlet: create it
    data["stories-1-new_outlet_country"] = "Portugal"  # which the text does not say
    data["stories-1-new_outlet_language"] = "Portuguese"
    data["story-1-citations-0-create_expert"] = "on"  # Beatriz Medeiros: create
    data["story-2-citations-0-DELETE"] = "on"  # Duarte Pimentel: leave out
    data["stories-2-headline"] = "Airport slots go to the highest bidders"  # the fix
    data["_save"] = "1"
    response = client.post(IMPORT_URL, data)

    review = Review.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:reviews_review_change", args=[review.pk])
    assert review.status == Review.Status.DRAFT
    assert review.author == editor
    assert review.title == "Press review: Ferry operator sold as island fares rise"
    assert review.section.name == "Business"
    assert review.dateline_city == "PONTA DELGADA"
    assert review.disclaimer == ""  # the site-wide one
    stories = list(review.stories.order_by("position"))
    assert [(s.position, s.outlet.name) for s in stories] == [
        (1, "Diário da Ribeira"),
        (2, "The Lagoon Ledger"),
        (3, "The Harbour Post"),
    ]
    assert stories[2].headline == "Airport slots go to the highest bidders"
    ledger = Outlet.objects.get(name="The Lagoon Ledger")
    assert (ledger.country, ledger.language) == ("Portugal", "Portuguese")
    cited = Citation.objects.filter(story__review=review).order_by("story__position")
    assert [(c.expert.name, c.position, c.organisation) for c in cited] == [
        ("Marta Quelhas", "senior economist", "Atlantic Policy Institute"),
        ("Beatriz Medeiros", "sociologist", "University of the Atlantic Islands"),
    ]
    assert not Expert.objects.filter(name="Duarte Pimentel").exists()
    assert Version.objects.get_for_object(review).count() == 1


def test_the_preview_lists_newsmakers_apart_from_the_proposed_experts(client, editor, catalogue):
    client.force_login(editor)
    response = read_text(client, "18_newsmakers_and_the_expert")
    page = response.content.decode()
    newsmakers = page.split("newsmakers rather than the papers", 1)[1].split("</p>", 1)[0]
    assert "Tomas Rimkus, Agnė Butkutė, Adam Nowicki" in newsmakers
    assert "Daiva Stankevičienė" not in newsmakers  # signed: named, not quoted
    assert "Daiva Stankevičienė" in page


def test_nothing_unknown_is_created_unless_the_editor_ticks_create(client, editor, catalogue):
    client.force_login(editor)
    response = read_text(client, "04_unknown_outlet")
    data = form_data(response.context["forms"]) | {"_save": "1"}
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "tick “create this outlet”" in response.content.decode()
    assert Review.objects.count() == 0
    assert not Outlet.objects.filter(name="The Lagoon Ledger").exists()
    assert not Expert.objects.filter(name="Beatriz Medeiros").exists()


def test_cancel_saves_nothing(client, editor, catalogue):
    client.force_login(editor)
    response = read_text(client, "01_outlet_heads_two_stories")
    data = form_data(response.context["forms"]) | {"_cancel": "1"}
    data["story-2-citations-0-create_expert"] = "on"
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 302
    assert response.url == CHANGELIST_URL
    assert Review.objects.count() == Story.objects.count() == 0
    assert not Expert.objects.filter(name="Jorge Almeida").exists()
    assert "nothing was saved" in next(str(m) for m in get_messages(response.wsgi_request))


def test_an_error_while_saving_rolls_everything_back(client, editor, catalogue, monkeypatch):
    client.force_login(editor)
    response = read_text(client, "04_unknown_outlet")
    data = form_data(response.context["forms"]) | {"_save": "1"}
    data["stories-1-create_outlet"] = "on"
    data["stories-1-new_outlet_country"] = "Portugal"
    data["stories-1-new_outlet_language"] = "Portuguese"
    data["story-1-citations-0-create_expert"] = "on"
    data["story-2-citations-0-create_expert"] = "on"

    def broken_save(self, *args, **kwargs):
        raise IntegrityError("the disk is full")

    monkeypatch.setattr(Citation, "save", broken_save)
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert Review.objects.count() == Story.objects.count() == 0
    assert not Outlet.objects.filter(name="The Lagoon Ledger").exists()
    assert not Expert.objects.filter(name__in=["Beatriz Medeiros", "Duarte Pimentel"]).exists()


def test_back_to_the_text_keeps_the_pasted_text(client, editor, catalogue):
    client.force_login(editor)
    response = read_text(client, "03_story_quoting_nobody")
    data = form_data(response.context["forms"]) | {"_back": "1"}
    response = client.post(IMPORT_URL, data)
    assert response.context["form"]["text"].value() == text_of("03_story_quoting_nobody")


def test_text_with_no_story_shows_the_proposal_with_the_reason(client, editor, catalogue):
    client.force_login(editor)
    response = client.post(
        IMPORT_URL, {"text": "Press review: Nothing\nLISBON, March 3. A lede only.", "_parse": "1"}
    )
    assert "No story found" in response.content.decode()


def test_the_changelist_offers_import_to_editors_only(client, editor, moderator):
    client.force_login(editor)
    assert IMPORT_URL in client.get(CHANGELIST_URL).content.decode()
    client.force_login(moderator)
    assert IMPORT_URL not in client.get(CHANGELIST_URL).content.decode()


def test_moderator_cannot_import(client, moderator, catalogue):
    client.force_login(moderator)
    assert client.get(IMPORT_URL).status_code == 403
    response = client.post(IMPORT_URL, {"text": text_of("01_outlet_heads_two_stories")})
    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


# The command


def test_dry_run_prints_the_structure_and_saves_nothing(catalogue):
    experts_before = Expert.objects.count()
    out = io.StringIO()
    call_command(
        "import_text", str(FOLDER / "01_outlet_heads_two_stories.txt"), "--dry-run",
        "--create-new", stdout=out,
    )  # fmt: skip
    printed = out.getvalue()
    assert "Title:      Press review: Dockers extend strike as rail tender stalls" in printed
    assert "Story 3:    Gazeta Norte [known]: Housing levy divides city councils" in printed
    assert "quotes Ana Ribeiro [known], senior economist, Lisbon Institute of Finance" in printed
    assert "quotes Jorge Almeida [new]" in printed
    assert Review.objects.count() == 0
    assert Expert.objects.count() == experts_before


def test_dry_run_prints_page_references_and_newsmakers(catalogue):
    out = io.StringIO()
    path = str(FOLDER / "16_outlet_headings_with_pages.txt")
    call_command("import_text", path, "--dry-run", "--create-new", stdout=out)
    printed = out.getvalue()
    assert "(p. 1, 4)" in printed
    assert "Newsmakers: Sofia Lacerda" in printed


def test_dry_run_can_print_json(catalogue):
    out = io.StringIO()
    path = str(FOLDER / "03_story_quoting_nobody.txt")
    call_command("import_text", path, "--dry-run", "--json", "--create-new", stdout=out)
    assert '"headline": "Fishing fleet protests new sardine quota"' in out.getvalue()


def test_command_creates_a_draft_per_file(catalogue, editor):
    out = io.StringIO()
    call_command(
        "import_text",
        str(FOLDER / "01_outlet_heads_two_stories.txt"),
        str(FOLDER / "06_all_on_one_line.txt"),
        "--create-new",
        "--section=business",
        "--author=edna",
        stdout=out,
    )
    assert out.getvalue().count("created with 3 stories") == 2
    reviews = Review.objects.order_by("review_date")
    assert [r.status for r in reviews] == [Review.Status.DRAFT] * 2
    assert {r.author for r in reviews} == {editor}
    assert Story.objects.count() == 6
    assert Expert.objects.filter(name__in=["Jorge Almeida", "Marek Wróbel"]).count() == 2


def test_a_bad_file_gives_a_message_and_exit_code_1(catalogue, tmp_path):
    """The good file is imported, each bad one is named with its reason, and it exits 1."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00broken")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "import_text",
            str(tmp_path / "missing.txt"),
            str(empty),
            str(binary),
            str(FOLDER / "01_outlet_heads_two_stories.txt"),
            "--create-new",
            stdout=out,
            stderr=err,
        )
    assert error.value.returncode == 1
    assert "3 of 4 files could not be imported" in str(error.value)
    messages = err.getvalue()
    assert "missing.txt: not imported: no such file" in messages
    assert "empty.txt: not imported: The text is empty." in messages
    assert "binary.txt: not imported: not UTF-8 text" in messages
    assert Review.objects.count() == 1


def test_command_refuses_unknown_outlets_and_new_experts_without_create_new(catalogue):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_text", str(FOLDER / "04_unknown_outlet.txt"), stderr=err)
    assert "unknown outlets: The Lagoon Ledger" in err.getvalue()
    assert "new experts: Beatriz Medeiros, Duarte Pimentel" in err.getvalue()
    assert Review.objects.count() == 0
    assert not Outlet.objects.filter(name="The Lagoon Ledger").exists()


def test_command_needs_a_section_when_the_text_names_none(db, tmp_path):
    SectionFactory(name="Business", slug="business")
    OutletFactory(name="Gazeta Norte", slug="gazeta-norte")
    ExpertFactory(name="Ana Ribeiro", slug="ana-ribeiro")
    path = tmp_path / "review.txt"
    path.write_text(
        "Press review: Rates\nLISBON, March 3 /Pressreview/. Lede.\n\n"
        "Gazeta Norte: Rates hold\nAna Ribeiro told the paper that rates hold.\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_text", str(path), stderr=err)
    assert "no section named in the text (pass --section)" in err.getvalue()
    call_command("import_text", str(path), "--section=business", stdout=io.StringIO())
    story = Story.objects.get()
    assert story.citations.get().expert.name == "Ana Ribeiro"


def test_a_tampered_proposal_is_answered_with_the_form_never_a_500(client, editor, catalogue):
    """The hidden notes and the formsets' counts come back from the browser: garbage there
    is ignored or refused, and nothing is saved."""
    client.force_login(editor)
    data = form_data(read_text(client, "01_outlet_heads_two_stories").context["forms"])
    notes = next(name for name in data if name.endswith("notes"))
    for garbage in ['{"uncertain": 5}', '{"uncertain": [[["a"], "m"]]}', "[1]", "{", '""']:
        response = client.post(IMPORT_URL, data | {notes: garbage, "_save": "1"})
        assert response.status_code in (200, 302), garbage
        Review.objects.all().delete()
    flood = data | {"stories-TOTAL_FORMS": "5000", "_save": "1"}
    response = client.post(IMPORT_URL, flood)
    assert response.status_code == 200
    assert "Please submit at most 60 forms." in response.content.decode()
    assert Review.objects.count() == 0


def test_an_author_who_may_not_import_is_told_so(catalogue, db):
    UserFactory(username="reader-only")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_text",
            str(FOLDER / "01_outlet_heads_two_stories.txt"),
            "--create-new",
            "--author=reader-only",
            stderr=err,
        )
    assert "not imported: You may not import reviews." in err.getvalue()
    assert Review.objects.count() == 0
