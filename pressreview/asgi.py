"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressreview.settings")

application = get_asgi_application()

from reviews.pagecache.checks import announce_configuration  # noqa: E402 (needs the apps loaded)

announce_configuration()
