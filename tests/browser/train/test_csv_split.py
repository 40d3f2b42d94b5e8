"""An uploaded CSV is split into train and test rows by the server: the page holds out exactly the
server's test_count (the engine's held_out_count), for odd and even row counts."""

import httpx
import pytest

from app.engine.datasets import held_out_count
from tests.browser.train.lab import SLOW, open_lab, set_field, upload

pytestmark = pytest.mark.browser


def carries_rows(request):
    """A /api/train request with the CSV's own rows (a built-in dataset travels by name)."""
    return request.url.endswith("/api/train") and "inputs" in (request.post_data_json or {})


@pytest.mark.parametrize("rows", [5, 6])
def test_the_pages_test_rows_of_a_csv_equal_the_servers_test_count(explainer, server_url, rows):
    page = explainer
    text = "x,t\n" + "".join(f"{k / 10},{k % 2}\n" for k in range(rows))
    server = httpx.post(f"{server_url}/api/datasets/csv", json={"csv": text, "test_fraction": 0.5}).json()
    assert server["test_count"] == held_out_count(rows, 0.5)
    open_lab(page)
    set_field(page, "Test share", 0.5)
    with page.expect_request(carries_rows, timeout=SLOW) as sent:
        upload(page, "rows.csv", text)
    body = sent.value.post_data_json
    assert len(body.get("test_inputs", [])) == server["test_count"]
    assert len(body["inputs"]) == rows - server["test_count"]
