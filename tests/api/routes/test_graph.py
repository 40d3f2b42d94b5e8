"""POST /api/graph and POST /api/gradcheck: shapes, agreement with /api/backward, limits, errors."""

import pytest

from app.api.schemas.graph import GradcheckResponse, GraphResponse
from tests.bodies import preset_body

FIELDS = ("network", "inputs", "targets", "loss")


def body_of(name, **changes):
    return {**preset_body(name, *FIELDS), **changes}


def wide_network(n_in, n_hidden, activation="sigmoid"):
    return {
        "layers": [
            {"weights": [[0.1] * n_in] * n_hidden, "biases": [0.0] * n_hidden, "activation": activation},
            {"weights": [[0.2] * n_hidden], "biases": [0.0], "activation": "sigmoid"},
        ]
    }


def test_graph_of_seed_neuron_is_the_chain_of_six_operations(client):
    response = client.post("/api/graph", json=body_of("seed-neuron"))
    assert response.status_code == 200
    graph = GraphResponse.model_validate(response.json())
    ops = [graph.nodes[i].op for i in graph.forward_order if graph.nodes[i].kind == "operation"]
    assert ops == ["multiply", "add", "sigmoid", "subtract", "square", "scale"]
    assert [graph.nodes[i].symbol for i in graph.forward_order if graph.nodes[i].kind == "operation"] == [
        "×",
        "+",
        "σ",
        "−",
        "(·)²",
        "½",
    ]
    assert graph.note is None and graph.parameter_count == 2 and graph.sample_count == 1
    assert graph.nodes[graph.root].label == "L"


@pytest.mark.parametrize("name", ["mazur-2-2-2", "xor-2-2-1", "softmax-3-class"])
def test_graph_leaf_gradients_and_loss_equal_the_backward_endpoints(client, name):
    graph = client.post("/api/graph", json=body_of(name)).json()
    engine = client.post("/api/backward", json=body_of(name)).json()
    assert graph["loss"] == engine["loss"]
    assert graph["nodes"][graph["root"]]["value"] == pytest.approx(engine["loss"], rel=1e-12)
    for node in graph["nodes"]:
        if node["op"] == "weight":
            expected = engine["gradients"][node["layer"]]["weights"][node["neuron"]][node["input"]]
            assert node["grad"] == pytest.approx(expected, rel=1e-10, abs=1e-15)
        elif node["op"] == "bias":
            expected = engine["gradients"][node["layer"]]["biases"][node["neuron"]]
            assert node["grad"] == pytest.approx(expected, rel=1e-10, abs=1e-15)


def test_graph_backward_visits_write_local_times_upstream_for_each_consumer(client):
    graph = client.post("/api/graph", json=body_of("seed-neuron")).json()
    w = next(n for n in graph["nodes"] if n["op"] == "weight")
    visit = next(v for v in graph["backward"] if v["node"] == w["id"])
    [term] = visit["terms"]
    assert term["local_rule"] == "x" and term["local_derivative"] == 1.5
    assert term["consumer_label"] == "w·x"
    assert term["contribution"] == term["local_derivative"] * term["upstream_gradient"] == visit["grad"] == w["grad"]


def test_graph_of_a_network_over_max_graph_parameters_is_a_note_not_a_graph(client):
    body = body_of("mazur-2-2-2", network=wide_network(2, 8), targets=[[0.5]])  # 8·3 + 9 = 33 parameters
    response = client.post("/api/graph", json=body)
    assert response.status_code == 200
    data = response.json()
    assert data["nodes"] == [] and data["root"] is None and data["backward"] == []
    assert data["parameter_count"] == 33
    assert data["note"] == (
        "the graph view is for small networks: this one has 33 parameters; the limit max_graph_parameters is 30"
    )
    assert data["loss"] > 0


def test_graph_of_a_batch_over_max_graph_samples_is_a_note(make_client):
    client = make_client(max_graph_samples=3)
    data = client.post("/api/graph", json=body_of("xor-2-2-1")).json()
    assert data["nodes"] == [] and "max_graph_samples is 3" in data["note"] and data["sample_count"] == 4


def test_graph_refuses_a_loss_its_output_layer_cannot_take(client):
    response = client.post("/api/graph", json=body_of("mazur-2-2-2", loss="cross_entropy"))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "network", "layers", 1, "activation"]


def test_graph_refuses_an_output_that_saturates_under_binary_cross_entropy(client):
    network = {"layers": [{"weights": [[60.0]], "biases": [0.0], "activation": "sigmoid"}]}
    response = client.post(
        "/api/graph", json={"network": network, "inputs": [[1.0]], "targets": [[1.0]], "loss": "binary_cross_entropy"}
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "network"] and "rounds to exactly 0 or 1" in error["msg"]


def test_gradcheck_of_mazur_passes_with_every_parameter_listed(client):
    response = client.post("/api/gradcheck", json=body_of("mazur-2-2-2"))
    assert response.status_code == 200
    result = GradcheckResponse.model_validate(response.json())
    assert len(result.parameters) == 12 and result.epsilon == 1e-5
    assert result.verdict == "pass" and result.max_relative_error <= 1e-6
    assert result.kinks == [] and result.note is None
    assert result.relative_error_rule == "|a − n| / max(|a|, |n|, 0.0001)"
    w5 = next(row for row in result.parameters if row.label == "w⁽²⁾₁₁")
    assert (w5.layer, w5.neuron, w5.input) == (1, 0, 0)
    assert w5.analytic == pytest.approx(0.082167041, abs=1e-9)


def test_gradcheck_at_a_relu_kink_fails_and_names_the_neuron(client):
    network = {"layers": [{"weights": [[1.0]], "biases": [-1.0], "activation": "relu"}]}
    body = {"network": network, "inputs": [[1.0]], "targets": [[2.0]], "loss": "mse"}
    result = client.post("/api/gradcheck", json=body).json()
    assert result["verdict"] == "fail" and result["max_relative_error"] > 0.5
    assert result["kinks"] == [{"layer": 0, "neuron": 0, "sample": 0, "z": 0.0}]
    assert "a ±1e-05 nudge at z of sample 1 (z = 0)" in result["note"]


@pytest.mark.parametrize("epsilon", [0, 1e-11, 0.02, -1e-5])
def test_gradcheck_refuses_epsilon_outside_its_bounds(client, epsilon):
    response = client.post("/api/gradcheck", json=body_of("mazur-2-2-2", epsilon=epsilon))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "epsilon"]


def test_gradcheck_refuses_work_over_the_compute_budget(make_client):
    client = make_client(compute_budget=400_000, train_step_cost=20_000)
    response = client.post("/api/gradcheck", json=body_of("xor-2-2-1"))  # 2 × 9 × (4 × 9 + 20000) = 360648
    assert response.status_code == 200
    body = body_of("mazur-2-2-2", network=wide_network(2, 8), targets=[[0.5]])  # 33 parameters
    response = client.post("/api/gradcheck", json=body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "network"] and error["type"] == "limit_exceeded"
    assert error["msg"] == (
        "the gradient check would do 2 × 33 forward passes of 1 samples × 33 parameters + train_step_cost 20000 "
        "= 1322178 units; the limit compute_budget is 400000: use fewer samples or parameters"
    )


def test_gradcheck_checks_the_shared_network_limits(make_client):
    client = make_client(max_neurons=3)
    response = client.post("/api/gradcheck", json=body_of("mazur-2-2-2", network=wide_network(2, 4), targets=[[0.5]]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "network", "layers", 0, "weights"]


def test_gradcheck_large_request_runs_in_a_worker_thread_and_answers(make_client):
    client = make_client(inline_work=0)
    response = client.post("/api/gradcheck", json=body_of("xor-2-2-1"))
    assert response.status_code == 200 and response.json()["verdict"] == "pass"


@pytest.mark.parametrize("path", ["/api/graph", "/api/gradcheck"])
def test_an_overflowing_step_is_a_422_naming_the_divergence_not_a_server_error(client, path):
    network = {"layers": [{"weights": [[1e300]], "biases": [0.0], "activation": "linear"}]}
    body = {"network": network, "inputs": [[1.0]], "targets": [[0.0]], "loss": "mse"}
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("diverged:")
