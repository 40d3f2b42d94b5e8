"""Hypothesis strategies for random small networks with a batch and targets their loss accepts."""

import numpy as np
from hypothesis import strategies as st

from app.engine import ACTIVATIONS, Network

OUTPUTS_FOR_LOSS = {"mse": list(ACTIVATIONS), "binary_cross_entropy": ["sigmoid"], "cross_entropy": ["softmax"]}
values = st.floats(-2.0, 2.0, allow_nan=False, allow_infinity=False)


def matrices(elements, rows, columns):
    return st.lists(st.lists(elements, min_size=columns, max_size=columns), min_size=rows, max_size=rows)


@st.composite
def cases(draw):
    """A network of 1–3 layers of 1–4 neurons, a batch of 1–4 rows and targets its loss accepts."""
    widths = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))
    loss = draw(st.sampled_from(list(OUTPUTS_FOR_LOSS)))
    hidden = [draw(st.sampled_from(list(ACTIVATIONS))) for _ in widths[2:]]
    output = draw(st.sampled_from(OUTPUTS_FOR_LOSS[loss]))
    layers = [
        {
            "weights": draw(matrices(values, n_out, n_in)),
            "biases": draw(st.lists(values, min_size=n_out, max_size=n_out)),
            "activation": activation,
        }
        for n_in, n_out, activation in zip(widths[:-1], widths[1:], [*hidden, output], strict=True)
    ]
    rows, k = draw(st.integers(1, 4)), widths[-1]
    x = np.array(draw(matrices(values, rows, widths[0])))
    if loss == "cross_entropy":
        t = np.eye(k)[draw(st.lists(st.integers(0, k - 1), min_size=rows, max_size=rows))]
    else:
        t = np.array(draw(matrices(st.floats(-2.0 if loss == "mse" else 0.0, 1.0), rows, k)))
    return Network.from_lists(layers), x, t, loss
