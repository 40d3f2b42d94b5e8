"""The cost of work: what a request is charged, and the budget a gradient check must fit."""

import pytest

from app.api.errors import LimitError
from app.api.work import UPDATE_WORK, epoch_work, gradcheck_work, parameter_count_of_widths
from app.settings import Settings


def test_epoch_work_counts_samples_times_parameters_and_a_cost_per_step_and_update():
    # 100 training rows in batches of 30 → 4 updates, plus one pass over the 20 test rows.
    work = epoch_work(parameter_count=10, train_rows=100, test_rows=20, batch_size=30, step_cost=7)
    assert work == 120 * 10 + 4 * (7 + UPDATE_WORK * 10) + 7


def test_parameter_count_of_widths_counts_weights_and_biases():
    assert parameter_count_of_widths([2, 3, 1]) == (2 + 1) * 3 + (3 + 1) * 1


def test_gradcheck_work_is_two_passes_per_parameter_and_refused_over_the_budget():
    settings = Settings(train_step_cost=10, compute_budget=1000)
    assert gradcheck_work(settings, samples=2, parameters=5) == 2 * 5 * (2 * 5 + 10)
    with pytest.raises(LimitError, match="the limit compute_budget is 1000") as error:
        gradcheck_work(settings, samples=20, parameters=50)
    assert error.value.path == ("network",)
