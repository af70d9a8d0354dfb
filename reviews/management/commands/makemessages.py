"""Django's makemessages, never reading the installed packages, the tests or generated files.

The interface's catalogues live in locale/ (LOCALE_PATHS); docs/ARCHITECTURE.md says how to
update them. Listing the folders here keeps every run, and the test that the catalogue is
complete, reading the same files.
"""

from django.core.management.commands import makemessages

NOT_INTERFACE = [
    ".venv/*",
    "node_modules/*",
    "staticfiles/*",
    "test-artifacts/*",
    "backups/*",
    "bench/*",
    "tests/*",
]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_INTERFACE]
        return super().handle(*args, **options)
