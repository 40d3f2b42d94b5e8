"""Glue between the training lab's requests and the engine: limits, data, budget, plain dicts out."""

from dataclasses import dataclass

import numpy as np

from ..engine import NetworkError, check_batch
from ..engine.backprop import state_to_lists
from ..engine.datasets import DATASETS, held_out_count, make_dataset
from ..engine.training import Data, check_grid, epoch_work, evaluate, predict_grid, train
from .errors import LimitError
from .limits import check_network, check_rows
from .service import build_network

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


def _check_limits(body, settings):
    check_network(settings, body.network)
    if body.epochs > settings.max_epochs:
        raise LimitError(("epochs",), f"is {body.epochs}; the limit max_epochs is {settings.max_epochs}")
    if body.dataset is not None:
        if body.inputs is not None or body.targets is not None:
            raise NetworkError(("dataset",), "send a dataset or inputs and targets, not both")
        if body.dataset.samples > settings.max_samples:
            raise LimitError(
                ("dataset", "samples"),
                f"is {body.dataset.samples}; the limit max_samples is {settings.max_samples}",
            )
    for field in ("inputs", "targets", "test_inputs", "test_targets"):
        if getattr(body, field) is not None:
            check_rows(settings, getattr(body, field), field)
    if body.grid is not None and body.grid.resolution > settings.max_grid:
        raise LimitError(
            ("grid", "resolution"), f"is {body.grid.resolution}; the limit max_grid is {settings.max_grid}"
        )


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


def _budget(network, data, body, settings, batch_size):
    """(epochs that fit, stopped reason or None, work dict), or a LimitError naming what does not fit:
    the final evaluation on every row (the samples), the grid, or one epoch."""
    params, n_test, budget = network.parameter_count, len(data.x_test), settings.compute_budget
    rows = len(data.x) + n_test
    per_epoch = epoch_work(params, len(data.x), n_test, batch_size, settings.train_step_cost)
    evaluation = rows * params + settings.train_step_cost  # the loss and accuracy after training
    samples = ("dataset", "samples") if body.dataset else ("test_inputs",) if n_test > len(data.x) else ("inputs",)
    if evaluation > budget:
        split = f" ({len(data.x)} to train, {n_test} to test)" if n_test else ""
        raise LimitError(
            samples,
            f"evaluating the network on its {rows} samples{split} costs {evaluation} work units ({rows} samples × "
            f"{params} parameters + train_step_cost); the limit compute_budget is {budget}: "
            "use fewer samples or a smaller network",
        )
    grid = 0
    if body.grid is not None:
        check_grid(network.input_width, (body.grid.x1_range, body.grid.x2_range))
        # A grid point costs a forward pass only: about a third of a training sample's work.
        points = body.grid.resolution**network.input_width
        grid = points * params // 3 + settings.train_step_cost
        if evaluation + grid > budget:
            raise LimitError(
                ("grid", "resolution"),
                f"the grid's {points} points cost {grid} work units on top of {evaluation} for evaluating the "
                f"network; the limit compute_budget is {budget}: use a lower resolution",
            )
    fixed = evaluation + grid
    fits = (budget - fixed) // per_epoch
    work = {"per_epoch": per_epoch, "compute_budget": budget, "epochs_in_budget": fits, "fixed": fixed}
    if body.epochs > 0 and fits == 0:
        # Named where the learner can act: the batch size when the per-step cost dominates, else the samples.
        steps_cost = -(-len(data.x) // batch_size) * settings.train_step_cost
        raise LimitError(
            ("batch_size",) if steps_cost > rows * params else samples,
            f"one epoch costs {per_epoch} work units ({rows} samples × {params} parameters + train_step_cost and "
            f"the update per step), on top of {fixed} for the evaluation{' and the grid' if grid else ''}; the limit "
            f"compute_budget is {budget}: use fewer samples, a larger batch_size or a smaller network",
        )
    if body.epochs <= fits:
        return body.epochs, None, work
    stopped = (
        f"compute_budget: {body.epochs} epochs would cost {body.epochs * per_epoch} work units; "
        f"the limit compute_budget is {budget}, so {fits} ran"
    )
    return fits, stopped, work


def plan_training(body, settings):
    """Check limits, build the network and data, and cut the epochs to the compute budget."""
    _check_limits(body, settings)
    network = build_network(body.network)
    data = _dataset_data(network, body.dataset, body.loss) if body.dataset else _own_data(network, body)
    batch_size = min(body.batch_size or len(data.x), len(data.x))
    epochs, stopped, work = _budget(network, data, body, settings, batch_size)
    return Plan(network, data, body, epochs, batch_size, stopped, work)


def run_training(plan):
    body, data = plan.body, plan.data
    state = None if body.optimizer_state is None else body.optimizer_state.model_dump(exclude_none=True)
    optimizer = body.optimizer.model_dump()
    done = train(plan.network, data, body.loss, optimizer, state, plan.epochs, plan.batch_size, body.seed)
    classification = data.classification
    train_loss, train_accuracy = evaluate(done.network, data.x, data.t, body.loss, classification)
    test_loss, test_accuracy = evaluate(done.network, data.x_test, data.t_test, body.loss, classification)
    grid = None
    if body.grid is not None:
        ranges = (body.grid.x1_range, body.grid.x2_range)
        grid = predict_grid(done.network, np.vstack([data.x, data.x_test]), body.grid.resolution, ranges)
    return {
        "network": {"layers": done.network.to_lists()},
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
