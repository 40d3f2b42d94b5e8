"""The built-in datasets and the learner's CSV, as plain dicts."""

from fastapi import HTTPException

from ...engine import TooLargeError
from ...engine.datasets import DATASETS, DEFAULTS, MAX_NOISE, held_out_count, is_classification, make_dataset, parse_csv
from ..errors import LimitError
from ..work import dataset_work


def _kind(t):
    return "classification" if is_classification(t) else "regression"


def dataset_summaries(settings):
    return [
        {
            "name": name,
            "title": d.title,
            "kind": d.kind,
            "input_width": d.input_width,
            "output_width": 1,
            "defaults": DEFAULTS,
            "max_samples": settings.max_samples,
            "max_noise": MAX_NOISE,
        }
        for name, d in DATASETS.items()
    ]


def plan_rows(settings, samples):
    """Check ``samples`` (a query parameter) against max_samples; return the work of drawing the rows."""
    if samples > settings.max_samples:
        message = f"is {samples}; the limit max_samples is {settings.max_samples}"
        raise HTTPException(422, [{"loc": ["query", "samples"], "msg": message, "type": "limit_exceeded"}])
    return dataset_work(samples)


def dataset_rows(name, samples, noise, seed, test_fraction):
    x, t = make_dataset(name, samples, noise, seed)
    return {
        "inputs": x.tolist(),
        "targets": t.tolist(),
        "kind": DATASETS[name].kind,
        "test_count": held_out_count(samples, test_fraction),
    }


CSV_LIMITS = {
    "data rows": "the limit max_samples is {most}",
    "columns": "at most {most} (the limit max_neurons + 1)",
    "lines": "at most {most}, blank ones included (twice the limit max_samples + 1)",
}
"""What a CSV over a limit is told, by what it has too many of (the engine's ``TooLargeError.what``)."""


def csv_rows(settings, body):
    """The CSV's rows, or a ``LimitError`` naming the setting it has too many rows or columns for."""
    try:
        x, t, header = parse_csv(body.csv, body.input_width, settings.max_samples, settings.max_neurons + 1)
    except TooLargeError as error:
        limit = CSV_LIMITS[error.what].format(most=error.most)
        raise LimitError(error.path, f"has {error.size} {error.what}; {limit}") from None
    return {
        "inputs": x.tolist(),
        "targets": t.tolist(),
        "header": header,
        "kind": _kind(t),
        "test_count": held_out_count(len(x), body.test_fraction),
    }
