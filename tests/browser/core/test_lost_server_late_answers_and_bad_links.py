"""The explainer recovers from what goes wrong: a lost server, late answers, old saves, refusals, hostile links.

Each test reproduces a QA report in a real Chromium; outages and slow answers are made with
Playwright's page.route, so the server itself keeps running.
"""

import base64
import json
import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.network.test_explainer import (
    api_step,
    choose_preset,
    explanation,
    shown_math,
    step_to,
    visible_for_sample,
)
from tests.browser.page_format import fmt

pytestmark = pytest.mark.browser

STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")
UNREACHABLE = "the server cannot be reached"


@pytest.fixture
def lab(page, server_url):
    """The explainer, loaded and ready; after the test, no page error and no console error but the
    failed loads the test caused on purpose."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    expected = "Failed to load resource"  # the console's line for a request the test aborted
    page.on("console", lambda m: m.type == "error" and expected not in m.text and errors.append(m.text))
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    yield page
    assert errors == []


def preset_state(server_url, name, view):
    preset = httpx.get(f"{server_url}/api/presets/{name}").json()
    return {**{k: preset[k] for k in STEP_FIELDS}, "preset": name, "view": view}


def set_rate(page, value):
    rate = page.get_by_label("Learning rate η")
    rate.fill(value)
    rate.press("Enter")


def alert(page):
    return page.get_by_role("alert")


def settled(page):
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")


def weight_button(page, value):
    return page.get_by_role("button", name=re.compile(rf"^w⁽¹⁾₁₁ = {re.escape(fmt(value))}$"))


def test_step_forward_asks_again_once_the_server_is_back(lab):
    lab.route("**/api/step", lambda route: route.abort())
    set_rate(lab, "0.25")
    expect(alert(lab)).to_contain_text(UNREACHABLE)
    lab.unroute("**/api/step")
    forward = lab.get_by_role("button", name="Step forward")
    expect(forward).to_be_enabled()
    forward.click()
    expect(explanation(lab)).to_contain_text("Ready · 7 sub-steps")
    expect(alert(lab)).to_be_hidden()
    step_to(lab, 1, 7)


def test_reset_of_a_network_made_in_the_lab_fetches_the_step_again(lab):
    lab.get_by_label("Seed", exact=True).fill("7")
    lab.get_by_role("button", name="Randomize").click()
    expect(lab.get_by_label("Preset")).to_have_value("")
    expect(explanation(lab)).to_contain_text("Ready · 7 sub-steps")
    lab.route("**/api/step", lambda route: route.abort())
    set_rate(lab, "0.25")
    expect(alert(lab)).to_contain_text(UNREACHABLE)
    lab.unroute("**/api/step")
    lab.get_by_role("button", name="Reset").click()
    expect(explanation(lab)).to_contain_text("Ready · 7 sub-steps")
    expect(alert(lab)).to_be_hidden()
    expect(lab.get_by_label("Learning rate η")).to_have_value("0.25")  # the edit is kept
    step_to(lab, 1, 7)


def test_the_last_preset_chosen_wins_when_the_answers_arrive_out_of_order(lab, server_url):
    xor = len(visible_for_sample(api_step(server_url, "xor-2-2-1")["trace"]))
    held = []
    lab.route("**/api/presets/*", lambda route: held.append(route))
    picker = lab.get_by_label("Preset")
    picker.select_option("mazur-2-2-2")
    picker.select_option("xor-2-2-1")
    for _ in range(100):
        if len(held) == 2:
            break
        lab.wait_for_timeout(50)
    first, last = sorted(held, key=lambda route: "xor" in route.request.url)
    with lab.expect_response(lambda response: response.url.endswith("/api/step")):
        last.continue_()
    expect(explanation(lab)).to_contain_text(f"Ready · {xor} sub-steps")
    with lab.expect_response(lambda response: "mazur-2-2-2" in response.url):
        first.continue_()  # the earlier choice answers last
    lab.wait_for_timeout(500)
    settled(lab)
    expect(picker).to_have_value("xor-2-2-1")
    expect(explanation(lab)).to_contain_text(f"Ready · {xor} sub-steps")


def test_the_picker_keeps_showing_a_preset_on_its_way_while_the_page_changes(lab, server_url):
    choose_preset(lab, "mazur-2-2-2")
    held = []
    lab.route("**/api/presets/*", lambda route: held.append(route))
    picker = lab.get_by_label("Preset")
    picker.select_option("xor-2-2-1")
    step_to(lab, 1, 33)  # the page changes while xor is on its way
    expect(picker).to_have_value("xor-2-2-1")
    for _ in range(100):
        if held:
            break
        lab.wait_for_timeout(50)
    held[0].continue_()
    xor = len(visible_for_sample(api_step(server_url, "xor-2-2-1")["trace"]))
    expect(explanation(lab)).to_contain_text(f"Ready · {xor} sub-steps")
    expect(picker).to_have_value("xor-2-2-1")


def edit_seed_weight_to_five(page):
    page.get_by_role("button", name=re.compile(r"^w⁽¹⁾₁₁")).click()
    value = page.get_by_label("Value of w⁽¹⁾₁₁")
    value.fill("5")
    value.press("Enter")
    expect(weight_button(page, 5)).to_be_attached()
    settled(page)


def test_a_locked_lesson_link_starts_from_the_preset_as_published_and_keeps_the_learners_work(lab, server_url):
    published = httpx.get(f"{server_url}/api/presets/seed-neuron").json()["network"]["layers"][0]["weights"][0][0]
    edit_seed_weight_to_five(lab)  # the learner's own session: seed-neuron with w = 5
    lab.goto(server_url + "/?preset=seed-neuron&lock=1")
    lab.wait_for_selector("body[data-ready=true]")
    expect(weight_button(lab, published)).to_be_attached()
    expect(explanation(lab)).to_contain_text("Ready · 7 sub-steps")
    lab.goto(server_url + "/")  # the lesson saved nothing over the learner's work
    lab.wait_for_selector("body[data-ready=true]")
    expect(weight_button(lab, 5)).to_be_attached()


def test_an_unlocked_lesson_link_keeps_its_own_work_apart_and_reset_publishes(lab, server_url):
    published = httpx.get(f"{server_url}/api/presets/seed-neuron").json()["network"]["layers"][0]["weights"][0][0]
    lab.goto(server_url + "/?preset=seed-neuron")
    lab.wait_for_selector("body[data-ready=true]")
    expect(weight_button(lab, published)).to_be_attached()
    edit_seed_weight_to_five(lab)
    lab.reload()
    lab.wait_for_selector("body[data-ready=true]")
    expect(weight_button(lab, 5)).to_be_attached()
    expect(lab.get_by_role("status").filter(has_text="Note")).to_contain_text("Reset goes back")
    lab.goto(server_url + "/")  # the learner's own session is not the lesson's
    lab.wait_for_selector("body[data-ready=true]")
    expect(weight_button(lab, 5)).to_have_count(0)
    lab.goto(server_url + "/?preset=seed-neuron")
    lab.wait_for_selector("body[data-ready=true]")
    lab.get_by_role("button", name="Reset").click()
    expect(weight_button(lab, published)).to_be_attached()


def test_a_refused_request_leaves_no_numbers_of_the_previous_network(lab):
    choose_preset(lab, "mazur-2-2-2")
    phases = lab.get_by_role("navigation", name="Phase")
    phases.get_by_role("button", name="Backward").click()
    expect(phases.get_by_role("button", name="Backward")).to_have_attribute("aria-current", "step")
    assert shown_math(lab)
    set_rate(lab, "-1")
    expect(alert(lab)).to_contain_text("learning_rate")
    expect(explanation(lab)).to_contain_text("No trace")
    expect(explanation(lab)).to_contain_text("learning_rate")
    expect(lab.locator("#explanation .katex")).to_have_count(0)
    expect(lab.locator(".phases [aria-current]")).to_have_count(0)
    assert set(lab.locator(".diagram .node.neuron .node-value").all_text_contents()) <= {""}


def test_an_imported_network_that_overflows_says_there_is_no_trace(lab, server_url, tmp_path):
    choose_preset(lab, "mazur-2-2-2")
    step_to(lab, 1, 33)
    state = preset_state(server_url, "seed-neuron", {"position": 0})
    state["network"]["layers"][0]["weights"] = [[1e308]]
    state["inputs"] = [[1e308]]
    saved = tmp_path / "overflow.json"
    saved.write_text(json.dumps(state))
    with lab.expect_file_chooser() as chooser:
        lab.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(saved))
    expect(alert(lab)).to_contain_text("overflowed")
    expect(explanation(lab)).to_contain_text("No trace")
    expect(lab.locator("#explanation .katex")).to_have_count(0)


HOSTILE_VIEW = {"selected": {"kind": "weight", "layer": 99, "neuron": 0, "input": 0}, "sample": 50}


def expect_hostile_view_dropped(page, server_url):
    first = visible_for_sample(api_step(server_url, "seed-neuron")["trace"])[0]
    note = page.get_by_role("status").filter(has_text="Note")
    expect(note).to_contain_text("the selected weight is not in this network: selection cleared")
    expect(note).to_contain_text("the batch has 1 sample: showing sample 1")
    expect(page.get_by_label(re.compile(r"^Value of"))).to_be_hidden()
    expect(page.locator("#selected-value")).to_be_hidden()
    step_to(page, 1, 7)
    assert first["kind"] == "neuron" and fmt(first["z"], tex=True) in shown_math(page)


def test_a_shared_link_naming_a_missing_weight_and_sample_is_clamped_with_a_note(lab, server_url):
    state = preset_state(server_url, "seed-neuron", HOSTILE_VIEW)
    encoded = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    lab.goto("about:blank")  # else going to the same page with a new fragment would not load it again
    lab.goto(f"{server_url}/#state={encoded}")
    lab.wait_for_selector("body[data-ready=true]")
    expect_hostile_view_dropped(lab, server_url)


def test_an_imported_file_naming_a_missing_weight_and_sample_is_clamped_with_a_note(lab, server_url, tmp_path):
    choose_preset(lab, "mazur-2-2-2")
    saved = tmp_path / "hostile.json"
    saved.write_text(json.dumps(preset_state(server_url, "seed-neuron", HOSTILE_VIEW)))
    with lab.expect_file_chooser() as chooser:
        lab.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(saved))
    expect(explanation(lab)).to_contain_text("Ready · 7 sub-steps")
    expect_hostile_view_dropped(lab, server_url)
