"""`manage.py restore FILE`: puts back a backup made by `manage.py backup`.

docs/SECURITY.md (backups) says what a `.dump` and a `.json` restore each change.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from reviews.management.files import UnreadableFile, check_readable
from reviews.management.postgres import POSTGRESQL, database_settings, run_client
from reviews.pagecache.invalidation import content_changed


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup`: a .dump replaces the whole PostgreSQL "
        "database, a .json imports its reviews (import_json)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The backup, e.g. backups/....dump")
        parser.add_argument(
            "--database-url",
            metavar="URL",
            help="Restore into this PostgreSQL database instead of the site's (DATABASE_URL).",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation before replacing the database.",
        )

    def handle(self, *args, file, database_url=None, interactive=True, verbosity=1, **options):
        path = Path(file)
        try:
            check_readable(file)
        except UnreadableFile as problem:
            raise CommandError(f"No backup at {path}: {problem}.") from None
        database = database_settings(database_url)
        if path.suffix == ".json":
            if database_url:
                raise CommandError("A .json backup is imported into the site's own database.")
            call_command("import_json", str(path), verbosity=verbosity)
            return
        if path.suffix != ".dump":
            raise CommandError("A backup is a .dump (PostgreSQL) or a .json (reviews) file.")
        if database["ENGINE"] != POSTGRESQL:
            raise CommandError(
                "A .dump backup restores into PostgreSQL: set DATABASE_URL=postgres://..."
            )
        if interactive:
            self.confirm(database, path)
        run_client(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(path),
            ],
            database=database,
            failed="pg_restore failed, nothing changed",
        )
        if not database_url:
            # pg_restore wrote past Django: no signal told the site's page cache.
            content_changed(schedule_unknown=True)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Restored {path} into {database['NAME']!r}."))

    def confirm(self, database: dict, path: Path) -> None:
        try:
            answer = input(
                f"This replaces everything in the database {database['NAME']!r} with the "
                f"contents of {path}. Type 'yes' to go on: "
            )
        except EOFError:  # no one to answer (cron, a pipe): --no-input says yes
            answer = ""
        if answer.strip().lower() != "yes":
            raise CommandError(
                "Restore cancelled: nothing changed (--no-input restores without asking)."
            )
