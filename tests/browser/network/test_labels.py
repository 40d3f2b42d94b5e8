"""Defect 7: no two texts of the diagram overlap, none is clipped, no label sits on a circle it does not belong to."""

import base64
import json

import pytest
from playwright.sync_api import expect

from tests.browser.network.test_diagram import big_network_fragment, open_page
from tests.browser.network.test_explainer import api_step, choose_preset, explanation, step_to, visible_for_sample

pytestmark = pytest.mark.browser

PRESETS = ["seed-neuron", "seed-network", "mazur-2-2-2", "xor-2-2-1", "softmax-3-class"]

# Every shown text of the diagram, every circle and box, and the SVG's own box, in page pixels.
MEASURE = """() => {
  const svg = document.querySelector('svg.diagram');
  const rect = (b) => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom});
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent && t.getClientRects().length).map((t) => {
    const shape = t.parentNode.querySelector(':scope > circle, :scope > rect');
    const own = t.classList.contains('node-value') && shape ? rect(shape.getBoundingClientRect()) : null;
    return {text: t.textContent, cls: t.getAttribute('class'), ...rect(t.getBoundingClientRect()), own};
  });
  const circles = [...svg.querySelectorAll('.node circle')].map((c) => {
    const b = c.getBoundingClientRect();
    return {x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2, r: b.width / 2};
  });
  return {svg: rect(svg.getBoundingClientRect()), texts, circles};
}"""


def overlap(a, b, slack=0.5):
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return across > slack and down > slack


def inside(box, frame, slack=0.5):
    return all(
        [
            box["left"] >= frame["left"] - slack,
            box["right"] <= frame["right"] + slack,
            box["top"] >= frame["top"] - slack,
            box["bottom"] <= frame["bottom"] + slack,
        ]
    )


def touches_circle(box, c, slack=0.5):
    nearest_x = min(max(c["x"], box["left"]), box["right"])
    nearest_y = min(max(c["y"], box["top"]), box["bottom"])
    return (nearest_x - c["x"]) ** 2 + (nearest_y - c["y"]) ** 2 < (c["r"] - slack) ** 2


def problems(seen):
    """What a learner could not read: texts overlapping, clipped, on a node, or values wider than their node."""
    found = []
    texts = seen["texts"]
    for i, a in enumerate(texts):
        if not inside(a, seen["svg"]):
            found.append(f"{a['text']!r} is clipped by the diagram's edge")
        if a["own"]:
            if a["left"] < a["own"]["left"] - 0.5 or a["right"] > a["own"]["right"] + 0.5:
                found.append(f"{a['text']!r} is wider than its node")
        else:
            found += [f"{a['text']!r} covers a node" for c in seen["circles"] if touches_circle(a, c)]
        found += [f"{a['text']!r} overlaps {b['text']!r}" for b in texts[i + 1 :] if overlap(a, b)]
    return found


@pytest.mark.parametrize("preset", PRESETS)
def test_no_text_of_the_diagram_overlaps_or_is_clipped_at_any_sub_step(explainer, server_url, preset):
    trace = visible_for_sample(api_step(server_url, preset)["trace"])
    choose_preset(explainer, preset)
    for position in range(1, len(trace) + 1):
        step_to(explainer, position, len(trace))
        found = problems(explainer.evaluate(MEASURE))
        assert not found, f"{preset} sub-step {position}: {found}"


def fragment(network, inputs, targets):
    """A #state= link (the network and data are the test's input, not math shown)."""
    state = {
        "version": 1,
        "preset": None,
        "network": network,
        "inputs": inputs,
        "targets": targets,
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
    }
    return "#state=" + base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


def test_negative_values_fit_their_nodes_and_keep_their_minus_sign(page, server_url, console_errors):
    layer = {"weights": [[-1.0, -1.0], [-1.0, 1.0]], "biases": [-1.0, -1.0], "activation": "linear"}
    open_page(page, server_url, 1280, 800, fragment({"layers": [layer, layer]}, [[-1.0, -1.0]], [[-1.0, -1.0]]))
    for position in range(1, 6):
        page.get_by_role("button", name="Step forward").click()
        expect(explanation(page)).to_contain_text(f"sub-step {position} of")
        found = problems(page.evaluate(MEASURE))
        assert not found, f"sub-step {position}: {found}"
    assert console_errors == []


def test_an_8_8_8_network_shows_the_current_and_selected_labels_apart(page, server_url, console_errors):
    open_page(page, server_url, 1280, 800, big_network_fragment(server_url, depth=2, width=8))
    page.locator(".diagram .edge.weight").nth(9).dispatch_event("click")  # a selected weight shows its label too
    for phase in ["Forward", "Loss", "Backward", "Update"]:
        page.get_by_role("navigation", name="Phase").get_by_role("button", name=phase).click()
        for _ in range(12):
            page.evaluate("() => document.getElementById('step-forward').click()")
            shown = page.locator(".diagram .edge-label").evaluate_all("(ls) => ls.filter((l) => l.textContent).length")
            assert shown <= 2, f"{shown} edge labels on an 8-8-8 network: only the current one and the selected one"
            found = problems(page.evaluate(MEASURE))
            assert not found, f"{phase}: {found}"
    expect(explanation(page)).to_contain_text("sub-step")
    assert console_errors == []
