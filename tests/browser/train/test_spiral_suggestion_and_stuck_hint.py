"""The spiral, which the lab's usual 2-8-8-1 tanh network does not learn (it stays near 60 %), gets
a network that does; and a run that stays stuck says so and what to try."""

import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import SLOW, open_lab, press, set_field

pytestmark = pytest.mark.browser


def test_new_network_for_the_spiral_is_the_measured_2_16_16_1_relu(explainer):
    page = explainer
    open_lab(page)
    page.get_by_label("Dataset").select_option("spiral")
    press(page, "New network for this data")
    expect(page.locator(".train-network")).to_contain_text("network 2-16-16-1 (relu, relu, sigmoid)", timeout=SLOW)
    expect(page.locator(".train-network")).to_contain_text("learning rate 0.01")


def test_a_stuck_run_on_the_spiral_says_so_and_what_to_try(explainer):
    page = explainer
    open_lab(page)
    press(page, "New network for this data")  # XOR's 2-8-8-1 tanh, which also fits the spiral
    expect(page.locator(".train-network")).to_contain_text("network 2-8-8-1 (tanh, tanh, sigmoid)", timeout=SLOW)
    page.get_by_label("Dataset").select_option("spiral")
    set_field(page, "Epochs per update", 10)
    press(page, "Train")
    hint = page.locator(".train-lab").get_by_role("status").filter(has_text="Stuck")
    expect(hint).to_contain_text("over the last 100 epochs the train loss has hardly fallen", timeout=120_000)
    expect(hint).to_contain_text('"New network for this data" (2-16-16-1 (relu hidden layers, learning rate 0.01))')
    press(page, "Pause")
