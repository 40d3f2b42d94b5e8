"""Choosing a preset (or Reset) over a network the learner changed offers Undo; over a network
as it was loaded it just loads, with nothing to undo."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def explanation(page):
    return page.get_by_role("region", name="Explanation")


def wait_for_trace(page):
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")
    expect(explanation(page)).to_contain_text("Ready")


def choose_preset(page, name):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_label("Preset").select_option(name)
    wait_for_trace(page)


def neurons(page):
    return page.locator(".diagram .node.neuron")


def undo(page):
    return page.get_by_role("button", name="Undo")


def test_choosing_a_preset_over_an_edited_custom_network_offers_undo_that_brings_it_back(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        explainer.get_by_role("button", name="Add a neuron to hidden layer 1").click()
    wait_for_trace(explainer)
    expect(explainer.get_by_label("Preset")).to_have_value("")  # "(custom)"
    expect(neurons(explainer)).to_have_count(5)
    choose_preset(explainer, "xor-2-2-1")
    expect(neurons(explainer)).to_have_count(3)
    expect(explainer.get_by_role("status").filter(has_text="Note")).to_contain_text("replaced your changed network")
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        undo(explainer).click()
    wait_for_trace(explainer)
    expect(neurons(explainer)).to_have_count(5)
    expect(explainer.get_by_label("Preset")).to_have_value("")
    expect(undo(explainer)).to_have_count(0)


def test_choosing_a_preset_over_an_edited_weight_offers_undo(explainer):
    choose_preset(explainer, "seed-neuron")
    explainer.locator(".diagram [data-kind=weight]").first.click()
    box = explainer.locator("#selected-value")
    box.fill("0.25")
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        box.press("Enter")
    wait_for_trace(explainer)
    choose_preset(explainer, "mazur-2-2-2")
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        undo(explainer).click()
    wait_for_trace(explainer)
    expect(explainer.get_by_label("Preset")).to_have_value("seed-neuron")
    expect(neurons(explainer)).to_have_count(1)


def test_choosing_a_preset_over_an_unchanged_one_offers_nothing_to_undo(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    choose_preset(explainer, "xor-2-2-1")
    expect(undo(explainer)).to_have_count(0)


def test_importing_a_file_over_a_changed_network_offers_undo(explainer, tmp_path):
    choose_preset(explainer, "seed-neuron")
    with explainer.expect_download() as download:
        explainer.get_by_role("button", name="Export").click()
    saved = tmp_path / "state.json"
    download.value.save_as(saved)
    choose_preset(explainer, "mazur-2-2-2")
    rate = explainer.get_by_label("Learning rate η")
    rate.fill("0.125")
    rate.press("Enter")
    with explainer.expect_file_chooser() as chooser:
        explainer.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(saved))
    expect(neurons(explainer)).to_have_count(1)
    undo(explainer).click()
    expect(neurons(explainer)).to_have_count(4)
    expect(explainer.get_by_label("Learning rate η")).to_have_value("0.125")
