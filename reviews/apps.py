from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Press reviews")

    def ready(self):
        from taggit.models import Tag

        from . import revisions  # noqa: F401 (registers the review's models with reversion)
        from .caching import connect_signals
        from .slugs import tag_slugify

        connect_signals()
        # taggit names the tags it creates (story.tags.add("…")) with Tag.slugify: make
        # that the site's own slug function, so that no tag is left without an address.
        Tag.slugify = tag_slugify
