"""The training lab in a real Chromium: train, watch the counter, chart and heatmap move, pause into
and step the paused network in the explainer; CSV errors; the 1-D curve; divergence; training settings in the state."""

import base64
import json
import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.page_format import fmt, shown_math
from tests.browser.train.lab import SLOW, open_lab, saved_state, upload, wait_for_epochs

pytestmark = pytest.mark.browser

XOR = {"name": "xor", "samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2}


def lab_number(page, selector, attribute):
    value = page.locator(selector).get_attribute(attribute)
    return float(value) if value not in (None, "") else None


def fragment(state):
    text = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    return f"#state={text}"


def test_training_moves_counter_chart_and_heatmap_and_pause_steps_the_trained_network(explainer, server_url):
    page = explainer
    open_lab(page)
    page.get_by_label("Dataset").select_option("xor")
    heatmap = page.locator("canvas.heatmap")
    expect(heatmap).to_have_attribute("data-updates", re.compile(r"^[1-9]"), timeout=SLOW)
    corner_before, picture_before = heatmap.get_attribute("data-corner"), heatmap.screenshot()

    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_epochs(page, 3)
    counter = page.locator(".epoch-counter .epoch-value")
    first = int(counter.inner_text())
    rising = "(n) => Number(document.querySelector('.epoch-value').textContent) > n"
    page.wait_for_function(rising, arg=first, timeout=SLOW)
    wait_for_epochs(page, 8)
    chart = page.locator("svg.loss-chart")
    assert int(chart.get_attribute("data-points")) >= 8
    assert len(chart.locator("polyline.train").get_attribute("points").split()) >= 8
    assert len(chart.locator("polyline.test").get_attribute("points").split()) >= 8
    expect(chart.locator("text.axis-label")).to_have_text(["epoch", "loss L"])
    assert heatmap.get_attribute("data-corner") != corner_before
    assert heatmap.screenshot() != picture_before

    page.get_by_role("button", name="Pause", exact=True).click()
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled(timeout=SLOW)
    epochs = page.locator(".train-lab").get_attribute("data-epoch")
    page.get_by_role("button", name="Step through one update", exact=True).click()
    network_toggle = page.get_by_role("button", name="Network", exact=True)
    expect(network_toggle).to_have_attribute("aria-pressed", "true", timeout=SLOW)
    expect(page.get_by_role("status").filter(has_text="Note")).to_contain_text(
        f"stepping through one update on sample 1 of XOR (opposite quadrants) with the weights after {epochs} epochs"
    )
    expect(page.get_by_role("button", name="Step forward")).to_be_enabled(timeout=SLOW)

    # The explainer holds the trained network, the first training row and the optimizer's state.
    state = saved_state(page)
    rows = httpx.get(f"{server_url}/api/datasets/xor", params={k: v for k, v in XOR.items() if k != "name"}).json()
    assert state["inputs"] == [rows["inputs"][0]] and state["targets"] == [rows["targets"][0]]
    assert state["optimizer"]["name"] == "adam" and state["optimizer_state"]["step"] > 0
    body = {k: state[k] for k in ("network", "loss", "optimizer")}
    check = httpx.post(f"{server_url}/api/train", json=body | {"dataset": XOR, "epochs": 0, "grid": {"resolution": 50}})
    assert check.status_code == 200
    answer = check.json()
    assert float(heatmap.get_attribute("data-corner")) == answer["grid"]["values"][0][0]
    assert f"train loss {fmt(answer['final']['train_loss'])}" in page.locator(".train-metrics").inner_text()

    batch = {k: state[k] for k in ("inputs", "targets", "optimizer_state")}
    step = httpx.post(f"{server_url}/api/step", json=body | batch)
    trace = step.json()["trace"]
    page.get_by_role("button", name="Step forward").click()
    explanation = page.get_by_role("region", name="Explanation")
    expect(explanation).to_contain_text(f"sub-step 1 of {len(trace)}", timeout=SLOW)
    assert trace[0]["kind"] == "neuron"
    for number in (trace[0]["z"], trace[0]["a"]):
        assert fmt(number, tex=True) in shown_math(page)


def test_leaving_the_lab_while_training_pauses_into_the_chosen_view(explainer):
    page = explainer
    open_lab(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_epochs(page, 2)
    page.get_by_role("button", name="Graph", exact=True).click()
    note = page.get_by_role("status").filter(has_text="Note")
    expect(note).to_contain_text("Training paused at epoch", timeout=SLOW)
    expect(page.get_by_role("button", name="Graph", exact=True)).to_have_attribute("aria-pressed", "true")
    epochs = page.locator(".train-lab").get_attribute("data-epoch")
    page.wait_for_timeout(500)
    assert page.locator(".train-lab").get_attribute("data-epoch") == epochs, "no training after the pause"
    assert len(saved_state(page)["inputs"]) == 1


BAD_CSV = {
    "ragged.csv": "x,t\n1,2\n3\n",
    "words.csv": "x,t\n1,0\nabc,1\n",
    "too-wide.csv": "x1,x2,t\n0,1,1\n1,0,1\n",
    "too-long.csv": "x,t\n" + "0.5,1\n" * 2001,
}


def test_a_bad_csv_shows_the_apis_error_and_a_good_one_loads(explainer, server_url, console_errors):
    page = explainer
    open_lab(page)
    alert = page.get_by_role("alert").filter(has_text="was not loaded")
    for name, text in BAD_CSV.items():
        refusal = httpx.post(f"{server_url}/api/datasets/csv", json={"csv": text, "input_width": 1})
        assert refusal.status_code == 422, name
        message = refusal.json()["detail"][0]["msg"]
        upload(page, name, text)
        expect(alert).to_contain_text(f"{name} was not loaded: csv: {message}", timeout=SLOW)
    expect(alert).not_to_contain_text("Change the network's inputs")
    upload(page, "too-wide.csv", BAD_CSV["too-wide.csv"])
    expect(alert).to_contain_text("Change the network's inputs in the editor", timeout=SLOW)
    upload(page, "square.csv", "x,t\n" + "".join(f"{i / 10 - 1},{(i / 10 - 1) ** 2}\n" for i in range(21)))
    loaded = page.get_by_role("status").filter(has_text="square.csv")
    expect(loaded).to_contain_text("Loaded 21 rows of square.csv", timeout=SLOW)
    expect(alert).to_be_hidden()
    expect(page.get_by_label("Dataset")).to_have_value("csv")
    # The browser logs each refused request (HTTP 422) itself; nothing else may reach the console.
    refused = [e for e in console_errors if "status of 422" in e]
    assert len(refused) == len(BAD_CSV) + 1
    console_errors[:] = [e for e in console_errors if e not in refused]


def test_a_re_uploaded_csv_of_the_same_name_starts_a_new_loss_history(explainer):
    page = explainer
    open_lab(page)
    upload(page, "data.csv", "x,t\n" + "".join(f"{i / 10 - 1},{(i / 10 - 1) ** 2}\n" for i in range(21)))
    expect(page.get_by_role("status").filter(has_text="Loaded 21 rows")).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_epochs(page, 2)
    page.get_by_role("button", name="Pause", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Paused at epoch")).to_be_visible(timeout=SLOW)
    assert lab_number(page, "svg.loss-chart", "data-points") >= 2
    upload(page, "data.csv", "x,t\n" + "".join(f"{i / 10 - 1},{(i / 10 - 1) ** 3}\n" for i in range(15)))
    expect(page.get_by_role("status").filter(has_text="Loaded 15 rows")).to_be_visible(timeout=SLOW)
    expect(page.locator(".train-lab")).to_have_attribute("data-epoch", "0", timeout=SLOW)
    expect(page.locator("svg.loss-chart")).to_have_attribute("data-points", "0")


def test_switching_views_quickly_shows_the_last_one_clicked(explainer):
    page = explainer
    # Both clicks in one task: the Training view's module is still loading when Network is asked for.
    page.evaluate("""() => {
        const buttons = [...document.querySelectorAll("#view-toggle button")];
        const button = (name) => buttons.find((b) => b.textContent === name);
        button("Training").click();
        button("Network").click();
    }""")
    page.wait_for_selector("#view-training .train-lab", state="attached", timeout=SLOW)
    expect(page.locator("#view-training")).to_be_hidden()
    expect(page.locator("#view-network")).to_be_visible()
    expect(page.get_by_role("button", name="Network", exact=True)).to_have_attribute("aria-pressed", "true")


def test_sine_shows_the_fitted_curve_over_the_points(explainer):
    page = explainer
    open_lab(page)
    page.get_by_label("Dataset").select_option("sine")
    page.get_by_role("button", name="New network for this data").click()
    expect(page.locator(".train-network")).to_contain_text("network 1-8-8-1 (tanh, tanh, linear)", timeout=SLOW)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_epochs(page, 3)
    page.get_by_role("button", name="Pause", exact=True).click()
    open_lab(page)
    curve = page.locator("svg.curve-plot")
    expect(curve).to_be_visible(timeout=SLOW)
    expect(page.locator("canvas.heatmap")).to_be_hidden()
    assert len(curve.locator("polyline.fit-line").get_attribute("points").split()) == 50
    assert curve.locator("circle.point").count() == 200
    assert curve.locator("circle.point.test").count() == 40


def test_a_diverging_run_stops_and_shows_the_apis_error(page, server_url, console_errors):
    network = {
        "layers": [
            {"weights": [[0.5], [-0.3]], "biases": [0, 0], "activation": "linear"},
            {"weights": [[0.4, 0.2]], "biases": [0], "activation": "linear"},
        ]
    }
    state = {
        "network": network,
        "inputs": [[0.5]],
        "targets": [[1.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 1000},
        "train": {"dataset": "sine"},
    }
    page.goto(server_url + "/" + fragment(state))
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="training stopped")).to_contain_text("diverged", timeout=SLOW)
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled()
    expect(page.get_by_role("button", name="Pause", exact=True)).to_be_disabled()
    assert [e for e in console_errors if "status of 422" not in e] == []


def test_training_settings_survive_a_reload_and_bad_ones_in_a_link_are_ignored(page, server_url, console_errors):
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    noise = page.get_by_label("Noise")
    noise.fill("0.1")
    noise.press("Enter")
    page.get_by_label("Dataset").select_option("circle")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    expect(page.get_by_label("Noise")).to_have_value("0.1")
    expect(page.get_by_label("Dataset")).to_have_value("circle")

    state = saved_state(page) | {"train": {"dataset": "moons", "samples": -5, "noise": 0.3}}
    page.goto(server_url + "/" + fragment(state))
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    note = page.get_by_role("status").filter(has_text="Note")
    expect(note).to_contain_text("ignored train.dataset")
    expect(note).to_contain_text("ignored train.samples")
    open_lab(page)
    expect(page.get_by_label("Samples")).to_have_value("200")
    expect(page.get_by_label("Noise")).to_have_value("0.3")
    assert console_errors == []


def test_the_lab_fits_a_375px_phone_without_horizontal_scroll(page, server_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    expect(page.locator("canvas.heatmap")).to_have_attribute("data-updates", re.compile(r"^[1-9]"), timeout=SLOW)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
