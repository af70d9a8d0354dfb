"""How good the suggestions are, measured on a time split: the model learns from the older
stories and suggests tags for the newest ones, whose moderator tags it never saw."""

import dataclasses
import time
from collections import Counter
from collections.abc import Sequence

from reviews.suggesting.engine import TagModel
from reviews.suggesting.records import DEFAULT_TUNING, ArchiveStory, TagInfo, Tuning


@dataclasses.dataclass
class Scores:
    """Hits and trials for precision@1, precision@3 and recall@5."""

    hits_1: int = 0
    shown_1: int = 0
    hits_3: int = 0
    shown_3: int = 0
    found_5: int = 0
    wanted_5: int = 0

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def precision_1(self):
        return self.share(self.hits_1, self.shown_1)

    @property
    def precision_3(self):
        return self.share(self.hits_3, self.shown_3)

    @property
    def recall_5(self):
        return self.share(self.found_5, self.wanted_5)


@dataclasses.dataclass
class Evaluation:
    trained_on: int
    tested_on: int
    covered: int
    overall: Scores
    per_tag: dict[str, Scores]
    build_seconds: float
    milliseconds_per_story: float


def evaluate(
    stories: Sequence[ArchiveStory],
    tags: Sequence[TagInfo],
    *,
    excluded_words=(),
    tuning: Tuning = DEFAULT_TUNING,
    test_share: float = 0.1,
    top_tags: int = 20,
) -> Evaluation:
    """`stories` oldest first. Overall, precision@k counts k slots per test story (a story
    given fewer suggestions loses the empty slots) and recall@5 every moderator tag. Per
    tag: precision@k is the share of the times it was among the first k that it was right,
    recall@5 the share of its stories that had it among the first five."""
    split = len(stories) - max(1, round(len(stories) * test_share))
    train, test = stories[:split], stories[split:]
    started = time.perf_counter()
    model = TagModel(stories=train, tags=tags, excluded_words=excluded_words, tuning=tuning)
    build_seconds = time.perf_counter() - started
    names = {tag.tag_id: tag.name for tag in tags}
    frequent = [
        tag for tag, _count in Counter(t for s in train for t in s.tag_ids).most_common(top_tags)
    ]
    overall = Scores()
    per_tag = {names[tag_id]: Scores() for tag_id in frequent}
    covered = 0
    # Processor time: what a request pays, less disturbed by a machine busy elsewhere.
    started = time.process_time()
    for story in test:
        wanted = set(story.tag_ids)
        ranked = [s.tag_id for s in model.suggest(story.text, limit=5)]
        covered += bool(ranked)
        overall.hits_1 += len(wanted & set(ranked[:1]))
        overall.shown_1 += 1
        overall.hits_3 += len(wanted & set(ranked[:3]))
        overall.shown_3 += 3
        overall.found_5 += len(wanted & set(ranked[:5]))
        overall.wanted_5 += len(wanted)
        for tag_id in frequent:
            scores = per_tag[names[tag_id]]
            right = tag_id in wanted
            if tag_id in ranked[:1]:
                scores.shown_1 += 1
                scores.hits_1 += right
            if tag_id in ranked[:3]:
                scores.shown_3 += 1
                scores.hits_3 += right
            if right:
                scores.wanted_5 += 1
                scores.found_5 += tag_id in ranked[:5]
    elapsed = time.process_time() - started
    return Evaluation(
        trained_on=len(train),
        tested_on=len(test),
        covered=covered,
        overall=overall,
        per_tag=per_tag,
        build_seconds=build_seconds,
        milliseconds_per_story=1000 * elapsed / max(1, len(test)),
    )
