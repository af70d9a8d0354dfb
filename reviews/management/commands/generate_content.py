"""`manage.py generate_content --reviews N`: invented reviews in bulk, for performance work."""

import datetime
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from reviews.demo.generator import generate_content


class ProgressBar:
    """A one-line progress bar on a terminal; a line every tenth of the way elsewhere."""

    width = 30

    def __init__(self, stream, *, label: str):
        self.stream, self.label = stream, label
        self.started = time.monotonic()
        self.interactive = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        remaining = (total - done) / rate if rate else 0.0
        filled = int(self.width * fraction)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{done:,}/{total:,} {fraction:4.0%}  {rate:,.0f}/s  "
            f"elapsed {elapsed:,.0f}s, about {remaining:,.0f}s left"
        )
        if self.interactive:
            self.stream.write(f"\r{line}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = int(fraction * 10)
        if tenth != self.last_tenth or done >= total:
            self.last_tenth = tenth
            self.stream.write(line + "\n")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Generate invented press reviews in bulk for performance work: reviews of 4 to 8 "
        "stories, with citations and long-tailed tags, going back in time from today. "
        "Appends to what is there. Never run it on a site the public can reach."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, required=True, help="How many reviews.")
        parser.add_argument("--seed", type=int, default=1848, help="Random seed (default 1848).")
        parser.add_argument(
            "--per-day", type=int, default=4, help="Reviews per review date (default 4)."
        )
        parser.add_argument(
            "--chunk", type=int, default=1000, help="Reviews written per transaction."
        )

    def handle(self, *args, reviews, seed, per_day, chunk, **options):
        if reviews < 1 or per_day < 1 or chunk < 1:
            raise CommandError("--reviews, --per-day and --chunk must be positive.")
        # Reviews go back in time from today, per_day a day: they must stay in the calendar.
        days_available = (datetime.date.today() - datetime.date(1, 1, 2)).days
        if reviews // per_day >= days_available:
            raise CommandError(
                f"{reviews:,} reviews at {per_day} a day would go back before year 1: "
                f"ask for at most {days_available * per_day:,}, or raise --per-day."
            )
        started = time.monotonic()
        progress = ProgressBar(sys.stderr, label="Reviews")
        report = generate_content(
            reviews=reviews, seed=seed, per_day=per_day, chunk=chunk, progress=progress
        )
        took = time.monotonic() - started
        summary = ", ".join(f"{count:,} {name}" for name, count in report.counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {summary} (review dates {report.first_date} to {report.last_date}) "
                f"in {took:,.1f} s."
            )
        )
