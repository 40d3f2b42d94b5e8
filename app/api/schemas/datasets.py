"""/api/datasets: the dataset a training request names and the CSV upload, then the answers."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...engine.datasets import DATASETS, DEFAULTS, MAX_NOISE
from .common import Finite, MatrixOut, Seed, Strict

DatasetName = Literal[tuple(DATASETS)]
Kind = Literal["classification", "regression"]


class DatasetSpec(Strict):
    name: DatasetName
    samples: int = Field(DEFAULTS["samples"], ge=1, description="N, rows generated (at most max_samples).")
    noise: Finite = Field(
        DEFAULTS["noise"], ge=0, le=MAX_NOISE, description="Std of the Gaussian jitter on points (2-D) or target (1-D)."
    )
    seed: Seed = DEFAULTS["seed"]
    test_fraction: Finite = Field(
        DEFAULTS["test_fraction"], ge=0, lt=1, description="Share of rows (the last ones) held out for testing."
    )


class CsvRequest(Strict):
    csv: str = Field(description="Rows of x1,…,xn,target separated by commas; an optional header row of names.")
    input_width: int | None = Field(
        None, ge=1, description="The network's n_in: each row must then have n_in + 1 columns."
    )
    test_fraction: Finite = Field(
        DEFAULTS["test_fraction"], ge=0, lt=1, description="Share of rows (the last ones) /api/train would hold out."
    )

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"csv": "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"}]},
    )


class DatasetSummary(BaseModel):
    name: str
    title: str
    kind: Kind = Field(description="classification: targets 0 or 1.")
    input_width: int = Field(description="n_in, the number of input columns.")
    output_width: int = Field(description="K, the number of target columns.")
    defaults: dict = Field(description="samples, noise, seed and test_fraction used when left out.")
    max_samples: int = Field(description="The limit on samples (the setting max_samples).")
    max_noise: float = Field(description="The largest noise accepted.")


class DatasetRows(BaseModel):
    inputs: MatrixOut = Field(description="x, N × n_in.")
    targets: MatrixOut = Field(description="t, N × 1.")
    kind: Kind
    test_count: int = Field(
        description="How many of the last rows /api/train holds out as the test set for this test_fraction."
    )


class CsvRows(BaseModel):
    inputs: MatrixOut = Field(description="x, one row per CSV data row: every column but the last.")
    targets: MatrixOut = Field(description="t, the last column, N × 1.")
    header: list[str] | None = Field(description="The header row's names, or null when the file has none.")
    kind: Kind = Field(description="classification when every target is 0 or 1.")
    test_count: int = Field(description="How many of the last rows are held out as the test set for test_fraction.")
