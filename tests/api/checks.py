"""Assertions the API tests share: JSON with no NaN, and a 4xx detail that names a field."""

import json


def strict_json(response):
    """The body parsed by a JSON parser that refuses NaN and Infinity (as browsers' JSON.parse does)."""

    def refuse(literal):
        raise ValueError(f"the response holds {literal}, which is not JSON")

    return json.loads(response.text, parse_constant=refuse)


def assert_refused(response, loc, *words, status=422):
    """``response`` is a ``status`` whose detail has an item at ``loc`` (after "body") whose msg has ``words``."""
    assert response.status_code == status, response.text
    detail = strict_json(response)["detail"]
    assert isinstance(detail, list), detail
    locs = [item["loc"] for item in detail]
    matching = [item for item in detail if item["loc"] == ["body", *loc]]
    assert matching, f"no detail at {['body', *loc]}; got {locs}"
    msgs = " | ".join(item["msg"] for item in matching)
    for word in words:
        assert word in msgs, f"{word!r} not in {msgs!r}"
    return matching[0]
