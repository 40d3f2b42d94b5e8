"""The training lab: fresh random networks, and mini-batch training cut to the compute budget."""

from dataclasses import dataclass

import numpy as np

from ...engine import NetworkError, check_batch
from ...engine.datasets import DATASETS, held_out_count, make_dataset
from ...engine.initialize import random_network
from ...engine.network import state_to_lists
from ...engine.training import Data, check_grid, evaluate, predict_grid, train
from ..limits import check_at_most, check_network, check_rows, check_widths
from ..work import evaluation_work, random_network_work, samples_field, training_budget
from .common import build_network, network_answer, optimizer_of, state_of


def plan_random_network(settings, body):
    """Check the widths against the limits; return the work of drawing the network."""
    check_widths(settings, body.widths)
    return random_network_work(body.widths)


def create_random_network(body):
    return {"network": network_answer(random_network(body.widths, body.activations, body.seed))}


# ---- /api/train ----


def _renamed(error, names):
    """The same error with its first path element renamed (inputs → test_inputs, …), and the
    other field its message compares with ("has 2 rows but inputs has 1")."""
    path, message = error.path, str(error)
    if path and path[0] in names:
        path = (names[path[0]], *path[1:])
    for old, new in names.items():
        message = message.replace(f"but {old} has", f"but {new} has")
    return NetworkError(path, message)


def _checked(network, x, t, loss, names):
    try:
        return check_batch(network, x, t, loss)
    except NetworkError as error:
        raise _renamed(error, names) from None


def _dataset_data(network, spec, loss):
    info, last = DATASETS[spec.name], len(network.layers) - 1
    if network.input_width != info.input_width:
        raise NetworkError(
            ("network", "layers", 0, "weights"),
            f"dataset {spec.name!r} has {info.input_width} input(s) but the network takes {network.input_width}",
        )
    if network.output_width != 1:
        raise NetworkError(
            ("network", "layers", last, "weights"),
            f"dataset {spec.name!r} has 1 target per sample but the network has {network.output_width} outputs",
        )
    x, t = make_dataset(spec.name, spec.samples, spec.noise, spec.seed)
    n_train = len(x) - held_out_count(spec.samples, spec.test_fraction)
    names = {"targets": "dataset", "inputs": "dataset"}
    x, t = _checked(network, x, t, loss, names)
    return Data(x[:n_train], t[:n_train], x[n_train:], t[n_train:])


def _own_data(network, body):
    if body.inputs is None or body.targets is None:
        missing = "inputs" if body.inputs is None else "targets"
        raise NetworkError((missing,), "send a dataset, or both inputs and targets")
    x, t = _checked(network, body.inputs, body.targets, body.loss, {})
    if (body.test_inputs is None) != (body.test_targets is None):
        missing = "test_inputs" if body.test_inputs is None else "test_targets"
        raise NetworkError((missing,), "test_inputs and test_targets go together: send both or neither")
    if body.test_inputs is None:
        return Data(x, t, x[:0], t[:0])
    names = {"inputs": "test_inputs", "targets": "test_targets"}
    x_test, t_test = _checked(network, body.test_inputs, body.test_targets, body.loss, names)
    return Data(x, t, x_test, t_test)


def _check_limits(settings, body):
    check_network(settings, body.network)
    check_at_most(settings, "max_epochs", body.epochs, ("epochs",))
    if body.dataset is not None:
        if body.inputs is not None or body.targets is not None:
            raise NetworkError(("dataset",), "send a dataset or inputs and targets, not both")
        check_at_most(settings, "max_samples", body.dataset.samples, ("dataset", "samples"))
    for field in ("inputs", "targets", "test_inputs", "test_targets"):
        if getattr(body, field) is not None:
            check_rows(settings, getattr(body, field), field)
    if body.grid is not None:
        check_at_most(settings, "max_grid", body.grid.resolution, ("grid", "resolution"))


@dataclass
class Plan:
    """A checked training request: what to run and how much work it is."""

    network: object
    data: Data
    body: object
    epochs: int
    batch_size: int
    stopped: str | None
    work: dict

    @property
    def total_work(self):
        return self.work["fixed"] + self.epochs * self.work["per_epoch"]


def _budget(settings, body, network, data, batch_size):
    """(epochs that fit, stopped reason or None, work dict): the evaluation, the grid and the epochs
    against the compute budget, the grid's ranges checked in between."""
    field = samples_field(data, body.dataset is not None)
    evaluation = evaluation_work(settings, network.parameter_count, data, field)
    points = 0
    if body.grid is not None:
        check_grid(network.input_width, (body.grid.x1_range, body.grid.x2_range))
        points = body.grid.resolution**network.input_width
    return training_budget(settings, network.parameter_count, data, body.epochs, batch_size, evaluation, points, field)


def plan_training(settings, body):
    """Check limits, build the network and data, and cut the epochs to the compute budget."""
    _check_limits(settings, body)
    network = build_network(body.network)
    data = _dataset_data(network, body.dataset, body.loss) if body.dataset else _own_data(network, body)
    batch_size = min(body.batch_size or len(data.x), len(data.x))
    epochs, stopped, work = _budget(settings, body, network, data, batch_size)
    return Plan(network, data, body, epochs, batch_size, stopped, work)


def run_training(plan):
    body, data = plan.body, plan.data
    optimizer, state = optimizer_of(body), state_of(body)
    done = train(plan.network, data, body.loss, optimizer, state, plan.epochs, plan.batch_size, body.seed)
    classification = data.classification
    train_loss, train_accuracy = evaluate(done.network, data.x, data.t, body.loss, classification)
    test_loss, test_accuracy = evaluate(done.network, data.x_test, data.t_test, body.loss, classification)
    grid = None
    if body.grid is not None:
        ranges = (body.grid.x1_range, body.grid.x2_range)
        grid = predict_grid(done.network, np.vstack([data.x, data.x_test]), body.grid.resolution, ranges)
    return {
        "network": network_answer(done.network),
        "optimizer_state": state_to_lists(done.optimizer_state),
        "history": vars(done.history),
        "epochs_done": done.epochs_done,
        "stopped": plan.stopped,
        "final": {
            "train_loss": train_loss,
            "test_loss": test_loss,
            "train_accuracy": train_accuracy,
            "test_accuracy": test_accuracy,
        },
        "train_count": len(data.x),
        "test_count": len(data.x_test),
        "work": {k: v for k, v in plan.work.items() if k != "fixed"},
        "grid": grid,
    }
