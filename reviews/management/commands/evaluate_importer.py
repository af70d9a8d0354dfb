"""`manage.py evaluate_importer`: how well the text importer's parser reads the invented cases."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reviews.importer.evaluation import (
    DEFAULT_FOLDER,
    METRICS,
    CasesError,
    count_slips,
    evaluate,
)
from reviews.importer.sample_pages import STYLES


class Command(BaseCommand):
    help = (
        "Parse the invented press reviews in tests/data/import/ and print the parser's "
        "precision and recall for stories, outlets, experts and citations against the "
        "expected structures, its headline-boundary accuracy, and the slips an editor must "
        "catch. Reads no database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            type=Path,
            default=DEFAULT_FOLDER,
            help="Where the .txt/.json pairs and catalogue.json are (tests/data/import/README.md).",
        )
        parser.add_argument("--per-file", action="store_true", help="A line per file too.")
        parser.add_argument(
            "--as-pages",
            action="store_true",
            help="Also score each review laid out as an invented web page, in each style.",
        )

    def handle(self, *args, folder, per_file, as_pages, **options):
        try:
            evaluation = evaluate(folder)
            slips = count_slips(folder)
            pages = {style: evaluate(folder, page_style=style) for style in STYLES if as_pages}
        except CasesError as problem:
            raise CommandError(f"Cannot evaluate: {problem}.") from None
        if per_file:
            for name, scores in evaluation.per_case.items():
                cells = "  ".join(
                    f"{metric} {score.right}/{score.proposed}/{score.expected}"
                    for metric, score in scores.items()
                )
                self.stdout.write(f"{name:<32} {cells}")
            self.stdout.write("(right/proposed/expected)\n")
        self.stdout.write(f"{len(evaluation.per_case)} reviews in {folder}")
        self.stdout.write(f"{'':<10} {'precision':>9} {'recall':>7}   right/proposed/expected")
        for metric in METRICS:
            score = evaluation.totals[metric]
            self.stdout.write(
                f"{metric:<10} {score.precision:>9.3f} {score.recall:>7.3f}   "
                f"{score.right}/{score.proposed}/{score.expected}"
            )
        self.stdout.write("headline boundaries (stories whose headline is exactly right):")
        for layout, accuracy in evaluation.headlines.items():
            self.stdout.write(
                f"  {layout:<16} {accuracy.share:>6.3f}   {accuracy.right}/{accuracy.total}"
            )
        self.stdout.write(
            f"headline boundaries where the headline runs into the body: "
            f"{slips.boundary_accuracy:.3f}   "
            f"{slips.boundaries_right}/{slips.boundaries_expected}"
        )
        for slip, count in slips.counts.items():
            self.stdout.write(f"{slip}: {count}")
        self.stdout.write(
            f"most newsmakers proposed as experts in one review: "
            f"{slips.most_newsmakers_in_a_review}"
        )
        if pages:
            self.stdout.write("the same reviews as HTML pages (right/proposed/expected):")
        for style, scores in pages.items():
            cells = "  ".join(
                f"{metric} {score.right}/{score.proposed}/{score.expected}"
                for metric, score in scores.totals.items()
            )
            headlines = scores.headlines["all"]
            self.stdout.write(
                f"  {style:<10} {cells}  headlines {headlines.right}/{headlines.total}"
            )
