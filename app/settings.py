"""Server settings, read from environment variables prefixed ``BACKPROP_``."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    max_trace_entries: int = Field(
        20_000, ge=1, description="Largest trace returned by /api/step; beyond it the trace is left out."
    )
    inline_work: int = Field(
        20_000,
        ge=0,
        description="Requests with at most this many samples × parameters run on the event loop; "
        "larger ones run in a worker thread so they never block other requests.",
    )
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to call the API (none).")
    frame_ancestors: list[str] = Field(
        default_factory=list, description="Sites allowed to embed the page in a frame (none besides itself)."
    )
    root_path: str = Field("", description="Path prefix when served behind a reverse proxy, e.g. /backprop.")
    log_level: str = Field("info", description="uvicorn log level.")


@lru_cache
def get_settings() -> Settings:
    return Settings()
