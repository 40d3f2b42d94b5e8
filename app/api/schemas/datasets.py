"""/api/datasets: the dataset a training request names and the CSV upload, then the answers."""

from pydantic import BaseModel, Field

from ...engine.datasets import DEFAULTS, MAX_NOISE
from .common import DatasetName, Finite, MatrixOut, Seed, Strict, TaskKind, example_body

CSV_EXAMPLE = {"csv": "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"}


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


CsvBody = example_body(CsvRequest, "XOR's four rows with a header", CSV_EXAMPLE)


class DatasetDefaults(BaseModel):
    """What a dataset request leaves out takes these values."""

    samples: int = Field(description="N, rows generated.")
    noise: float = Field(description="Std of the Gaussian jitter.")
    seed: int = Field(description="Seed of np.random.default_rng.")
    test_fraction: float = Field(description="Share of rows (the last ones) held out for testing.")


class DatasetSummary(BaseModel):
    name: DatasetName
    title: str = Field(description="What the page shows for it.")
    kind: TaskKind
    input_width: int = Field(description="n_in, the number of input columns.")
    output_width: int = Field(description="K, the number of target columns.")
    defaults: DatasetDefaults
    max_samples: int = Field(description="The limit on samples (the setting max_samples).")
    max_noise: float = Field(description="The largest noise accepted.")


class DatasetRows(BaseModel):
    inputs: MatrixOut = Field(description="x, N × n_in.")
    targets: MatrixOut = Field(description="t, N × 1.")
    kind: TaskKind
    test_count: int = Field(
        description="How many of the last rows /api/train holds out as the test set for this test_fraction."
    )


class CsvRows(BaseModel):
    inputs: MatrixOut = Field(description="x, one row per CSV data row: every column but the last.")
    targets: MatrixOut = Field(description="t, the last column, N × 1.")
    header: list[str] | None = Field(description="The header row's names, or null when the file has none.")
    kind: TaskKind = Field(description="classification when every target is 0 or 1.")
    test_count: int = Field(description="How many of the last rows are held out as the test set for test_fraction.")
