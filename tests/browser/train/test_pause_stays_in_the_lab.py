"""Pause stops training and stays in the lab (boundary, chart and counter where they were, no page
note); Train goes on from there; "Step through one update" is the separate, named way into the
explainer with the paused network and the first training sample."""

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import SLOW, open_lab, press, saved_state, wait_for_epochs

pytestmark = pytest.mark.browser

XOR = {"samples": 200, "noise": 0.0, "seed": 0, "test_fraction": 0.2}


def epoch(page):
    return int(page.locator(".train-lab").get_attribute("data-epoch"))


def pause(page):
    press(page, "Pause")
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled(timeout=SLOW)
    return epoch(page)


def test_pause_stays_in_the_lab_with_its_boundary_and_chart_and_train_goes_on_from_there(explainer):
    page = explainer
    open_lab(page)
    press(page, "Train")
    wait_for_epochs(page, 3)
    paused_at = pause(page)

    expect(page.get_by_role("button", name="Training", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("canvas.heatmap")).to_be_visible()
    chart = page.locator("svg.loss-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("data-points", str(paused_at))
    lab_status = page.locator(".train-lab").get_by_role("status")
    expect(lab_status).to_contain_text(f"Paused at epoch {paused_at}")
    expect(page.locator("#state-panel")).not_to_contain_text("Paused")
    page.wait_for_timeout(400)
    assert epoch(page) == paused_at, "no training after the pause"

    press(page, "Train")
    wait_for_epochs(page, paused_at + 2)
    again = pause(page)
    expect(chart).to_have_attribute("data-points", str(again))  # one run: the chart goes on


def test_step_through_one_update_opens_the_paused_network_in_the_explainer(explainer, server_url):
    page = explainer
    open_lab(page)
    step_through = page.get_by_role("button", name="Step through one update", exact=True)
    press(page, "Train")
    expect(step_through).to_be_disabled(timeout=SLOW)  # while training: the weights change
    wait_for_epochs(page, 3)
    pause(page)
    paused = saved_state(page)["network"]

    step_through.click()
    expect(page.get_by_role("button", name="Network", exact=True)).to_have_attribute(
        "aria-pressed", "true", timeout=SLOW
    )
    expect(page.get_by_role("button", name="Step forward")).to_be_focused(timeout=SLOW)
    state = saved_state(page)
    rows = httpx.get(f"{server_url}/api/datasets/xor", params=XOR).json()
    assert state["network"] == paused, "the explainer steps the network as it was paused"
    assert state["inputs"] == [rows["inputs"][0]] and state["targets"] == [rows["targets"][0]]
    assert state["view"]["position"] == 0
