"""Django's compilemessages, compiling only the project's catalogues (locale/), not those of the
installed packages, which ship compiled."""

from django.core.management.commands import compilemessages

from reviews.management.commands.makemessages import NOT_INTERFACE


class Command(compilemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_INTERFACE]
        return super().handle(*args, **options)
