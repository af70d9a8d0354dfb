"""What the newsletter's email looks like: one review, or a daily digest of several, as HTML
with its CSS inlined (css-inline: mail readers drop <style>) and a plain-text alternative, with
the one-click unsubscribe headers of RFC 8058. No remote image, no tracker."""

from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.models import Review, Story
from reviews.newsletter.models import Subscriber, Subscription
from reviews.newsletter.tokens import confirm_token, manage_token

INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def site_address(path: str) -> str:
    return f"{settings.PRESSREVIEW_SITE_URL}{path}"


def manage_address(subscriber: Subscriber | None) -> str:
    token = manage_token(subscriber) if subscriber else "preview"
    return site_address(reverse("newsletter:manage", args=[token]))


def unsubscribe_address(subscriber: Subscriber | None) -> str:
    token = manage_token(subscriber) if subscriber else "preview"
    return site_address(reverse("newsletter:unsubscribe", args=[token]))


def review_blocks(reviews: list[Review]) -> list[dict]:
    """Each review with its stories and quoted experts, in a fixed number of queries."""
    stories: dict[int, list[Story]] = {review.pk: [] for review in reviews}
    for story in (
        Story.objects.filter(review__in=reviews).for_display().order_by("review_id", "position")
    ):
        stories[story.review_id].append(story)
    return [
        {
            "review": review,
            "address": site_address(review.get_absolute_url()),
            "stories": stories[review.pk],
        }
        for review in reviews
    ]


def list_headers(subscriber: Subscriber | None) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail readers show an "Unsubscribe" button that POSTs
    `List-Unsubscribe=One-Click` to the address, with no page to visit."""
    host = urlsplit(settings.PRESSREVIEW_SITE_URL).hostname or "localhost"
    return {
        "List-Id": f"{settings.PRESSREVIEW_SITE_NAME} <newsletter.{host}>",
        "List-Unsubscribe": f"<{unsubscribe_address(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render(template: str, context: dict) -> tuple[str, str]:
    """The plain text and the HTML (CSS inlined) of `template`.txt / .html."""
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = INLINER.inline(render_to_string(f"newsletter/email/{template}.html", context))
    return text, html


def message(
    *, subject: str, to: str, template: str, context: dict, subscriber: Subscriber | None
) -> EmailMultiAlternatives:
    context = {
        "site_name": settings.PRESSREVIEW_SITE_NAME,
        "site_address": site_address(reverse("reviews:home")),  # the email's language's
        "manage_address": manage_address(subscriber),
        "unsubscribe_address": unsubscribe_address(subscriber),
        **context,
    }
    text, html = render(template, context)
    email = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers=list_headers(subscriber)
    )
    email.attach_alternative(html, "text/html")
    return email


def review_email(
    review: Review, *, to: str, subscriber: Subscriber | None, because: str = ""
) -> EmailMultiAlternatives:
    """One review, sent when it is published (or a preview or test of it), in its
    language."""
    with translation.override(review.language):
        return message(
            subject=review.title,
            to=to,
            template="review",
            context={"blocks": review_blocks([review]), "because": because, "digest": False},
            subscriber=subscriber,
        )


def digest_email(
    reviews: list[Review], *, to: str, subscriber: Subscriber
) -> EmailMultiAlternatives:
    """The day's matching reviews in one email, all in one language (sending.send_batch
    makes one digest a language)."""
    with translation.override(reviews[0].language):
        return _digest_email(reviews, to=to, subscriber=subscriber)


def _digest_email(reviews: list[Review], *, to: str, subscriber: Subscriber):
    # The plural follows the number of the other reviews: in Russian, 21 takes the same form as 1.
    more = len(reviews) - 1
    subject = (
        ngettext(
            "%(site)s daily: %(title)s and %(more)d more",
            "%(site)s daily: %(title)s and %(more)d more",
            more,
        )
        if more
        else _("%(site)s daily: %(title)s")
    ) % {
        "site": settings.PRESSREVIEW_SITE_NAME,
        "title": reviews[0].title,
        "more": more,
    }
    return message(
        subject=subject,
        to=to,
        template="review",
        context={"blocks": review_blocks(reviews), "because": "", "digest": True},
        subscriber=subscriber,
    )


def notice_email(outcome: str, subscription: Subscription) -> EmailMultiAlternatives:
    """The answer to a sign-up: a confirmation link (double opt-in), or, for an address that
    follows it already, a note with the manage link (the page said the same either way); in
    the language it was asked in, its links to that language's pages."""
    with translation.override(subscription.language):
        return _notice_email(outcome, subscription)


def _notice_email(outcome: str, subscription: Subscription) -> EmailMultiAlternatives:
    subscriber = subscription.subscriber
    context = {"follows": subscription.describe(), "outcome": outcome}
    if outcome == "confirm":
        token = confirm_token(subscriber, [subscription.pk])
        context["confirm_address"] = site_address(reverse("newsletter:confirm", args=[token]))
        context["days"] = settings.PRESSREVIEW_NEWSLETTER_CONFIRM_DAYS
        subject = _("Confirm your %(site)s newsletter") % {"site": settings.PRESSREVIEW_SITE_NAME}
    else:
        subject = _("You already receive this %(site)s newsletter") % {
            "site": settings.PRESSREVIEW_SITE_NAME
        }
    return message(
        subject=subject,
        to=subscriber.email,
        template="notice",
        context=context,
        subscriber=subscriber,
    )
