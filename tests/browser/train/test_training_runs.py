"""The training lab's runs in a real Chromium: the weights survive a reload mid-run, a new network
starts a new run, and the errors a learner meets on /api/train are said in the learner's words."""

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import SLOW, open_lab, press, saved_state, set_field, upload, wait_for_epochs

pytestmark = pytest.mark.browser

CIRCLE = {"name": "circle", "samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2}

# Records every save of the state (time, network) and every /api/step request the page makes.
RECORD_SAVES = """
window.__saves = [];
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key === "backprop-lab-state") window.__saves.push([performance.now(), JSON.parse(value).network]);
  return setItem.call(this, key, value);
};
"""


def epoch(page):
    return int(page.locator(".train-lab").get_attribute("data-epoch"))


def train_accuracy(page):
    """The train accuracy (in %) the lab shows, or None."""
    found = re.search(r"train accuracy ([\d.]+)%", page.locator(".train-metrics").inner_text())
    return float(found.group(1)) if found else None


def accuracy_of(server_url, state, dataset):
    """The train accuracy /api/train reports for the state's network on the dataset (no training)."""
    body = {k: state[k] for k in ("network", "loss", "optimizer")} | {"dataset": dataset, "epochs": 0}
    answer = httpx.post(f"{server_url}/api/train", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()["final"]["train_accuracy"]


def test_a_reload_while_training_keeps_the_weights_trained_so_far(explainer, server_url):
    page = explainer
    open_lab(page)
    page.get_by_label("Dataset").select_option("circle")
    press(page, "Train")
    accurate = "() => /train accuracy (9[5-9]|100)/.test(document.querySelector('.train-metrics').textContent)"
    page.wait_for_function(accurate, timeout=SLOW)
    assert page.get_by_role("button", name="Pause", exact=True).is_enabled(), "still training when reloaded"

    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    expect(page.locator(".train-metrics")).to_contain_text("train accuracy", timeout=SLOW)
    shown = train_accuracy(page)
    assert shown >= 90, f"after the reload the lab shows {shown}% (the untrained network's)"
    assert 100 * accuracy_of(server_url, saved_state(page), CIRCLE) == pytest.approx(shown, abs=0.05)


def test_while_training_the_saved_state_follows_the_run_about_once_a_second_without_new_traces(
    page, server_url, console_errors
):
    page.add_init_script(RECORD_SAVES)
    steps = []
    page.on("request", lambda r: "/api/step" in r.url and steps.append(r.url))
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    press(page, "Train")
    wait_for_epochs(page, 1)
    start, first_epoch, steps_before = page.evaluate("performance.now()"), epoch(page), len(steps)
    page.wait_for_timeout(3500)
    end, last_epoch = page.evaluate("performance.now()"), epoch(page)
    saves = page.evaluate("(t) => window.__saves.filter(([at]) => at >= t[0] && at <= t[1])", [start, end])
    networks = [json for _, json in saves]
    assert 2 <= len(saves) <= 5, f"{len(saves)} saves in 3.5 s of training"
    assert len({str(n) for n in networks}) == len(networks), "each save holds newer weights"
    assert last_epoch - first_epoch >= 2 * len(saves), "the run is not slowed to one chunk per save"
    assert len(steps) == steps_before, "no explainer trace is fetched while training"

    # A closed tab keeps trained weights, not the fresh network Train loaded.
    fresh = page.evaluate("window.__saves.find(([, network]) => network.layers.length === 3)[1]")
    context = page.context
    page.close()
    again = context.new_page()
    again.goto(server_url + "/")
    again.wait_for_selector("body[data-ready=true]")
    kept = saved_state(again)["network"]
    assert len(kept["layers"]) == 3 and kept != fresh
    assert console_errors == []


def test_new_network_for_this_data_starts_a_new_run_at_epoch_0_with_an_empty_loss_chart(explainer):
    page = explainer
    open_lab(page)
    press(page, "Train")
    wait_for_epochs(page, 5)
    press(page, "Pause")
    expect(page.get_by_role("status").filter(has_text="Paused at epoch")).to_be_visible(timeout=SLOW)
    open_lab(page)
    assert epoch(page) >= 5

    press(page, "New network for this data")
    chart = page.locator("svg.loss-chart")
    expect(page.locator(".train-lab")).to_have_attribute("data-epoch", "0", timeout=SLOW)
    expect(chart).to_have_attribute("data-points", "0")
    expect(page.locator(".epoch-counter .epoch-value")).to_have_text("0")

    press(page, "Train")
    wait_for_epochs(page, 2)
    press(page, "Pause")
    expect(page.get_by_role("status").filter(has_text="Paused at epoch")).to_be_visible(timeout=SLOW)
    open_lab(page)
    assert int(chart.get_attribute("data-points")) == epoch(page), "the chart holds this run's epochs only"


def test_a_regression_csv_under_a_classification_loss_names_the_loss_and_which_one_suits(explainer, console_errors):
    page = explainer
    open_lab(page)
    press(page, "New network for this data")  # 2-8-8-1 with a sigmoid output and binary cross-entropy, for XOR
    expect(page.locator(".train-network")).to_contain_text("2-8-8-1 (tanh, tanh, sigmoid)", timeout=SLOW)
    rows = "".join(f"{i % 5 / 4},{i % 3 / 2},{i % 4}\n" for i in range(40))  # targets 0, 1, 2, 3
    upload(page, "four.csv", "x1,x2,t\n" + rows)
    expect(page.get_by_role("status").filter(has_text="Loaded 40 rows")).to_contain_text("regression", timeout=SLOW)

    alert = page.get_by_role("alert").filter(has_text="Error")
    mismatch = "binary cross-entropy loss needs targets between 0 and 1, and your CSV (four.csv) has targets outside"
    suits = "they need mean squared error loss (mse)"
    expect(alert).to_contain_text(mismatch, timeout=SLOW)
    press(page, "Train")
    expect(alert).to_contain_text(f"training stopped at epoch 0: {mismatch}", timeout=SLOW)
    expect(alert).to_contain_text(suits)
    alert.locator("summary").click()
    expect(alert.locator("details code")).to_have_text(
        "targets: targets for 'binary_cross_entropy' must lie between 0 and 1"
    )

    press(page, "New network for this data")
    note = page.get_by_role("status").filter(has_text="fresh")
    expect(note).to_contain_text("Replaced the network 2-8-8-1 (binary cross-entropy loss) with a fresh 2-8-8-1")
    expect(note).to_contain_text("linear output")
    expect(note).not_to_contain_text("does not fit")
    press(page, "Train")
    wait_for_epochs(page, 2)
    expect(page.locator(".train-error")).to_be_hidden()
    press(page, "Pause")
    refused = [e for e in console_errors if "status of 422" in e]
    assert len(refused) >= 2
    console_errors[:] = [e for e in console_errors if e not in refused]


def test_an_epoch_too_costly_for_one_request_is_refused_in_the_learners_words(explainer, console_errors):
    page = explainer
    open_lab(page)
    set_field(page, "Samples", 2000)
    set_field(page, "Batch size", 1)
    press(page, "Train")
    alert = page.get_by_role("alert").filter(has_text="training stopped")
    expect(alert).to_contain_text(
        "one epoch of 2000 samples in batches of 1 is too much work for one request: "
        "use a larger batch size or fewer samples",
        timeout=SLOW,
    )
    expect(alert.locator(".message-text")).not_to_contain_text("work units")
    details = alert.locator("details")
    expect(details.locator("code")).to_be_hidden()
    details.locator("summary").click()
    expect(details.locator("code")).to_contain_text("the limit compute_budget is")
    refused = [e for e in console_errors if "status of 422" in e]
    console_errors[:] = [e for e in console_errors if e not in refused]


def test_a_chunk_cut_short_by_the_work_limit_says_how_many_epochs_fit(explainer):
    page = explainer
    open_lab(page)
    set_field(page, "Batch size", 1)
    set_field(page, "Epochs per update", 100)
    press(page, "Train")
    note = page.get_by_role("status").filter(has_text="Each update asks for")
    expect(note).to_contain_text(re.compile(r"Each update asks for 100 epochs, but only \d+ fit"), timeout=SLOW)
    expect(note.locator(".message-text")).to_contain_text('lower "Epochs per update".')
    expect(note.locator("details code")).to_contain_text("compute_budget")
    press(page, "Pause")
