"""What the tag model takes and gives, as plain records: light to import, so that the site's
processes load scikit-learn only when first asked for a suggestion (engine.py)."""

import dataclasses
from collections.abc import Sequence

# Words of three letters or more, digits and underscores aside.
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"


@dataclasses.dataclass(frozen=True)
class Tuning:
    """How the model is built and how cautious its suggestions are (docs/TAGGING.md)."""

    # Stories that vote for each suggestion request.
    neighbours: int = 20
    # A neighbour less similar than this (cosine of the TF-IDF vectors) does not vote.
    min_similarity: float = 0.1
    # A tag needs at least this many voting neighbours carrying it...
    min_votes: int = 2
    # ...and this share of the neighbours' total similarity.
    min_score: float = 0.2
    # Tags carried by fewer training stories are never suggested.
    min_tag_stories: int = 5
    # Only the newest stories of a larger archive are learned from: memory and speed.
    max_stories: int = 200_000
    # Each word keeps the stories it weighs most in, at most this many: a request's cost is
    # bounded by its words, whatever the archive's size (docs/TAGGING.md, "What it costs").
    stories_per_word: int = 1_000


DEFAULT_TUNING = Tuning()


@dataclasses.dataclass(frozen=True)
class ArchiveStory:
    """A tagged story as the model learns from it."""

    story_id: int
    text: str
    tag_ids: Sequence[int]


@dataclasses.dataclass(frozen=True)
class TagInfo:
    tag_id: int
    slug: str
    name: str


@dataclasses.dataclass(frozen=True)
class Suggestion:
    """One tag suggested for a story, and why: how many of the most similar stories carry
    it and the words those stories share with this one."""

    tag_id: int
    name: str
    score: float
    stories: int
    words: tuple[str, ...]


def story_text(headline: str, body: str) -> str:
    # The headline twice: it says what the story is about more densely than the body.
    return f"{headline}\n{headline}\n{body}"
