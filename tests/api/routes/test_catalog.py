"""GET /api/catalog: the engine's names and defaults, the datasets and the limits, in one answer."""

from app.engine.activations import ACTIVATIONS
from app.engine.losses import LOSSES
from app.engine.optimizers import OPTIMIZERS

LIMITS = (
    "max_layers",
    "max_neurons",
    "max_samples",
    "max_epochs",
    "max_grid",
    "max_graph_parameters",
    "max_graph_samples",
    "max_body_bytes",
)


def _catalog(client):
    response = client.get("/api/catalog")
    assert response.status_code == 200, response.text
    return response.json()


def test_catalog_names_every_activation_loss_and_optimizer_of_the_engine_in_its_order(client):
    catalog = _catalog(client)
    assert [a["name"] for a in catalog["activations"]] == list(ACTIVATIONS)
    assert [loss["name"] for loss in catalog["losses"]] == list(LOSSES)
    assert [o["name"] for o in catalog["optimizers"]] == list(OPTIMIZERS)


def test_catalog_titles_are_what_the_page_shows(client):
    catalog = _catalog(client)
    assert {a["name"]: a["title"] for a in catalog["activations"]}["leaky_relu"] == "leaky_relu"
    assert {loss["name"]: loss["title"] for loss in catalog["losses"]} == {
        "mse": "mean squared error",
        "binary_cross_entropy": "binary cross-entropy",
        "cross_entropy": "cross-entropy",
    }
    assert [o["title"] for o in catalog["optimizers"]] == ["SGD", "Momentum", "Adam"]


def test_catalog_optimizer_defaults_are_the_engines(client):
    for entry in _catalog(client)["optimizers"]:
        assert entry["defaults"] == OPTIMIZERS[entry["name"]][0]
    assert _catalog(client)["optimizers"][0]["defaults"] == {"learning_rate": 0.5}


def test_optimizer_defaults_in_the_request_schema_are_the_engines(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name, (defaults, _) in OPTIMIZERS.items():
        properties = schemas[name.capitalize()]["properties"]
        assert {key: properties[key]["default"] for key in defaults} == defaults


def test_catalog_datasets_are_what_get_datasets_lists(client):
    assert _catalog(client)["datasets"] == client.get("/api/datasets").json()


def test_catalog_limits_are_the_settings(make_client):
    overrides = {name: 1024 + index for index, name in enumerate(LIMITS)}
    catalog = _catalog(make_client(**overrides))
    assert catalog["limits"] == {**overrides, "max_seed": 2**32 - 1}


def test_catalog_editor_limits_default_to_8_layers_16_neurons_16_samples(client):
    assert _catalog(client)["editor_limits"] == {"max_layers": 8, "max_neurons": 16, "max_samples": 16}


def test_catalog_editor_limits_never_exceed_the_server_limits(make_client):
    catalog = _catalog(make_client(max_layers=3, max_neurons=20, max_samples=5, editor_max_neurons=12))
    assert catalog["editor_limits"] == {"max_layers": 3, "max_neurons": 12, "max_samples": 5}


def test_catalog_is_documented_under_its_tag_with_a_typed_answer(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/catalog"]["get"]
    assert operation["tags"] == ["catalog"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Catalog"}
