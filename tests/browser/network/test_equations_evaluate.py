"""Every equation the explainer can show, evaluated as written: its numbers give the result it shows.

The traces come from the real API (POST /api/step on the test server); the equations are built by
the page's own modules in the page (network/equations.js via explain.js), for every activation ×
loss × optimizer, every entry kind, each preset, and the chain rule of every weight and bias.
"""

import re
from itertools import product

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.network.tex_eval import check

pytestmark = pytest.mark.browser

STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")
ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"]
LOSSES = ["mse", "binary_cross_entropy", "cross_entropy"]
NEEDS = {"binary_cross_entropy": "sigmoid", "cross_entropy": "softmax"}
"""The output activation the API asks of a loss."""
DERIVATIVES = [r"\tanh^2", r"(1-\sigma", r"\mathbb{1}"]
"""What an activation's derivative writes; a numeric form shows the same formula with numbers."""

# Builds, in the page, every equation of a step the way the Explanation panel does.
EQUATIONS_OF = """async (cases) => {
  const { chainRule, explainEntry } = await import("/static/js/network/equations.js");
  const { equationContext } = await import("/static/js/network/explain.js");
  const { visibleEntries } = await import("/static/js/core/steps.js");
  const { deltaEntry, findEntry } = await import("/static/js/network/trace.js");
  const out = [];
  for (const c of cases) {
    const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(c.body) };
    const response = await fetch("/api/step", init);
    if (!response.ok) throw new Error(`${c.name}: ${response.status} ${await response.text()}`);
    const step = await response.json();
    const state = { ...c.body, preset: c.preset, view: { position: 0, sample: 0, selected: null } };
    for (let sample = 0; sample < c.body.inputs.length; sample++) {
      state.view.sample = sample;
      const entries = visibleEntries(step.trace, sample);
      const ctx = equationContext(state, entries);
      for (const entry of entries) {
        const where = `${entry.kind} ${entry.layer ?? ""}:${entry.neuron ?? ""}:${entry.input ?? ""}`;
        out.push({ case: c.name, where, ...explainEntry(entry, ctx) });
      }
      for (const g of entries.filter((e) => e.kind === "weight_gradient" || e.kind === "bias_gradient")) {
        const kind = g.kind === "weight_gradient" ? "weight" : "bias";
        const selected = { kind, layer: g.layer, neuron: g.neuron, ...(kind === "weight" ? { input: g.input } : {}) };
        const grad = findEntry(entries, g.kind, g.layer, g.neuron, selected.input);
        const rule = chainRule(selected, deltaEntry(entries, g.layer, g.neuron), grad, ctx);
        const where = `chain rule ${kind} ${g.layer}:${g.neuron}:${g.input ?? ""} sample ${sample}`;
        out.push({ case: c.name, where, ...rule });
      }
    }
  }
  return out;
}"""


def network(hidden, output):
    return {
        "layers": [
            {"weights": [[0.3, -0.4], [0.2, 0.5]], "biases": [0.1, -0.2], "activation": hidden},
            {"weights": [[0.6, -0.3], [-0.5, 0.4]], "biases": [0.05, -0.1], "activation": output},
        ]
    }


def matrix_cases():
    """Every hidden × output activation × loss, with one sample and with two (ReLU on both sides of 0)."""
    inputs = [[0.5, -1.0], [1.5, 0.25]]
    for hidden, output, loss, n in product(ACTIVATIONS, ACTIVATIONS, LOSSES, (1, 2)):
        if NEEDS.get(loss, output) != output:
            continue
        body = {
            "network": network(hidden, output),
            "inputs": inputs[:n],
            "targets": [[1.0, 0.0], [0.0, 1.0]][:n],
            "loss": loss,
            "optimizer": {"name": "sgd", "learning_rate": 0.5},
        }
        yield {"name": f"{hidden}-{output} {loss} N={n}", "body": body}


def optimizer_cases(server_url):
    """Momentum and Adam on their second step (a velocity and moments already there)."""
    for name, n in product(("sgd", "momentum", "adam"), (1, 2)):
        body = {
            "network": network("tanh", "sigmoid"),
            "inputs": [[0.5, -1.0], [1.5, 0.25]][:n],
            "targets": [[1.0, 0.0], [0.0, 1.0]][:n],
            "loss": "mse",
            "optimizer": {"name": name, "learning_rate": 0.1},
        }
        first = httpx.post(f"{server_url}/api/step", json=body).json()
        yield {
            "name": f"{name} N={n}",
            "body": body | {"network": first["network"], "optimizer_state": first["optimizer_state"]},
        }


def preset_cases(server_url):
    for summary in httpx.get(f"{server_url}/api/presets").json():
        preset = httpx.get(f"{server_url}/api/presets/{summary['name']}").json()
        yield {"name": summary["name"], "preset": summary["name"], "body": {k: preset[k] for k in STEP_FIELDS}}


def assert_evaluates(equation):
    """The numeric form is the symbolic form with numbers; evaluated, it gives the result shown."""
    where = f"{equation['case']}, {equation['where']}"
    for formula in DERIVATIVES:
        if formula in equation["symbolic"]:
            assert formula in equation["numbers"], (
                f"{where}: {formula} in {equation['symbolic']} but not in {equation['numbers']}"
            )
    assert r"\cdots" not in equation["numbers"], f"{where}: a small network's sums are written out in full"
    return check(equation["numbers"])


def test_every_equation_evaluates_to_the_result_it_shows(explainer, server_url):
    cases = [*matrix_cases(), *optimizer_cases(server_url), *preset_cases(server_url)]
    equations = explainer.evaluate(EQUATIONS_OF, cases)
    assert len({e["case"] for e in equations}) == len(cases)
    unchecked = [f"{e['case']}, {e['where']}: {e['numbers']}" for e in equations if assert_evaluates(e) == 0]
    assert unchecked == [], "every equation shows at least one equality its numbers prove"
    kinds = {e["where"].split(" ")[0] for e in equations}
    assert kinds >= {
        "neuron",
        "loss",
        "output_delta",
        "hidden_delta",
        "weight_gradient",
        "bias_gradient",
        "weight_update",
        "bias_update",
        "chain",
    }


def test_the_xor_chain_rule_brackets_the_tanh_derivative_and_evaluates_on_the_page(explainer):
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        explainer.get_by_label("Preset").select_option("xor-2-2-1")
    expect(explainer.locator(".stage")).to_have_attribute("aria-busy", "false")
    explainer.locator('.diagram [data-kind="weight"][data-layer="0"][data-neuron="0"][data-input="0"]').click()
    explainer.get_by_role("navigation", name="Phase").get_by_role("button", name="Update").click()
    chain = explainer.locator("#explanation .chain")
    expect(chain).to_be_visible()
    symbolic, numbers = chain.locator("annotation").all_text_contents()
    assert r"(1-\tanh^2(z^{(1)}_{1}))" in symbolic.replace(" ", "")
    assert r"(1-\tanh^2(" in numbers.replace(" ", "")
    assert check(numbers) >= 2


def test_every_equation_shown_walking_xor_evaluates(explainer):
    with explainer.expect_response(lambda response: response.url.endswith("/api/step")):
        explainer.get_by_label("Preset").select_option("xor-2-2-1")
    expect(explainer.locator(".stage")).to_have_attribute("aria-busy", "false")
    phase = explainer.locator("#explanation .phase-name")
    total = int(re.search(r"(\d+) sub-steps", phase.inner_text()).group(1))
    for position in range(1, total + 1):
        explainer.get_by_role("button", name="Step forward").click()
        expect(phase).to_contain_text(f"sub-step {position} of {total}")
        numbers = explainer.locator("#explanation .eq.numbers annotation").first.text_content()
        assert check(numbers) >= 1 or "softmax" in numbers, f"sub-step {position}: {numbers}"
