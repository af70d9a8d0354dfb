"""Time the tag suggestions (issue 21), in-process, against the database's archive.

    DATABASE_URL=postgres://... python bench/tag_suggestions.py [--stories 500]

Builds a model of the published, tagged archive (as `manage.py rebuild_tag_model` does) into
a temporary folder, loads it as a process of the site would (lazily, memory-mapped), then
asks for suggestions: one story at a time, and a queue page of 50 stories through the
service the admin calls (its queries included). Prints the figures docs/TAGGING.md quotes:
wall-clock times, and the processor time, which a machine busy with other work disturbs less.
"""

import statistics
import tempfile
import time
from pathlib import Path

import harness


def main() -> int:
    parser = harness.arguments(__doc__)
    parser.add_argument("--stories", type=harness.positive, default="500")
    parser.add_argument(
        "--max-stories",
        type=harness.positive,
        help="Learn from this many of the newest stories (default: the setting's 200,000).",
    )
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tag-model-bench-")
    harness.setup_django(PRESSREVIEW_TAG_MODEL_DIR=folder)
    harness.require_database()
    if args.max_stories:
        from django.conf import settings

        settings.PRESSREVIEW_TAG_MODEL_TUNING = {"max_stories": args.max_stories}

    from django.contrib.auth import get_user_model

    from reviews.models import Story, UntaggedStory
    from reviews.suggesting import services, store

    started = time.perf_counter()
    built = store.build_model()
    build_seconds = time.perf_counter() - started
    store.save(built)
    del built
    size = sum(path.stat().st_size for path in Path(folder).iterdir())
    started = time.perf_counter()
    model = store.current_model()
    load_seconds = time.perf_counter() - started

    stories = list(
        Story.objects.filter(pk__in=UntaggedStory.objects.values("story_id"))[: args.stories]
    ) or list(Story.objects.order_by("-pk")[: args.stories])
    single, cpu = [], []
    for story in stories:
        started, started_cpu = time.perf_counter(), time.process_time()
        model.suggest(f"{story.headline}\n{story.headline}\n{story.body}", story_id=story.pk)
        single.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - started_cpu))
    user = get_user_model()(is_superuser=True, is_active=True)
    pages, pages_cpu = [], []
    for start in range(0, len(stories) - 49, 50):
        started, started_cpu = time.perf_counter(), time.process_time()
        services.suggestions_for(stories[start : start + 50], by=user)
        pages.append(1000 * (time.perf_counter() - started))
        pages_cpu.append(1000 * (time.process_time() - started_cpu))
    single.sort()
    harness.say(
        f"archive: {Story.objects.published().count():,} published stories; model: "
        f"{model.story_count:,} stories, {len(model.tags):,} tags, {len(model.terms):,} words, "
        f"{size / 1e6:.1f} MB on disk; built in {build_seconds:.1f} s, loaded in "
        f"{1000 * load_seconds:.0f} ms"
    )
    harness.say(
        f"one story: median {statistics.median(single):.2f} ms, 95th percentile "
        f"{harness.percentile(single, 0.95):.2f} ms; processor time {statistics.mean(cpu):.2f} ms "
        f"on average ({len(single)} stories)"
    )
    if pages:
        harness.say(
            f"a queue page of 50 (service, queries included): median "
            f"{statistics.median(pages):.0f} ms, processor time "
            f"{statistics.mean(pages_cpu):.0f} ms ({len(pages)} pages)"
        )
    harness.say(f"load average {harness.load_average():.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
