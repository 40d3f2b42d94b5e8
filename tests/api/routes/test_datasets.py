"""/api/datasets: the list, seeded rows, query limits, and CSV upload with errors that say where."""

import pytest

from app.engine.datasets import DEFAULTS, held_out_count


def _detail(response, status=422):
    assert response.status_code == status, response.text
    return response.json()["detail"][0]


def test_list_names_every_dataset_with_kind_width_and_defaults(client):
    response = client.get("/api/datasets")
    assert response.status_code == 200
    by_name = {d["name"]: d for d in response.json()}
    assert set(by_name) == {"xor", "circle", "gaussians", "spiral", "sine"}
    assert by_name["xor"]["kind"] == "classification" and by_name["xor"]["input_width"] == 2
    assert by_name["sine"]["kind"] == "regression" and by_name["sine"]["input_width"] == 1
    assert by_name["circle"]["defaults"]["samples"] == 200
    assert by_name["circle"]["max_samples"] == 2000


@pytest.mark.parametrize("name", ["xor", "circle", "gaussians", "spiral", "sine"])
def test_dataset_rows_have_the_asked_size_and_repeat_with_the_seed(client, name):
    query = {"samples": 30, "noise": 0.1, "seed": 4, "test_fraction": 0.5}
    first = client.get(f"/api/datasets/{name}", params=query)
    assert first.status_code == 200, first.text
    body = first.json()
    assert len(body["inputs"]) == len(body["targets"]) == 30
    assert body["test_count"] == 15
    assert first.json() == client.get(f"/api/datasets/{name}", params=query).json()
    assert body != client.get(f"/api/datasets/{name}", params={**query, "seed": 5}).json()


def test_classification_targets_are_zero_or_one_in_single_column_rows(client):
    targets = client.get("/api/datasets/spiral").json()["targets"]
    assert all(len(row) == 1 and row[0] in (0.0, 1.0) for row in targets)


def test_unknown_dataset_is_a_422_naming_the_path_parameter(client):
    detail = _detail(client.get("/api/datasets/moons"))
    assert detail["loc"] == ["path", "name"]


def test_samples_beyond_max_samples_is_refused_naming_the_limit(make_client):
    detail = _detail(make_client(max_samples=50).get("/api/datasets/xor", params={"samples": 51}))
    assert detail["loc"] == ["query", "samples"]
    assert "max_samples is 50" in detail["msg"]


@pytest.mark.parametrize(("param", "value"), [("noise", 2), ("noise", "nan"), ("samples", 0), ("seed", -1)])
def test_out_of_range_query_is_refused_naming_the_parameter(client, param, value):
    assert _detail(client.get("/api/datasets/circle", params={param: value}))["loc"] == ["query", param]


# ---- CSV ----


def test_csv_upload_returns_inputs_targets_header_and_kind(client):
    response = client.post("/api/datasets/csv", json={"csv": "a,b,t\n0,1,1\n1,1,0\n", "input_width": 2})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "inputs": [[0.0, 1.0], [1.0, 1.0]],
        "targets": [[1.0], [0.0]],
        "header": ["a", "b", "t"],
        "kind": "classification",
        "test_count": 0,
    }


@pytest.mark.parametrize(("rows", "fraction", "held_out"), [(5, 0.5, 2), (6, 0.5, 3), (10, None, 2), (3, 0.9, 2)])
def test_csv_answer_holds_out_the_engines_test_count(client, rows, fraction, held_out):
    body = {"csv": "1,2\n" * rows} | ({} if fraction is None else {"test_fraction": fraction})
    response = client.post("/api/datasets/csv", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["test_count"] == held_out == held_out_count(rows, fraction or DEFAULTS["test_fraction"])


@pytest.mark.parametrize("fraction", [1, -0.1, "0.5"])
def test_csv_test_fraction_outside_0_to_1_is_refused_naming_it(client, fraction):
    detail = _detail(client.post("/api/datasets/csv", json={"csv": "1,2\n", "test_fraction": fraction}))
    assert detail["loc"] == ["body", "test_fraction"]


@pytest.mark.parametrize(
    ("csv", "width", "message"),
    [
        ("", None, "is empty: expected rows of x1 … xn, then the target"),
        ("x,t\n", None, "has a header row but no data rows"),
        ("1,2\n3,4,5\n", None, "row 2 has 3 columns but row 1 has 2"),
        ("1,2\n3,four\n", None, "row 2, column 2: 'four' is not a number"),
        (
            "1,2,3\n",
            1,
            "has 3 columns (2 inputs and the target) but the network takes 1 input, so each row needs 2 columns",
        ),
    ],
    ids=["empty", "header-only", "ragged", "not-a-number", "wrong-width"],
)
def test_csv_errors_say_what_is_wrong_and_where(client, csv, width, message):
    detail = _detail(client.post("/api/datasets/csv", json={"csv": csv, "input_width": width}))
    assert detail["loc"] == ["body", "csv"]
    assert detail["msg"] == message


def test_csv_with_more_rows_than_max_samples_names_the_limit(make_client):
    response = make_client(max_samples=3).post("/api/datasets/csv", json={"csv": "1,2\n" * 4})
    assert _detail(response) == {
        "loc": ["body", "csv"],
        "msg": "has 4 data rows; the limit max_samples is 3",
        "type": "limit_exceeded",
    }


def test_csv_of_a_million_short_lines_is_refused_naming_the_line_limit(client):
    response = client.post("/api/datasets/csv", json={"csv": "1\n" * 600_000})
    assert _detail(response) == {
        "loc": ["body", "csv"],
        "msg": "has 600001 lines; at most 4002, blank ones included (twice the limit max_samples + 1)",
        "type": "limit_exceeded",
    }


def test_csv_with_more_columns_than_max_neurons_allows_names_the_limit(make_client):
    response = make_client(max_neurons=2).post("/api/datasets/csv", json={"csv": "1,2,3,4\n"})
    assert _detail(response)["type"] == "limit_exceeded"
    assert _detail(response)["msg"] == "has 4 columns; at most 3 (the limit max_neurons + 1)"


def test_csv_text_is_parsed_never_evaluated(client):
    response = client.post("/api/datasets/csv", json={"csv": "__import__('os').getcwd(),1\n"})
    assert "is not a number" in _detail(response)["msg"]


def test_csv_path_takes_only_post_and_says_so(client):
    response = client.get("/api/datasets/csv")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert client.put("/api/datasets/csv", json={"csv": "1,2"}).headers["allow"] == "POST"
