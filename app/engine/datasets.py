"""Toy datasets for the training lab, seeded so a shared link redraws the same points, and the
learner's own data parsed from CSV text.

Every generator maps ``(rng, samples, noise)`` to ``(x, t)``: x is N × n_in, t is N × 1. The
2-D sets lie in about [−1, 1]² with targets 0 or 1; noise is the standard deviation of the
Gaussian jitter added to each coordinate after the label is fixed, so points cross the boundary.
``sine`` is 1-D regression: x in [−1, 1], t = sin(πx) plus jitter of that size on the target.
Rows come out in random order, so the last rows can serve as the test set.
"""

import csv
import math
from dataclasses import dataclass

import numpy as np

from .network import NetworkError, TooLargeError

MAX_NOISE = 1.0
XOR_MARGIN = 0.05
"""XOR points keep this far from the axes, so noise 0 gives a clean boundary."""


def _shuffled(rng, x, t):
    order = rng.permutation(len(x))
    return x[order], t[order]


def _jitter(rng, x, noise):
    return x + rng.normal(0.0, noise, x.shape) if noise > 0 else x


def _class_sizes(samples):
    """(n₀, n₁): half the samples per class, class 0 taking the odd one."""
    return samples - samples // 2, samples // 2


def _labelled(rng, points_0, points_1, noise):
    x = np.vstack([points_0, points_1])
    t = np.concatenate([np.zeros(len(points_0)), np.ones(len(points_1))])[:, None]
    return _shuffled(rng, _jitter(rng, x, noise), t)


def xor(rng, samples, noise):
    """t = 1 where x₁ and x₂ have opposite signs (one of x₁ > 0, x₂ > 0, not both)."""
    x = rng.uniform(-1.0, 1.0, (samples, 2))
    x += np.sign(x) * XOR_MARGIN * (1.0 - np.abs(x))
    t = (x[:, 0] * x[:, 1] < 0).astype(np.float64)[:, None]
    return _shuffled(rng, _jitter(rng, x, noise), t)


def _ring(rng, n, r_min, r_max):
    r = rng.uniform(r_min, r_max, n)
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def circle(rng, samples, noise):
    """t = 1 inside radius 0.5, t = 0 on the ring 0.7 ≤ r ≤ 1."""
    n0, n1 = _class_sizes(samples)
    return _labelled(rng, _ring(rng, n0, 0.7, 1.0), _ring(rng, n1, 0.0, 0.5), noise)


def gaussians(rng, samples, noise):
    """Two blobs of spread 0.2: t = 1 around (0.5, 0.5), t = 0 around (−0.5, −0.5)."""
    n0, n1 = _class_sizes(samples)
    return _labelled(rng, rng.normal(-0.5, 0.2, (n0, 2)), rng.normal(0.5, 0.2, (n1, 2)), noise)


def _arm(n, phase):
    """One spiral arm: radius grows from 0 to 1 while the angle turns 1.75 times around."""
    s = np.arange(n) / max(n, 1)
    angle = 1.75 * 2.0 * np.pi * s + phase
    return np.column_stack([s * np.sin(angle), s * np.cos(angle)])


def spiral(rng, samples, noise):
    """Two interleaved spiral arms, t = 1 on one and t = 0 on the other (half a turn apart)."""
    n0, n1 = _class_sizes(samples)
    return _labelled(rng, _arm(n0, np.pi), _arm(n1, 0.0), noise)


def sine(rng, samples, noise):
    """Regression: t = sin(πx) for x in [−1, 1], with noise added to t."""
    x = rng.uniform(-1.0, 1.0, (samples, 1))
    return x, _jitter(rng, np.sin(np.pi * x), noise)


@dataclass(frozen=True)
class Dataset:
    generate: object
    kind: str
    """classification (targets 0 or 1) or regression."""
    input_width: int
    title: str


DATASETS = {
    "xor": Dataset(xor, "classification", 2, "XOR (opposite quadrants)"),
    "circle": Dataset(circle, "classification", 2, "A disc inside a ring"),
    "gaussians": Dataset(gaussians, "classification", 2, "Two Gaussian blobs"),
    "spiral": Dataset(spiral, "classification", 2, "Two interleaved spirals"),
    "sine": Dataset(sine, "regression", 1, "A sine curve, t = sin(πx)"),
}
DEFAULTS = {"samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2}


def make_dataset(name, samples, noise, seed):
    """``(x, t)`` of the named dataset from ``np.random.default_rng(seed)``: same arguments, same rows."""
    if name not in DATASETS:
        raise NetworkError(("name",), f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    if samples < 1:
        raise NetworkError(("samples",), f"must be at least 1, got {samples}")
    if not 0.0 <= noise <= MAX_NOISE:
        raise NetworkError(("noise",), f"must lie between 0 and {MAX_NOISE}, got {noise}")
    return DATASETS[name].generate(np.random.default_rng(seed), samples, noise)


def held_out_count(samples, test_fraction):
    """How many of the last rows form the test set: round(N·fraction), leaving at least one to train on."""
    if not 0.0 <= test_fraction < 1.0:
        raise NetworkError(("test_fraction",), f"must be at least 0 and below 1, got {test_fraction}")
    return min(round(samples * test_fraction), samples - 1)


def is_classification(t):
    """Targets that are class labels: one column of 0/1, or one-hot rows."""
    if not np.isin(t, (0.0, 1.0)).all():
        return False
    return t.shape[1] == 1 or bool((t.sum(axis=1) == 1.0).all())


# ---- the learner's own data, as CSV text ----


def _number(text, line, column):
    try:
        value = float(text)
    except ValueError:
        hint = " (a header row must hold only names)" if line == 1 else ""
        message = f"row {line}, column {column}: {text.strip()!r} is not a number{hint}"
        raise NetworkError(("csv",), message) from None
    if not math.isfinite(value):
        raise NetworkError(("csv",), f"row {line}, column {column}: {text.strip()!r} is not a finite number")
    return value


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _rows(text):
    """(line number, cells) for every non-blank line, numbered as a spreadsheet shows them."""
    reader = csv.reader(text.removeprefix("\ufeff").splitlines(), strict=True)
    try:
        return [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise NetworkError(("csv",), f"row {reader.line_num}: cannot be read as CSV ({error})") from None


def _check_separator(line, row):
    if len(row) == 1 and any(mark in row[0] for mark in ";\t"):
        raise NetworkError(("csv",), f"row {line} has 1 column: separate the columns with commas, not ';' or tabs")


def _check_columns(columns, input_width, max_columns):
    if columns < 2:
        raise NetworkError(("csv",), "each row needs at least 2 columns separated by commas: x1 … xn, then the target")
    if max_columns is not None and columns > max_columns:
        raise TooLargeError(("csv",), "columns", columns, max_columns)
    if input_width is not None and columns != input_width + 1:
        raise NetworkError(
            ("csv",),
            f"has {columns} columns ({columns - 1} input{'s' * (columns != 2)} and the target) but the network takes "
            f"{input_width} input{'s' * (input_width != 1)}, so each row needs {input_width + 1} columns",
        )


def parse_csv(text, input_width=None, max_rows=None, max_columns=None):
    """Rows of ``x1,…,xn,target`` (an optional header row of names) → ``(x, t, header)``.

    Raises ``NetworkError`` on the ``csv`` field saying what is wrong and on which row and column;
    ``TooLargeError`` for more than ``max_rows`` data rows or ``max_columns`` columns (None: any),
    and for more than ``2 · (max_rows + 1)`` lines (blank ones included), counted before any line is
    read: so text of a million short lines costs milliseconds to refuse, not seconds to read.
    """
    if max_rows is not None:
        lines = max(text.count("\n"), text.count("\r")) + 1
        if lines > 2 * (max_rows + 1):
            raise TooLargeError(("csv",), "lines", lines, 2 * (max_rows + 1))
    rows = _rows(text)
    if not rows:
        raise NetworkError(("csv",), "is empty: expected rows of x1 … xn, then the target")
    header = None
    first_line, first = rows[0]
    _check_separator(first_line, first)
    if not any(_is_number(cell) for cell in first):
        header, rows = [cell.strip() for cell in first], rows[1:]
        if not rows:
            raise NetworkError(("csv",), "has a header row but no data rows")
    if max_rows is not None and len(rows) > max_rows:
        raise TooLargeError(("csv",), "data rows", len(rows), max_rows)
    columns = len(header) if header else len(rows[0][1])
    _check_columns(columns, input_width, max_columns)
    where = "the header" if header else f"row {rows[0][0]}"
    values = []
    for line, row in rows:
        if len(row) != columns:
            raise NetworkError(("csv",), f"row {line} has {len(row)} columns but {where} has {columns}")
        values.append([_number(cell, line, column) for column, cell in enumerate(row, start=1)])
    data = np.array(values)
    return data[:, :-1], data[:, -1:], header
