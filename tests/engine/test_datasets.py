"""Built-in datasets (seeded, shaped, labelled as documented) and CSV parsing with clear errors."""

import numpy as np
import pytest

from app.engine import NetworkError, TooLargeError
from app.engine.datasets import DATASETS, held_out_count, is_classification, make_dataset, parse_csv


@pytest.mark.parametrize("name", list(DATASETS))
def test_dataset_has_the_documented_shape_and_kind(name):
    x, t = make_dataset(name, 51, 0.1, 3)
    assert x.shape == (51, DATASETS[name].input_width)
    assert t.shape == (51, 1)
    assert is_classification(t) == (DATASETS[name].kind == "classification")


@pytest.mark.parametrize("name", list(DATASETS))
def test_dataset_is_reproducible_with_the_same_seed_and_differs_with_another(name):
    x, t = make_dataset(name, 40, 0.2, 11)
    again_x, again_t = make_dataset(name, 40, 0.2, 11)
    other_x, _ = make_dataset(name, 40, 0.2, 12)
    np.testing.assert_array_equal(x, again_x)
    np.testing.assert_array_equal(t, again_t)
    assert not np.array_equal(x, other_x)


@pytest.mark.parametrize("name", ["circle", "gaussians", "spiral"])
def test_two_class_datasets_have_half_the_samples_in_each_class(name):
    _, t = make_dataset(name, 201, 0.0, 0)
    assert t.sum() == 100


@pytest.mark.parametrize("name", ["xor", "circle", "spiral"])
def test_datasets_without_noise_lie_within_the_unit_square(name):
    x, _ = make_dataset(name, 500, 0.0, 0)
    assert np.abs(x).max() <= 1.0


def test_xor_labels_points_whose_coordinates_have_opposite_signs():
    x, t = make_dataset("xor", 300, 0.0, 5)
    np.testing.assert_array_equal(t[:, 0], (x[:, 0] * x[:, 1] < 0).astype(float))


def test_circle_labels_the_inner_disc_one_and_the_outer_ring_zero():
    x, t = make_dataset("circle", 300, 0.0, 5)
    r = np.hypot(x[:, 0], x[:, 1])
    assert (r[t[:, 0] == 1] <= 0.5).all()
    assert (r[t[:, 0] == 0] >= 0.7).all()


def test_sine_without_noise_is_exactly_the_sine_of_pi_x():
    x, t = make_dataset("sine", 100, 0.0, 2)
    np.testing.assert_allclose(t, np.sin(np.pi * x))


def test_noise_moves_points_but_keeps_labels():
    clean_x, clean_t = make_dataset("circle", 100, 0.0, 9)
    noisy_x, noisy_t = make_dataset("circle", 100, 0.3, 9)
    assert not np.allclose(clean_x, noisy_x)
    assert clean_t.sum() == noisy_t.sum()


def test_rows_come_in_random_order_so_the_last_rows_hold_both_classes():
    _, t = make_dataset("gaussians", 200, 0.0, 0)
    assert 0 < t[-40:].sum() < 40


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"name": "moons"}, "name"), ({"samples": 0}, "samples"), ({"noise": 1.5}, "noise"), ({"noise": -0.1}, "noise")],
)
def test_make_dataset_rejects_bad_arguments_naming_the_parameter(kwargs, field):
    args = {"name": "xor", "samples": 10, "noise": 0.0, "seed": 0, **kwargs}
    with pytest.raises(NetworkError) as error:
        make_dataset(**args)
    assert error.value.path == (field,)


def test_held_out_count_rounds_and_always_leaves_a_training_row():
    assert held_out_count(200, 0.2) == 40
    assert held_out_count(1, 0.9) == 0
    assert held_out_count(5, 0.99) == 4


# ---- CSV ----


def test_csv_with_a_header_gives_inputs_targets_and_the_names():
    x, t, header = parse_csv("x1,x2,label\n0,0,0\n0,1,1\n\n1,0,1\n")
    np.testing.assert_array_equal(x, [[0, 0], [0, 1], [1, 0]])
    np.testing.assert_array_equal(t, [[0], [1], [1]])
    assert header == ["x1", "x2", "label"]


def test_csv_without_a_header_reads_every_row_as_data():
    x, t, header = parse_csv("0.5,-1.25\n2e-3,4\n")
    np.testing.assert_array_equal(x, [[0.5], [0.002]])
    np.testing.assert_array_equal(t, [[-1.25], [4.0]])
    assert header is None


def _csv_error(text, **kwargs):
    with pytest.raises(NetworkError) as error:
        parse_csv(text, **kwargs)
    assert error.value.path == ("csv",)
    return str(error.value)


def test_csv_empty_file_says_it_is_empty():
    assert "is empty" in _csv_error("")
    assert "is empty" in _csv_error("\n  \n")


def test_csv_header_alone_says_there_are_no_data_rows():
    assert "header row but no data rows" in _csv_error("x1,x2,y\n")


def test_csv_ragged_row_names_the_row_and_both_counts():
    assert _csv_error("x,y,t\n1,2,3\n4,5\n") == "row 3 has 2 columns but the header has 3"
    assert _csv_error("1,2,3\n4,5,6,7\n") == "row 2 has 4 columns but row 1 has 3"


def test_csv_non_number_names_the_row_column_and_text():
    assert _csv_error("x,t\n1,2\n3,abc\n") == "row 3, column 2: 'abc' is not a number"


def test_csv_nan_and_infinity_are_refused_as_not_finite():
    assert _csv_error("1,nan\n") == "row 1, column 2: 'nan' is not a finite number"
    assert "'inf' is not a finite number" in _csv_error("1,2\ninf,3\n")


def test_csv_with_more_rows_than_max_rows_is_too_large_saying_how_many():
    with pytest.raises(TooLargeError) as error:
        parse_csv("1,2\n" * 11, max_rows=10)
    assert (error.value.path, str(error.value)) == (("csv",), "has 11 data rows; at most 10")
    assert (error.value.what, error.value.size, error.value.most) == ("data rows", 11, 10)


def test_csv_of_more_lines_than_twice_max_rows_is_refused_before_any_line_is_read(monkeypatch):
    import app.engine.datasets as datasets

    monkeypatch.setattr(datasets, "_rows", lambda text: pytest.fail("a line was read"))
    with pytest.raises(TooLargeError) as error:
        parse_csv("1,2\n" * 400_000, max_rows=10)
    assert (error.value.what, error.value.size, error.value.most) == ("lines", 400_001, 22)
    with pytest.raises(TooLargeError):
        parse_csv("\r" * 23, max_rows=10)  # old Mac line ends count too


def test_csv_with_blank_lines_up_to_twice_max_rows_is_still_read():
    x, _, _ = parse_csv("1,2\n\n" * 10 + "\n", max_rows=10)
    assert x.shape == (10, 1)


def test_csv_columns_not_matching_the_network_say_how_many_are_needed():
    message = _csv_error("1,2,3\n", input_width=1)
    assert (
        message == "has 3 columns (2 inputs and the target) but the network takes 1 input, so each row needs 2 columns"
    )
    assert _csv_error("1,2\n", input_width=2).startswith(
        "has 2 columns (1 input and the target) but the network takes 2 inputs"
    )


def test_csv_single_column_or_wrong_separator_asks_for_commas():
    assert "at least 2 columns" in _csv_error("1\n2\n")
    assert "separate the columns with commas" in _csv_error("1;2;3\n4;5;6\n")


def test_csv_with_more_columns_than_max_columns_is_too_large_saying_how_many():
    with pytest.raises(TooLargeError) as error:
        parse_csv(",".join(["1"] * 6) + "\n", max_columns=5)
    assert (str(error.value), error.value.what, error.value.most) == ("has 6 columns; at most 5", "columns", 5)


def test_csv_without_limits_takes_any_number_of_rows_and_columns():
    x, t, _ = parse_csv(("1," * 80 + "0\n") * 3000)
    assert x.shape == (3000, 80) and t.shape == (3000, 1)


def test_csv_mixed_first_row_is_data_and_its_word_is_reported():
    assert _csv_error("x1,2,3\n") == "row 1, column 1: 'x1' is not a number (a header row must hold only names)"


def test_csv_unclosed_quote_is_reported_not_read_as_a_header():
    assert _csv_error('"1,2\n3,4\n').startswith("row 2: cannot be read as CSV")
