"""`manage.py restore FILE`: put a backup made by `manage.py backup` back (`make restore`).

A `.dump` (pg_dump's custom format) replaces the whole PostgreSQL database with the backup's
contents, in one transaction: if anything fails, the database is left as it was. A `.json`
(the reviews' export) is imported with `import_json`: every review of the file comes back
as it was then; reviews created since are kept.
"""

import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from .backup import POSTGRESQL, database_settings, libpq_environment, postgres_program


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
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
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
        done = subprocess.run(
            [
                postgres_program("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(path),
            ],
            env=libpq_environment(database),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise CommandError(f"pg_restore failed, nothing changed: {done.stderr.strip()}")
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Restored {path} into {database['NAME']!r}."))
