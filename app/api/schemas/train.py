"""/api/networks/random and /api/train: requests, then answers."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ...engine.initialize import random_network
from .common import Activation, LossName, Matrix, NetworkIn, Optimizer, OptimizerState, OptimizerStateOut, Seed, Strict
from .datasets import DatasetSpec

_XOR_NETWORK = {"layers": random_network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], 1).to_lists()}
Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=-1e6, le=1e6)]
Range = Annotated[list[Coordinate], Field(min_length=2, max_length=2, description="[low, high]")]


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


class RandomNetworkResponse(BaseModel):
    network: NetworkIn = Field(description="Glorot-uniform weights W ~ U(−r, r), r = √(6/(n_in+n_out)); biases 0.")


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
