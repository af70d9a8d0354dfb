from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Press reviews")

    def ready(self):
        from taggit.models import Tag

        from reviews.counts import recount_after_migrate
        from reviews.names import tag_slugify
        from reviews.newsletter import events  # noqa: F401 (connect listeners)
        from reviews.newsroom import activity, notifications  # noqa: F401 (connect listeners)
        from reviews.pagecache import checks  # noqa: F401 (registers the deploy check)
        from reviews.pagecache.invalidation import connect_signals
        from reviews.publishing import revisions  # noqa: F401 (registers the models with reversion)

        post_migrate.connect(recount_after_migrate, sender=self)
        # After the counts are rebuilt: pages rendered once the generation starts show them.
        connect_signals(self)
        # taggit names the tags it creates (story.tags.add("…")) with Tag.slugify: make
        # that the site's own slug function, so that no tag is left without an address.
        Tag.slugify = tag_slugify
