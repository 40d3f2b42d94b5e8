"""The built-in datasets and the learner's CSV, as plain dicts."""

from ...engine.datasets import DATASETS, DEFAULTS, MAX_NOISE, held_out_count, is_classification, make_dataset, parse_csv


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


def dataset_rows(name, samples, noise, seed, test_fraction):
    x, t = make_dataset(name, samples, noise, seed)
    return {
        "inputs": x.tolist(),
        "targets": t.tolist(),
        "kind": DATASETS[name].kind,
        "test_count": held_out_count(samples, test_fraction),
    }


def csv_rows(body, settings):
    x, t, header = parse_csv(body.csv, body.input_width, settings.max_samples, settings.max_neurons + 1)
    return {
        "inputs": x.tolist(),
        "targets": t.tolist(),
        "header": header,
        "kind": _kind(t),
        "test_count": held_out_count(len(x), body.test_fraction),
    }
