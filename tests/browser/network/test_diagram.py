"""The network diagram in Chromium: the current step in sight, one tab stop, labels apart, big networks readable."""

import base64
import json

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.network.test_explainer import api_step, choose_preset, explanation, step_to, visible_for_sample

pytestmark = pytest.mark.browser

PRESETS = ["seed-neuron", "seed-network", "mazur-2-2-2", "xor-2-2-1", "softmax-3-class"]
MIN_FONT_PX = 10  # the smallest text the diagram may render, in CSS pixels

# The box of an element relative to the diagram's scrolling frame, and the frame's visible size.
BOX_IN_FRAME = """(el) => {
  const frame = el.closest('.diagram-scroll').getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return {left: box.left - frame.left, right: box.right - frame.left, top: box.top - frame.top,
          bottom: box.bottom - frame.top, width: frame.width, height: frame.height};
}"""

LABEL_BOXES = """(labels) => labels.filter((t) => t.textContent).map((t) => {
  const b = t.getBoundingClientRect();
  return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
})"""


def open_page(page, server_url, width, height=800, fragment=""):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server_url}/{fragment}")
    page.wait_for_selector("body[data-ready=true]")


def current_in_frame(page, position):
    current = page.locator(".diagram .current")
    expect(current).to_have_count(1)
    box = current.evaluate(BOX_IN_FRAME)
    assert box["left"] >= -1 and box["right"] <= box["width"] + 1, f"sub-step {position}: {box}"
    assert box["top"] >= -1 and box["bottom"] <= box["height"] + 1, f"sub-step {position}: {box}"


def test_stepping_on_a_phone_scrolls_the_current_neuron_and_the_loss_into_the_frame(page, server_url, console_errors):
    open_page(page, server_url, 375)
    choose_preset(page, "softmax-3-class")
    trace = visible_for_sample(api_step(server_url, "softmax-3-class")["trace"])
    before_update = next(i for i, e in enumerate(trace) if e["phase"] == "update")
    frame = page.locator(".diagram-scroll")
    assert frame.evaluate("(f) => f.scrollWidth > f.clientWidth")  # the diagram does scroll at 375 px
    for position in range(1, before_update + 3):
        step_to(page, position, len(trace))
        current_in_frame(page, position)
    assert page.evaluate("window.scrollX") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []


def tab_presses_until(page, name, limit=60):
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == name:
            return presses
    return limit + 1


def test_the_diagram_is_one_tab_stop_between_the_view_buttons_and_the_stepping_controls(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("button", name="Training", exact=True).focus()
    presses = tab_presses_until(explainer, "Play")  # "Step back" is disabled before the first step
    # the diagram, then the four phase buttons (Forward, Loss, Backward, Update), then "Play"
    assert presses <= 6, f"{presses} Tab presses from the view buttons to the stepping controls"
    assert explainer.locator(".diagram [tabindex='0']").count() == 1


def test_arrow_keys_inside_the_diagram_move_between_its_elements_and_still_step(explainer, server_url):
    trace = api_step(server_url, "mazur-2-2-2")["trace"]
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("button", name="Training", exact=True).focus()
    explainer.keyboard.press("Tab")
    first = explainer.evaluate("document.activeElement.getAttribute('aria-label')")
    assert explainer.evaluate("!!document.activeElement.closest('.diagram')"), first
    explainer.keyboard.press("ArrowDown")
    second = explainer.evaluate("document.activeElement.getAttribute('aria-label')")
    assert second != first and explainer.evaluate("!!document.activeElement.closest('.diagram')")
    expect(explainer.locator(".diagram [tabindex='0']")).to_have_count(1)
    explainer.keyboard.press("ArrowUp")
    assert explainer.evaluate("document.activeElement.getAttribute('aria-label')") == first
    explainer.keyboard.press("ArrowRight")
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text(f"sub-step 2 of {len(trace)}")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_contain_text(f"sub-step 1 of {len(trace)}")
    # the focus follows the step: it is on the neuron the sub-step computes
    assert explainer.evaluate("document.activeElement.matches('.diagram .node.neuron.current')")
    explainer.keyboard.press("End")
    assert explainer.evaluate("document.activeElement.getAttribute('aria-label')") == "loss"


def test_space_after_a_click_on_the_diagrams_background_still_plays(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    svg = explainer.locator("svg.diagram")
    svg.click(position={"x": 3, "y": 3})  # a corner: no neuron, edge or label there
    assert not explainer.evaluate("!!document.activeElement.closest('[data-kind]')")
    play = explainer.locator("[data-control=play]")  # "Play", then "Pause" while playing
    expect(play).to_have_attribute("aria-pressed", "false")
    explainer.keyboard.press(" ")
    expect(play).to_have_attribute("aria-pressed", "true")
    play.click()


def overlaps(a, b, slack=0.5):
    apart_x = a["right"] - slack <= b["left"] or b["right"] - slack <= a["left"]
    apart_y = a["bottom"] - slack <= b["top"] or b["bottom"] - slack <= a["top"]
    return not (apart_x or apart_y)


@pytest.mark.parametrize("preset", PRESETS)
def test_no_two_weight_or_bias_labels_overlap_in_the_backward_and_update_phases(explainer, server_url, preset):
    trace = visible_for_sample(api_step(server_url, preset)["trace"])
    choose_preset(explainer, preset)
    first_backward = next(i for i, e in enumerate(trace) if e["phase"] == "backward")
    explainer.get_by_role("navigation", name="Phase").get_by_role("button", name="Backward").click()
    expect(explanation(explainer)).to_contain_text(f"sub-step {first_backward + 1} of {len(trace)}")
    for position in range(first_backward + 2, len(trace) + 1):
        step_to(explainer, position, len(trace))
        boxes = explainer.locator(".diagram .edge-label").evaluate_all(LABEL_BOXES)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not overlaps(a, b), f"{preset} sub-step {position}: {a['text']!r} overlaps {b['text']!r}"


def big_network_fragment(server_url, depth=8, width=16):
    """A #state= link holding a depth × width network (weights made here: they are the test's input, not math shown)."""
    layers = [
        {
            "weights": [[((3 * j + 5 * i + layer) % 7 - 3) / 10 for i in range(width)] for j in range(width)],
            "biases": [0.1] * width,
            "activation": "tanh",
        }
        for layer in range(depth)
    ]
    state = {
        "version": 1,
        "preset": None,
        "network": {"layers": layers},
        "inputs": [[0.5] * width],
        "targets": [[0.0] * width],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.1},
        "view": {"phase": "forward", "position": 0, "sample": 0, "selected": None},
    }
    body = {k: state[k] for k in ("network", "inputs", "targets", "loss", "optimizer")}
    assert httpx.post(f"{server_url}/api/step", json=body).status_code == 200
    encoded = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    return f"#state={encoded}"


# The rendered size of a text of the diagram: its font size times the SVG's scale (viewBox → pixels).
RENDERED_FONT_PX = """(t) => {
  const svg = t.ownerSVGElement;
  const view = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const scale = Math.min(box.width / view.width, box.height / view.height);
  return parseFloat(getComputedStyle(t).fontSize) * scale;
}"""


def test_an_8_layer_16_neuron_network_renders_its_numbers_readably_at_1280px(page, server_url, console_errors):
    open_page(page, server_url, 1280, 800, big_network_fragment(server_url))
    page.get_by_role("button", name="Step forward").click()
    expect(explanation(page)).to_contain_text("sub-step 1 of")
    value = page.locator(".diagram .node.neuron .node-value").first
    expect(value).not_to_have_text("")
    texts = [value, page.locator(".diagram .node.input .node-value").first, page.locator(".diagram .edge-label").first]
    for text in texts:
        size = text.evaluate(RENDERED_FONT_PX)
        assert size >= MIN_FONT_PX, f"{size:.1f} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    current_in_frame(page, 1)
    assert console_errors == []
