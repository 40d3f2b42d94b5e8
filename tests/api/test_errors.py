"""422 answers a learner can act on: errors a beginner meets first say how to fix them (a JSON body
sent without its content type, locations that are the body's own keys), and a body full of
mistakes gets a short answer — each list stops at its first bad item, and no answer lists more
than ``MAX_LISTED_ERRORS`` errors, so a crafted 1–2 MB body can neither make a 100 MB answer nor
keep a worker busy for seconds listing them."""

import json

import pytest

from app.api.errors import MAX_LISTED_ERRORS, listed_errors
from tests.api.checks import assert_refused
from tests.bodies import preset_body

FORWARD = preset_body("mazur-2-2-2", "network", "inputs")


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        ({"content-type": "application/x-www-form-urlencoded"}, "Content-Type is 'application/x-www-form-urlencoded'"),
        ({"content-type": "text/plain"}, "Content-Type is 'text/plain'"),
        ({}, "has no Content-Type"),
    ],
    ids=["curl-d-form", "text", "none"],
)
def test_a_json_body_without_the_json_content_type_says_to_send_it(client, headers, said):
    response = client.post("/api/forward", content=json.dumps(FORWARD), headers=headers)
    assert_refused(response, [], "must be JSON sent with the header Content-Type: application/json", said, "curl: -H")


def test_a_body_that_is_not_an_object_keeps_the_usual_message_when_sent_as_json(client):
    response = client.post("/api/forward", json=[1, 2])
    detail = assert_refused(response, [], "valid dictionary")
    assert "Content-Type" not in detail["msg"]


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_an_optimizer_error_is_located_by_the_body_keys_without_the_union_tag(client, name):
    body = {**preset_body("mazur-2-2-2"), "optimizer": {"name": name, "learning_rate": -1}}
    assert_refused(client.post("/api/step", json=body), ["optimizer", "learning_rate"], "greater than or equal to 0")


def test_an_optimizer_without_a_name_says_which_names_there_are(client):
    body = {**preset_body("mazur-2-2-2"), "optimizer": {"learning_rate": 0.1}}
    detail = assert_refused(
        client.post("/api/step", json=body), ["optimizer"], 'needs a "name": one of sgd, momentum, adam'
    )
    assert "discriminator" not in detail["msg"]


# ---- a body full of mistakes ----

JSON = {"content-type": "application/json"}


def post_raw(client, path, text):
    return client.post(path, content=text.encode(), headers=JSON)


def test_half_a_million_bad_widths_are_one_error_naming_the_first(client):
    text = '{"widths": [2, ' + ", ".join(["0"] * 500_000) + '], "activations": ["tanh"]}'
    response = post_raw(client, "/api/networks/random", text)
    assert response.status_code == 422
    assert len(response.content) < 2_000
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "widths", 1]
    assert "greater than or equal to 1" in error["msg"]


def test_a_hundred_thousand_rows_of_text_are_one_error_naming_the_first_number(client):
    network = json.dumps(preset_body("mazur-2-2-2", "network")["network"])
    rows = ", ".join(['["x", 1]'] * 100_000)
    response = post_raw(client, "/api/forward", f'{{"network": {network}, "inputs": [[0.5, 0.1], {rows}]}}')
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "inputs", 1, 0]
    assert error["type"] == "float_type"


def test_every_matrix_of_a_step_stops_at_its_first_bad_number(client):
    body = preset_body("mazur-2-2-2", "network", "inputs", "targets", "loss", "optimizer")
    body["network"]["layers"][1]["weights"] = [["a", "b"], ["c", "d"]]
    body["targets"] = [[None, None]]
    detail = client.post("/api/step", json=body).json()["detail"]
    assert [e["loc"] for e in detail] == [
        ["body", "network", "layers", 1, "weights", 0, 0],
        ["body", "targets", 0, 0],
    ]


def test_many_unknown_fields_are_listed_up_to_the_cap_then_summed_up(client):
    forward = preset_body("mazur-2-2-2", "network", "inputs")
    unknown = ", ".join(f'"k{i}": 0' for i in range(50_000))
    text = json.dumps(forward)[:-1] + ", " + unknown + "}"
    response = post_raw(client, "/api/forward", text)
    assert response.status_code == 422
    assert len(response.content) < 10_000
    detail = response.json()["detail"]
    assert len(detail) == MAX_LISTED_ERRORS + 1
    assert detail[0] == {"loc": ["body", "k0"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
    # The shape check (body_shape.py) stops at the first unknown field past the cap, uncounted.
    assert detail[-1] == {"loc": ["body"], "msg": "and more errors not listed", "type": "too_many_errors"}


def test_a_few_errors_are_all_listed_as_fastapi_words_them(client):
    forward = preset_body("mazur-2-2-2", "network", "inputs")
    response = client.post("/api/forward", json={**forward, "a": 1, "b": 2})
    assert response.json()["detail"] == [
        {"loc": ["body", name], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
        for name in ("a", "b")
    ]


def test_listed_errors_keeps_the_first_ones_in_order_and_counts_the_rest():
    errors = [{"loc": ("body", i), "msg": "bad", "type": "t", "input": float("nan")} for i in range(25)]
    detail = listed_errors(errors)
    assert [e["loc"] for e in detail[:-1]] == [["body", i] for i in range(MAX_LISTED_ERRORS)]
    assert all("input" not in e for e in detail)
    assert detail[-1]["msg"] == f"and {25 - MAX_LISTED_ERRORS} more errors not listed"
    assert listed_errors(errors[:MAX_LISTED_ERRORS]) == detail[:-1]
