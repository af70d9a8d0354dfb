"""Lists in the order readers look names up: Álvaro with the A's, Élise with the E's, tags
whatever their case; the same on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from reviews.finding.filters import StoryFilter
from tests.support.factories import CitationFactory, OutletFactory, StoryFactory

pytestmark = pytest.mark.django_db

OUTLETS = ["Zenit Post", "Álvaro Semanal", "bairro Notícias", "Éclair du Soir", "Eco Diário"]
OUTLETS_IN_ORDER = [
    "Álvaro Semanal",
    "bairro Notícias",
    "Éclair du Soir",
    "Eco Diário",
    "Zenit Post",
]
EXPERTS = ["Zoë Adams", "Élise Marchand", "Eduardo Faria", "álvaro Nunes", "Bruno Costa"]
EXPERTS_IN_ORDER = ["álvaro Nunes", "Bruno Costa", "Eduardo Faria", "Élise Marchand", "Zoë Adams"]
TAGS = ["Zoning", "économie", "Energy", "agriculture", "Budget"]
TAGS_IN_ORDER = ["agriculture", "Budget", "économie", "Energy", "Zoning"]


@pytest.fixture
def names_of_every_kind():
    """One published story per outlet, each quoting one expert, tagged with one tag."""
    for number, (outlet, expert, tag) in enumerate(zip(OUTLETS, EXPERTS, TAGS, strict=True)):
        CitationFactory(
            story__outlet=OutletFactory(name=outlet, slug=f"outlet-{number}"),
            story__tags=[tag],
            expert__name=expert,
            expert__slug=f"expert-{number}",
        )


def in_page_order(page: str, names: list[str]) -> list[str]:
    """`names` in the order the page's main content first shows them."""
    main = page[page.index("<main") :]
    return sorted(names, key=main.index)


@pytest.mark.parametrize(
    ("url_name", "names", "in_order"),
    [
        ("reviews:outlet-list", OUTLETS, OUTLETS_IN_ORDER),
        ("reviews:expert-list", EXPERTS, EXPERTS_IN_ORDER),
        ("reviews:tag-list", TAGS, TAGS_IN_ORDER),
    ],
)
def test_subject_lists_are_in_reading_order(client, names_of_every_kind, url_name, names, in_order):
    page = client.get(reverse(url_name)).text

    assert in_page_order(page, names) == in_order


def test_the_filter_forms_choices_are_in_reading_order(rf, names_of_every_kind):
    form = StoryFilter(rf.get(reverse("reviews:story-list")).GET).form

    def offered(name):
        return [label for value, label in form.fields[name].widget.choices if value]

    assert offered("outlet") == OUTLETS_IN_ORDER
    assert offered("expert") == EXPERTS_IN_ORDER
    assert offered("tag") == TAGS_IN_ORDER


def test_a_storys_tags_are_in_reading_order(client):
    story = StoryFactory(tags=TAGS)

    page = client.get(story.review.get_absolute_url()).text

    assert in_page_order(page, TAGS) == TAGS_IN_ORDER


def test_experts_pages_follow_reading_order_from_one_page_to_the_next(client, settings):
    """The expert list is paged by the database: its order holds across pages."""
    from reviews.site.views import ExpertListView

    names = ["Ana Sousa", "Ângela Reis", "anabela Costa", "André Lima", "Ólafur Jónsson"]
    for number, name in enumerate(names):
        CitationFactory(expert__name=name, expert__slug=f"expert-{number}")
    per_page, ExpertListView.paginate_by = ExpertListView.paginate_by, 2
    try:
        pages = [
            client.get(reverse("reviews:expert-list"), {"page": page}).context["experts"]
            for page in (1, 2, 3)
        ]
    finally:
        ExpertListView.paginate_by = per_page

    listed = [expert.name for page in pages for expert in page]
    assert listed == ["anabela Costa", "Ana Sousa", "André Lima", "Ângela Reis", "Ólafur Jónsson"]
