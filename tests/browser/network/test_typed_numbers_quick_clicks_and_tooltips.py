"""Numbers the learner types are checked next to their field (a number too large, an empty box, a
seed outside the API's range); quick clicks on "+" all count; every tooltip stays in the frame."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SLOW = 30_000  # ms: the machine may be shared and loaded


def choose_preset(page, name):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_label("Preset").select_option(name)
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")


def description(page, field):
    """The text of the element that describes `field` (aria-describedby), or None."""
    ids = field.get_attribute("aria-describedby")
    return page.locator(f"#{ids}").inner_text() if ids else None


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
