"""/openapi.json as typed clients read it: valid, short operationIds, one component per concept,
one error model declared where it can happen, and a trace schema that is exactly what the engine sends."""

import itertools

from fastapi.testclient import TestClient
from openapi_spec_validator import validate
from pydantic import TypeAdapter

from app.api.schemas.backprop import TraceEntry
from app.engine.presets import PRESETS, get_preset

OPERATIONS = {
    ("get", "/healthz"): "health",
    ("get", "/api/catalog"): "getCatalog",
    ("get", "/api/presets"): "listPresets",
    ("get", "/api/presets/{name}"): "getPreset",
    ("get", "/api/datasets"): "listDatasets",
    ("get", "/api/datasets/{name}"): "getDataset",
    ("post", "/api/datasets/csv"): "parseCsv",
    ("post", "/api/forward"): "forward",
    ("post", "/api/backward"): "backward",
    ("post", "/api/update"): "update",
    ("post", "/api/step"): "step",
    ("post", "/api/networks/random"): "randomNetwork",
    ("post", "/api/train"): "train",
    ("post", "/api/graph"): "graph",
    ("post", "/api/gradcheck"): "gradcheck",
}
ENUMS = {"Loss", "Activation", "OptimizerName", "DatasetName", "TaskKind"}


def operations(document):
    return {(method, path): op for path, ops in document["paths"].items() for method, op in ops.items()}


def walk(node, path=()):
    """Every (path, schema object) pair in the document."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def test_the_document_is_valid_openapi(document):
    validate(document)


def test_every_operation_has_its_short_operation_id(document):
    assert {key: op["operationId"] for key, op in operations(document).items()} == OPERATIONS


def test_every_4xx_is_the_one_error_model_declared_only_where_it_can_happen(document):
    declared = {
        OPERATIONS[key]: sorted(status for status in op["responses"] if status.startswith("4"))
        for key, op in operations(document).items()
    }
    with_body = {OPERATIONS[key] for key, op in operations(document).items() if "requestBody" in op}
    assert {op for op, statuses in declared.items() if statuses == ["400", "413", "422"]} == with_body
    assert declared["getDataset"] == ["422"] and declared["getPreset"] == ["404"]
    assert all(declared[op] == [] for op in ("health", "getCatalog", "listPresets", "listDatasets"))
    for op in operations(document).values():
        for status, answer in op["responses"].items():
            if status.startswith("4"):
                assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_each_enum_is_one_component_and_no_schema_is_untyped(document):
    schemas = document["components"]["schemas"]
    assert {name for name, schema in schemas.items() if "enum" in schema} == ENUMS
    for path, node in walk(document):
        if len(path) > 3 and "enum" in node:
            raise AssertionError(f"an enum inline at {'/'.join(map(str, path))}")
        if path[-1:] in (("items",), ("additionalProperties",)) or (len(path) > 1 and path[-2] == "properties"):
            assert node.keys() & {"type", "$ref", "anyOf", "oneOf", "const", "enum"}, f"untyped: {path}"


def test_the_trace_entry_is_a_one_of_discriminated_by_kind(document):
    schemas = document["components"]["schemas"]
    trace_entry = schemas["TraceEntry"]
    mapping = trace_entry["discriminator"]["mapping"]
    assert trace_entry["discriminator"]["propertyName"] == "kind"
    assert len(trace_entry["oneOf"]) == len(mapping) == 8
    for kind, ref in mapping.items():
        entry = schemas[ref.rsplit("/", 1)[1]]
        assert entry["properties"]["kind"]["const"] == kind and entry["additionalProperties"] is False
        assert all(field.get("description") or "$ref" in field for name, field in entry["properties"].items()
                   if name not in ("kind", "phase"))  # fmt: skip


def test_every_request_body_and_path_parameter_documents_an_example(document):
    for key, op in operations(document).items():
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        if body is not None:
            assert body["examples"]["example"]["value"], key
        for parameter in op.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"]["examples"], key


def test_trace_entries_have_exactly_the_documented_fields_for_every_preset_and_optimizer(app):
    """Each entry validates against its kind's model (which refuses unknown fields), and every
    documented field of every kind is sent by at least one of these steps."""
    adapter = TypeAdapter(list[TraceEntry])
    seen = {}
    optimizers = ({"name": "sgd"}, {"name": "momentum", "momentum": 0.5}, {"name": "adam"})
    with TestClient(app) as client:
        for name, optimizer in itertools.product(PRESETS, optimizers):
            body = {k: v for k, v in get_preset(name).items() if k in ("network", "inputs", "targets", "loss")}
            response = client.post("/api/step", json={**body, "optimizer": optimizer})
            assert response.status_code == 200, response.text
            trace = response.json()["trace"]
            for entry, model in zip(trace, adapter.validate_python(trace), strict=True):
                seen.setdefault(type(model), set()).update(entry)
    assert len(seen) == 8
    for model, fields in seen.items():
        assert fields == set(model.model_fields), model.__name__
