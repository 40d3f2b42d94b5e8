"""Issue 13, defect 3: in the Graph view the page's own controls walk the graph, one operation at
a time, and the whole graph can be read (text ≥ 12 px at 1280 wide, the loss end reachable with a
visible cue). Every number checked is the API's."""

import re

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROBLEM = ("network", "inputs", "targets", "loss")


def problem(server_url, preset, *extra):
    body = httpx.get(f"{server_url}/api/presets/{preset}").json()
    return {k: body[k] for k in (*PROBLEM, *extra)}


def api(server_url, path, body):
    response = httpx.post(f"{server_url}/api/{path}", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def show_graph_of(page, preset, node_count):
    page.get_by_label("Preset").select_option(preset)
    expect(page.get_by_role("region", name="Explanation")).to_contain_text("Ready")
    page.get_by_role("button", name="Graph", exact=True).click()
    expect(page.locator(".graph-node")).to_have_count(node_count)
    expect(chain(page)).to_contain_text("Ready")


def chain(page):
    return page.get_by_role("region", name="Chain rule")


def walked(page):
    """How many steps of the graph walk are shown: 'Step k of n' → k."""
    return int(re.match(r"Step (\d+) of", page.locator(".graph-where").text_content()).group(1))


def test_step_forward_arrows_phases_and_play_walk_the_graph_one_operation_at_a_time(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "seed-neuron"))
    ops = [n for n in graph["nodes"] if n["kind"] == "operation"]
    show_graph_of(explainer, "seed-neuron", len(graph["nodes"]))
    forward = explainer.get_by_role("button", name="Step forward")
    back = explainer.get_by_role("button", name="Step back")
    expect(back).to_be_disabled()
    forward.click()
    expect(chain(explainer)).to_contain_text(f"Forward · operation 1 of 6: {ops[0]['label']}")
    expect(explainer.locator(".graph-where")).to_have_text("Step 1 of 16")
    explainer.keyboard.press("ArrowRight")
    expect(chain(explainer)).to_contain_text(f"Forward · operation 2 of 6: {ops[1]['label']}")
    explainer.keyboard.press("ArrowLeft")
    expect(chain(explainer)).to_contain_text(f"Forward · operation 1 of 6: {ops[0]['label']}")
    back.click()
    expect(chain(explainer)).to_contain_text("Ready")
    expect(back).to_be_disabled()
    # the phase buttons go to the first operation of the loss, then the first backward visit
    explainer.get_by_role("button", name="Loss", exact=True).click()
    expect(chain(explainer)).to_contain_text("Forward · operation 4 of 6: y − t")
    expect(explainer.get_by_role("button", name="Loss", exact=True)).to_have_attribute("aria-current", "step")
    explainer.get_by_role("button", name="Backward", exact=True).click()
    expect(chain(explainer)).to_contain_text("Backward · visit 1 of 10: ∂L/∂L")
    expect(explainer.get_by_role("button", name="Backward", exact=True)).to_have_attribute("aria-current", "step")
    expect(explainer.get_by_role("button", name="Update", exact=True)).to_be_disabled()
    # Play walks on from there, one operation per tick
    seen = set()
    explainer.get_by_role("button", name="Play").click()
    while walked(explainer) < 10:
        seen.add(walked(explainer))
        explainer.wait_for_timeout(50)
    explainer.get_by_role("button", name="Pause").click()
    assert walked(explainer) <= 11 and {8, 9} <= seen, f"one operation per tick, saw {sorted(seen)}"


def test_the_network_view_opens_where_the_graph_walk_is_and_past_its_end_the_update_is_applied(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "seed-neuron"))
    step = api(server_url, "step", problem(server_url, "seed-neuron", "optimizer"))
    show_graph_of(explainer, "seed-neuron", len(graph["nodes"]))
    forward = explainer.get_by_role("button", name="Step forward")
    for _ in range(3):  # ×, +, σ: the neuron is computed
        forward.click()
    expect(chain(explainer)).to_contain_text("Forward · operation 3 of 6: y")
    explainer.get_by_role("button", name="Network", exact=True).click()
    expect(explainer.get_by_role("region", name="Explanation")).to_contain_text("Forward · sub-step 1 of")
    explainer.get_by_role("button", name="Graph", exact=True).click()
    expect(chain(explainer)).to_contain_text("Forward · operation 3 of 6: y")
    for _ in range(13):
        forward.click()
    expect(explainer.locator(".graph-where")).to_have_text("Step 16 of 16")
    forward.click()  # past the walk's end: the update, as in the Network view
    w = step["network"]["layers"][0]["weights"][0][0]
    weight = explainer.locator(".graph-node[data-op='weight'] .node-value")
    expect(weight).to_have_text(f"{w:.4f}")
    expect(explainer.locator(".graph-where")).to_have_text("Step 0 of 16")


def rendered_font_sizes(page):
    """The on-screen size of every text of the graph: its font size times the drawing's scale."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.graph-diagram text')].filter((t) => t.textContent)
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )


def test_mazur_graph_text_is_12px_at_1280_wide_and_the_loss_end_is_reachable_with_a_visible_cue(explainer, server_url):
    explainer.set_viewport_size({"width": 1280, "height": 800})
    graph = api(server_url, "graph", problem(server_url, "mazur-2-2-2"))
    show_graph_of(explainer, "mazur-2-2-2", len(graph["nodes"]))
    assert min(rendered_font_sizes(explainer)) >= 11.99
    frame = explainer.locator(".graph-frame")
    right = explainer.get_by_role("button", name=re.compile("Scroll the graph right"))
    left = explainer.get_by_role("button", name="Scroll the graph left")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "Mazur's graph is wider than its frame at 1280"
    expect(explainer.locator(".graph-scroll-hint")).to_be_visible()
    expect(right).to_be_visible()
    expect(left).to_be_hidden()
    for _ in range(6):
        if not right.is_visible():
            break
        right.click()
        explainer.wait_for_timeout(600)  # the smooth scroll settles
    expect(right).to_be_hidden()
    expect(left).to_be_visible()
    loss = explainer.locator(f".graph-node[data-id='{graph['root']}']").bounding_box()
    box = frame.bounding_box()
    assert box["x"] <= loss["x"] and loss["x"] + loss["width"] <= box["x"] + box["width"], "L is in sight"
    explainer.screenshot(path="/tmp/graph/test-mazur-1280-end.png")
