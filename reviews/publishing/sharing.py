"""Share links of unpublished reviews: signed, expiring, revoked at once by emptying the key."""

import secrets

from django.conf import settings
from django.core import signing

from reviews.models import Review

SHARE_TOKEN_SALT = "reviews.preview.share-link"


DEFAULT_PREVIEW_MAX_AGE = 48 * 60 * 60


def preview_max_age() -> int:
    """How long a share link works, in seconds."""
    return int(getattr(settings, "PRESSREVIEW_PREVIEW_MAX_AGE", DEFAULT_PREVIEW_MAX_AGE))


def make_share_token(review: Review) -> str:
    """A signed, timestamped token naming the review and its current preview key."""
    if not review.preview_key:
        raise ValueError("The review has no preview key: call ensure_preview_key() first.")
    return signing.dumps([review.pk, review.preview_key], salt=SHARE_TOKEN_SALT)


def read_share_token(token: str) -> tuple[int, str] | None:
    """The (pk, preview key) a valid, unexpired token was made for, or None."""
    try:
        payload = signing.loads(token, salt=SHARE_TOKEN_SALT, max_age=preview_max_age())
    except signing.BadSignature:  # also SignatureExpired
        return None
    match payload:
        case [int() as pk, str() as key] if key:
            return pk, key
    return None


def ensure_preview_key(review: Review) -> str:
    """Give the review a preview key unless it has one; return the key now in force.

    The key is written with a conditional UPDATE, so that two editors sharing at the same
    moment end up with one key (neither invalidates the other's link), and so that sharing
    is not an edit: no new version, revision or modification time.
    """
    Review.objects.filter(pk=review.pk, preview_key="").update(
        preview_key=secrets.token_urlsafe(16)
    )
    review.preview_key = Review.objects.values_list("preview_key", flat=True).get(pk=review.pk)
    return review.preview_key


def revoke_preview_key(review: Review) -> None:
    """Stop every share link of the review at once."""
    Review.objects.filter(pk=review.pk).update(preview_key="")
    review.preview_key = ""
