"""Running PostgreSQL's client programs (pg_dump, pg_restore) for `backup` and `restore`."""

import os
import shutil
import subprocess

import dj_database_url
from django.core.management.base import CommandError
from django.db import connections

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
    """Connection parameters for the client programs, as libpq's environment variables
    (so that a password never shows in the process list)."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def run_client(program: str, arguments: list[str], *, database: dict, failed: str) -> None:
    """Run `program` with `arguments` against `database`; if it fails, CommandError
    `<failed>: <what the program said>`."""
    path = shutil.which(program)
    if path is None:
        raise CommandError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    done = subprocess.run(
        [path, *arguments], env=libpq_environment(database), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise CommandError(f"{failed}: {done.stderr.strip()}")
