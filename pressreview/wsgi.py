"""WSGI entry point, e.g. `gunicorn pressreview.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressreview.settings")

application = get_wsgi_application()

from reviews.pagecache.checks import announce_configuration  # noqa: E402 (needs the apps loaded)

announce_configuration()
