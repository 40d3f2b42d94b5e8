"""Presets: Mazur's published worked example, and every preset runs a step as it stands."""

import numpy as np
import pytest

from app.engine import Network, check_batch, train_step
from app.engine.initialize import random_network
from app.engine.presets import PRESETS, get_preset


def mazur_step():
    preset = get_preset("mazur-2-2-2")
    network = Network.from_lists(preset["network"]["layers"])
    x, t = check_batch(network, preset["inputs"], preset["targets"], preset["loss"])
    return train_step(network, x, t, preset["loss"], preset["optimizer"])


def test_mazur_forward_outputs_match_the_published_values():
    outputs = mazur_step().forward.outputs[0]
    assert outputs[0] == pytest.approx(0.75136507, abs=5e-9)
    assert outputs[1] == pytest.approx(0.772928465, abs=5e-10)


def test_mazur_total_error_matches_the_published_value():
    assert mazur_step().loss == pytest.approx(0.298371109, abs=5e-10)


def test_mazur_output_weights_after_one_step_match_the_published_values():
    # Mazur's w5, w6 feed output o1 from h1, h2; w7, w8 feed o2: layers[1].weights = [[w5, w6], [w7, w8]].
    weights = mazur_step().network.layers[1].weights
    assert weights[0, 0] == pytest.approx(0.35891648, abs=5e-9)
    assert weights[0, 1] == pytest.approx(0.408666186, abs=5e-10)
    assert weights[1, 0] == pytest.approx(0.511301270, abs=5e-10)
    assert weights[1, 1] == pytest.approx(0.561370121, abs=5e-10)


def test_mazur_hidden_weights_after_one_step_match_the_published_values():
    # w1, w2 feed h1 from i1, i2; w3, w4 feed h2: layers[0].weights = [[w1, w2], [w3, w4]].
    weights = mazur_step().network.layers[0].weights
    assert weights[0, 0] == pytest.approx(0.149780716, abs=5e-10)
    assert weights[0, 1] == pytest.approx(0.19956143, abs=5e-9)
    assert weights[1, 0] == pytest.approx(0.24975114, abs=5e-9)
    assert weights[1, 1] == pytest.approx(0.29950229, abs=5e-9)


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_is_complete_and_takes_a_step_that_lowers_its_loss(name):
    preset = get_preset(name)
    assert {"title", "teaches", "network", "inputs", "targets", "loss", "optimizer"} <= preset.keys()
    network = Network.from_lists(preset["network"]["layers"])
    x, t = check_batch(network, preset["inputs"], preset["targets"], preset["loss"])
    step = train_step(network, x, t, preset["loss"], preset["optimizer"])
    after = train_step(step.network, x, t, preset["loss"], preset["optimizer"])
    assert after.loss < step.loss


def test_get_preset_returns_a_copy_that_callers_may_change():
    get_preset("mazur-2-2-2")["network"]["layers"][0]["weights"][0][0] = 99.0
    assert get_preset("mazur-2-2-2")["network"]["layers"][0]["weights"][0][0] == 0.15


def test_random_presets_hold_glorot_weights_from_random_network_rounded_to_4_decimals():
    drawn = random_network([2, 3, 3], ["relu", "softmax"], 7).to_lists()
    layers = get_preset("softmax-3-class")["network"]["layers"]
    assert [layer["weights"] for layer in layers] == [np.round(d["weights"], 4).tolist() for d in drawn]
    assert all(bias == 0.0 for layer in layers for bias in layer["biases"])
