"""The Graph view and the Gradient check panel in a real Chromium: every number is the API's."""

import base64
import json
import re

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROBLEM = ("network", "inputs", "targets", "loss")


def fmt(x):
    """format.js's formatNumber: 0.75136507 → "0.7514"; tiny or huge → "4.386e-4"."""
    if x != 0 and (abs(x) < 5e-4 or abs(x) >= 1e5):
        mantissa, exponent = f"{x:.3e}".split("e")
        return f"{mantissa}e{int(exponent):+d}"
    text = f"{x:.4f}"
    return text[1:] if re.fullmatch(r"-0\.0+", text) else text


def term(x):
    """A number inside a sum or product in the chain-rule text: negatives in parentheses."""
    return f"({fmt(x)})" if x < 0 else fmt(x)


def precise(x):
    """gradcheck_table.js's preciseNumber: 7 significant digits, exponent form when small or huge."""
    if x == 0:
        return "0"
    if abs(x) < 1e-3 or abs(x) >= 1e6:
        mantissa, exponent = f"{x:.6e}".split("e")
        return f"{mantissa}e{int(exponent):+d}"
    return f"{x:#.7g}"


def error_number(x):
    """gradcheck_table.js's errorNumber: "3.21e-11"."""
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{mantissa}e{int(exponent):+d}"


def problem(server_url, preset, **changes):
    body = httpx.get(f"{server_url}/api/presets/{preset}").json()
    return {k: body[k] for k in PROBLEM} | changes


def api(server_url, path, body):
    response = httpx.post(f"{server_url}/api/{path}", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def choose_preset(page, name):
    page.get_by_label("Preset").select_option(name)
    expect(page.get_by_role("region", name="Explanation")).to_contain_text("Ready")


def show_graph(page):
    page.get_by_role("button", name="Graph", exact=True).click()
    expect(page.get_by_role("button", name="Graph", exact=True)).to_have_attribute("aria-pressed", "true")


def chain(page):
    return page.get_by_role("region", name="Chain rule")


def node(page, node_id):
    return page.locator(f".graph-node[data-id='{node_id}']")


def next_operation(page, count=1):
    """In the Graph view the page's Step forward walks the graph one operation at a time."""
    for _ in range(count):
        page.get_by_role("button", name="Step forward").click()


def wait_for_graph(page, node_count):
    expect(page.locator(".graph-node")).to_have_count(node_count)
    expect(chain(page)).to_contain_text("Ready")


def visit_lines(visit):
    """The lines the chain-rule area must show for a backward visit of /api/graph."""
    if visit["seed"]:
        return ["∂L/∂L = 1"]
    lines = [
        f"{term(t['local_derivative'])} × {term(t['upstream_gradient'])} = {fmt(t['contribution'])}"
        for t in visit["terms"]
    ]
    if len(visit["terms"]) > 1:
        total = " + ".join(term(t["contribution"]) for t in visit["terms"])
        lines.append(f"= {total} = {fmt(visit['grad'])}")
    return lines


def test_seed_neuron_graph_is_x_times_w_plus_b_sigma_minus_t_square_half_L(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "seed-neuron"))
    choose_preset(explainer, "seed-neuron")
    show_graph(explainer)
    wait_for_graph(explainer, len(graph["nodes"]))
    operations = explainer.locator(".graph-node.operation")
    expect(operations).to_have_count(6)
    boxes = [(operations.nth(k).bounding_box()["x"], operations.nth(k)) for k in range(6)]
    left_to_right = [loc.locator(".node-symbol").text_content() for _, loc in sorted(boxes, key=lambda b: b[0])]
    assert left_to_right == ["×", "+", "σ", "−", "(·)²", "½"]
    leaves = explainer.locator(".graph-node.leaf .node-symbol").all_text_contents()
    assert sorted(leaves) == ["b", "t", "w", "x"]
    x_box = explainer.locator(".graph-node.leaf.input").bounding_box()
    assert all(x_box["x"] < b for b, _ in boxes), "x is the leftmost node"
    root = node(explainer, graph["root"])
    expect(root.locator(".node-label")).to_have_text("L")
    expect(root).to_have_attribute("data-op", "scale")
    # chain x → × → + → σ → − → (·)² → ½: each operation takes the previous one as an input
    ops = [n for n in graph["nodes"] if n["kind"] == "operation"]
    assert [n["inputs"][0] if k else n["inputs"][1] for k, n in enumerate(ops)] == [0, *[o["id"] for o in ops[:-1]]]


def test_stepping_through_seed_neuron_shows_the_apis_values_and_gradients(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "seed-neuron"))
    choose_preset(explainer, "seed-neuron")
    show_graph(explainer)
    wait_for_graph(explainer, 10)
    ops = [n for n in graph["nodes"] if n["kind"] == "operation"]
    expect(node(explainer, ops[0]["id"]).locator(".node-value")).to_have_text("?")
    for k, op in enumerate(ops, start=1):
        next_operation(explainer)
        expect(chain(explainer)).to_contain_text(f"Forward · operation {k} of 6: {op['label']}")
        expect(chain(explainer)).to_contain_text(f"{op['label']} = {fmt(op['value'])}")
        expect(node(explainer, op["id"]).locator(".node-value")).to_have_text(fmt(op["value"]))
    for k, visit in enumerate(graph["backward"], start=1):
        next_operation(explainer)
        expect(chain(explainer)).to_contain_text(f"Backward · visit {k} of 10")
        for line in visit_lines(visit):
            expect(chain(explainer)).to_contain_text(line)
        expect(node(explainer, visit["node"]).locator(".node-grad")).to_have_text(f"∂ {fmt(visit['grad'])}")
    expect(explainer.locator(".graph-where")).to_have_text("Step 16 of 16")
    explainer.get_by_role("button", name="Step back").click()
    expect(chain(explainer)).to_contain_text("Backward · visit 9 of 10")
    expect(node(explainer, graph["backward"][-1]["node"]).locator(".node-grad")).to_have_text("")


def test_steps_taken_in_the_network_view_move_the_graph_forward_then_backward(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "seed-neuron"))
    choose_preset(explainer, "seed-neuron")
    show_graph(explainer)
    wait_for_graph(explainer, 10)
    network = explainer.get_by_role("button", name="Network", exact=True)
    step_forward = explainer.get_by_role("button", name="Step forward")
    network.click()
    step_forward.click()  # the neuron: ×, + and σ
    show_graph(explainer)
    expect(chain(explainer)).to_contain_text("Forward · operation 3 of 6: y")
    network.click()
    step_forward.click()  # the loss: every loss node
    step_forward.click()  # δ = ∂L/∂z: the backward visits down to z
    show_graph(explainer)
    z = next(n for n in graph["nodes"] if n["op"] == "add")
    expect(chain(explainer)).to_contain_text("Backward · visit 6 of 10: ∂L/∂z")
    expect(node(explainer, z["id"]).locator(".node-grad")).to_have_text(f"∂ {fmt(z['grad'])}")
    network.click()
    explainer.get_by_role("button", name="Step back").click()
    show_graph(explainer)
    expect(chain(explainer)).to_contain_text("Forward · operation 6 of 6: L")
    expect(node(explainer, z["id"]).locator(".node-grad")).to_have_text("")


def test_a_hidden_activation_feeding_two_outputs_shows_its_gradient_as_a_sum(explainer, server_url):
    graph = api(server_url, "graph", problem(server_url, "mazur-2-2-2"))
    shared = next(v for v in graph["backward"] if len(v["terms"]) > 1 and v["label"].startswith("a"))
    forward = sum(n["kind"] == "operation" for n in graph["nodes"])
    choose_preset(explainer, "mazur-2-2-2")
    show_graph(explainer)
    wait_for_graph(explainer, len(graph["nodes"]))
    next_operation(explainer, forward + graph["backward"].index(shared) + 1)
    expect(chain(explainer)).to_contain_text(f"∂L/∂{shared['label']}")
    expect(chain(explainer)).to_contain_text(f"{shared['label']} feeds 2 nodes")
    for t in shared["terms"]:
        expect(chain(explainer)).to_contain_text(f"via {t['consumer_label']}:")
    total = " + ".join(term(t["contribution"]) for t in shared["terms"])
    expect(chain(explainer)).to_contain_text(f"sum: ∂L/∂{shared['label']} = {total} = {fmt(shared['grad'])}")
    expect(node(explainer, shared["node"])).to_have_class(re.compile(r"\bshared\b"))
    expect(node(explainer, shared["node"]).locator(".node-grad")).to_have_text(f"∂ {fmt(shared['grad'])}")


def test_a_network_too_large_for_the_graph_shows_the_servers_note(page, server_url, console_errors):
    hidden = [[0.1 * (j + 1), -0.1 * j] for j in range(8)]
    network = {
        "layers": [
            {"weights": hidden, "biases": [0.0] * 8, "activation": "tanh"},
            {"weights": [[0.05] * 8], "biases": [0.0], "activation": "sigmoid"},
        ]
    }
    state = {"network": network, "inputs": [[1.0, 0.5]], "targets": [[1.0]], "loss": "mse", "preset": None}
    note = api(server_url, "graph", {k: state[k] for k in PROBLEM})["note"]
    assert note and "33 parameters" in note
    fragment = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    page.goto(f"{server_url}/#state={fragment}")
    page.wait_for_selector("body[data-ready=true]")
    show_graph(page)
    expect(page.locator(".graph-note")).to_contain_text(note)
    expect(page.locator(".graph-node")).to_have_count(0)
    expect(page.get_by_role("button", name="Network", exact=True)).to_be_visible()
    assert console_errors == []


def gradcheck_rows(page):
    rows = page.locator(".gradcheck-table tbody tr")
    return [[cell.strip() for cell in r.split("\t")] for r in rows.all_inner_texts()]


def expected_row(r):
    return [r["label"], precise(r["analytic"]), precise(r["numeric"]), error_number(r["relative_error"])]


def header(page, name):
    return page.locator(".gradcheck-table th").filter(has=page.get_by_role("button", name=name))


def test_gradient_check_table_shows_every_parameter_worst_first_and_sorts(explainer, server_url):
    result = api(server_url, "gradcheck", problem(server_url, "mazur-2-2-2"))
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("button", name="Check gradients").click()
    expect(explainer.locator(".gradcheck-table tbody tr")).to_have_count(len(result["parameters"]))
    worst_first = sorted(range(12), key=lambda k: (-result["parameters"][k]["relative_error"], k))
    assert gradcheck_rows(explainer) == [expected_row(result["parameters"][k]) for k in worst_first]
    expect(header(explainer, "Relative error")).to_have_attribute("aria-sort", "descending")
    verdict = explainer.locator(".gradcheck-verdict")
    expect(verdict).to_contain_text(f"Max relative error {error_number(result['max_relative_error'])}")
    expect(verdict).to_contain_text(result["verdict"])
    assert result["verdict"] == "pass"
    explainer.get_by_role("button", name="Parameter").click()
    expect(header(explainer, "Parameter")).to_have_attribute("aria-sort", "ascending")
    expect(header(explainer, "Relative error")).not_to_have_attribute("aria-sort", re.compile("."))
    assert gradcheck_rows(explainer) == [expected_row(r) for r in result["parameters"]]
    explainer.get_by_role("button", name="Analytic").click()
    by_analytic = sorted(result["parameters"], key=lambda r: -r["analytic"])
    assert gradcheck_rows(explainer) == [expected_row(r) for r in by_analytic]
    explainer.get_by_role("button", name="Analytic").click()
    expect(header(explainer, "Analytic")).to_have_attribute("aria-sort", "ascending")
    assert gradcheck_rows(explainer) == [expected_row(r) for r in reversed(by_analytic)]


def test_editing_a_weight_then_checking_again_shows_the_new_gradients(explainer, server_url):
    network = {"layers": [{"weights": [[-1.25]], "biases": [0.2], "activation": "sigmoid"}]}
    before = api(server_url, "gradcheck", problem(server_url, "seed-neuron"))
    after = api(server_url, "gradcheck", problem(server_url, "seed-neuron", network=network))
    choose_preset(explainer, "seed-neuron")
    check = explainer.get_by_role("button", name="Check gradients")
    table = explainer.locator(".gradcheck-table tbody")
    check.click()
    expect(table).to_contain_text(precise(before["parameters"][0]["analytic"]))
    explainer.get_by_role("button", name=re.compile(r"^w1\[1,1\]")).click()
    value = explainer.get_by_label("Value of w1[1,1]")
    value.fill("-1.25")
    value.press("Enter")
    expect(explainer.locator(".gradcheck-stale")).to_be_visible()
    check.click()
    expect(explainer.locator(".gradcheck-stale")).to_be_hidden()
    worst_first = sorted(range(2), key=lambda k: (-after["parameters"][k]["relative_error"], k))
    expect(table).to_contain_text(precise(after["parameters"][0]["analytic"]))
    assert gradcheck_rows(explainer) == [expected_row(after["parameters"][k]) for k in worst_first]


def test_a_relu_kink_is_flagged_in_the_verdict(page, server_url, console_errors):
    network = {"layers": [{"weights": [[1.0]], "biases": [-1.0], "activation": "relu"}]}
    body = problem(server_url, "seed-neuron", network=network, inputs=[[1.0]], targets=[[0.5]])
    result = api(server_url, "gradcheck", body)
    assert result["kinks"], "z = 0 exactly is a kink"
    state = {"network": network, "inputs": body["inputs"], "targets": body["targets"], "loss": "mse", "preset": None}
    fragment = base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")
    page.goto(f"{server_url}/#state={fragment}")
    page.wait_for_selector("body[data-ready=true]")
    page.get_by_role("button", name="Check gradients").click()
    expect(page.locator(".gradcheck-kinks")).to_contain_text(result["note"])
    expect(page.locator(".gradcheck-verdict")).to_contain_text(error_number(result["max_relative_error"]))
    assert console_errors == []


def test_graph_view_and_gradient_table_fit_a_375px_phone(page, server_url, console_errors):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    choose_preset(page, "mazur-2-2-2")
    show_graph(page)
    expect(page.locator(".graph-node")).to_have_count(38)
    next_operation(page, 3)
    page.get_by_role("button", name="Check gradients").click()
    expect(page.locator(".gradcheck-table tbody tr")).to_have_count(12)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    table = page.locator(".gradcheck-table").bounding_box()
    assert table["x"] + table["width"] <= 375, "every column of the gradient table is on screen"
    frame = page.locator(".graph-frame")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "the graph scrolls inside its frame"
    expect(chain(page)).to_contain_text("Forward · operation 3 of")
    assert console_errors == []
