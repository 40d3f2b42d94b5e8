"""Request and response bodies of the training lab: datasets, random networks, training."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..engine.datasets import DEFAULTS
from ..engine.initialize import random_network
from .schemas_in import Activation, LossName, Matrix, NetworkIn, Optimizer, OptimizerState
from .schemas_out import OptimizerStateOut

Seed = Annotated[int, Field(ge=0, le=2**32 - 1, description="Seed of np.random.default_rng: same seed, same numbers.")]

Finite = Annotated[float, Field(allow_inf_nan=False)]

_XOR_NETWORK = {"layers": random_network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], 1).to_lists()}


class Strict(BaseModel):
    """Unknown fields refused; strict types, so ``true`` or ``"3"`` is not taken for a number."""

    model_config = ConfigDict(extra="forbid", strict=True)


class RandomNetworkRequest(Strict):
    widths: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=2, fail_fast=True, description="Nodes per column: [n_in, n_1, …, n_L] (inputs, then each layer)."
    )
    activations: list[Activation] = Field(
        min_length=1, fail_fast=True, description="One activation per layer (len(widths) − 1)."
    )
    seed: Seed = 0

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [{"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"], "seed": 1}]
        },
    )


class RandomNetworkResponse(BaseModel):
    network: NetworkIn = Field(description="Glorot-uniform weights W ~ U(−r, r), r = √(6/(n_in+n_out)); biases 0.")


# ---- datasets ----


class DatasetSummary(BaseModel):
    name: str
    title: str
    kind: Literal["classification", "regression"] = Field(description="classification: targets 0 or 1.")
    input_width: int = Field(description="n_in, the number of input columns.")
    output_width: int = Field(description="K, the number of target columns.")
    defaults: dict = Field(description="samples, noise, seed and test_fraction used when left out.")
    max_samples: int = Field(description="The limit on samples (the setting max_samples).")
    max_noise: float = Field(description="The largest noise accepted.")


class DatasetRows(BaseModel):
    inputs: list[list[float]] = Field(description="x, N × n_in.")
    targets: list[list[float]] = Field(description="t, N × 1.")
    kind: Literal["classification", "regression"]
    test_count: int = Field(
        description="How many of the last rows /api/train holds out as the test set for this test_fraction."
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


class CsvRows(BaseModel):
    inputs: list[list[float]] = Field(description="x, one row per CSV data row: every column but the last.")
    targets: list[list[float]] = Field(description="t, the last column, N × 1.")
    header: list[str] | None = Field(description="The header row's names, or null when the file has none.")
    kind: Literal["classification", "regression"] = Field(description="classification when every target is 0 or 1.")
    test_count: int = Field(description="How many of the last rows are held out as the test set for test_fraction.")


# ---- training ----

Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=-1e6, le=1e6)]
Range = Annotated[list[Coordinate], Field(min_length=2, max_length=2, description="[low, high]")]


class DatasetSpec(Strict):
    name: Literal["xor", "circle", "gaussians", "spiral", "sine"]
    samples: int = Field(200, ge=1, description="N, rows generated (at most max_samples).")
    noise: Finite = Field(0.0, ge=0, le=1, description="Std of the Gaussian jitter on points (2-D) or target (1-D).")
    seed: Seed = 0
    test_fraction: Finite = Field(0.2, ge=0, lt=1, description="Share of rows (the last ones) held out for testing.")


class GridRequest(Strict):
    resolution: int = Field(50, ge=2, description="R: an R × R grid for 2 inputs, R points for 1 (at most max_grid).")
    x1_range: Range | None = Field(None, description="Range of x1; by default the data's range plus 10% each side.")
    x2_range: Range | None = Field(None, description="Range of x2 (2 inputs only).")


class TrainRequest(Strict):
    network: NetworkIn
    dataset: DatasetSpec | None = Field(None, description="A built-in dataset; or send inputs and targets instead.")
    inputs: Matrix | None = Field(None, description="Your own training inputs, N × n_in (instead of dataset).")
    targets: Matrix | None = Field(None, description="Your own training targets, N × K.")
    test_inputs: Matrix | None = Field(None, description="Optional held-out inputs, never trained on.")
    test_targets: Matrix | None = None
    loss: LossName = "mse"
    optimizer: Optimizer
    optimizer_state: OptimizerState | None = Field(None, description="From the previous response, to continue.")
    epochs: int = Field(1, ge=0, description="Passes over the training set (at most max_epochs); 0 only evaluates.")
    batch_size: int | None = Field(None, ge=1, description="Samples per update; null or ≥ N means full batch.")
    seed: Seed = 0
    grid: GridRequest | None = Field(None, description="Ask for the model's predictions over the input range.")

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "network": _XOR_NETWORK,
                    "dataset": {"name": "xor", "samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2},
                    "loss": "binary_cross_entropy",
                    "optimizer": {"name": "adam", "learning_rate": 0.03},
                    "epochs": 10,
                    "batch_size": 10,
                    "seed": 0,
                    "grid": {"resolution": 20},
                }
            ]
        },
    )


class HistoryOut(BaseModel):
    train_loss: list[float] = Field(description="Per epoch: mean of the mini-batch losses, each before its update.")
    test_loss: list[float] = Field(description="Per epoch: loss on the test set after the epoch (empty without one).")
    train_accuracy: list[float] | None = Field(description="Per epoch, for 0/1 or one-hot targets; else null.")
    test_accuracy: list[float] | None = Field(description="Per epoch, on the test set; null without labels or tests.")


class Metrics(BaseModel):
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None


class Grid(BaseModel):
    x1: list[float] = Field(description="R values of x1, low to high.")
    x2: list[float] | None = Field(None, description="R values of x2 (2 inputs only).")
    values: list = Field(
        description="2 inputs: R × R, values[i][j] is the prediction at (x1[j], x2[i]); 1 input: R values. "
        "The prediction is output 0 (4 decimals), or the index of the largest output when there are several."
    )


class WorkOut(BaseModel):
    per_epoch: int = Field(description="Work units of one epoch: samples × parameters + step_cost per step.")
    compute_budget: int = Field(description="Work units one request may use (the setting).")
    epochs_in_budget: int = Field(description="Most epochs one request like this can run.")


class TrainResponse(BaseModel):
    network: NetworkIn = Field(description="The network after training.")
    optimizer_state: OptimizerStateOut = Field(description="Send it back with the next request to continue.")
    history: HistoryOut
    epochs_done: int = Field(description="Epochs run; fewer than asked when the compute budget cut the request short.")
    stopped: str | None = Field(description="Why fewer epochs ran than asked (names compute_budget), or null.")
    final: Metrics = Field(description="Loss and accuracy of the returned network on the whole sets.")
    train_count: int
    test_count: int
    work: WorkOut
    grid: Grid | None = Field(description="Predictions over the input range, when grid was asked for.")
