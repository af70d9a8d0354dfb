"""The signed values of the newsletter: the subject a public form subscribes to, the
confirmation link (double opt-in) and the manage / unsubscribe link. docs/SECURITY.md,
"Newsletter sign-up"."""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

from reviews.newsletter.models import Subscriber

FORM_SALT = "pressreview.newsletter.form"
CONFIRM_SALT = "pressreview.newsletter.confirm"
MANAGE_SALT = "pressreview.newsletter.manage"

# A form token names its day, so that every reader of a page gets the same form (the page
# stays cacheable) and a stored page keeps working for this many days.
FORM_DAYS = 7


def today_number(now=None) -> int:
    return (now or timezone.now()).date().toordinal()


def form_token(subject: str, *, now=None) -> str:
    """What a public form says it subscribes to ("all", "expert:12"), signed, with its day."""
    # Signer, not signing.dumps(): no timestamp, so that every render of a day is the same.
    return signing.Signer(salt=FORM_SALT).sign_object([subject, today_number(now)], compress=True)


class FormExpired(Exception):
    """The form was rendered too long ago: show a fresh one."""


def form_subject(token: str, *, now=None) -> str:
    """The subject a form token names. Raises signing.BadSignature for a forged one, and
    FormExpired for one older than FORM_DAYS."""
    subject, day = signing.Signer(salt=FORM_SALT).unsign_object(token)
    if not (0 <= today_number(now) - int(day) <= FORM_DAYS):
        raise FormExpired(subject)
    return str(subject)


def confirm_token(subscriber: Subscriber, subscription_ids: list[int]) -> str:
    """The double opt-in link's token: these subscriptions of this address, for a while."""
    return signing.dumps(
        {"s": subscriber.pk, "k": subscriber.key, "ids": sorted(subscription_ids)},
        salt=CONFIRM_SALT,
    )


def confirm_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.PRESSREVIEW_NEWSLETTER_CONFIRM_DAYS)


def read_confirm_token(token: str) -> tuple[Subscriber, list[int]] | None:
    """The subscriber and subscriptions a confirmation link names, or None (forged, expired,
    or the subscriber erased since)."""
    try:
        value = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
        subscriber = Subscriber.objects.filter(pk=int(value["s"]), key=str(value["k"])).first()
        ids = [int(pk) for pk in value["ids"]]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return (subscriber, ids) if subscriber else None


def manage_token(subscriber: Subscriber) -> str:
    """The manage / unsubscribe link's token: it never expires (old email must keep working)
    and stops when the subscriber's key changes (erasure)."""
    return signing.dumps({"s": subscriber.pk, "k": subscriber.key}, salt=MANAGE_SALT)


def read_manage_token(token: str) -> Subscriber | None:
    try:
        value = signing.loads(token, salt=MANAGE_SALT)
        return Subscriber.objects.filter(pk=int(value["s"]), key=str(value["k"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
