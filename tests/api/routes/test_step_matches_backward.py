"""Properties of the API over random small networks (hypothesis): /api/step's loss and gradients
are /api/backward's for the same input, /api/forward's outputs are the ones both report, and the
trace has one entry per neuron and sample (forward and backward), one for the loss, two per parameter."""

import numpy as np
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from app.main import create_app
from app.settings import Settings
from tests.api.checks import strict_json
from tests.engine.strategies import cases


@pytest.fixture(scope="module")
def shared_client():
    with TestClient(create_app(Settings())) as client:
        yield client


def as_body(case):
    network, x, t, loss = case
    return {"network": {"layers": network.to_lists()}, "inputs": x.tolist(), "targets": t.tolist(), "loss": loss}


@settings(max_examples=60, deadline=None)
@given(cases(), st.sampled_from(["sgd", "momentum", "adam"]))
def test_step_loss_and_gradients_equal_backwards_for_the_same_input(shared_client, case, optimizer):
    body = as_body(case)
    backward = shared_client.post("/api/backward", json=body)
    step = shared_client.post("/api/step", json={**body, "optimizer": {"name": optimizer}})
    assert backward.status_code == step.status_code == 200, (backward.text, step.text)
    backward, step = strict_json(backward), strict_json(step)
    network, x = case[0], case[1]
    assert len(step["trace"]) == 2 * len(x) * sum(network.widths[1:]) + 1 + 2 * network.parameter_count
    assert step["loss"] == pytest.approx(backward["loss"], rel=1e-12, abs=1e-15)
    for got, expected in zip(step["gradients"], backward["gradients"], strict=True):
        assert close(got["weights"], expected["weights"]) and close(got["biases"], expected["biases"])
    assert all(close(a, b) for a, b in zip(step["deltas"], backward["deltas"], strict=True))
    forward = strict_json(shared_client.post("/api/forward", json={k: body[k] for k in ("network", "inputs")}))
    assert close(forward["outputs"], step["outputs"]) and close(step["outputs"], backward["outputs"])


def close(a, b):
    """Same shape and equal up to round-off (two code paths may sum in a different order)."""
    a, b = np.array(a), np.array(b)
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-12, atol=1e-15)
