"""The stepping keys: ← → (and a presenter remote's PageDown / PageUp) step wherever the focus
is not in a text field, so a control chosen with the mouse does not swallow them."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def explanation(page):
    return page.get_by_role("region", name="Explanation")


def picker(page):
    return page.get_by_label("Preset")


def choose_preset_with_the_mouse(page, name):
    """As after a mouse choice: the picker keeps the focus once the preset has loaded."""
    picker(page).focus()
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        picker(page).select_option(name)
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")
    expect(explanation(page)).to_contain_text("Ready")


def test_right_arrow_after_a_mouse_choice_of_preset_steps_and_keeps_the_preset(explainer):
    choose_preset_with_the_mouse(explainer, "mazur-2-2-2")
    assert explainer.evaluate("document.activeElement.id") == "preset"
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text("sub-step 2 of 33")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")
    expect(picker(explainer)).to_have_value("mazur-2-2-2")


def test_down_arrow_on_the_preset_picker_still_chooses_the_next_preset(explainer):
    choose_preset_with_the_mouse(explainer, "mazur-2-2-2")
    names = picker(explainer).locator("option").evaluate_all("(options) => options.map((o) => o.value)")
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        explainer.keyboard.press("ArrowDown")
    expect(picker(explainer)).to_have_value(names[names.index("mazur-2-2-2") + 1])


def test_arrows_step_from_the_speed_slider_but_not_from_a_text_field(explainer):
    choose_preset_with_the_mouse(explainer, "mazur-2-2-2")
    explainer.locator("#speed").focus()
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")
    expect(explainer.locator("#speed + output, output[for=speed]").first).to_have_text("1×")  # speed unchanged
    explainer.locator("#learning-rate").focus()  # a text field: the arrows move its caret
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")


def test_page_down_and_page_up_step_like_a_presenter_remote(explainer):
    choose_preset_with_the_mouse(explainer, "mazur-2-2-2")
    explainer.locator("h1").click()
    explainer.keyboard.press("PageDown")
    explainer.keyboard.press("PageDown")
    expect(explanation(explainer)).to_contain_text("sub-step 2 of 33")
    explainer.keyboard.press("PageUp")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")
    picker(explainer).focus()  # the picker too: a remote's keys never change the preset
    explainer.keyboard.press("PageDown")
    expect(explanation(explainer)).to_contain_text("sub-step 2 of 33")
    expect(picker(explainer)).to_have_value("mazur-2-2-2")
