"""The newsletter in each language: a reader signing up on /ru/newsletter/ gets a Russian form,
a Russian confirmation and the Russian editions, in Russian, at once or in a daily digest;
the default language's addresses and emails stay as they were."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from reviews.models import Review, Subscriber, Subscription
from reviews.newsletter import sending, subscriptions
from reviews.newsletter.tokens import form_token
from tests.support.content import publish_edition
from tests.support.smtp import received

RUSSIAN_TITLE = "Обзор прессы: забастовка в порту"
LINK = re.compile(r"http://[^/\s]+(/(?:ru/)?newsletter/(?:confirm|manage)/[^/\s]+/)")


def russian_edition(english: Review, editor) -> Review:
    """`english`'s Russian edition, published (its mailing not started)."""
    return publish_edition(
        english, by=editor, title=RUSSIAN_TITLE, headline="Докеры бастуют в Лейшойнше"
    )


@pytest.fixture
def russian_outlet(citation):
    outlet = citation.story.outlet
    outlet.translations = {"ru": {"name": "Курьер"}}
    outlet.save()
    return outlet


def follower(email: str, language: str, *, frequency: str = "at_once") -> Subscription:
    subscriber, _created = Subscriber.objects.get_or_create(email=email)
    return Subscription.objects.create(
        subscriber=subscriber,
        kind="all",
        frequency=frequency,
        language=language,
        confirmed_at=timezone.now(),
    )


def subject_of(message) -> str:
    """The subject as the reader sees it (a folded encoded header starts with a space)."""
    return str(message["Subject"]).strip()


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_the_russian_newsletter_page_is_a_russian_form_posting_to_its_language(client, db):
    page = client.get("/ru/newsletter/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="ru">' in html
    assert 'action="/ru/newsletter/subscribe/"' in html
    assert "Подписаться" in html
    english = client.get("/newsletter/").content.decode()
    assert '<html lang="en">' in english and 'action="/newsletter/subscribe/"' in english


def test_the_footer_form_of_a_russian_page_signs_up_in_russian(client, citation):
    assert 'action="/ru/newsletter/subscribe/"' in client.get("/ru/").content.decode()
    assert 'action="/newsletter/subscribe/"' in client.get("/").content.decode()


def test_a_russian_sign_up_is_confirmed_and_answered_in_russian(
    mailbox, run, client, citation, russian_outlet, editor
):
    """End to end: the sign-up on /ru/, the Russian confirmation, then the Russian edition
    (not the English one) in a Russian email."""
    outlet = russian_outlet
    data = {
        "email": "olga@example.org",
        "frequency": "at_once",
        "form": form_token(f"outlet:{outlet.pk}"),
        "website": "",
    }
    response = run(client.post, "/ru/newsletter/subscribe/", data)
    assert response.status_code == 200
    assert Subscription.objects.get().language == "ru"

    [notice] = received(mailbox)
    assert subject_of(notice) == "Подтвердите подписку на рассылку Pressreview"
    assert "Издание: Курьер" in text_of(notice)
    [confirm, manage] = LINK.findall(text_of(notice))
    assert confirm.startswith("/ru/newsletter/confirm/")
    assert manage.startswith("/ru/newsletter/manage/")
    confirmed = client.post(confirm)
    assert confirmed.status_code == 200 and '<html lang="ru">' in confirmed.content.decode()
    assert Subscription.objects.get().confirmed_at is not None
    managed = client.get(manage).content.decode()
    assert '<html lang="ru">' in managed and "Издание: Курьер · Русский" in managed

    english = citation.story.review
    run(sending.start_mailing, english.pk)
    assert len(received(mailbox)) == 1, "the English edition is not for a Russian reader"
    russian = russian_edition(english, editor)
    run(sending.start_mailing, russian.pk)
    [_notice, email] = received(mailbox)
    assert email["To"] == "olga@example.org"
    assert subject_of(email) == RUSSIAN_TITLE
    text = text_of(email)
    assert "Вы подписаны на: Издание: Курьер" in text
    assert "Курьер: Докеры бастуют в Лейшойнше" in text
    assert russian.get_absolute_url() in text and russian.get_absolute_url().startswith("/ru/")
    assert "/ru/newsletter/manage/" in text


def test_each_language_s_readers_get_their_edition(mailbox, run, citation, editor):
    follower("ana@example.org", "en")
    follower("olga@example.org", "ru")
    english = citation.story.review
    russian = russian_edition(english, editor)
    run(sending.start_mailing, english.pk)
    run(sending.start_mailing, russian.pk)
    subjects = {message["To"]: subject_of(message) for message in received(mailbox)}
    assert subjects == {"ana@example.org": english.title, "olga@example.org": RUSSIAN_TITLE}


def test_one_address_may_follow_both_languages_and_gets_a_digest_in_each(
    mailbox, run, citation, editor
):
    follower("ana@example.org", "en", frequency="daily")
    follower("ana@example.org", "ru", frequency="daily")
    english = citation.story.review
    run(sending.start_mailing, english.pk)
    run(sending.start_mailing, russian_edition(english, editor).pk)
    run(call_command, "send_newsletter", "--digests", verbosity=0)
    subjects = sorted(subject_of(message) for message in received(mailbox))
    assert subjects == [
        f"Pressreview daily: {english.title}",
        f"Pressreview за день: «{RUSSIAN_TITLE}»",
    ]


def test_a_subscription_is_in_the_default_language_unless_asked_otherwise(db, citation):
    signed = subscriptions.request_subscription(address="ana@example.org", kind="all")
    assert signed.subscription.language == "en"
    with pytest.raises(ValueError, match="xx"):
        subscriptions.request_subscription(address="ana@example.org", kind="all", language="xx")
