"""A locked lesson link tells one story: its network is fixed, so the training lab is off (no
Train, no proposal of another network, no boundary of a network the lesson does not show), and the
diagram's tooltips offer no editing; a selected weight's tooltip shows the gradient its chain rule
shows, never "not yet computed" beside it."""

import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import open_lab

pytestmark = pytest.mark.browser

LOCKED = "/?preset=seed-neuron&lock=1"


def test_a_locked_lessons_lab_says_it_is_off_and_offers_nothing_locked(page, server_url, console_errors):
    page.goto(server_url + LOCKED)
    page.wait_for_selector("body[data-ready=true]")
    open_lab(page)
    lab = page.get_by_role("region", name="Training lab")
    expect(lab).to_contain_text("This lesson is locked to its network")
    page.wait_for_timeout(500)  # a preview would have been asked for by now
    for name in ("Train", "Pause", "Step through one update", "New network for this data"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)
    expect(page.get_by_label("Upload CSV")).to_have_count(0)
    expect(lab).not_to_contain_text("Train will load")
    expect(page.locator("canvas.heatmap")).to_be_hidden()
    assert console_errors == []


def test_a_locked_lessons_tooltips_offer_no_editing_and_agree_with_the_chain_rule(page, server_url, console_errors):
    page.goto(server_url + LOCKED)
    page.wait_for_selector("body[data-ready=true]")
    weight = page.locator(".diagram [data-kind=weight]").first
    tooltip = page.get_by_role("tooltip")
    weight.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).not_to_contain_text("edit")
    expect(tooltip).to_contain_text("click to select")
    weight.click()
    chain = page.get_by_role("region", name="Explanation")
    expect(chain).to_contain_text("Chain rule for w⁽¹⁾₁₁")
    page.mouse.move(0, 0)
    weight.hover()
    expect(tooltip).to_contain_text("∂L/∂w")
    expect(tooltip).not_to_contain_text("not yet computed")
    assert console_errors == []
