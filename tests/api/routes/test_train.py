"""/api/networks/random and /api/train: shapes, reproducibility, limits, the compute budget."""

import asyncio

import httpx
import numpy as np
import pytest

from app.main import create_app
from app.settings import Settings
from tests.api.checks import strict_json

RANDOM_BODY = {"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"], "seed": 7}


def _error(response):
    assert response.status_code == 422, response.text
    return response.json()["detail"][0]


def test_random_network_has_the_requested_shape_and_zero_biases(client):
    response = client.post("/api/networks/random", json=RANDOM_BODY)
    assert response.status_code == 200, response.text
    layers = response.json()["network"]["layers"]
    assert [np.shape(layer["weights"]) for layer in layers] == [(8, 2), (8, 8), (1, 8)]
    assert [layer["activation"] for layer in layers] == ["tanh", "tanh", "sigmoid"]
    assert all(b == 0.0 for layer in layers for b in layer["biases"])


def test_random_network_weights_lie_within_the_glorot_limit(client):
    layers = client.post("/api/networks/random", json=RANDOM_BODY).json()["network"]["layers"]
    for layer in layers:
        weights = np.array(layer["weights"])
        limit = np.sqrt(6.0 / sum(weights.shape))
        assert np.abs(weights).max() <= limit
        assert np.abs(weights).max() > limit / 2  # spread over the range, not all near zero


def test_random_network_is_reproducible_with_the_same_seed_and_differs_with_another(client):
    first = client.post("/api/networks/random", json=RANDOM_BODY).json()
    again = client.post("/api/networks/random", json=RANDOM_BODY).json()
    other = client.post("/api/networks/random", json={**RANDOM_BODY, "seed": 8}).json()
    assert first == again
    assert first != other


def test_random_network_rejects_activations_not_matching_the_layers(client):
    detail = _error(client.post("/api/networks/random", json={**RANDOM_BODY, "activations": ["tanh"]}))
    assert detail["loc"] == ["body", "activations"]
    assert "3 layers" in detail["msg"]


def test_random_network_rejects_a_width_beyond_max_neurons(make_client):
    response = make_client(max_neurons=4).post("/api/networks/random", json=RANDOM_BODY)
    detail = _error(response)
    assert detail["loc"] == ["body", "widths", 1]
    assert "max_neurons" in detail["msg"]


def test_random_network_rejects_more_layers_than_max_layers(make_client):
    response = make_client(max_layers=2).post("/api/networks/random", json=RANDOM_BODY)
    detail = _error(response)
    assert detail["loc"] == ["body", "widths"]
    assert "max_layers" in detail["msg"]


def test_random_network_rejects_zero_width_and_unknown_activation(client):
    assert _error(client.post("/api/networks/random", json={**RANDOM_BODY, "widths": [2, 0, 8, 1]}))["loc"] == [
        "body",
        "widths",
        1,
    ]
    bad = {**RANDOM_BODY, "activations": ["tanh", "swish", "sigmoid"]}
    assert _error(client.post("/api/networks/random", json=bad))["loc"][:2] == ["body", "activations"]


# ---- /api/train ----

XOR_NETWORK_BODY = {"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"], "seed": 1}


def _train_body(client, name="xor", **overrides):
    network = client.post("/api/networks/random", json=XOR_NETWORK_BODY).json()["network"]
    body = {
        "network": network,
        "dataset": {"name": name, "samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2},
        "loss": "binary_cross_entropy",
        "optimizer": {"name": "adam", "learning_rate": 0.03},
        "epochs": 5,
        "batch_size": 10,
        "seed": 0,
    }
    return {**body, **overrides}


def _train(client, body):
    response = client.post("/api/train", json=body)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("dataset", ["xor", "circle"])
def test_dataset_reaches_95_percent_test_accuracy_in_one_request_within_the_default_budget(client, dataset):
    result = _train(client, _train_body(client, dataset, epochs=5000))
    assert result["stopped"].startswith("compute_budget")
    assert result["final"]["test_accuracy"] >= 0.95
    assert result["final"]["train_accuracy"] >= 0.95
    assert result["history"]["test_accuracy"][-1] == result["final"]["test_accuracy"]


def test_train_response_has_a_history_entry_per_epoch_and_the_split_counts(client):
    result = _train(client, _train_body(client, epochs=3))
    assert result["epochs_done"] == 3 and result["stopped"] is None
    for key in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        assert len(result["history"][key]) == 3
    assert (result["train_count"], result["test_count"]) == (160, 40)
    assert result["optimizer_state"]["step"] == 3 * 16
    assert result["grid"] is None


def test_budget_cuts_a_large_request_short_and_names_compute_budget(make_client):
    client = make_client(compute_budget=2_000_000)
    result = _train(client, _train_body(client, epochs=100))
    assert 0 < result["epochs_done"] < 100
    assert result["epochs_done"] == result["work"]["epochs_in_budget"] == len(result["history"]["train_loss"])
    assert "compute_budget" in result["stopped"]


# 2-8-8-1 (105 parameters) on 200 xor points (160 to train, batch 10): evaluating costs 200 × 105 +
# train_step_cost = 121,000 units; one epoch 21,000 + 16 × (100,000 + 20 × 105) + 100,000 = 1,754,600.


def test_an_epoch_of_many_small_steps_beyond_the_budget_is_refused_at_batch_size(make_client):
    client = make_client(compute_budget=500_000)
    detail = _error(client.post("/api/train", json=_train_body(client, epochs=1)))
    assert detail["loc"] == ["body", "batch_size"]  # 16 steps × train_step_cost: the batch size is what to change
    assert "one epoch costs 1754600 work units" in detail["msg"]
    assert "on top of 121000 for the evaluation; the limit compute_budget is 500000" in detail["msg"]


def test_an_epoch_of_a_big_network_beyond_the_budget_is_refused_at_the_samples(make_client):
    # 2-64-64-1 (4417 parameters), full batch: 200 × 4417 outweighs one step's cost; evaluating fits.
    client = make_client(compute_budget=1_500_000)
    widths = {"widths": [2, 64, 64, 1], "activations": ["tanh", "tanh", "sigmoid"]}
    network = client.post("/api/networks/random", json=widths).json()["network"]
    detail = _error(client.post("/api/train", json=_train_body(client, network=network, batch_size=None)))
    assert detail["loc"] == ["body", "dataset", "samples"]
    assert "one epoch costs 1171740 work units" in detail["msg"]


def test_data_too_large_to_evaluate_is_refused_at_the_samples_not_the_grid(make_client):
    client = make_client(compute_budget=100_000)
    detail = _error(client.post("/api/train", json=_train_body(client, epochs=0)))
    assert detail["loc"] == ["body", "dataset", "samples"]
    assert detail["msg"].startswith("evaluating the network on its 200 samples (160 to train, 40 to test) costs 121000")
    own = {**_train_body(client, epochs=0), "dataset": None, "inputs": [[0.0, 1.0]] * 1000, "targets": [[1.0]] * 1000}
    detail = _error(client.post("/api/train", json=own))
    assert detail["loc"] == ["body", "inputs"]
    assert "on its 1000 samples costs 205000 work units" in detail["msg"]
    mostly_test = {**own, "inputs": [[0.0, 1.0]] * 10, "targets": [[1.0]] * 10}
    mostly_test |= {"test_inputs": [[1.0, 0.0]] * 990, "test_targets": [[1.0]] * 990}
    detail = _error(client.post("/api/train", json=mostly_test))
    assert detail["loc"] == ["body", "test_inputs"]
    assert "on its 1000 samples (10 to train, 990 to test) costs 205000" in detail["msg"]


def test_a_grid_beyond_the_budget_is_refused_at_its_resolution(make_client):
    client = make_client(compute_budget=500_000)
    detail = _error(client.post("/api/train", json=_train_body(client, epochs=0, grid={"resolution": 100})))
    assert detail["loc"] == ["body", "grid", "resolution"]
    assert "the grid's 10000 points cost 450000 work units on top of 121000" in detail["msg"]
    assert _train(client, _train_body(client, epochs=0, grid={"resolution": 50}))["grid"] is not None


def test_epochs_beyond_max_epochs_is_refused_naming_the_limit(make_client):
    client = make_client(max_epochs=10)
    response = client.post("/api/train", json=_train_body(client, epochs=11))
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "epochs"] and "max_epochs is 10" in detail["msg"]


def test_training_is_reproducible_and_the_seed_changes_the_shuffle(client):
    body = _train_body(client, epochs=2)
    first, again = _train(client, body), _train(client, body)
    other = _train(client, {**body, "seed": 9})
    assert first == again
    assert first["history"]["train_loss"] != other["history"]["train_loss"]


def test_chunks_continue_from_the_returned_network_and_optimizer_state(client):
    first = _train(client, _train_body(client, epochs=2))
    body = _train_body(client, epochs=2, network=first["network"], optimizer_state=first["optimizer_state"])
    second = _train(client, body)
    assert second["optimizer_state"]["step"] == 4 * 16
    assert second["history"]["train_loss"][-1] < first["history"]["train_loss"][0]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimizer_lowers_the_loss_through_the_api(client, optimizer):
    body = _train_body(client, epochs=10, optimizer={"name": optimizer}, loss="mse")
    body["optimizer"]["learning_rate"] = {"sgd": 1.0, "momentum": 0.1, "adam": 0.01}[optimizer]
    history = _train(client, body)["history"]["train_loss"]
    assert history[-1] < history[0]


def test_grid_returns_r_by_r_predictions_over_the_padded_input_range(client):
    result = _train(client, _train_body(client, epochs=1, grid={"resolution": 7}))
    grid = result["grid"]
    assert len(grid["x1"]) == len(grid["x2"]) == 7
    assert np.shape(grid["values"]) == (7, 7)
    assert all(0.0 <= v <= 1.0 for row in grid["values"] for v in row)
    assert grid["x1"][0] < -1.0 < 1.0 < grid["x1"][-1]


def test_one_input_data_gets_a_curve(client):
    network = client.post("/api/networks/random", json={"widths": [1, 8, 1], "activations": ["tanh", "linear"]})
    body = _train_body(client, "sine", network=network.json()["network"], loss="mse", grid={"resolution": 9})
    result = _train(client, body)
    assert len(result["grid"]["x1"]) == len(result["grid"]["values"]) == 9
    assert result["grid"]["x2"] is None
    assert result["history"]["train_accuracy"] is None


def test_grid_resolution_beyond_max_grid_is_refused(make_client):
    client = make_client(max_grid=20)
    response = client.post("/api/train", json=_train_body(client, grid={"resolution": 21}))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "grid", "resolution"]


def test_epochs_zero_only_evaluates_and_leaves_the_network_unchanged(client):
    body = _train_body(client, epochs=0, grid={"resolution": 3})
    result = _train(client, body)
    assert result["network"] == body["network"]
    assert result["history"]["train_loss"] == [] and result["final"]["train_loss"] > 0


def test_own_inputs_and_targets_train_with_an_optional_test_set(client):
    xor = {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]]}
    body = _train_body(client, epochs=4, **xor, test_inputs=[[0, 1]], test_targets=[[1]])
    del body["dataset"]
    result = _train(client, body)
    assert (result["train_count"], result["test_count"]) == (4, 1)
    assert len(result["history"]["test_loss"]) == 4


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"inputs": [[0, 0]], "targets": [[0]]}, ["body", "dataset"]),
        ({"dataset": None}, ["body", "inputs"]),
        ({"dataset": None, "inputs": [[0, 0]], "targets": [[0, 1]]}, ["body", "targets", 0]),
        ({"dataset": None, "inputs": [[0, 0]], "targets": [[0]], "test_inputs": [[1]]}, ["body", "test_targets"]),
        ({"dataset": None, "inputs": [[0, 0]], "targets": [[0]], "test_inputs": [[1]], "test_targets": [[1]]}, None),
    ],
    ids=["both-sources", "no-source", "target-width", "test-half-missing", "test-input-width"],
)
def test_data_errors_name_the_field(client, change, loc):
    response = client.post("/api/train", json=_train_body(client, **change))
    assert response.status_code == 422, response.text
    detail = response.json()["detail"][0]
    assert detail["loc"] == (loc or ["body", "test_inputs", 0])


def test_test_rows_that_do_not_match_name_the_test_fields(client):
    own = {
        "dataset": None,
        "inputs": [[0, 0]],
        "targets": [[0]],
        "test_inputs": [[1, 0], [0, 1]],
        "test_targets": [[1]],
    }
    detail = _error(client.post("/api/train", json=_train_body(client, **own)))
    assert detail == {"loc": ["body", "test_targets"], "msg": "has 1 rows but test_inputs has 2", "type": "value_error"}


@pytest.mark.parametrize("x1_range", [[1.0, -1.0], [0.0, 0.0]])
def test_a_grid_range_must_run_from_low_to_high(client, x1_range):
    detail = _error(client.post("/api/train", json=_train_body(client, epochs=0, grid={"x1_range": x1_range})))
    assert detail["loc"] == ["body", "grid", "x1_range"]
    assert detail["msg"] == f"is [{x1_range[0]}, {x1_range[1]}]: give [low, high], low below high"


def test_dataset_with_the_wrong_input_width_names_the_network(client):
    body = _train_body(client, "sine")
    response = client.post("/api/train", json=body)
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "network", "layers", 0, "weights"]
    assert "takes 2" in detail["msg"]


def test_divergence_is_a_422_saying_diverged_never_nan(client):
    network = client.post("/api/networks/random", json={"widths": [1, 8, 1], "activations": ["relu", "linear"]})
    body = _train_body(client, "sine", network=network.json()["network"], loss="mse", epochs=50)
    body["dataset"]["noise"] = 1.0
    body["optimizer"] = {"name": "sgd", "learning_rate": 1e6}
    response = client.post("/api/train", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("diverged: ")


@pytest.mark.parametrize("seed", [True, "3", 1.5])
def test_random_network_refuses_a_seed_that_is_not_an_integer(client, seed):
    detail = _error(client.post("/api/networks/random", json={**RANDOM_BODY, "seed": seed}))
    assert detail["loc"] == ["body", "seed"]


def test_a_long_training_request_leaves_the_event_loop_free_for_others(client):
    """/healthz, sent while a budget-long training runs, is answered before the training ends."""
    body = _train_body(client, epochs=5000)
    finished = []

    async def run_both():
        transport = httpx.ASGITransport(app=create_app(Settings()))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as async_client:

            async def train():
                response = await async_client.post("/api/train", json=body)
                finished.append(("train", response.status_code))

            async def health():
                await asyncio.sleep(0.02)
                response = await async_client.get("/healthz")
                finished.append(("health", response.status_code))

            await asyncio.gather(train(), health())

    asyncio.run(run_both())
    assert finished == [("health", 200), ("train", 200)]


def test_batch_losses_near_the_float_limit_give_a_finite_answer_not_a_500(client):
    # Each of the two mini-batch losses is ~1e308; their sum overflowed into a 500 before.
    body = {
        "network": {"layers": [{"weights": [[1.0]], "biases": [0.0], "activation": "sigmoid"}]},
        "inputs": [[1.2e308], [1.2e308]],
        "targets": [[0.0], [0.0]],
        "loss": "binary_cross_entropy",
        "optimizer": {"name": "sgd", "learning_rate": 0.25 / 1.2e308},
        "epochs": 2,
        "batch_size": 1,
    }
    response = client.post("/api/train", json=body)
    assert response.status_code in (200, 422), response.text
    answer = strict_json(response)  # no NaN or Infinity anywhere
    if response.status_code == 200:
        assert all(np.isfinite(answer["history"]["train_loss"]))
