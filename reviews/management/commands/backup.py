"""`manage.py backup`: a backup of the database in backups/ (`make backup`).

On PostgreSQL, pg_dump in its custom format: the whole database (content, accounts, revision
history, everything), restored with `manage.py restore` (pg_restore). On SQLite, the
development database, the JSON export of the reviews (`export_json`): every review with
its section, stories, outlets, citations, experts and tags, restored with `import_json`.
"""

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

BACKUP_DIR = Path(settings.BASE_DIR) / "backups"
POSTGRESQL = "django.db.backends.postgresql"


def database_settings(url: str | None) -> dict:
    """The settings of the database at `url`, or of the site's default database."""
    if not url:
        return connections["default"].settings_dict
    try:
        return dj_database_url.parse(url)
    except ValueError as bad_url:
        raise CommandError(
            f"--database-url {url!r} is not a database address "
            "(e.g. postgres://user@host:5432/name)."
        ) from bad_url


def libpq_environment(database: dict) -> dict[str, str]:
    """Connection parameters for pg_dump and pg_restore, as libpq's environment variables
    (so that a password never shows in the process list)."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def postgres_program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise CommandError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return program


class Command(BaseCommand):
    help = (
        "Back up the database into backups/: pg_dump (custom format) on PostgreSQL, the JSON "
        "export of every review on SQLite. `manage.py restore FILE` puts it back."
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
        except OSError as error:
            raise CommandError(f"Cannot write into {path.parent}: {error.strerror}.") from error
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
        # Written beside the target first, so that a failed dump leaves no half file behind.
        partial = path.with_name(f"{path.name}.partial")
        done = subprocess.run(
            [postgres_program("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}"],
            env=libpq_environment(database),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            partial.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {done.stderr.strip()}")
        os.replace(partial, path)
