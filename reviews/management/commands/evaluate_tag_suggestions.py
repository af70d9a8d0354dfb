"""Measure the tag suggestions on a time split of the archive (docs/TAGGING.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reviews.suggesting import archive
from reviews.suggesting.evaluation import evaluate
from reviews.suggesting.records import Tuning


def shown(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


class Command(BaseCommand):
    help = (
        "Learn from the older published, tagged stories, suggest tags for the newest ones "
        "(their tags hidden), and print precision@1, precision@3 and recall@5, overall and "
        "for the most frequent tags. Writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--test-share",
            type=float,
            default=0.1,
            help="The share of the newest stories to test on (default 0.1).",
        )
        parser.add_argument(
            "--top-tags", type=int, default=20, help="How many frequent tags to list."
        )

    def handle(self, *args, test_share, top_tags, **options):
        if not 0 < test_share < 1:
            raise CommandError("--test-share is a share between 0 and 1, such as 0.1.")
        tuning = Tuning(**settings.PRESSREVIEW_TAG_MODEL_TUNING)
        stories = archive.tagged_stories(limit=tuning.max_stories)
        if len(stories) < 20:
            raise CommandError(
                f"Only {len(stories)} published, tagged stories: too few to evaluate "
                "(load the demo content or generate some: manage.py load_demo)."
            )
        tags = archive.all_tags()
        result = evaluate(
            stories,
            tags,
            excluded_words=archive.excluded_words(tags),
            tuning=tuning,
            test_share=test_share,
            top_tags=top_tags,
        )
        out = self.stdout.write
        out(
            f"Trained on {result.trained_on} stories (built in {result.build_seconds:.1f} s), "
            f"tested on the newest {result.tested_on}; {result.covered} of them got a "
            f"suggestion; {result.milliseconds_per_story:.1f} ms of processor time per story."
        )
        out(f"{'':24} {'p@1':>6} {'p@3':>6} {'r@5':>6}  stories")
        scores = result.overall
        out(
            f"{'overall':24} {shown(scores.precision_1)} {shown(scores.precision_3)} "
            f"{shown(scores.recall_5)}  {result.tested_on}"
        )
        for name, scores in result.per_tag.items():
            out(
                f"{name[:24]:24} {shown(scores.precision_1)} {shown(scores.precision_3)} "
                f"{shown(scores.recall_5)}  {scores.wanted_5}"
            )
