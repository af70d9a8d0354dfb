"""In Russian, the site's and the back office's own words are Russian (the content stays as
written): the reader's pages under /ru/, the back office as the editor's browser asks."""

# Russian words are the point here, their letters only look like Latin ones.
# ruff: noqa: RUF001

import pytest
from django.urls import reverse
from django.utils import translation

from tests.support.factories import CitationFactory

pytestmark = pytest.mark.django_db

# The header, the search form and the footer of every public page.
CHROME = [
    ("Skip to content", "Перейти к содержимому"),
    (">Outlets</a>", ">Издания</a>"),
    (">Experts</a>", ">Эксперты</a>"),
    (">Topics</a>", ">Темы</a>"),
    ("Search press reviews", "Поиск по обзорам прессы"),
    ("Every review by email", "Все обзоры на почту"),
]
PAGES = {
    "home": ("Earlier reviews", "Предыдущие обзоры"),
    "review list": ("Apply filters", "Применить фильтры"),
    "review": ("Permalink to this citation", "Постоянная ссылка на эту цитату"),
    "outlet": ("Experts it quoted most", "Кого цитирует чаще всего"),
    "search": ("How to search", "Как искать"),
    "newsletter": ("The morning email", "Утренняя рассылка"),
    "missing page": ("Page not found", "Страница не найдена"),
}


@pytest.fixture
def citation():
    return CitationFactory(story__tags=["harbours"], story__review__language="ru")


def address(name: str, citation) -> str:
    return {
        "home": reverse("reviews:home"),
        "review list": reverse("reviews:review-list"),
        "review": citation.story.review.get_absolute_url(),
        "outlet": citation.story.outlet.get_absolute_url(),
        "search": reverse("reviews:search") + "?q=harbour",
        "newsletter": reverse("newsletter:signup"),
        "missing page": "/ru/no-such-page/",
    }[name]


def assert_russian(html: str, pairs) -> None:
    for english, russian in pairs:
        assert russian in html, russian
        assert english not in html, english


@pytest.mark.parametrize("name", PAGES)
def test_public_page_speaks_russian(client, citation, name):
    with translation.override("ru"):
        response = client.get(address(name, citation))
    assert response.headers["Content-Language"] == "ru"
    assert response.status_code == (404 if name == "missing page" else 200)
    assert_russian(response.text, [*CHROME, PAGES[name]])


def test_review_changelist_speaks_russian(client, superuser, citation):
    """The back office's columns, filters and actions, beside Django's own Russian."""
    client.force_login(superuser)
    response = client.get(
        reverse("admin:reviews_review_changelist"), headers={"accept-language": "ru,en;q=0.5"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ru"
    assert "Accept-Language" in response.headers["Vary"]
    assert_russian(
        response.text,
        [
            ("Publish selected reviews now", "Опубликовать выбранные обзоры сейчас"),
            ("Published and public", "Опубликован и доступен читателям"),
            ("Publish time (", "Время публикации ("),
            ("Import from text", "Импорт из текста"),
            ("Select review to change", "Выберите обзор для изменения"),
        ],
    )


def test_the_back_office_speaks_the_default_language_unless_the_browser_asks(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:reviews_review_changelist"))
    assert response.headers["Content-Language"] == "en"
    assert "Select review to change" in response.text


def test_a_public_page_speaks_its_address_language_whatever_the_browser_asks(client, citation):
    response = client.get(reverse("reviews:home"), headers={"accept-language": "ru"})
    assert response.headers["Content-Language"] == "en"
    assert "Skip to content" in response.text
    assert "Accept-Language" not in response.headers.get("Vary", "")
