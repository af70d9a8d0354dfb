"""`manage.py export_json`: reviews and all they name as one JSON document (see import_json)."""

import argparse
import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reviews.exchange.document import reviews_for_export, write_document
from reviews.management.files import NO_FOLDER, reason, replaced_when_done
from reviews.models import Review

ALL = "all"


class Command(BaseCommand):
    help = (
        "Export reviews with their sections, stories, outlets, citations, experts and tags to "
        "a JSON document (standard output by default), for import_json here or elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the document to FILE instead of standard output.",
        )
        parser.add_argument(
            "--status",
            nargs="+",
            action="extend",
            choices=[*Review.Status.values, ALL],
            metavar="STATUS",
            help=f"Only reviews in these states ({', '.join(Review.Status.values)}), or "
            f"{ALL} (the default). 'published' includes reviews scheduled for later.",
        )
        parser.add_argument(
            "--since",
            metavar="YYYY-MM-DD",
            type=_date,
            help="Only reviews whose review date is on or after this day.",
        )

    def handle(self, *args, output=None, status=None, since=None, verbosity=1, **options):
        statuses = None if not status or ALL in status else set(status)
        reviews = reviews_for_export(statuses=statuses, since=since)
        to_stdout = output in (None, "-")
        # The document owns standard output: progress and the summary go to standard error.
        report = self.stderr.write if to_stdout else self.stdout.write

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stderr.write(f"Exported {done:,} of {total:,} reviews…")

        if to_stdout:
            count = write_document(reviews, self.stdout, progress=progress)
        else:
            try:
                with (
                    replaced_when_done(Path(output)) as partial,
                    partial.open("w", encoding="utf-8") as out,
                ):
                    count = write_document(reviews, out, progress=progress)
            except OSError as error:
                raise CommandError(
                    f"Cannot write {output}: {reason(error, missing=NO_FOLDER)}."
                ) from None
        if verbosity >= 1:
            where = "" if to_stdout else f" to {output}"
            report(f"Exported {count:,} review{'s' if count != 1 else ''}{where}.")


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a date (YYYY-MM-DD)") from None
