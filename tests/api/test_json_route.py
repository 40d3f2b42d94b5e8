"""JSONBodyRoute: a well-formed JSON body is validated from its bytes; everything else as FastAPI does it."""

import json

import pytest
from fastapi import APIRouter, Depends, FastAPI, HTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from app.api.errors import validation_error_handler
from app.api.json_route import JSONBodyRoute, _body_and_settings_names
from app.api.limits import SettingsDep, app_settings
from app.api.routes.backprop import router as backprop_router
from app.api.routes.graph import router as graph_router
from app.api.routes.train import router as train_router
from app.api.schemas.backprop import StepRequest
from app.settings import Settings
from tests.bodies import preset_body

MODES = []
"""How each successful validation of ``Probe`` ran: 'json' (from bytes) or 'python' (from a dict)."""


class Probe(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    x: float = Field(allow_inf_nan=False)

    @field_validator("x")
    @classmethod
    def _record(cls, value, info: ValidationInfo):
        MODES.append(info.mode)
        return value


async def echo(body: Probe, settings: SettingsDep):
    return JSONResponse({"x": body.x, "max_layers": settings.max_layers})


async def echo_with_query(body: Probe, settings: SettingsDep, n: int = 0):
    return JSONResponse({"x": body.x, "n": n})


@pytest.fixture
def probe_client():
    app = FastAPI()
    app.state.settings = Settings(max_layers=3)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    fast, plain = APIRouter(route_class=JSONBodyRoute), APIRouter()
    fast.post("/fast")(echo)
    fast.post("/fast-query")(echo_with_query)
    plain.post("/plain")(echo)
    app.include_router(fast)
    app.include_router(plain)
    MODES.clear()
    with TestClient(app) as client:
        yield client


def test_a_well_formed_json_body_is_validated_from_its_bytes_with_the_apps_settings(probe_client):
    response = probe_client.post("/fast", json={"x": 1.5})
    assert response.status_code == 200
    assert response.json() == {"x": 1.5, "max_layers": 3}
    assert MODES == ["json"]


def test_other_json_content_types_go_through_fastapis_handler(probe_client):
    raw = json.dumps({"x": 2.0})
    response = probe_client.post("/fast", content=raw, headers={"content-type": "application/merge-patch+json"})
    assert response.status_code == 200
    assert MODES == ["python"]


def test_an_endpoint_with_other_parameters_is_served_by_fastapi_alone(probe_client):
    response = probe_client.post("/fast-query?n=4", json={"x": 1.0})
    assert response.json() == {"x": 1.0, "n": 4}
    assert MODES == ["python"]


@pytest.mark.parametrize(
    "raw",
    [b'{"x": NaN}', b'{"x": Infinity}', b'{"x": "1"}', b'{"x": 1, "y": 2}', b"{}", b'{"x": ', b"[1]", b"\xff"],
)
def test_a_body_that_fails_validation_gets_exactly_fastapis_4xx(probe_client, raw):
    headers = {"content-type": "application/json"}
    fast, plain = (
        probe_client.post("/fast", content=raw, headers=headers),
        probe_client.post("/plain", content=raw, headers=headers),
    )
    assert fast.status_code == plain.status_code
    assert fast.status_code in (400, 422)  # 400: not UTF-8
    assert fast.json() == plain.json()
    assert "NaN" not in fast.text and "Infinity" not in fast.text


def test_nan_in_a_step_body_is_refused_naming_the_field(client):
    raw = json.dumps(preset_body("mazur-2-2-2")).replace("0.15", "NaN", 1)
    response = client.post("/api/step", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", "network", "layers", 0, "weights", 0, 0]
    assert detail[0]["type"] == "finite_number"
    assert "NaN" not in response.text


def test_a_dependency_added_by_include_router_disables_the_fast_path():
    def refuse():
        raise HTTPException(403, "refused by the router's dependency")

    MODES.clear()
    app = FastAPI()
    app.state.settings = Settings()
    fast = APIRouter(route_class=JSONBodyRoute)
    fast.post("/fast")(echo)
    app.include_router(fast, dependencies=[Depends(refuse)])
    response = TestClient(app).post("/fast", json={"x": 1.0})
    assert response.status_code == 403
    assert MODES == []


def test_every_backprop_route_takes_the_fast_path():
    names = {route.path: _body_and_settings_names(route) for route in backprop_router.routes}
    assert names == {f"/api/{n}": ("body", "settings") for n in ("forward", "backward", "update", "step")}


def test_the_training_and_graph_routes_take_the_fast_path():
    routes = train_router.routes + graph_router.routes
    names = {route.path: _body_and_settings_names(route) for route in routes}
    paths = ("/api/networks/random", "/api/train", "/api/graph", "/api/gradcheck")
    assert names == {path: ("body", "settings") for path in paths}


def test_a_training_request_answers_the_same_through_the_fast_path_and_fastapis_handler(client):
    raw = json.dumps({**preset_body("xor-2-2-1"), "epochs": 3, "batch_size": 2, "seed": 5, "grid": {"resolution": 4}})
    fast = client.post("/api/train", content=raw, headers={"content-type": "application/json"})
    plain = client.post("/api/train", content=raw, headers={"content-type": "application/vnd.train+json"})
    assert fast.status_code == plain.status_code == 200
    assert fast.content == plain.content
    assert fast.json()["epochs_done"] == 3


def test_a_step_answers_the_same_through_the_fast_path_and_fastapis_handler(client):
    raw = json.dumps(preset_body("mazur-2-2-2"))
    fast = client.post("/api/step", content=raw, headers={"content-type": "application/json"})
    plain = client.post("/api/step", content=raw, headers={"content-type": "application/vnd.step+json"})
    assert fast.status_code == plain.status_code == 200
    assert fast.content == plain.content


def test_the_apps_step_route_takes_the_fast_path(client, monkeypatch):
    validated = []
    from_bytes = StepRequest.model_validate_json

    def counting(raw):
        validated.append(len(raw))
        return from_bytes(raw)

    monkeypatch.setattr(StepRequest, "model_validate_json", counting)
    assert client.post("/api/step", json=preset_body("mazur-2-2-2")).status_code == 200
    assert len(validated) == 1


def test_a_dependency_override_of_the_settings_is_honoured_through_fastapis_handler(probe_client):
    probe_client.app.dependency_overrides[app_settings] = lambda: Settings(max_layers=7)
    answer = probe_client.post("/fast", json={"x": 1.5}).json()
    assert answer == {"x": 1.5, "max_layers": 7}  # the fast path would read app.state.settings (3)
    assert MODES == ["python"]  # validated by FastAPI from the parsed dict, not from the bytes
