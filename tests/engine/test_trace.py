"""The trace: the learner's reading order, one entry per computation, the engine's own numbers."""

import numpy as np
import pytest

from app.engine import Network, build_trace, check_batch, train_step
from app.engine.presets import get_preset

PHASES = ["forward", "loss", "backward", "update"]


def traced(name="mazur-2-2-2", optimizer=None, inputs=None, targets=None):
    preset = get_preset(name)
    network = Network.from_lists(preset["network"]["layers"])
    x, t = check_batch(network, inputs or preset["inputs"], targets or preset["targets"], preset["loss"])
    optimizer = optimizer or preset["optimizer"]
    step = train_step(network, x, t, preset["loss"], optimizer)
    return network, step, build_trace(network, step, t, preset["loss"], optimizer)


def kinds(entries, kind):
    return [e for e in entries if e["kind"] == kind]


@pytest.mark.parametrize("name", ["seed-neuron", "mazur-2-2-2", "xor-2-2-1", "softmax-3-class"])
def test_trace_phases_come_in_order_forward_loss_backward_update(name):
    _, _, entries = traced(name)
    phases = [e["phase"] for e in entries]
    firsts = [phases.index(p) for p in PHASES]
    lasts = [len(phases) - 1 - phases[::-1].index(p) for p in PHASES]
    assert firsts == sorted(firsts)
    assert all(last < first for last, first in zip(lasts[:-1], firsts[1:], strict=True)), phases
    assert phases.count("loss") == 1


def test_trace_backward_goes_from_the_last_layer_to_the_first():
    _, _, entries = traced("xor-2-2-1")
    layers = [e["layer"] for e in entries if e["phase"] == "backward"]
    assert layers == sorted(layers, reverse=True)
    assert layers[0] == 1 and layers[-1] == 0


def test_trace_has_one_entry_per_neuron_sample_delta_and_parameter():
    network, _, entries = traced("xor-2-2-1")  # widths 2-2-1, 4 samples
    samples, neurons, params = 4, 3, network.parameter_count
    assert len(kinds(entries, "neuron")) == samples * neurons
    assert len(kinds(entries, "loss")) == 1
    assert len(kinds(entries, "output_delta")) == samples * 1
    assert len(kinds(entries, "hidden_delta")) == samples * 2
    assert len(kinds(entries, "weight_gradient")) == 2 * 2 + 2 * 1
    assert len(kinds(entries, "bias_gradient")) == 2 + 1
    assert len(kinds(entries, "weight_update")) + len(kinds(entries, "bias_update")) == params
    assert len(entries) == 2 * samples * neurons + 1 + 2 * params


def test_trace_forward_numbers_are_the_engines_z_and_a():
    network, step, entries = traced("xor-2-2-1")
    for e in kinds(entries, "neuron"):
        layer, n, j = e["layer"], e["sample"], e["neuron"]
        assert e["z"] == step.forward.zs[layer][n, j]
        assert e["a"] == step.forward.activations[layer][n, j]
        assert e["weights"] == network.layers[layer].weights[j].tolist()
        assert e["bias"] == network.layers[layer].biases[j]
        assert e["inputs"] == step.forward.layer_input(layer)[n].tolist()
        assert e["z"] == pytest.approx(np.dot(e["weights"], e["inputs"]) + e["bias"], rel=1e-12)


def test_trace_loss_entry_holds_the_loss_and_each_samples_share():
    _, step, entries = traced("xor-2-2-1")
    (loss,) = kinds(entries, "loss")
    assert loss["value"] == step.loss
    assert loss["outputs"] == step.forward.outputs.tolist()
    assert loss["targets"] == [[0.0], [1.0], [1.0], [0.0]]
    assert np.mean(loss["per_sample"]) == pytest.approx(step.loss, rel=1e-12)


def test_trace_deltas_and_gradients_are_the_engines():
    _, step, entries = traced("xor-2-2-1")
    grads = step.gradients
    for e in kinds(entries, "output_delta") + kinds(entries, "hidden_delta"):
        assert e["delta"] == grads.deltas[e["layer"]][e["sample"], e["neuron"]]
        assert e["dl_da"] == grads.grad_a[e["layer"]][e["sample"], e["neuron"]]
        assert e["delta"] == pytest.approx(e["dl_da"] * e["da_dz"], rel=1e-12)
    for e in kinds(entries, "hidden_delta"):
        assert e["dl_da"] == pytest.approx(np.dot(e["next_weights"], e["next_deltas"]), rel=1e-12)
    for e in kinds(entries, "weight_gradient"):
        assert e["grad"] == grads.grad_w[e["layer"]][e["neuron"], e["input"]]
        assert e["grad"] == pytest.approx(np.mean(np.multiply(e["deltas"], e["inputs"])), rel=1e-12)
    for e in kinds(entries, "bias_gradient"):
        assert e["grad"] == grads.grad_b[e["layer"]][e["neuron"]]
        assert e["grad"] == pytest.approx(np.mean(e["deltas"]), rel=1e-12)


def test_trace_output_delta_for_softmax_cross_entropy_is_y_minus_t():
    _, _, entries = traced("softmax-3-class")
    for e in kinds(entries, "output_delta"):
        assert e["rule"] == "δ = y − t"
        assert e["delta"] == pytest.approx(e["a"] - e["target"], abs=1e-15)
        assert e["da_dz"] is None


@pytest.mark.parametrize(
    "optimizer",
    [{"name": "sgd", "learning_rate": 0.5}, {"name": "momentum", "learning_rate": 0.1}, {"name": "adam"}],
    ids=lambda o: o["name"],
)
def test_trace_updates_hold_old_gradient_and_new_value_of_every_parameter(optimizer):
    network, step, entries = traced("mazur-2-2-2", optimizer)
    for e in kinds(entries, "weight_update"):
        layer, j, i = e["layer"], e["neuron"], e["input"]
        assert e["old"] == network.layers[layer].weights[j, i]
        assert e["new"] == step.network.layers[layer].weights[j, i]
        assert e["grad"] == step.gradients.grad_w[layer][j, i]
        assert e["optimizer"] == optimizer["name"]
    for e in kinds(entries, "bias_update"):
        assert e["new"] == step.network.layers[e["layer"]].biases[e["neuron"]]
    if optimizer["name"] == "sgd":
        for e in kinds(entries, "weight_update") + kinds(entries, "bias_update"):
            assert e["new"] == pytest.approx(e["old"] - 0.5 * e["grad"], rel=1e-12)
    if optimizer["name"] == "adam":
        for e in kinds(entries, "weight_update") + kinds(entries, "bias_update"):
            assert e["m_hat"] == pytest.approx(e["m"] / (1 - e["beta1"] ** e["t"]), rel=1e-12)
            assert e["v_hat"] == pytest.approx(e["v"] / (1 - e["beta2"] ** e["t"]), rel=1e-12)
            moved = e["learning_rate"] * e["m_hat"] / (e["v_hat"] ** 0.5 + e["epsilon"])
            assert e["new"] == pytest.approx(e["old"] - moved, rel=1e-12, abs=1e-15)


def test_every_trace_entry_names_its_rule_and_layer():
    _, _, entries = traced("softmax-3-class")
    for e in entries:
        assert isinstance(e["rule"], str) and e["rule"]
        if e["kind"] != "loss":
            assert isinstance(e["layer"], int)
