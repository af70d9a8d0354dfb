"""The tag model's arithmetic, without the database."""

import numpy as np
import pytest
from scipy import sparse

from reviews.suggesting.engine import TagModel, keep_heaviest


@pytest.mark.once
def test_each_word_keeps_only_the_stories_it_weighs_most_in():
    lists = sparse.csr_matrix(np.array([[0.1, 0.5, 0.2, 0.9], [0.0, 0.3, 0.0, 0.0]]))

    kept = keep_heaviest(lists, 2).toarray()

    assert kept.tolist() == [[0.0, 0.5, 0.0, 0.9], [0.0, 0.3, 0.0, 0.0]]


@pytest.mark.once
def test_a_words_share_of_each_neighbours_similarity_is_read_from_its_list():
    lists = sparse.csr_matrix(np.array([[0.1, 0.5, 0.0, 0.9], [0.4, 0.0, 0.2, 0.0]]))
    weights = np.array([2.0, 1.0], dtype=np.float32)
    nearest = np.array([3, 0, 2])

    shares = TagModel.shares(lists, weights, nearest)

    assert np.allclose(shares, lists[:, nearest].toarray() * weights[:, None])
