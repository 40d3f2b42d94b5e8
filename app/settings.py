"""Server settings, read from environment variables prefixed ``BACKPROP_``.

A bad value stops the server at start-up with a message naming the variable
(``python -m app.settings`` checks them without starting anything).
"""

import json
import re
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# What a CSP frame-ancestors source may be: a host with optional scheme, wildcard subdomain,
# port and path ("https://moodle.school.org", "*.school.org"), or a bare scheme ("https:").
_HOST_SOURCE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:/[^\s;,']*)?"
    r"|[a-z][a-z0-9+.-]*:",
    re.IGNORECASE,
)
_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(?::\d{1,5})?|https?://\[[0-9a-f:]+\](?::\d{1,5})?|\*", re.IGNORECASE)
_ROOT_PATH = re.compile(r"(?:/[A-Za-z0-9._~-]+)*")
_FORWARDED_ALLOW = re.compile(r"\*|[0-9a-fA-F.:/]+(?:\s*,\s*[0-9a-fA-F.:/]+)*")

StringList = Annotated[list[str], NoDecode]


def _split(value):
    """A list from the environment: a JSON list or, simpler for a teacher, separated by commas or spaces."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if value.startswith("["):
        return json.loads(value)
    return [item for item in re.split(r"[,\s]+", value) if item]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BACKPROP_")

    max_layers: int = Field(10, ge=1, description="Most layers (weight matrices) in a network.")
    max_neurons: int = Field(64, ge=1, description="Most neurons in one layer, and most input columns.")
    max_samples: int = Field(2000, ge=1, description="Most rows in inputs / targets of one request.")
    max_body_bytes: int = Field(2_000_000, ge=1024, description="Largest request body, checked before parsing.")
    max_epochs: int = Field(5000, ge=1, description="Most epochs one /api/train request may ask for.")
    compute_budget: int = Field(
        50_000_000, ge=1, description="Most epochs × samples × parameters one training request may do."
    )
    train_step_cost: int = Field(
        100_000,
        ge=0,
        description="Work units charged to compute_budget for each training step, besides samples × parameters "
        "(a step's fixed cost in Python, however small the batch).",
    )
    max_grid: int = Field(100, ge=2, description="Largest grid resolution R (R × R predictions) /api/train returns.")
    max_graph_parameters: int = Field(
        30, ge=1, description="Largest network (weights + biases) /api/graph draws; beyond it a note, no graph."
    )
    max_graph_samples: int = Field(8, ge=1, description="Most samples /api/graph draws; beyond it a note, no graph.")
    editor_max_layers: int = Field(
        8, ge=1, description="Most layers the explainer's editor builds (at most max_layers): a diagram stays readable."
    )
    editor_max_neurons: int = Field(16, ge=1, description="Most neurons per layer in the editor (at most max_neurons).")
    editor_max_samples: int = Field(16, ge=1, description="Most samples in the editor's batch (at most max_samples).")
    max_trace_entries: int = Field(
        20_000, ge=1, description="Largest trace returned by /api/step; beyond it the trace is left out."
    )
    inline_work: int = Field(
        20_000,
        ge=0,
        description="Requests with at most this many samples × parameters run on the event loop; "
        "larger ones, and their JSON, run in a worker thread, so the event loop keeps taking requests "
        "(those to the same worker may still wait while the thread holds Python's lock).",
    )
    cors_origins: StringList = Field(
        default_factory=list,
        description="Origins allowed to call the API from another site's pages (none), "
        "e.g. https://lms.school.org,https://other.school.org; * allows any.",
    )
    frame_ancestors: StringList = Field(
        default_factory=list,
        description="Sites allowed to embed the pages in a frame besides the server itself (none), "
        "e.g. https://moodle.school.org.",
    )
    root_path: str = Field("", description="Path prefix when served behind a reverse proxy, e.g. /backprop.")
    log_level: Literal["critical", "error", "warning", "info", "debug", "trace"] = Field(
        "info", description="uvicorn log level."
    )
    forwarded_allow_ips: str = Field(
        "127.0.0.1",
        description="Proxies whose X-Forwarded-For / -Proto headers are trusted (container start script); "
        "comma-separated IPs or networks, or *.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value):
        origins = [origin.rstrip("/") for origin in _split(value)]
        for origin in origins:
            if not _ORIGIN.fullmatch(origin):
                raise ValueError(f"{origin!r} is not an origin like https://lms.school.org (scheme, host, port)")
        return origins

    @field_validator("frame_ancestors", mode="before")
    @classmethod
    def _ancestors(cls, value):
        sources = _split(value)
        for source in sources:
            if not _HOST_SOURCE.fullmatch(source):
                raise ValueError(f"{source!r} is not a site like https://moodle.school.org")
        return sources

    @field_validator("root_path", mode="before")
    @classmethod
    def _root_path(cls, value):
        value = value.strip().rstrip("/") if isinstance(value, str) else value
        if isinstance(value, str) and not _ROOT_PATH.fullmatch(value):
            raise ValueError(f"{value!r} is not a path prefix like /backprop (leading slash, no spaces)")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value):
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _forwarded(cls, value):
        if not _FORWARDED_ALLOW.fullmatch(value.strip()):
            raise ValueError(f"{value!r} is not * or a comma-separated list of IP addresses or networks")
        return value.strip()


class SettingsError(ValueError):
    """A BACKPROP_ environment variable the server cannot start with."""


def read_settings() -> Settings:
    """The settings from the environment; a bad value raises SettingsError naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = [
            f"BACKPROP_{str(e['loc'][0]).upper()}={e['input']!r}: {e['msg']}" if e["loc"] else e["msg"]
            for e in error.errors()
        ]
        raise SettingsError("bad settings:\n  " + "\n  ".join(problems)) from None


@lru_cache
def get_settings() -> Settings:
    return read_settings()


if __name__ == "__main__":
    try:
        read_settings()
    except SettingsError as error:
        raise SystemExit(f"Backprop Lab cannot start: {error}") from None
