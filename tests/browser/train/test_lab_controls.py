"""The Training view shows only what works there: the explainer's stepping controls and its
Explanation panel are hidden in it (and back in the Network view); the loss chart offers a log
scale; a speed control slows training down enough to watch it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import SLOW, open_lab, press, saved_state, wait_for_epochs

pytestmark = pytest.mark.browser


def test_the_stepping_controls_and_the_explanation_are_hidden_in_the_training_view(explainer):
    page = explainer
    step_forward = page.get_by_role("button", name="Step forward")
    explanation = page.get_by_role("region", name="Explanation")
    expect(step_forward).to_be_visible()
    open_lab(page)
    expect(step_forward).to_be_hidden()
    expect(explanation).to_be_hidden()
    page.get_by_role("button", name="Network", exact=True).click()
    expect(step_forward).to_be_visible()
    expect(explanation).to_be_visible()


def test_the_loss_chart_has_a_log_scale_with_decade_ticks(explainer):
    page = explainer
    open_lab(page)
    press(page, "Train")
    wait_for_epochs(page, 15)
    press(page, "Pause")
    chart = page.locator("svg.loss-chart")
    log = page.get_by_label("Log scale")
    expect(log).not_to_be_checked()
    log.check()
    expect(chart).to_have_attribute("data-scale", "log")
    ticks = chart.locator("text.tick.y").all_text_contents()
    assert ticks and all(re.fullmatch(r"10(−\d+|⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|1|0\.\d*1|10+", t) for t in ticks), ticks
    expect(chart.locator("text.axis-label")).to_have_text(["epoch", "loss L (log scale)"])
    assert saved_state(page)["train"]["log_loss"] is True
    log.uncheck()
    expect(chart).to_have_attribute("data-scale", "linear")


def test_a_slow_speed_trains_a_few_epochs_a_second(explainer):
    page = explainer
    open_lab(page)
    speed = page.get_by_label("Training speed")
    speed.select_option(label="2 epochs/s")
    press(page, "Train")
    wait_for_epochs(page, 1)
    start = int(page.locator(".train-lab").get_attribute("data-epoch"))
    page.wait_for_timeout(2000)
    gained = int(page.locator(".train-lab").get_attribute("data-epoch")) - start
    press(page, "Pause")
    assert gained <= 6, f"{gained} epochs in 2 s at 2 epochs/s"
    assert saved_state(page)["train"]["epochs_per_second"] == 2
    expect(page.get_by_role("button", name="Train", exact=True)).to_be_enabled(timeout=SLOW)
