"""Activations written into a given array (as the training loop does) give the same numbers."""

import numpy as np
import pytest

from app.engine.activations import ACTIVATIONS


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_written_into_a_strided_view_equals_the_fresh_result(name):
    z = np.random.default_rng(0).normal(scale=3.0, size=(5, 4))
    room = np.full((5, 5), 7.0)  # [a | 1]: the view a = room[:, :-1] is not contiguous
    written = ACTIVATIONS[name][0](z, room[:, :-1])
    assert written.base is room
    np.testing.assert_array_equal(room[:, :-1], ACTIVATIONS[name][0](z))
    np.testing.assert_array_equal(room[:, -1], 7.0)  # the column beside it is untouched
