"""`manage.py backup`: pg_dump on PostgreSQL, the JSON export of the reviews on SQLite.

docs/SECURITY.md (backups) says what each kind holds and how it is restored.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from reviews.management.files import NO_FOLDER, reason, replaced_when_done
from reviews.management.postgres import POSTGRESQL, database_settings, run_client

BACKUP_DIR = Path(settings.BASE_DIR) / "backups"


class Command(BaseCommand):
    help = (
        "Back up the database into backups/: pg_dump (custom format) on PostgreSQL, the JSON "
        "export of every review (export_json) on SQLite. `manage.py restore FILE` puts it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", metavar="FILE", help="Where to write (default: backups/<time>)."
        )
        parser.add_argument(
            "--database-url",
            metavar="URL",
            help="Back up this database instead of the site's (DATABASE_URL).",
        )

    def handle(self, *args, output=None, database_url=None, verbosity=1, **options):
        database = database_settings(database_url)
        postgres = database["ENGINE"] == POSTGRESQL
        if output:
            path = Path(output)
        else:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
            path = BACKUP_DIR / f"pressreview-{stamp}.{'dump' if postgres else 'json'}"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise CommandError(f"Cannot write into {path.parent}: it is a file.") from None
        except OSError as error:
            raise CommandError(f"Cannot write into {path.parent}: {reason(error)}.") from None
        if postgres:
            self.dump(database, path)
        elif database_url:
            raise CommandError("--database-url is for PostgreSQL databases only.")
        else:
            call_command("export_json", output=str(path), verbosity=verbosity)
        if verbosity >= 1:
            size = path.stat().st_size
            self.stdout.write(self.style.SUCCESS(f"Backed up to {path} ({size:,} bytes)."))
            self.stdout.write(f"Restore with: make restore FILE={path}")

    def dump(self, database: dict, path: Path) -> None:
        try:
            with replaced_when_done(path) as partial:
                run_client(
                    "pg_dump",
                    ["--format=custom", "--no-owner", f"--file={partial}"],
                    database=database,
                    failed="pg_dump failed",
                )
        except OSError as error:
            raise CommandError(
                f"Cannot write {path}: {reason(error, missing=NO_FOLDER)}."
            ) from None
