"""Build a new version of the tag model from today's archive (docs/TAGGING.md)."""

from django.core.management.base import BaseCommand, CommandError

from reviews.suggesting import store


class Command(BaseCommand):
    help = (
        "Build a new version of the model behind the tag suggestions from the published, "
        "tagged stories (the worker does this by itself once enough stories were tagged)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-due",
            action="store_true",
            help="Build only when enough stories were tagged since the last version.",
        )

    def handle(self, *args, if_due=False, **options):
        if if_due and not store.rebuild_is_due():
            self.stdout.write("The tag model is fresh: nothing to do.")
            return
        try:
            summary = store.rebuild()
        except OSError as error:
            raise CommandError(
                f"Could not write the model to {store.directory()}: {error}. "
                "Set PRESSREVIEW_TAG_MODEL_DIR to a writable folder."
            ) from error
        except ValueError as error:
            raise CommandError(
                f"Nothing to learn from yet ({error}): tag some published stories first."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Tag model version {summary['version']}: {summary['stories']} stories, "
                f"{summary['tags']} tags, {summary['words']} words, in {store.directory()}."
            )
        )
