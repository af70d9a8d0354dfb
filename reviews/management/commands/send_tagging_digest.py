"""`manage.py send_tagging_digest`: tell the moderators how many stories wait for tags.

Run it once a day from cron (docs/DEPLOYMENT.md); running it again the same day tells nobody
twice. The email goes out through the worker (`manage.py db_worker`).
"""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from reviews.newsroom.notifications import send_tagging_digest


class Command(BaseCommand):
    help = (
        "Tell the moderators (and editors who asked for it) how many stories wait for tags: "
        "in their inbox and by email, as each chose; at most once a day each."
    )

    def handle(self, *args, **options):
        waiting, told = send_tagging_digest()
        if not waiting:
            self.stdout.write("No story waits for tags: nobody told.")
            return
        stories = ngettext(
            "%(count)d story waits for tags", "%(count)d stories wait for tags", waiting
        ) % {"count": waiting}
        people = ngettext("told %(count)d person", "told %(count)d people", told) % {"count": told}
        self.stdout.write(f"{stories}; {people} (nobody is told twice a day).")
