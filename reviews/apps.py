from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Press reviews")

    def ready(self):
        from . import revisions  # noqa: F401 (registers the review's models with reversion)
        from .caching import connect_signals

        connect_signals()
