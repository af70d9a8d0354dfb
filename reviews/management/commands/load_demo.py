"""`manage.py load_demo`: the invented demo content and one demo account per role."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Load invented demo content (sections, outlets, experts, two months of press reviews) "
        "and one demo account per role. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with DJANGO_DEBUG off. The demo passwords are public: never do "
            "this on a site the public can reach.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DJANGO_DEBUG is off, and the demo accounts have public passwords. "
                "Load the demo on a development site, or pass --allow-production if you "
                "really mean it."
            )
        report = load_demo_content(progress=self.stdout.write)
        names = {
            model._meta.model_name: (model._meta.verbose_name, model._meta.verbose_name_plural)
            for model in apps.get_models()
        }
        created = ", ".join(
            f"{count} {names[name][count != 1]}" for name, count in report.created.items() if count
        )
        self.stdout.write(self.style.SUCCESS(f"Created {created or 'nothing: all there'}."))
        self.stdout.write("\nDemo accounts (demo only, the passwords are public):")
        for username, password, role in report.accounts:
            self.stdout.write(f"  {role:<11} {username:<10} password: {password}")
        self.stdout.write("Log in at /admin/.")
