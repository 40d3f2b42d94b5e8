"""The cost of work, in one place: how many work units a request asks for, the compute budget a
training request or gradient check must fit, and where the work runs.

A work unit is one sample × one parameter of a numpy pass (what ``inline_work`` counts); other
work is charged in the same units, as measured against such a pass.
"""

import itertools

from starlette.concurrency import run_in_threadpool

from .errors import LimitError

DATASET_ROW_WORK = 20
"""Work units charged per dataset row: drawing it costs about as much as a small network's forward pass."""

RANDOM_NETWORK_WORK = 20
"""Work units per parameter of a new network: drawing it is cheap, its JSON (~0.25 µs a number) is not."""

GRAPH_WORK = 2000
"""Work units per sample × parameter of a drawn graph: its scalar nodes cost 70–180 µs per
sample × parameter, some 2000 times a numpy step's."""

UPDATE_WORK = 20
"""Work units per parameter of one update: the optimizer's arithmetic and checks touch every
parameter some 20 times, whatever the batch size (measured: Adam on a 10 × 64 network)."""

GRID_POINT_SHARE = 3
"""A grid point costs a forward pass only: about a third of a training sample's work."""


def parameter_count(network):
    """Weights and biases of a request's network (its lists, before any array is built)."""
    return sum(len(layer.weights) * (len(layer.weights[0]) + 1) for layer in network.layers)


def parameter_count_of_widths(widths):
    """Weights and biases of a network with columns of ``widths`` = [n_in, n_1, …, n_L]."""
    return sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(widths))


def step_work(body):
    """A step route's work: samples × parameters (one sample for /api/update, which has no inputs)."""
    return len(getattr(body, "inputs", [[]])) * parameter_count(body.network)


def dataset_work(samples):
    return samples * DATASET_ROW_WORK


def random_network_work(widths):
    return parameter_count_of_widths(widths) * RANDOM_NETWORK_WORK


def graph_work(samples, parameters, drawn):
    """The graph's work: a drawn graph costs ``GRAPH_WORK`` times a step; one left out, only the loss."""
    return samples * parameters * (GRAPH_WORK if drawn else 1)


def gradcheck_work(settings, samples, parameters):
    """2 forward passes per parameter, each samples × parameters plus a pass's fixed cost in Python;
    a ``LimitError`` on the network when that is over the compute budget."""
    per_pass = samples * parameters + settings.train_step_cost
    work = 2 * parameters * per_pass
    if work > settings.compute_budget:
        raise LimitError(
            ("network",),
            f"the gradient check would do 2 × {parameters} forward passes of {samples} samples × {parameters} "
            f"parameters + train_step_cost {settings.train_step_cost} = {work} units; the limit compute_budget is "
            f"{settings.compute_budget}: use fewer samples or parameters",
        )
    return work


def trace_size(network, samples):
    """How many entries the trace of one step has: neurons and deltas per sample, 2 per parameter."""
    return 2 * samples * sum(network.widths[1:]) + 1 + 2 * network.parameter_count


def epoch_work(parameter_count, train_rows, test_rows, batch_size, step_cost):
    """Work units of one epoch: samples × parameters, plus for every mini-batch ``step_cost`` (a
    step's fixed cost in Python, whatever its size) and ``UPDATE_WORK`` × parameters, plus
    ``step_cost`` for the pass over the test set."""
    updates = -(-train_rows // batch_size)
    per_update = step_cost + UPDATE_WORK * parameter_count
    return (train_rows + test_rows) * parameter_count + updates * per_update + (step_cost if test_rows else 0)


def samples_field(data, from_dataset):
    """Where a training request's samples are named: the dataset's, the test set's when larger, else inputs."""
    if from_dataset:
        return ("dataset", "samples")
    return ("test_inputs",) if len(data.x_test) > len(data.x) else ("inputs",)


def evaluation_work(settings, parameters, data, field):
    """The loss and accuracy after training, on every row; a ``LimitError`` on ``field`` when over budget."""
    n_train, n_test = len(data.x), len(data.x_test)
    rows = n_train + n_test
    evaluation = rows * parameters + settings.train_step_cost
    if evaluation > settings.compute_budget:
        split = f" ({n_train} to train, {n_test} to test)" if n_test else ""
        raise LimitError(
            field,
            f"evaluating the network on its {rows} samples{split} costs {evaluation} work units ({rows} samples × "
            f"{parameters} parameters + train_step_cost); the limit compute_budget is {settings.compute_budget}: "
            "use fewer samples or a smaller network",
        )
    return evaluation


def training_budget(settings, parameters, data, epochs, batch_size, evaluation, grid_points, field):
    """(epochs that fit, stopped reason or None, work dict) of a training request whose evaluation costs
    ``evaluation``, or a ``LimitError`` naming what does not fit: the grid's ``grid_points``, or one epoch."""
    n_train, budget = len(data.x), settings.compute_budget
    rows = n_train + len(data.x_test)
    per_epoch = epoch_work(parameters, n_train, len(data.x_test), batch_size, settings.train_step_cost)
    grid = 0
    if grid_points:
        grid = grid_points * parameters // GRID_POINT_SHARE + settings.train_step_cost
        if evaluation + grid > budget:
            raise LimitError(
                ("grid", "resolution"),
                f"the grid's {grid_points} points cost {grid} work units on top of {evaluation} for evaluating the "
                f"network; the limit compute_budget is {budget}: use a lower resolution",
            )
    fixed = evaluation + grid
    fits = (budget - fixed) // per_epoch
    work = {"per_epoch": per_epoch, "compute_budget": budget, "epochs_in_budget": fits, "fixed": fixed}
    if epochs > 0 and fits == 0:
        # Named where the learner can act: the batch size when the per-step cost dominates, else the samples.
        steps_cost = -(-n_train // batch_size) * settings.train_step_cost
        raise LimitError(
            ("batch_size",) if steps_cost > rows * parameters else field,
            f"one epoch costs {per_epoch} work units ({rows} samples × {parameters} parameters + train_step_cost "
            f"and the update per step), on top of {fixed} for the evaluation{' and the grid' if grid else ''}; the "
            f"limit compute_budget is {budget}: use fewer samples, a larger batch_size or a smaller network",
        )
    if epochs <= fits:
        return epochs, None, work
    stopped = (
        f"compute_budget: {epochs} epochs would cost {epochs * per_epoch} work units; "
        f"the limit compute_budget is {budget}, so {fits} ran"
    )
    return fits, stopped, work


async def run_engine(settings, work, function, *args):
    """Run small work on the event loop (fast); send larger work to a thread so it blocks nobody."""
    if work <= settings.inline_work:
        return function(*args)
    return await run_in_threadpool(function, *args)
