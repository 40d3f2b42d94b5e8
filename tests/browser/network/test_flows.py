"""Defect 8: a value appears when the flow that carries it arrives, the flow is visible, reduced motion is respected."""

import pytest
from playwright.sync_api import expect

from tests.browser.network.test_explainer import choose_preset, explanation

pytestmark = pytest.mark.browser

# Clicks "Step forward" and reads, in the same task (before any frame is drawn), what the
# learner would see: the new value's opacity and the flows crossing the diagram.
STEP_AND_LOOK = """() => {
  document.getElementById('step-forward').click();
  const value = document.querySelector('.diagram .node.neuron.current .node-value');
  const flows = [...document.querySelectorAll('.diagram .dots > *')];
  return {text: value.textContent, opacity: getComputedStyle(value).opacity,
          flows: flows.length,
          dot: Math.max(0, ...flows.filter((f) => f.tagName === 'circle').map((f) => f.r.baseVal.value))};
}"""

SETTLE = "() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))"


def test_a_neurons_value_appears_only_when_its_flow_arrives(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    seen = explainer.evaluate(STEP_AND_LOOK)
    assert seen["flows"] >= 3, seen  # two weights and the bias carry the inputs to the neuron
    assert seen["text"] and float(seen["opacity"]) == 0, f"the value shows before its flow arrives: {seen}"
    explainer.evaluate(SETTLE)
    value = explainer.locator(".diagram .node.neuron.current .node-value")
    assert float(value.evaluate("(t) => getComputedStyle(t).opacity")) == 1
    expect(explainer.locator(".diagram .dots > *")).to_have_count(0)


def test_the_flow_is_bold_enough_for_a_projector(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    seen = explainer.evaluate(STEP_AND_LOOK)
    assert seen["dot"] >= 7, f"a flow's dot of radius {seen['dot']} SVG units is lost on a projector"


def test_reduced_motion_shows_the_value_at_once_and_moves_nothing(page, server_url, console_errors):
    page.emulate_media(reduced_motion="reduce")
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    choose_preset(page, "mazur-2-2-2")
    seen = page.evaluate(STEP_AND_LOOK)
    assert seen["flows"] == 0 and float(seen["opacity"]) == 1, seen
    expect(explanation(page)).to_contain_text("sub-step 1 of")
    assert console_errors == []
