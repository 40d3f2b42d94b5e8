"""QA's small fixes in a real Chromium: the view shown in the state, focus after Train and Pause,
messages for bad numbers and seeds, quick clicks on "+", the Share message, tooltips in the frame."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SLOW = 30_000  # ms: the machine may be shared and loaded


def ready(page):
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")


def choose_preset(page, name):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_label("Preset").select_option(name)
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")


def view_button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def description(page, field):
    """The text of the element that describes `field` (aria-describedby), or None."""
    ids = field.get_attribute("aria-describedby")
    return page.locator(f"#{ids}").inner_text() if ids else None


def test_the_view_shown_survives_a_reload_and_travels_in_a_share_link(explainer, browser):
    page = explainer
    view_button(page, "Graph").click()
    expect(view_button(page, "Graph")).to_have_attribute("aria-pressed", "true")
    page.reload()
    ready(page)
    expect(view_button(page, "Graph")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#view-graph")).to_be_visible()
    expect(page.locator("#view-network")).to_be_hidden()
    view_button(page, "Training").click()
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(re.compile(r"#state="))
    fresh = browser.new_context().new_page()  # no localStorage from the first page
    fresh.goto(page.url)
    ready(fresh)
    expect(view_button(fresh, "Training")).to_have_attribute("aria-pressed", "true")
    expect(fresh.get_by_role("region", name="Training lab")).to_be_visible()
    fresh.context.close()


def test_train_moves_the_focus_to_pause_and_pause_to_step_forward(explainer):
    page = explainer
    view_button(page, "Training").click()
    train = page.get_by_role("button", name="Train", exact=True)
    train.focus()
    page.keyboard.press("Enter")
    pause = page.get_by_role("button", name="Pause", exact=True)
    expect(pause).to_be_enabled(timeout=SLOW)
    expect(pause).to_be_focused()
    page.wait_for_function("() => Number(document.querySelector('.train-lab').dataset.epoch) >= 1", timeout=SLOW)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Paused at epoch")).to_be_visible(timeout=SLOW)
    expect(page.get_by_role("button", name="Step forward")).to_be_focused(timeout=SLOW)


def test_an_input_of_1e999_keeps_what_was_typed_and_says_why_it_is_not_used(explainer):
    page = explainer
    cell = page.get_by_label("x1 of sample 1")
    before = cell.input_value()
    cell.fill("1e999")
    cell.press("Tab")
    expect(cell).to_have_value("1e999")
    expect(cell).to_have_attribute("aria-invalid", "true")
    assert "too large" in description(page, cell)
    cell.fill(before)
    cell.press("Enter")
    expect(cell).to_have_attribute("aria-invalid", "false")
    assert description(page, cell) is None


@pytest.mark.parametrize(("typed", "reason"), [("1e999", "too large"), ("", "enter a number")])
def test_a_bad_weight_value_says_what_is_wrong_next_to_the_field(explainer, typed, reason):
    page = explainer
    page.get_by_role("button", name=re.compile(r"^w⁽¹⁾₁₁")).click()
    value = page.get_by_label("Value of w⁽¹⁾₁₁")
    value.fill(typed)
    value.press("Enter")
    expect(value).to_have_attribute("aria-invalid", "true")
    assert reason in description(page, value)
    page.get_by_role("button", name="Step forward").click()  # another change: the typed text stays
    expect(value).to_have_value(typed)


@pytest.mark.parametrize("typed", ["-1", "1.5", "", "4294967296"])
def test_a_seed_outside_the_apis_range_is_refused_with_a_reason(explainer, typed):
    page = explainer
    requests = []
    page.on("request", lambda request: "/api/networks/random" in request.url and requests.append(request))
    seed = page.get_by_label("Seed", exact=True)
    seed.fill(typed)
    page.get_by_role("button", name="Randomize").click()
    expect(seed).to_have_attribute("aria-invalid", "true")
    assert "whole number from 0 to 4294967295" in description(page, seed)
    page.wait_for_timeout(300)
    assert requests == []
    expect(page.get_by_label("Preset")).to_have_value("seed-neuron")


def test_five_quick_clicks_on_add_a_neuron_add_five(explainer):
    page = explainer
    choose_preset(page, "mazur-2-2-2")
    add = page.get_by_role("button", name="Add a neuron to hidden layer 1")
    add.evaluate("button => { for (let i = 0; i < 5; i++) button.click(); }")  # faster than any answer
    expect(page.locator(".arch-name").filter(has_text="Hidden layer 1")).to_have_text("Hidden layer 1: 7", timeout=SLOW)
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")
    page.wait_for_timeout(300)
    expect(page.locator(".arch-name").filter(has_text="Hidden layer 1")).to_have_text("Hidden layer 1: 7")


def test_the_share_message_clears_after_a_few_seconds_and_on_the_next_change(explainer):
    page = explainer
    status = page.locator(".share-status")
    page.get_by_role("button", name="Share").click()
    expect(status).not_to_be_empty()
    expect(status).to_be_empty(timeout=8_000)
    page.get_by_role("button", name="Share").click()
    expect(status).not_to_be_empty()
    rate = page.get_by_label("Learning rate η")
    rate.fill("0.25")
    rate.press("Enter")
    expect(status).to_be_empty(timeout=1_000)


def test_every_tooltip_of_the_one_neuron_preset_stays_inside_the_frame(explainer):
    page = explainer
    frame = page.locator(".diagram-frame").bounding_box()
    tooltip = page.get_by_role("tooltip")
    elements = page.locator(".diagram [data-kind]")
    assert elements.count() >= 3
    for i in range(elements.count()):
        elements.nth(i).hover()
        expect(tooltip).to_be_visible()
        box = tooltip.bounding_box()
        name = elements.nth(i).get_attribute("aria-label")
        assert frame["y"] - 0.5 <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 0.5, name
        assert frame["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5, name
