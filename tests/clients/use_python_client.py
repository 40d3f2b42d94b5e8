"""What a course notebook or an auto-grader writes with the Python client that
openapi-python-client generates from /openapi.json (package ``backprop_client``).

Not a test module: tests/clients/test_python_client.py generates the client into a temporary
folder, type-checks this file with it under ``mypy --strict``, and calls ``use_every_operation``.
Everything goes through the generated functions and models, never raw HTTP.
"""

from typing import Any, TypeVar

from backprop_client import Client
from backprop_client.api.backprop import backward, forward, step, update
from backprop_client.api.catalog import get_catalog
from backprop_client.api.datasets import get_dataset, list_datasets, parse_csv
from backprop_client.api.graph import gradcheck, graph
from backprop_client.api.health import health
from backprop_client.api.presets import get_preset, list_presets
from backprop_client.api.training import random_network, train
from backprop_client.models import (
    Adam,
    BackwardRequest,
    BackwardResponse,
    BiasUpdateEntry,
    Catalog,
    CsvRequest,
    CsvRows,
    DatasetName,
    DatasetRows,
    DatasetSummary,
    Error,
    ForwardRequest,
    ForwardResponse,
    GradcheckRequest,
    GradcheckResponse,
    GraphRequest,
    GraphResponse,
    Health,
    HiddenDeltaEntry,
    LossEntry,
    NeuronEntry,
    OptimizerState,
    Preset,
    PresetSummary,
    RandomNetworkRequest,
    RandomNetworkResponse,
    StepRequest,
    StepResponse,
    TaskKind,
    TrainRequest,
    TrainResponse,
    UpdateRequest,
    UpdateResponse,
    WeightUpdateEntry,
)

T = TypeVar("T")


def answer_of(result: object, kind: type[T]) -> T:
    """The result as ``kind``, or an AssertionError that shows what came instead."""
    if not isinstance(result, kind):
        raise AssertionError(f"expected {kind.__name__}, got {result!r}")
    return result


def use_every_operation(client: Client, examples: dict[str, Any]) -> list[str]:
    """Call every operation on its documented example (``examples``: operationId → the request
    body, or the path parameter); return the operationIds called."""
    assert answer_of(health.sync(client=client), Health).status == "ok"
    catalog = answer_of(get_catalog.sync(client=client), Catalog)
    assert [o.name for o in catalog.optimizers] == ["sgd", "momentum", "adam"]
    presets = answer_of(list_presets.sync(client=client), list)
    assert all(isinstance(p, PresetSummary) for p in presets)
    preset = answer_of(get_preset.sync(examples["getPreset"], client=client), Preset)
    datasets = answer_of(list_datasets.sync(client=client), list)
    assert all(isinstance(d, DatasetSummary) and d.defaults.samples >= 1 for d in datasets)
    rows = answer_of(get_dataset.sync(DatasetName(examples["getDataset"]), client=client, samples=20), DatasetRows)
    assert rows.kind is TaskKind.CLASSIFICATION and len(rows.inputs) == 20

    forward_answer = forward.sync(client=client, body=ForwardRequest.from_dict(examples["forward"]))
    assert len(answer_of(forward_answer, ForwardResponse).outputs) == len(preset.inputs)
    backward_answer = backward.sync(client=client, body=BackwardRequest.from_dict(examples["backward"]))
    assert answer_of(backward_answer, BackwardResponse).loss > 0
    update_answer = update.sync(client=client, body=UpdateRequest.from_dict(examples["update"]))
    assert answer_of(update_answer, UpdateResponse).optimizer_state.step == 1
    step_answer = answer_of(step.sync(client=client, body=StepRequest.from_dict(examples["step"])), StepResponse)
    assert step_answer.loss_after < step_answer.loss
    random_answer = random_network.sync(client=client, body=RandomNetworkRequest.from_dict(examples["randomNetwork"]))
    assert len(answer_of(random_answer, RandomNetworkResponse).network.layers) == 3
    train_answer = answer_of(train.sync(client=client, body=TrainRequest.from_dict(examples["train"])), TrainResponse)
    assert train_answer.epochs_done >= 1 and train_answer.grid is not None
    csv_answer = answer_of(parse_csv.sync(client=client, body=CsvRequest.from_dict(examples["parseCsv"])), CsvRows)
    assert csv_answer.header == ["x1", "x2", "label"]
    graph_answer = answer_of(graph.sync(client=client, body=GraphRequest.from_dict(examples["graph"])), GraphResponse)
    assert graph_answer.root is not None
    check = gradcheck.sync(client=client, body=GradcheckRequest.from_dict(examples["gradcheck"]))
    assert answer_of(check, GradcheckResponse).verdict == "pass"
    return [
        "health", "getCatalog", "listPresets", "getPreset", "listDatasets", "getDataset", "forward", "backward",
        "update", "step", "randomNetwork", "train", "parseCsv", "graph", "gradcheck",
    ]  # fmt: skip


def read_trace(answer: StepResponse) -> set[str]:
    """The kinds in the answer's trace, each entry read through its own typed model."""
    assert answer.trace is not None
    kinds: set[str] = set()
    for entry in answer.trace:
        if isinstance(entry, NeuronEntry):
            assert entry.activation in ("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax")
        elif isinstance(entry, LossEntry):
            assert entry.value == answer.loss
        elif isinstance(entry, HiddenDeltaEntry):
            assert len(entry.next_weights) == len(entry.next_deltas)
        elif isinstance(entry, WeightUpdateEntry | BiasUpdateEntry):
            assert entry.new != entry.old or entry.grad == 0
        kinds.add(entry.kind)
    return kinds


def chain_steps(client: Client, preset_name: str, steps: int) -> list[OptimizerState]:
    """``steps`` Adam steps on a preset, each sending back the network and optimizer state the last returned."""
    preset = answer_of(get_preset.sync(preset_name, client=client), Preset)
    body = StepRequest(
        network=preset.network,
        inputs=preset.inputs,
        targets=preset.targets,
        loss=preset.loss,
        optimizer=Adam(name="adam", learning_rate=0.1),
    )
    states = []
    for _ in range(steps):
        answer = answer_of(step.sync(client=client, body=body), StepResponse)
        assert "neuron" in read_trace(answer)
        states.append(answer.optimizer_state)
        body.network, body.optimizer_state = answer.network, answer.optimizer_state
    return states


def step_a_preset(client: Client, preset_name: str) -> StepResponse:
    """A preset sent to /api/step: field by field (the types match), and as it is (its dict)."""
    preset = answer_of(get_preset.sync(preset_name, client=client), Preset)
    typed = StepRequest(
        network=preset.network,
        inputs=preset.inputs,
        targets=preset.targets,
        loss=preset.loss,
        optimizer=preset.optimizer,
        name=preset.name,
        title=preset.title,
        teaches=preset.teaches,
    )
    first = answer_of(step.sync(client=client, body=typed), StepResponse)
    as_it_is = answer_of(step.sync(client=client, body=StepRequest.from_dict(preset.to_dict())), StepResponse)
    assert as_it_is.loss_after == first.loss_after
    return first


def read_errors(client: Client) -> tuple[Error, Error]:
    """A 422 (inputs one column short: its detail lists where and what) and a 404 (its detail a sentence)."""
    preset = answer_of(get_preset.sync("mazur-2-2-2", client=client), Preset)
    short = StepRequest(
        network=preset.network, inputs=[[0.05]], targets=preset.targets, loss=preset.loss, optimizer=preset.optimizer
    )
    invalid = answer_of(step.sync(client=client, body=short), Error)
    missing = answer_of(get_preset.sync("no-such-preset", client=client), Error)
    return invalid, missing
