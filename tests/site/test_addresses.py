"""Remembered addresses (reviews.addresses) are the addresses `reverse()` gives."""

from django.urls import reverse, set_script_prefix

from reviews.addresses import address


def test_a_remembered_address_follows_the_script_prefix():
    """A site mounted under a path prefix links under it, even after the same address was
    remembered without it."""
    assert address("reviews:tag-detail", "ports") == "/tags/ports/"
    try:
        set_script_prefix("/press/")
        assert address("reviews:tag-detail", "ports") == "/press/tags/ports/"
        assert address("reviews:tag-detail", "ports") == reverse(
            "reviews:tag-detail", args=["ports"]
        )
    finally:
        set_script_prefix("/")


def test_keyword_arguments_give_the_address_reverse_gives():
    kwargs = {"year": 2026, "month": 3, "day": 4, "slug": "rates"}
    assert address("reviews:review-detail", **kwargs) == reverse(
        "reviews:review-detail", kwargs=kwargs
    )
