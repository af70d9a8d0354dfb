"""`manage.py send_newsletter [--digests]`: start the newsletter of every review that became
public lately without one (a scheduled review whose task was lost), queue again what a
stopped worker left half-sent, forget sign-ups never confirmed, and with --digests queue the
daily digests. Run it every few minutes from cron, and once a day with --digests
(README.md, "The newsletter"). The email goes out through the worker (`manage.py db_worker`).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext

from reviews.newsletter.sending import catch_up, digest_batches, reclaim_abandoned
from reviews.newsletter.subscriptions import forget_unconfirmed
from reviews.newsletter.tasks import enqueue_batch


class Command(BaseCommand):
    help = (
        "Start the newsletter of reviews that became public without one; with --digests, "
        "queue the daily digests for the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--digests", action="store_true", help="Also queue the daily digests (once a day)."
        )

    def handle(self, *args, digests=False, **options):
        started = catch_up()
        self.stdout.write(
            ngettext("Started %(count)d mailing.", "Started %(count)d mailings.", len(started))
            % {"count": len(started)}
        )
        with transaction.atomic():
            abandoned = reclaim_abandoned()
            if abandoned:
                transaction.on_commit(lambda: enqueue_batch(abandoned))
        if abandoned:
            self.stdout.write(
                ngettext(
                    "Queued %(count)d email again that a stopped worker left unsent.",
                    "Queued %(count)d emails again that a stopped worker left unsent.",
                    len(abandoned),
                )
                % {"count": len(abandoned)}
            )
        if forgotten := forget_unconfirmed():
            self.stdout.write(
                ngettext(
                    "Forgot %(count)d sign-up nobody confirmed in time.",
                    "Forgot %(count)d sign-ups nobody confirmed in time.",
                    forgotten,
                )
                % {"count": forgotten}
            )
        if not digests:
            return
        with transaction.atomic():
            batches = digest_batches()
            for batch in batches:
                transaction.on_commit(lambda batch=batch: enqueue_batch(batch))
        waiting = sum(len(batch) for batch in batches)
        self.stdout.write(
            ngettext(
                "Queued %(count)d review for the digests.",
                "Queued %(count)d reviews for the digests.",
                waiting,
            )
            % {"count": waiting}
        )
