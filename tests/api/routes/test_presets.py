"""/api/presets: every preset is listed with its shape, and posts to /api/step as it stands."""

import pytest

from tests.api.checks import strict_json
from tests.bodies import PRESET_NAMES, STEP_FIELDS

REQUIRED = {"seed-neuron", "seed-network", "mazur-2-2-2", "xor-2-2-1"}


def test_list_presets_names_each_with_title_widths_and_activations(client):
    response = client.get("/api/presets")
    assert response.status_code == 200
    listed = {p["name"]: p for p in strict_json(response)}
    assert listed.keys() >= REQUIRED
    assert listed["mazur-2-2-2"]["widths"] == [2, 2, 2]
    assert listed["seed-network"]["activations"] == ["sigmoid", "linear"]
    assert all(p["title"] and p["teaches"] for p in listed.values())


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_each_preset_posts_to_step_as_it_stands_labels_and_all(client, name):
    response = client.get(f"/api/presets/{name}")
    assert response.status_code == 200
    preset = strict_json(response)
    assert preset["name"] == name
    assert set(STEP_FIELDS) <= preset.keys()
    step = client.post("/api/step", json=preset)
    assert step.status_code == 200, step.text
    assert strict_json(step)["loss_after"] < strict_json(step)["loss"]


def test_seed_presets_say_z_is_the_h_of_the_one_neuron_formula_without_project_jargon(client):
    neuron, network = (strict_json(client.get(f"/api/presets/{name}")) for name in ("seed-neuron", "seed-network"))
    assert "z = w·x + b" in neuron["title"] and "call it h" in neuron["teaches"]
    assert "output is linear" in network["teaches"] and "h is the hidden neuron's z" in network["teaches"]
    for preset in (neuron, network):
        assert "seed" not in preset["title"] + preset["teaches"] and "reading" not in preset["teaches"]
    assert neuron["textbook"]["weights"] == [[["w"]]] and neuron["textbook"]["z"] == [["h"]]
    assert network["textbook"]["weights"] == [[["w"]], [["v"]]] and network["textbook"]["biases"] == [["b"], ["c"]]


def test_a_presets_textbook_names_are_shaped_like_its_network_in_the_list_and_the_preset(client):
    summaries = {s["name"]: s for s in strict_json(client.get("/api/presets"))}
    for name, summary in summaries.items():
        preset = strict_json(client.get(f"/api/presets/{name}"))
        assert summary.get("textbook") == preset.get("textbook")
        if preset.get("textbook") is None:
            continue
        layers = preset["network"]["layers"]
        assert [[len(row) for row in names] for names in preset["textbook"]["weights"]] == [
            [len(row) for row in layer["weights"]] for layer in layers
        ]
        assert [len(names) for names in preset["textbook"]["biases"]] == [len(layer["biases"]) for layer in layers]
    mazur = summaries["mazur-2-2-2"]["textbook"]
    assert mazur["weights"] == [[["w1", "w2"], ["w3", "w4"]], [["w5", "w6"], ["w7", "w8"]]]
    assert mazur["biases"] == [["b1", "b1"], ["b2", "b2"]] and mazur["z"][0] == ["net_h1", "net_h2"]


def test_mazur_preset_holds_the_published_starting_point(client):
    preset = strict_json(client.get("/api/presets/mazur-2-2-2"))
    assert preset["inputs"] == [[0.05, 0.10]] and preset["targets"] == [[0.01, 0.99]]
    assert [layer["weights"] for layer in preset["network"]["layers"]] == [
        [[0.15, 0.20], [0.25, 0.30]],
        [[0.40, 0.45], [0.50, 0.55]],
    ]
    assert preset["optimizer"] == {"name": "sgd", "learning_rate": 0.5}


def test_unknown_preset_is_404_naming_the_choices(client):
    response = client.get("/api/presets/nope")
    assert response.status_code == 404
    detail = strict_json(response)["detail"]
    assert "no preset named 'nope'" in detail and "mazur-2-2-2" in detail
