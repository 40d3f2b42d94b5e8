"""Random small networks with numbers up to 1e307: every endpoint answers 200 or 422, never a 500,
and its JSON holds no NaN or Infinity (an overflow anywhere is a 422 "diverged")."""

import itertools
import json
import random

import pytest

ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"]
EXPONENTS = [0, 1, 2, 77, 100, 154, 155, 200, 300, 307]  # around √max and max, where products overflow


def huge(rng):
    return rng.choice([-1, 1]) * rng.random() * 10 ** rng.choice(EXPONENTS)


def random_problem(rng):
    widths = [rng.randint(1, 3) for _ in range(rng.randint(2, 4))]
    layers = [
        {
            "weights": [[huge(rng) for _ in range(n_in)] for _ in range(n_out)],
            "biases": [huge(rng) for _ in range(n_out)],
            "activation": rng.choice(ACTIVATIONS),
        }
        for n_in, n_out in itertools.pairwise(widths)
    ]
    loss = rng.choice(["mse", "binary_cross_entropy", "cross_entropy"])
    layers[-1]["activation"] = {"binary_cross_entropy": "sigmoid", "cross_entropy": "softmax"}.get(
        loss, layers[-1]["activation"]
    )
    n, k = rng.randint(1, 3), widths[-1]
    if loss == "cross_entropy":
        targets = [[1.0] + [0.0] * (k - 1) for _ in range(n)]
    elif loss == "binary_cross_entropy":
        targets = [[rng.random() for _ in range(k)] for _ in range(n)]
    else:
        targets = [[huge(rng) for _ in range(k)] for _ in range(n)]
    inputs = [[huge(rng) for _ in range(widths[0])] for _ in range(n)]
    optimizer = rng.choice(
        [{"name": "sgd", "learning_rate": rng.choice([0.5, 1e6])}, {"name": "momentum"}, {"name": "adam"}]
    )
    return {"network": {"layers": layers}, "inputs": inputs, "targets": targets, "loss": loss}, optimizer


def requests_for(problem, optimizer):
    forward = {"network": problem["network"], "inputs": problem["inputs"]}
    train = {**problem, "optimizer": optimizer, "epochs": 2, "batch_size": 1, "grid": {"resolution": 4}}
    return [
        ("/api/forward", forward),
        ("/api/backward", problem),
        ("/api/step", {**problem, "optimizer": optimizer}),
        ("/api/graph", problem),
        ("/api/gradcheck", problem),
        ("/api/train", train),
    ]


def refuse_constant(name):
    raise ValueError(f"{name} in JSON")


@pytest.mark.parametrize("seed", range(4))
def test_huge_numbers_get_200_or_422_with_finite_json_on_every_endpoint(make_client, seed):
    client = make_client()
    rng = random.Random(seed)
    for _ in range(60):
        problem, optimizer = random_problem(rng)
        for path, body in requests_for(problem, optimizer):
            response = client.post(path, json=body)
            assert response.status_code in (200, 422), (path, body, response.text[:300])
            json.loads(response.text, parse_constant=refuse_constant)
