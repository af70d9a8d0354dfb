"""The editorial back office: the review unit, the vocabulary, the 403 page.

Django's admin autodiscovery imports this package; importing the modules registers them.
"""

from reviews.admin import newsletter, newsroom, notifications, reviews, vocabulary  # noqa: F401
