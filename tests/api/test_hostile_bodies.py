"""Bodies no valid request could send are refused by their shape (body_shape.py) before pydantic
validates them: each with the 4xx and the detail of any other refusal, naming the field and the limit.

Timings are the benchmark's (benchmarks/hostile_bodies.py); here, that pydantic never ran."""

import json

import pytest
from pydantic import BaseModel

from app.api.body_shape import LIST_LIMITS, SMALL_BODY_BYTES, Array, Leaf, Limit, Object, shape_of
from app.api.schemas.backprop import StepRequest, UpdateRequest
from app.api.schemas.datasets import CsvRequest
from app.api.schemas.graph import GradcheckRequest
from app.api.schemas.train import RandomNetworkRequest, TrainRequest
from tests.api.checks import assert_refused, strict_json
from tests.bodies import preset_body

JSON = {"content-type": "application/json"}
STEP_ROUTES = ["/api/forward", "/api/backward", "/api/step", "/api/graph", "/api/gradcheck"]
FIELDS = {
    "/api/forward": ("network", "inputs"),
    "/api/backward": ("network", "inputs", "targets", "loss"),
    "/api/step": ("network", "inputs", "targets", "loss", "optimizer"),
    "/api/graph": ("network", "inputs", "targets", "loss"),
    "/api/gradcheck": ("network", "inputs", "targets", "loss"),
}
ONE_NEURON = {"weights": [[0.1]], "biases": [0.0], "activation": "sigmoid"}


STAND_IN_BYTES = 1000
"""The shape check words a mistake by validating a few bytes standing in for it: those may pass."""


@pytest.fixture
def unvalidated(monkeypatch):
    """Fail the test if pydantic validates JSON larger than a stand-in (any model)."""
    validate = BaseModel.model_validate_json.__func__

    def checked(cls, data, *args, **kwargs):
        assert len(data) <= STAND_IN_BYTES, "pydantic validated a body the shape check should have refused"
        return validate(cls, data, *args, **kwargs)

    monkeypatch.setattr(BaseModel, "model_validate_json", classmethod(checked))


def post(client, path, text):
    return client.post(path, content=text.encode(), headers=JSON)


def mazur(path):
    return preset_body("mazur-2-2-2", *FIELDS[path])


def test_150000_unknown_fields_are_refused_listing_the_first_ones(client, unvalidated):
    body = json.dumps(mazur("/api/step"))[:-1] + ", " + ", ".join(f'"k{i}": 0' for i in range(150_000)) + "}"
    response = post(client, "/api/step", body)
    assert response.status_code == 422
    detail = strict_json(response)["detail"]
    assert detail[:2] == [
        {"loc": ["body", f"k{i}"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"} for i in (0, 1)
    ]
    assert len(detail) == 21
    assert detail[-1] == {"loc": ["body"], "msg": "and more errors not listed", "type": "too_many_errors"}


@pytest.mark.parametrize("path", STEP_ROUTES)
def test_70000_input_rows_are_refused_naming_max_samples(client, unvalidated, path):
    body = {**mazur(path), "inputs": [[0.05, 0.1]] * 70_000}
    response = post(client, path, json.dumps(body))
    assert_refused(response, ["inputs"], "has 70000 rows", "the limit max_samples is 2000")


def test_70000_target_rows_are_refused_naming_max_samples(client, unvalidated):
    body = {**mazur("/api/step"), "targets": [[0.01, 0.99]] * 70_000}
    response = post(client, "/api/step", json.dumps(body))
    assert_refused(response, ["targets"], "has 70000 rows", "the limit max_samples is 2000")


@pytest.mark.parametrize("path", STEP_ROUTES)
def test_20000_one_neuron_layers_are_refused_naming_max_layers(client, unvalidated, path):
    body = {**mazur(path), "network": {"layers": [ONE_NEURON] * 20_000}}
    response = post(client, path, json.dumps(body))
    assert_refused(response, ["network", "layers"], "has more than 10 layers", "the limit max_layers is 10")


@pytest.mark.parametrize("path", STEP_ROUTES)
def test_inputs_nested_100000_deep_are_refused_where_a_number_belongs(client, unvalidated, path):
    fields = {k: v for k, v in mazur(path).items() if k != "inputs"}
    text = json.dumps(fields)[:-1] + ', "inputs": [' + "[" * 100_000 + "]" * 100_000 + "]}"
    response = post(client, path, text)
    error = assert_refused(response, ["inputs", 0, 0], "Input should be a valid number")
    assert error["type"] == "float_type"


def test_a_row_wider_than_max_neurons_is_refused_naming_the_row(client, unvalidated):
    body = {**mazur("/api/forward"), "inputs": [[0.1, 0.2]] * 10 + [[0.5] * 5000]}
    response = post(client, "/api/forward", json.dumps(body))
    assert_refused(response, ["inputs", 10], "has 5000 columns", "the limit max_neurons is 64")


def test_a_layer_of_5000_neurons_is_refused_naming_max_neurons(client, unvalidated):
    body = mazur("/api/forward")
    body["network"]["layers"][0] = {"weights": [[0.1, 0.1]] * 5000, "biases": [0.0] * 5000, "activation": "sigmoid"}
    response = post(client, "/api/forward", json.dumps(body))
    assert_refused(response, ["network", "layers", 0, "weights"], "has 5000 rows", "the limit max_neurons is 64")


def test_update_with_20000_gradient_pairs_is_refused_naming_max_layers(client, unvalidated):
    body = {
        "network": mazur("/api/step")["network"],
        "gradients": [{"weights": [[0.0]], "biases": [0.0]}] * 20_000,
        "optimizer": {"name": "sgd"},
    }
    response = post(client, "/api/update", json.dumps(body))
    assert_refused(response, ["gradients"], "has more than 10 layers", "the limit max_layers is 10")


def test_an_adam_state_of_20000_slots_is_refused_naming_max_layers(client, unvalidated):
    body = {**mazur("/api/step"), "optimizer": {"name": "adam"}}
    body["optimizer_state"] = {"step": 1, "m": [{"weights": [[0.0]], "biases": [0.0]}] * 20_000}
    response = post(client, "/api/step", json.dumps(body))
    assert_refused(response, ["optimizer_state", "m"], "has more than 10 layers", "max_layers is 10")


def test_train_with_70000_own_rows_is_refused_naming_max_samples(client, unvalidated):
    body = {
        "network": mazur("/api/step")["network"],
        "inputs": [[0.1, 0.2]] * 70_000,
        "targets": [[0.0, 1.0]] * 70_000,
        "optimizer": {"name": "sgd"},
    }
    response = post(client, "/api/train", json.dumps(body))
    assert_refused(response, ["inputs"], "has 70000 rows", "the limit max_samples is 2000")


def test_train_with_150000_unknown_fields_in_the_dataset_is_refused(client, unvalidated):
    dataset = '{"name": "xor", ' + ", ".join(f'"k{i}": 0' for i in range(150_000)) + "}"
    network = json.dumps(mazur("/api/step")["network"])
    text = f'{{"network": {network}, "dataset": {dataset}, "optimizer": {{"name": "sgd"}}}}'
    response = post(client, "/api/train", text)
    detail = assert_refused(response, ["dataset", "k0"], "Extra inputs are not permitted")
    assert detail["type"] == "extra_forbidden"


def test_a_random_network_of_200000_widths_is_refused_naming_max_layers(client, unvalidated):
    text = json.dumps({"widths": [2] * 200_000, "activations": ["tanh"]})
    response = post(client, "/api/networks/random", text)
    assert_refused(response, ["widths"], "has 200000 widths", "the limit max_layers is 10")


def test_csv_with_150000_unknown_fields_is_refused(client, unvalidated):
    text = '{"csv": "x,y\\n1,0\\n", ' + ", ".join(f'"k{i}": 0' for i in range(150_000)) + "}"
    response = post(client, "/api/datasets/csv", text)
    assert_refused(response, ["k0"], "Extra inputs are not permitted")


def test_an_unknown_field_holding_a_huge_list_is_refused_without_walking_it(client, unvalidated):
    body = {**mazur("/api/step"), "junk": [[[0]] * 10] * 20_000}
    response = post(client, "/api/step", json.dumps(body))
    assert strict_json(response)["detail"] == [
        {"loc": ["body", "junk"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
    ]


def test_a_huge_list_where_a_name_belongs_is_refused_in_pydantics_words(client, unvalidated):
    body = {**mazur("/api/step"), "loss": [0.5] * 200_000}
    response = post(client, "/api/step", json.dumps(body))
    error = assert_refused(response, ["loss"], "Input should be 'mse', 'binary_cross_entropy' or 'cross_entropy'")
    assert error["type"] == "literal_error"


def test_a_huge_array_instead_of_the_body_is_refused_in_pydantics_words(client, unvalidated):
    response = post(client, "/api/step", json.dumps([0.5] * 200_000))
    assert response.status_code == 422
    [error] = strict_json(response)["detail"]
    assert error["loc"] == ["body"] and error["type"] == "model_type"


def test_text_where_a_number_belongs_stops_the_check_at_the_first_one(client, unvalidated):
    body = {**mazur("/api/forward"), "inputs": [[0.5, 0.1]] + [["x", 1]] * 100_000}
    response = post(client, "/api/forward", json.dumps(body))
    assert strict_json(response)["detail"] == [
        {"loc": ["body", "inputs", 1, 0], "msg": "Input should be a valid number", "type": "float_type"}
    ]


def test_the_limits_come_from_the_settings(make_client):
    body = {**mazur("/api/forward"), "inputs": [[0.05, 0.1]] * 3000}
    assert len(json.dumps(body)) > SMALL_BODY_BYTES
    with make_client(max_samples=5000) as client:
        response = post(client, "/api/forward", json.dumps(body))
    assert response.status_code == 200
    with make_client(max_samples=2999) as client:
        response = post(client, "/api/forward", json.dumps(body))
    assert_refused(response, ["inputs"], "has 3000 rows", "the limit max_samples is 2999")


@pytest.mark.parametrize("path", STEP_ROUTES)
def test_a_large_valid_body_passes_the_shape_check_and_is_answered(client, path):
    body = mazur(path)
    body["inputs"] = [[0.05, 0.1]] * 300
    if "targets" in body:
        body["targets"] = [[0.01, 0.99]] * 300
    assert len(json.dumps(body)) > SMALL_BODY_BYTES
    response = post(client, path, json.dumps(body))
    assert response.status_code == 200, response.text[:500]


def test_a_large_valid_train_body_with_adam_state_passes(client):
    network = mazur("/api/step")["network"]
    body = {
        "network": network,
        "inputs": [[0.05, 0.1]] * 200,
        "targets": [[0.01, 0.99]] * 200,
        "optimizer": {"name": "adam", "learning_rate": 0.01},
        "epochs": 2,
        "name": None,
    }
    body.pop("name")
    first = client.post("/api/train", json=body)
    assert first.status_code == 200, first.text[:500]
    body["optimizer_state"] = first.json()["optimizer_state"]
    assert len(json.dumps(body)) > SMALL_BODY_BYTES
    assert client.post("/api/train", json=body).status_code == 200


def test_pretty_printed_bodies_are_measured_like_compact_ones(client, unvalidated):
    body = {**mazur("/api/forward"), "inputs": [[0.05, 0.1]] * 2500}
    response = post(client, "/api/forward", json.dumps(body, indent=2))
    assert_refused(response, ["inputs"], "has 2500 rows", "the limit max_samples is 2000")


def test_every_list_of_every_request_model_has_a_limit():
    """A list field the table does not name falls back to max_samples: name each one on purpose."""

    def lists(shape, name=None):
        if isinstance(shape, Object):
            for key, field in shape.fields.items():
                yield from lists(field, key)
        elif isinstance(shape, Array):
            yield name, shape.limit
            yield from lists(shape.item, name)

    models = [StepRequest, UpdateRequest, GradcheckRequest, TrainRequest, RandomNetworkRequest, CsvRequest]
    found = {(name, limit) for model in models for name, limit in lists(shape_of(model))}
    for name, limit in found:
        assert name in LIST_LIMITS or limit.setting is None, f"{name} has no limit of its own ({limit})"
    assert ("x1_range", Limit(None, "items", extra=2)) in found


def test_the_shape_of_a_step_body_follows_its_model():
    shape = shape_of(StepRequest)
    assert set(shape.fields) == set(StepRequest.model_fields)
    inputs = shape.fields["inputs"]
    assert inputs.limit.setting == "max_samples" and inputs.item.limit.setting == "max_neurons"
    assert inputs.item.item == Leaf("number")
    assert {"learning_rate", "momentum", "beta1", "name"} <= set(shape.fields["optimizer"].fields)


def test_the_shape_check_needs_no_fastapi_request():
    """WebSocket messages and future routes call it on bytes: a plain function of (bytes, model, settings)."""
    from app.api.body_shape import Refused, check_body
    from app.settings import Settings

    class Message(BaseModel):
        inputs: list[list[float]]

    with pytest.raises(Refused) as refused:
        check_body(json.dumps({"inputs": [[1.0]] * 20}).encode(), Message, Settings(max_samples=10))
    assert refused.value.errors[0]["loc"] == ("inputs",)
    check_body(json.dumps({"inputs": [[1.0]] * 10}).encode(), Message, Settings(max_samples=10))
