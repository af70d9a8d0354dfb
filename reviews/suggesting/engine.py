"""The tag model: TF-IDF vectors of tagged stories' headlines and bodies, and nearest
neighbours voting for their tags (scikit-learn, SciPy). Pure computation, no database: the
archive is read by `reviews.suggesting.archive`, the model kept by `store`. Heavy to import
(scikit-learn, SciPy): only the worker, the commands and a process asked for a suggestion
load it. See docs/TAGGING.md.
"""

import dataclasses
import datetime
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from reviews.suggesting.records import (
    DEFAULT_TUNING,
    TOKEN_PATTERN,
    ArchiveStory,
    Suggestion,
    TagInfo,
    Tuning,
)


def name_words(names: Iterable[str], *, keep: Iterable[str] = ()) -> set[str]:
    """The words of people's and outlets' names, which alone never make a topic: left out
    of the vectors, except words that are also words of a tag's name (`keep`)."""
    analyse = TfidfVectorizer(token_pattern=TOKEN_PATTERN, strip_accents="unicode").build_analyzer()
    kept = {word for name in keep for word in analyse(name.replace("-", " "))}
    return {word for name in names for word in analyse(name)} - kept


def keep_heaviest(lists: sparse.csr_matrix, limit: int) -> sparse.csr_matrix:
    """Each row (a word's stories) cut to its `limit` largest weights: the stories a common
    word says least about drop out of its list, and no request reads a long list."""
    lengths = np.diff(lists.indptr)
    if lengths.max(initial=0) <= limit:
        return lists
    keep = np.ones(lists.nnz, dtype=bool)
    for row in np.flatnonzero(lengths > limit):
        start, end = lists.indptr[row], lists.indptr[row + 1]
        lightest = np.argpartition(-lists.data[start:end], limit)[limit:]
        keep[start + lightest] = False
    rows = np.repeat(np.arange(lists.shape[0]), lengths)[keep]
    return sparse.csr_matrix(
        (lists.data[keep], (rows, lists.indices[keep])), shape=lists.shape, dtype=lists.dtype
    )


class TagModel:
    """A built model: the vectors of the archive's stories and the tags they carry."""

    def __init__(
        self,
        *,
        stories: Sequence[ArchiveStory],
        tags: Sequence[TagInfo],
        excluded_words: Iterable[str] = (),
        tuning: Tuning = DEFAULT_TUNING,
        tag_uses: int = 0,
    ):
        self.tuning = tuning
        self.built_at = datetime.datetime.now(datetime.UTC)
        self.version = 0
        # How many published story tags the archive held: `store` compares it with today's.
        self.tag_uses = tag_uses
        stories = list(stories)[-tuning.max_stories :]
        uses: dict[int, int] = {}
        for story in stories:
            for tag_id in set(story.tag_ids):
                uses[tag_id] = uses.get(tag_id, 0) + 1
        known = [tag for tag in tags if uses.get(tag.tag_id, 0) >= tuning.min_tag_stories]
        self.tags = known
        self.tag_stories = np.array([uses[tag.tag_id] for tag in known], dtype=np.int32)
        column = {tag.tag_id: index for index, tag in enumerate(known)}
        self.story_ids = np.array([story.story_id for story in stories], dtype=np.int64)
        self.vectorizer = TfidfVectorizer(
            token_pattern=TOKEN_PATTERN,
            strip_accents="unicode",
            stop_words=sorted(ENGLISH_STOP_WORDS | set(excluded_words)),
            sublinear_tf=True,
            min_df=2 if len(stories) >= 50 else 1,
            max_df=0.5,
            dtype=np.float32,
        )
        vectors = self.vectorizer.fit_transform(story.text for story in stories)
        # Only the fitted vocabulary is needed to vectorise; the list of words left out (the
        # rare ones) would be pickled for nothing (scikit-learn's advice).
        self.vectorizer.stop_words_ = None
        self.terms = self.vectorizer.get_feature_names_out()
        # Word by word, the stories using it: a request reads only its own words' lists.
        self.postings = keep_heaviest(vectors.T.tocsr(), tuning.stories_per_word)
        rows, columns = [], []
        for row, story in enumerate(stories):
            for tag_id in set(story.tag_ids):
                if tag_id in column:
                    rows.append(row)
                    columns.append(column[tag_id])
        self.story_tags = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)),
            shape=(len(stories), len(known)),
        )
        self._story_order = np.argsort(self.story_ids)

    @property
    def story_count(self) -> int:
        return len(self.story_ids)

    def row_of(self, story_id: int) -> int | None:
        position = np.searchsorted(self.story_ids, story_id, sorter=self._story_order)
        if position < len(self.story_ids):
            row = int(self._story_order[position])
            if self.story_ids[row] == story_id:
                return row
        return None

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """`text`'s TF-IDF vector (word indices, weights) as the fitted vectorizer makes it
        (sublinear counts, idf, unit length), without its per-call checks: a tenth of the
        time for one text."""
        vocabulary = self.vectorizer.vocabulary_
        counts: dict[int, int] = {}
        for word in self._analyse(text):
            index = vocabulary.get(word)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        words = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        weights = (tf * self.vectorizer.idf_[words]).astype(np.float32)
        norm = np.linalg.norm(weights)
        return words, (weights / norm if norm else weights)

    @staticmethod
    def shares(lists: sparse.csr_matrix, weights: np.ndarray, nearest: np.ndarray) -> np.ndarray:
        """What each of the request's words adds to each neighbour's similarity (words by
        neighbours), read from the words' lists in one pass: slicing their columns would
        cost a pass over every story."""
        order = np.argsort(nearest)
        ordered = nearest[order]
        place = np.searchsorted(ordered, lists.indices)
        place[place == len(ordered)] = 0
        hit = ordered[place] == lists.indices
        rows = np.repeat(np.arange(lists.shape[0]), np.diff(lists.indptr))[hit]
        shares = np.zeros((lists.shape[0], len(nearest)), dtype=np.float32)
        shares[rows, order[place[hit]]] = lists.data[hit]
        return shares * weights[:, None]

    def __getstate__(self):
        return {key: value for key, value in self.__dict__.items() if key != "_analyser"}

    @property
    def _analyse(self):
        if not hasattr(self, "_analyser"):
            self._analyser = self.vectorizer.build_analyzer()
        return self._analyser

    def suggest(
        self,
        text: str,
        *,
        story_id: int | None = None,
        groups: "TagGroups | None" = None,
        skip: Iterable[int] = (),
        limit: int = 5,
    ) -> list[Suggestion]:
        """Up to `limit` tags for `text`, best first. `story_id`: the story itself, when it is
        in the archive, does not vote. `groups`: today's tags (after merges and renames);
        `skip`: ids of today's tags not to offer (the story's own, those rejected)."""
        tuning = self.tuning
        words, weights = self.vector(text)
        if len(words) == 0 or self.story_count == 0:
            return []
        # Few calls into SciPy, each over the request's own words' lists only; the rest is
        # NumPy on small dense arrays (neighbours by words, neighbours by tags).
        lists = self.postings[words]
        similarity = lists.T @ weights
        own = self.row_of(story_id) if story_id is not None else None
        if own is not None:
            similarity[own] = 0
        count = min(tuning.neighbours, len(similarity))
        nearest = np.argpartition(-similarity, count - 1)[:count]
        nearest = nearest[similarity[nearest] >= tuning.min_similarity]
        if len(nearest) < tuning.min_votes:
            return []
        near_similarity = similarity[nearest]
        groups = groups or TagGroups.identity(self)
        carried = np.minimum((self.story_tags[nearest] @ groups.matrix).toarray(), 1)
        votes = near_similarity @ carried
        voters = carried.sum(axis=0)
        scores = votes / near_similarity.sum()
        skipped = set(skip)
        chosen = [
            column
            for column in np.argsort(-scores, kind="stable")[: limit + len(skipped)]
            if voters[column] >= tuning.min_votes
            and scores[column] >= tuning.min_score
            and groups.tag_ids[column] not in skipped
        ][:limit]
        suggestions = []
        shares = self.shares(lists, weights, nearest)
        for column in chosen:
            shared = shares[:, carried[:, column] > 0].sum(axis=1)
            best = [index for index in np.argsort(-shared, kind="stable")[:3] if shared[index] > 0]
            suggestions.append(
                Suggestion(
                    tag_id=int(groups.tag_ids[column]),
                    name=groups.names[column],
                    score=round(float(scores[column]), 3),
                    stories=int(voters[column]),
                    words=tuple(str(self.terms[words[index]]) for index in best),
                )
            )
        return suggestions


@dataclasses.dataclass(frozen=True)
class TagGroups:
    """The model's tags as today's vocabulary has them: `matrix` (model tags by today's tags)
    sends each learned tag to the tag it is now (itself, renamed, or the tag it was merged
    into); learned tags since deleted go nowhere."""

    matrix: sparse.csr_matrix
    tag_ids: list[int]
    names: list[str]

    @classmethod
    def identity(cls, model: TagModel) -> "TagGroups":
        count = len(model.tags)
        return cls(
            matrix=sparse.identity(count, dtype=np.float32, format="csr"),
            tag_ids=[tag.tag_id for tag in model.tags],
            names=[tag.name for tag in model.tags],
        )

    @classmethod
    def mapping(cls, model: TagModel, now: dict[int, TagInfo | None]) -> "TagGroups":
        """`now`: for each learned tag id, the tag it is today, or None."""
        current: dict[int, int] = {}
        tag_ids, names, rows, columns = [], [], [], []
        for row, tag in enumerate(model.tags):
            today = now.get(tag.tag_id)
            if today is None:
                continue
            if today.tag_id not in current:
                current[today.tag_id] = len(tag_ids)
                tag_ids.append(today.tag_id)
                names.append(today.name)
            rows.append(row)
            columns.append(current[today.tag_id])
        matrix = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)),
            shape=(len(model.tags), len(tag_ids)),
        )
        return cls(matrix=matrix, tag_ids=tag_ids, names=names)
