"""Signing up, confirming, changing and ending subscriptions, and a subscriber's data (GDPR).
Views and the admin call these; each takes plain arguments.

A sign-up never says whether the address already follows something: whatever the case, the
answer is "check your inbox", and the inbox says the rest (a confirmation link, or a note that
the address follows it already, with the manage link).
"""

from dataclasses import dataclass
from functools import partial

import disposable_email_domains
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.models import Expert, Outlet, Section, published_tags
from reviews.newsletter import tokens
from reviews.newsletter.models import (
    TARGET_FIELDS,
    Delivery,
    Frequency,
    Subscriber,
    Subscription,
    SubscriptionKind,
)
from reviews.translations import default_language

Kind = SubscriptionKind


class BadAddress(ValueError):
    """The address cannot receive the newsletter; the message says why, for the reader."""


def normalised_address(raw: str) -> str:
    """The address as stored: trimmed, its domain in lower case (the local part is the
    mail server's business, but nobody's server tells Ana@ from ana@: lower case too, so
    that one person is one subscriber)."""
    return " ".join((raw or "").split()).lower()


def check_address(raw: str) -> str:
    """The address to store, or BadAddress with a message a reader can act on."""
    address = normalised_address(raw)
    if not address:
        raise BadAddress(_("Enter your email address."))
    try:
        validate_email(address)
    except ValidationError as error:
        raise BadAddress(
            _("“%(address)s” is not an email address. Write it like name@example.org.")
            % {"address": address[:100]}
        ) from error
    domain = address.rsplit("@", 1)[1]
    if "." not in domain:
        raise BadAddress(_("The address needs a full domain, like name@example.org."))
    if domain in disposable_email_domains.blocklist:
        raise BadAddress(
            _(
                "%(domain)s gives out throwaway addresses, which stop working before the "
                "next morning's email. Please use an address you keep."
            )
            % {"domain": domain}
        )
    return address


# What a public form may subscribe to: its subject, read from its signed token.


def published_subject(kind: str, pk) -> object:
    """The public section, outlet, expert or tag `pk`, or LookupError: nobody follows what
    readers cannot see."""
    querysets = {
        Kind.SECTION: Section.objects.published(),
        Kind.OUTLET: Outlet.objects.published(),
        Kind.EXPERT: Expert.objects.published(),
        Kind.TAG: published_tags(),
    }
    if kind not in querysets:
        raise LookupError(kind)
    try:
        found = querysets[kind].filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        found = None
    if found is None:
        raise LookupError(f"{kind}:{pk}")
    return found


def subject_key(kind: str, target=None) -> str:
    """The subject a form subscribes to, as its token signs it: "all", "expert:12"."""
    return kind if target is None else f"{kind}:{target.pk}"


@dataclass
class SignUp:
    subscriber: Subscriber
    subscription: Subscription
    # "confirm": a confirmation link goes out; "already": the address follows it already.
    outcome: str


def request_subscription(
    *,
    address: str,
    kind: str,
    target=None,
    frequency: str = Frequency.AT_ONCE,
    language: str | None = None,
) -> SignUp:
    """Record that `address` asks to follow `target` (of `kind`) at `frequency`, in
    `language` (the default's editions and emails unless given), and queue the email that
    answers: a confirmation link, or, when it is confirmed already, a note with the manage
    link. Nothing is sent for the subscription before it is confirmed."""
    from reviews.newsletter.tasks import enqueue_notice

    address = check_address(address)
    if frequency not in Frequency.values:
        raise ValueError(frequency)
    language = language or default_language()
    if language not in dict(settings.LANGUAGES):
        raise ValueError(language)
    field = TARGET_FIELDS.get(kind)
    lookup = {field: target} if field else {}
    lookup["language"] = language
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=address)
        try:
            with transaction.atomic():
                subscription, _created = Subscription.objects.get_or_create(
                    subscriber=subscriber,
                    kind=kind,
                    **lookup,
                    defaults={"frequency": frequency},
                )
        except IntegrityError:  # another request made it meanwhile
            subscription = Subscription.objects.get(subscriber=subscriber, kind=kind, **lookup)
        if subscription.confirmed_at is None:
            # The frequency asked last wins until it is confirmed; after, the manage page.
            if subscription.frequency != frequency:
                subscription.frequency = frequency
                subscription.save(update_fields=["frequency"])
            outcome = "confirm"
        else:
            outcome = "already"
        transaction.on_commit(partial(enqueue_notice, outcome, subscription.pk))
    return SignUp(subscriber, subscription, outcome)


def confirm(*, subscriber: Subscriber, subscription_ids: list[int], now=None) -> int:
    """Confirm the subscriptions a confirmation link names (those still there); how many."""
    now = now or timezone.now()
    with transaction.atomic():
        confirmed = Subscription.objects.filter(
            subscriber=subscriber, pk__in=subscription_ids, confirmed_at__isnull=True
        ).update(confirmed_at=now)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["confirmed_at"])
    return confirmed


def change(*, subscriber: Subscriber, frequencies: dict[int, str], removed: set[int]) -> None:
    """The manage page's choices: a frequency per subscription, and those to end."""
    with transaction.atomic():
        mine = Subscription.objects.filter(subscriber=subscriber)
        mine.filter(pk__in=removed).delete()
        for pk, frequency in frequencies.items():
            if pk not in removed and frequency in Frequency.values:
                mine.filter(pk=pk).exclude(frequency=frequency).update(frequency=frequency)
        drop_waiting(subscriber)


def unsubscribe_all(*, subscriber: Subscriber) -> int:
    """End every subscription of the address; what waits for it is not sent. How many."""
    with transaction.atomic():
        ended, _by_model = Subscription.objects.filter(subscriber=subscriber).delete()
        drop_waiting(subscriber)
    return ended


def forget_unconfirmed(*, now=None) -> int:
    """Forget the sign-ups nobody confirmed while their link was valid, and the addresses
    left with nothing confirmed, ever (no sent email, no consent: nothing to keep). How many
    sign-ups were forgotten."""
    now = now or timezone.now()
    expired = now - tokens.confirm_max_age()
    with transaction.atomic():
        forgotten, _by_model = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=expired
        ).delete()
        Subscriber.objects.filter(
            confirmed_at__isnull=True, created_at__lt=expired, subscriptions__isnull=True
        ).delete()
    return forgotten


def drop_waiting(subscriber: Subscriber) -> None:
    """Deliveries still waiting whose subscription is gone are not sent."""
    Delivery.objects.filter(
        subscriber=subscriber, status=Delivery.Status.QUEUED, subscription__isnull=True
    ).update(status=Delivery.Status.SKIPPED, error=_("Unsubscribed before it was sent."))


def move_followers(*, kind: str, merged_ids: list[int], into) -> None:
    """Who followed a tag or an expert merged into `into` follows `into` (once): called by
    the merges (reviews.vocabulary.moderation) before the merged ones are deleted."""
    field = TARGET_FIELDS[kind]
    following = Subscription.objects.filter(**{f"{field}_id__in": merged_ids}).order_by("pk")
    for subscription in following:
        followers = Subscription.objects.filter(**{field: into})
        if followers.filter(subscriber_id=subscription.subscriber_id).exists():
            subscription.delete()  # they followed both: once is enough
        else:
            Subscription.objects.filter(pk=subscription.pk).update(**{field: into})


# For editors: counts, and one subscriber's data.


def counts() -> tuple[int, dict[str, int]]:
    """Confirmed subscribers, and confirmed subscriptions per kind (every kind present), in
    one query."""
    found = Subscription.objects.filter(confirmed_at__isnull=False).aggregate(
        subscribers=Count("subscriber", distinct=True),
        **{kind: Count("pk", filter=Q(kind=kind)) for kind in Kind.values},
    )
    subscribers = found.pop("subscribers")
    return subscribers, found


def export(subscriber: Subscriber) -> dict:
    """Everything kept about one address, as JSON-ready data (GDPR, right of access)."""
    return {
        "email": subscriber.email,
        "signed_up": subscriber.created_at.isoformat(),
        "first_confirmed": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "subscriptions": [
            {
                "follows": subscription.describe(),
                "kind": subscription.kind,
                "language": subscription.language,
                "frequency": subscription.frequency,
                "asked": subscription.created_at.isoformat(),
                "confirmed": (
                    subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                ),
            }
            for subscription in subscriber.subscriptions.select_related(*TARGET_FIELDS.values())
        ],
        "emails": [
            {
                "review": delivery.review.title,
                "status": delivery.status,
                "digest": delivery.digest,
                "queued": delivery.created_at.isoformat(),
                "sent": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("review").order_by("pk")
        ],
    }


def erase(*, subscriber: Subscriber) -> None:
    """Forget the address (GDPR, right to erasure): the subscriber, what it follows and its
    rows of the send log. Its links stop working with it."""
    subscriber.delete()
