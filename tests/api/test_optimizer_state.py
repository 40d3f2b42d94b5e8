"""Optimizer state must be what that optimizer returned: another optimizer's slots, Adam's moments
without their step count (or the reverse) and a negative v are refused naming the slot — Adam's
bias correction 1/(1 − βᵗ) would otherwise scale its first steps by up to 3× without a word."""

import pytest

from app.api.schemas.common import MAX_STEP
from tests.api.checks import assert_refused, strict_json
from tests.bodies import preset_body

ZEROS = [{"weights": [[0.0, 0.0], [0.0, 0.0]], "biases": [0.0, 0.0]}] * 2


def step_body(optimizer, state):
    return {**preset_body("mazur-2-2-2"), "optimizer": optimizer, "optimizer_state": state, "include_trace": False}


def test_adam_refuses_a_step_count_without_its_moments(client):
    # What an SGD run returns, sent on with Adam: t = 1000 with m = v = 0 would move w by ~2.5 η.
    response = client.post("/api/step", json=step_body({"name": "adam", "learning_rate": 0.1}, {"step": 1000}))
    assert_refused(response, ["optimizer_state", "step"], "is 1000 but m and v are missing", "t = 0")


def test_adam_refuses_moments_with_step_zero(client):
    response = client.post("/api/step", json=step_body({"name": "adam"}, {"step": 0, "m": ZEROS, "v": ZEROS}))
    assert_refused(response, ["optimizer_state", "step"], "is 0 but m and v are given")


@pytest.mark.parametrize(("given", "missing"), [("m", "v"), ("v", "m")])
def test_adam_refuses_one_moment_without_the_other(client, given, missing):
    response = client.post("/api/step", json=step_body({"name": "adam"}, {"step": 3, given: ZEROS}))
    assert_refused(response, ["optimizer_state", missing], "is missing", "m and v together")


def test_adam_refuses_a_negative_second_moment(client):
    v = [{"weights": [[0.0, 0.0], [0.0, -1.0]], "biases": [0.0, 0.0]}, ZEROS[1]]
    response = client.post("/api/step", json=step_body({"name": "adam"}, {"step": 2, "m": ZEROS, "v": v}))
    assert_refused(response, ["optimizer_state", "v"], "negative", "never below 0")


@pytest.mark.parametrize(
    ("optimizer", "slots", "refused", "owner", "kept"),
    [
        ("adam", ("velocity",), "velocity", "momentum", "step, m, v"),
        ("sgd", ("m", "v"), "m", "adam", "step"),
        ("momentum", ("m", "v"), "m", "adam", "step, velocity"),
    ],
)
def test_another_optimizers_state_is_refused_naming_whose_it_is(client, optimizer, slots, refused, owner, kept):
    state = {"step": 4, **{slot: ZEROS for slot in slots}}
    response = client.post("/api/step", json=step_body({"name": optimizer}, state))
    assert_refused(response, ["optimizer_state", refused], f"is {owner}'s state; {optimizer} keeps {kept}")


def test_momentum_starts_a_fresh_velocity_at_any_step_count(client):
    # No bias correction: v = 0 is right whatever the step, so momentum after SGD is fine.
    response = client.post("/api/step", json=step_body({"name": "momentum", "learning_rate": 0.5}, {"step": 7}))
    assert response.status_code == 200
    result = strict_json(response)
    assert result["optimizer_state"]["step"] == 8
    # A fresh velocity is the gradient itself, so the first move is η·∂L/∂w, as SGD's: w5 → 0.35891648.
    assert result["network"]["layers"][1]["weights"][0][0] == pytest.approx(0.35891648, abs=1e-8)


def test_adam_continues_from_its_own_state_through_train(client):
    body = {
        **preset_body("xor-2-2-1", "network", "inputs", "targets", "loss"),
        "optimizer": {"name": "adam", "learning_rate": 0.05},
        "epochs": 3,
    }
    first = strict_json(client.post("/api/train", json=body))
    second = client.post(
        "/api/train", json={**body, "network": first["network"], "optimizer_state": first["optimizer_state"]}
    )
    assert second.status_code == 200 and strict_json(second)["optimizer_state"]["step"] == 6
    sgd_state = {"step": first["optimizer_state"]["step"]}
    refused = client.post("/api/train", json={**body, "network": first["network"], "optimizer_state": sgd_state})
    assert_refused(refused, ["optimizer_state", "step"], "is 3 but m and v are missing")


def test_a_step_count_goes_back_in_up_to_the_largest_exact_javascript_integer(client):
    below = client.post("/api/step", json=step_body({"name": "sgd"}, {"step": MAX_STEP - 1}))
    assert below.status_code == 200, below.text
    again = client.post("/api/step", json=step_body({"name": "sgd"}, strict_json(below)["optimizer_state"]))
    assert_refused(again, ["optimizer_state", "step"], f"is {MAX_STEP}, the largest step count")
    beyond = client.post("/api/step", json=step_body({"name": "sgd"}, {"step": MAX_STEP + 1}))
    assert_refused(beyond, ["optimizer_state", "step"], "less than or equal to")
