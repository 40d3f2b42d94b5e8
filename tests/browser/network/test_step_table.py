"""The "Table" view: the whole step as a worked example, in the walk's order, with Mazur's names."""

import csv
import io
import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.page_format import fmt

pytestmark = pytest.mark.browser


def open_mazur_table(page, server_url):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_label("Preset").select_option("mazur-2-2-2")
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")
    page.get_by_role("group", name="View").get_by_role("button", name="Table").click()
    table = page.locator("table.step-table")
    expect(table).to_be_visible()
    preset = httpx.get(f"{server_url}/api/presets/mazur-2-2-2").json()
    body = {k: preset[k] for k in ("network", "inputs", "targets", "loss", "optimizer")}
    return table, httpx.post(f"{server_url}/api/step", json=body).json()["trace"]


def row(table, name):
    return table.locator("tbody tr").filter(has=table.page.get_by_role("rowheader", name=name, exact=True))


def test_mazur_table_lists_every_number_of_the_step_with_his_names(explainer, server_url):
    table, trace = open_mazur_table(explainer, server_url)
    neurons = [e for e in trace if e["kind"] == "neuron"]
    expect(table.locator("tbody tr")).to_have_count(len(trace) + len(neurons))  # z and a per neuron
    expect(table.locator("thead")).to_contain_text("In Mazur's post")
    z1, out_o1 = neurons[0], neurons[2]
    expect(row(table, "z⁽¹⁾₁")).to_contain_text("net_h1")
    expect(row(table, "z⁽¹⁾₁")).to_contain_text(fmt(z1["z"]))
    expect(row(table, "y₁")).to_contain_text("out_o1")
    expect(row(table, "y₁")).to_contain_text("0.7514")  # Mazur's out_o1 = 0.75136507
    expect(row(table, "L")).to_contain_text("E_total")
    expect(row(table, "L")).to_contain_text("0.2984")  # his E_total = 0.298371109
    expect(row(table, "∂L/∂w⁽²⁾₁₁")).to_contain_text("∂E_total/∂w5")
    expect(row(table, "∂L/∂w⁽²⁾₁₁")).to_contain_text("0.08217")  # his 0.082167041
    expect(row(table, "w⁽²⁾₁₁")).to_contain_text("w5⁺")
    expect(row(table, "w⁽²⁾₁₁")).to_contain_text("0.4000 → 0.3589")  # his w5⁺ = 0.35891648
    expect(row(table, "w⁽¹⁾₁₁")).to_contain_text("0.1500 → 0.1498")  # his w1⁺ = 0.149780716
    assert out_o1["a"] > 0.75
    positions = [int(p) for p in table.locator("tbody tr").evaluate_all("rows => rows.map((r) => r.dataset.position)")]
    assert positions == sorted(positions) and positions[-1] == len(trace)


def test_the_current_sub_step_is_highlighted_and_clicking_a_row_goes_there(explainer, server_url):
    table, trace = open_mazur_table(explainer, server_url)
    for _ in range(3):
        explainer.get_by_role("button", name="Step forward").click()
    current = table.locator("tbody tr[aria-current=step]")
    expect(current).to_have_count(2)  # sub-step 3 is a neuron: its z and its a
    for tr in current.all():
        expect(tr).to_have_attribute("data-position", "3")
    row(table, "∂L/∂w⁽²⁾₁₁").click()
    position = next(i for i, e in enumerate(trace, 1) if e["kind"] == "weight_gradient")
    expect(explainer.get_by_role("region", name="Explanation")).to_contain_text(f"sub-step {position} of {len(trace)}")
    expect(current).to_have_attribute("data-position", str(position))
    explainer.get_by_role("button", name=re.compile(r"^Go to sub-step 1: z⁽¹⁾₁")).press("Enter")
    expect(explainer.get_by_role("region", name="Explanation")).to_contain_text(f"sub-step 1 of {len(trace)}")


def test_the_table_copies_as_csv_with_full_precision_and_as_markdown_as_shown(explainer, server_url):
    explainer.context.grant_permissions(["clipboard-read", "clipboard-write"])
    table, trace = open_mazur_table(explainer, server_url)
    w5 = next(e for e in trace if e["kind"] == "weight_update" and (e["layer"], e["neuron"], e["input"]) == (1, 0, 0))
    explainer.get_by_role("button", name="Copy as CSV").click()
    expect(explainer.get_by_role("status").filter(has_text="Copied")).to_contain_text("as CSV")
    rows = list(csv.DictReader(io.StringIO(explainer.evaluate("navigator.clipboard.readText()"))))
    line = next(r for r in rows if r["quantity"] == "w⁽²⁾₁₁")
    assert line["textbook_name"] == "w5⁺" and float(line["new_value"]) == w5["new"]
    assert len(rows) == table.locator("tbody tr").count()
    explainer.get_by_role("button", name="Copy as Markdown").click()
    expect(explainer.get_by_role("status").filter(has_text="Copied")).to_contain_text("as Markdown")
    markdown = explainer.evaluate("navigator.clipboard.readText()")
    assert markdown.startswith("| Sub-step | Phase | Quantity | Value | In Mazur's post |\n| --- |")
    assert "| w⁽²⁾₁₁ | 0.4000 → 0.3589 | w5⁺ |" in markdown
