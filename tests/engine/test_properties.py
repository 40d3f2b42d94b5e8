"""Properties over random small networks (hypothesis): gradients match finite differences,
and a learning rate of 0 moves nothing."""

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.engine import backward, compute_loss, forward, train_step
from app.engine.optimizers import OPTIMIZERS
from tests.engine.finite_differences import nearest_kink, numeric_gradients, relative_errors
from tests.engine.strategies import cases


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_random_networks_gradients_match_finite_differences(case):
    network, x, t, loss = case
    assume(nearest_kink(network, x) > 1e-3)
    fp = forward(network, x)
    analytic = backward(network, fp, t, loss).flat()
    errors = relative_errors(analytic, numeric_gradients(network, x, t, loss), compute_loss(fp, t, loss))
    assert errors.max() < 1e-6


@settings(max_examples=100, deadline=None)
@given(cases(), st.sampled_from(list(OPTIMIZERS)), st.integers(0, 50))
def test_update_with_learning_rate_zero_changes_nothing(case, name, step):
    network, x, t, loss = case
    state = {"step": step}
    if name == "adam" and step:  # Adam's moments come with the step count that made them
        zeros = [
            {"weights": np.zeros_like(layer.weights), "biases": np.zeros_like(layer.biases)} for layer in network.layers
        ]
        state.update(m=zeros, v=zeros)
    result = train_step(network, x, t, loss, {"name": name, "learning_rate": 0.0}, state)
    for old, new in zip(network.parameters(), result.network.parameters(), strict=True):
        assert np.array_equal(old, new)
    assert result.optimizer_state["step"] == step + 1
