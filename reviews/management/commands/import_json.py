"""`manage.py import_json FILE`: imports a JSON document written by `export_json`."""

from django.core.management.base import BaseCommand, CommandError

from reviews.exchange.document import DocumentError, read_document
from reviews.exchange.importing import import_records
from reviews.management.files import UnreadableFile, opened


class Command(BaseCommand):
    help = (
        "Import reviews from a JSON document written by export_json. Reviews are matched "
        "by review date and slug, sections, outlets and experts by slug, tags by name: "
        "importing the same file twice changes nothing. Each review is imported in its own "
        "transaction; a bad one is reported and skipped, and the command then exits with 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The document ('-' for standard input).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and try every review, then roll it back: report what would change, "
            "write nothing.",
        )

    def handle(self, *args, file, dry_run=False, verbosity=1, **options):
        try:
            with opened(file) as stream:
                records = read_document(stream)
        except UnreadableFile as problem:
            raise CommandError(f"Cannot read {file}: {problem}.") from None
        except DocumentError as problem:
            raise CommandError(f"{file} cannot be imported: {problem}.") from None

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stderr.write(f"Imported {done:,} of {total:,} reviews…")

        def on_skip(label: str, reason: str) -> None:
            self.stderr.write(f"Skipped {label}: {reason}")

        report = import_records(records, dry_run=dry_run, progress=progress, on_skip=on_skip)

        for username, count in sorted(report.missing_authors.items()):
            self.stderr.write(
                f"No account named “{username}” here: {count} review"
                f"{'s' if count != 1 else ''} left without an author."
            )
        if verbosity >= 1:
            summary = (
                f"created {report.created}, updated {report.updated}, "
                f"unchanged {report.unchanged}, skipped {len(report.skipped)}"
            )
            if dry_run:
                self.stdout.write(f"Dry run, nothing written. Would have {summary}.")
            else:
                self.stdout.write(f"Reviews {summary}.")
        if report.skipped:
            count = len(report.skipped)
            raise CommandError(
                f"{count} review{'s were' if count != 1 else ' was'} skipped (reasons above).",
                returncode=1,
            )
