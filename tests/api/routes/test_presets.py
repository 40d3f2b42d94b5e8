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


def test_seed_presets_describe_both_readings_of_the_seed(client):
    neuron, network = (strict_json(client.get(f"/api/presets/{name}")) for name in ("seed-neuron", "seed-network"))
    assert "output itself is σ(h)" in neuron["teaches"]
    assert "output is linear" in network["teaches"] and "seed-neuron" in network["teaches"]


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
