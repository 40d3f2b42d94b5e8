"""Settings come from BACKPROP_ environment variables; a bad value stops the server at start-up."""

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings, SettingsError, read_settings
from tests.bodies import preset_body

REPO = Path(__file__).resolve().parents[1]


def test_environment_variables_change_the_limits(monkeypatch):
    monkeypatch.setenv("BACKPROP_MAX_LAYERS", "3")
    monkeypatch.setenv("BACKPROP_MAX_SAMPLES", "50")
    monkeypatch.setenv("BACKPROP_MAX_BODY_BYTES", "4096")
    monkeypatch.setenv("BACKPROP_COMPUTE_BUDGET", "1000")
    settings = read_settings()
    assert settings.max_layers == 3
    assert settings.max_samples == 50
    assert settings.max_body_bytes == 4096
    assert settings.compute_budget == 1000


def test_app_built_from_the_environment_enforces_its_limit(monkeypatch):
    monkeypatch.setenv("BACKPROP_MAX_LAYERS", "1")
    response = TestClient(create_app(read_settings())).post("/api/step", json=preset_body("mazur-2-2-2"))
    assert response.status_code == 422
    assert "max_layers" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    ("value", "origins"),
    [
        ("https://lms.school.org", ["https://lms.school.org"]),
        ("https://lms.school.org/, http://10.0.0.5:8080", ["https://lms.school.org", "http://10.0.0.5:8080"]),
        ('["https://a.school.org", "https://b.school.org"]', ["https://a.school.org", "https://b.school.org"]),
        ("", []),
    ],
)
def test_cors_origins_read_as_plain_comma_separated_text_or_json(monkeypatch, value, origins):
    monkeypatch.setenv("BACKPROP_CORS_ORIGINS", value)
    assert read_settings().cors_origins == origins


def test_frame_ancestors_may_be_separated_by_commas_or_spaces(monkeypatch):
    monkeypatch.setenv("BACKPROP_FRAME_ANCESTORS", "https://moodle.school.org, *.school.org https:")
    assert read_settings().frame_ancestors == ["https://moodle.school.org", "*.school.org", "https:"]


def test_root_path_and_log_level_are_normalised(monkeypatch):
    monkeypatch.setenv("BACKPROP_ROOT_PATH", "/backprop/")
    monkeypatch.setenv("BACKPROP_LOG_LEVEL", "WARNING")
    settings = read_settings()
    assert (settings.root_path, settings.log_level) == ("/backprop", "warning")


def test_defaults_allow_no_other_site(monkeypatch):
    for name in ("CORS_ORIGINS", "FRAME_ANCESTORS", "ROOT_PATH"):
        monkeypatch.delenv(f"BACKPROP_{name}", raising=False)
    settings = read_settings()
    assert (settings.cors_origins, settings.frame_ancestors, settings.root_path) == ([], [], "")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MAX_LAYERS", "0"),
        ("MAX_NEURONS", "many"),
        ("MAX_SAMPLES", "-5"),
        ("MAX_BODY_BYTES", "10"),
        ("COMPUTE_BUDGET", "1e99x"),
        ("CORS_ORIGINS", "lms.school.org"),  # no scheme: not an origin
        ("CORS_ORIGINS", '["https://a.org"'),  # broken JSON
        ("FRAME_ANCESTORS", "https://a.org; script-src *"),  # would inject a CSP directive
        ("FRAME_ANCESTORS", "'unsafe-inline'"),
        ("ROOT_PATH", "back prop"),
        ("LOG_LEVEL", "loud"),
        ("FORWARDED_ALLOW_IPS", "proxy.school.org"),
    ],
)
def test_bad_value_is_refused_with_the_variable_named(monkeypatch, name, value):
    monkeypatch.setenv(f"BACKPROP_{name}", value)
    with pytest.raises(SettingsError, match=f"BACKPROP_{name}="):
        read_settings()


def _check_settings():
    """What the container runs before starting uvicorn."""
    command = [sys.executable, "-m", "app.settings"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)


def test_server_start_check_exits_with_a_clear_message_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("BACKPROP_MAX_LAYERS", "zero")
    result = _check_settings()
    assert result.returncode == 1
    assert "Backprop Lab cannot start" in result.stderr
    assert "BACKPROP_MAX_LAYERS='zero'" in result.stderr
    assert "Traceback" not in result.stderr


def test_server_start_check_passes_with_good_values(monkeypatch):
    monkeypatch.setenv("BACKPROP_CORS_ORIGINS", "https://lms.school.org")
    result = _check_settings()
    assert result.returncode == 0, result.stderr


def test_readme_configuration_table_lists_every_setting_with_its_default():
    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("<!-- section: configuration -->") :]
    defaults = {
        cells[2].strip(" `"): cells[3].replace(" ", "").strip("`")
        for cells in (line.split("|") for line in table.split("\n") if line.startswith("| `"))
    }
    for name, field in Settings.model_fields.items():
        variable = f"BACKPROP_{name.upper()}"
        assert variable in defaults, f"{variable} missing from the README's Configuration table"
        if field.default_factory is None and field.default != "":
            assert defaults[variable] == str(field.default), f"{variable}: README shows {defaults[variable]}"


def test_with_a_root_path_pages_static_files_and_api_answer_under_the_prefix(make_client):
    client = make_client(root_path="/backprop")
    for path in ("/backprop/", "/backprop/docs", "/backprop/static/docs/init.js", "/backprop/api/presets"):
        assert client.get(path).status_code == 200, path
    assert client.get("/backprop/openapi.json").json()["servers"] == [{"url": "/backprop"}]
    assert client.get("/healthz").status_code == 200  # the container's health check has no prefix
    assert client.get("/api/presets").status_code == 200  # a proxy that strips the prefix works too
