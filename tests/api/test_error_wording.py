"""Errors a beginner meets first say how to fix them: a JSON body sent without its content type
(curl -d sends a form's) and locations that are the body's own keys."""

import json

import pytest

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


def test_healthz_answers_head_for_monitors(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


def test_an_optimizer_without_a_name_says_which_names_there_are(client):
    body = {**preset_body("mazur-2-2-2"), "optimizer": {"learning_rate": 0.1}}
    detail = assert_refused(
        client.post("/api/step", json=body), ["optimizer"], 'needs a "name": one of sgd, momentum, adam'
    )
    assert "discriminator" not in detail["msg"]


def test_the_page_answers_head_for_monitors(client):
    response = client.head("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
