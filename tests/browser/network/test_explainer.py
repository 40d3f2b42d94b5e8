"""The explainer in a real Chromium: every number shown is the API's, stepping, editing, state."""

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.page_format import fmt

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[3]
STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")


def api_step(server_url, preset=None, **changes):
    body = httpx.get(f"{server_url}/api/presets/{preset}").json() if preset else {}
    body = {k: body[k] for k in STEP_FIELDS if k in body} | changes
    return httpx.post(f"{server_url}/api/step", json=body).json()


def shown_math(page):
    """The rendered equations of the Explanation panel as one string (no spaces, ASCII minus)."""
    texts = page.locator("#explanation .katex-html").all_inner_texts()
    return re.sub(r"\s+", "", "".join(texts)).replace("−", "-")


def explanation(page):
    return page.get_by_role("region", name="Explanation")


def choose_preset(page, name):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_label("Preset").select_option(name)
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")
    expect(explanation(page)).to_contain_text("Ready")
    expect(page.get_by_role("button", name="Step forward")).to_be_enabled()


def step_to(page, position, total):
    page.get_by_role("button", name="Step forward").click()
    expect(explanation(page)).to_contain_text(f"sub-step {position} of {total}")


def expected_numbers(entry):
    """The numbers the explanation must show for a trace entry."""
    kind = entry["kind"]
    if kind == "neuron":
        return [entry["z"], entry["a"], entry["bias"], *entry["weights"]]
    if kind == "loss":
        return [entry["value"]]
    if kind in ("output_delta", "hidden_delta"):
        return [entry["delta"], entry["dl_da"]] + ([entry["da_dz"]] if entry["da_dz"] is not None else [])
    if kind in ("weight_gradient", "bias_gradient"):
        return [entry["grad"], *entry["deltas"]]
    return [entry["old"], entry["new"], entry["grad"]]


def walk_whole_step(page, trace, on_position=None):
    for position, entry in enumerate(trace, start=1):
        step_to(page, position, len(trace))
        math = shown_math(page)
        for number in expected_numbers(entry):
            assert fmt(number, tex=True) in math, f"sub-step {position} ({entry['kind']}): {fmt(number)} not in {math}"
        if on_position:
            on_position(position, entry)


def test_seed_neuron_whole_step_shows_the_apis_numbers(explainer, server_url):
    trace = api_step(server_url, "seed-neuron")["trace"]
    choose_preset(explainer, "seed-neuron")
    walk_whole_step(explainer, trace)
    assert [e["kind"] for e in trace][:2] == ["neuron", "loss"]
    expect(explanation(explainer)).to_contain_text("Step complete")
    expect(explainer.locator(".diagram .node.neuron .node-value")).to_have_text(fmt(trace[0]["a"]))


def test_mazur_whole_step_shows_the_apis_numbers_and_saves_a_screenshot(explainer, server_url):
    trace = api_step(server_url, "mazur-2-2-2")["trace"]
    choose_preset(explainer, "mazur-2-2-2")
    first_update = next(i for i, e in enumerate(trace) if e["phase"] == "update")
    first_backward = next(i for i, e in enumerate(trace) if e["phase"] == "backward")

    def check(position, entry):
        if position == len([e for e in trace if e["phase"] == "forward"]):
            outputs = explainer.locator(".diagram .node.neuron .node-value").all_text_contents()
            assert "0.7514" in outputs and "0.7729" in outputs  # Mazur's 0.75136507 and 0.772928465
        if position == (first_backward + first_update) // 2 + 1:
            explainer.wait_for_timeout(900)  # let the gradients finish travelling
            explainer.screenshot(path=str(ROOT / "docs" / "screenshot.png"))

    walk_whole_step(explainer, trace, check)
    w5 = next(e for e in trace if e["kind"] == "weight_update" and (e["layer"], e["neuron"], e["input"]) == (1, 0, 0))
    assert fmt(w5["new"]) == "0.3589"  # Mazur's w5 = 0.35891648
    # the current update reads old → new; an earlier one shows its new value (w5's among them)
    expect(explainer.locator(".diagram .edge-label.update", has_text="→")).to_have_count(1)
    expect(explainer.locator(".diagram .edge-label.update", has_text="0.3589")).to_have_count(1)


def test_step_back_returns_to_the_previous_sub_step(explainer, server_url):
    trace = api_step(server_url, "mazur-2-2-2")["trace"]
    choose_preset(explainer, "mazur-2-2-2")
    for position in (1, 2, 3):
        step_to(explainer, position, len(trace))
    explainer.get_by_role("button", name="Step back").click()
    expect(explanation(explainer)).to_contain_text(f"sub-step 2 of {len(trace)}")
    assert fmt(trace[1]["z"]) in shown_math(explainer)
    outputs = explainer.locator(".diagram .node.neuron .node-value").all_text_contents()
    assert outputs.count("") == 2  # only the two hidden neurons have values so far


def test_arrow_keys_step_and_space_plays_and_pauses(explainer, server_url):
    trace = api_step(server_url, "seed-neuron")["trace"]
    explainer.locator("h1").click()  # focus on the page, not on a control
    explainer.keyboard.press("ArrowRight")
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text(f"sub-step 2 of {len(trace)}")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_contain_text(f"sub-step 1 of {len(trace)}")
    explainer.keyboard.press(" ")
    expect(explainer.get_by_role("button", name="Pause")).to_be_visible()
    expect(explanation(explainer)).to_contain_text(f"sub-step 3 of {len(trace)}")
    explainer.keyboard.press(" ")
    expect(explainer.get_by_role("button", name="Play")).to_be_visible()


def test_phase_indicator_jumps_to_a_phase(explainer, server_url):
    trace = api_step(server_url, "mazur-2-2-2")["trace"]
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("navigation", name="Phase").get_by_role("button", name="Update").click()
    first_update = next(i for i, e in enumerate(trace) if e["phase"] == "update")
    expect(explanation(explainer)).to_contain_text(f"Update · sub-step {first_update + 1} of {len(trace)}")
    phases = explainer.get_by_role("navigation", name="Phase")
    expect(phases.get_by_role("button", name="Update")).to_have_attribute("aria-current", "step")


def test_adding_and_removing_a_sample_by_keyboard_keeps_the_focus_on_that_button(explainer):
    rows = explainer.locator("table.batch tbody tr")
    count = rows.count()
    explainer.get_by_role("button", name="Add sample").focus()
    for added in (1, 2):
        explainer.keyboard.press("Enter")
        expect(rows).to_have_count(count + added)
        expect(explainer.get_by_role("button", name="Add sample")).to_be_focused()
    explainer.keyboard.press("Tab")
    expect(explainer.get_by_role("button", name="Remove last sample")).to_be_focused()
    explainer.keyboard.press("Enter")
    expect(rows).to_have_count(count + 1)
    expect(explainer.get_by_role("button", name="Remove last sample")).to_be_focused()


def test_editing_a_weight_changes_the_forward_values(explainer, server_url):
    before = api_step(server_url, "seed-neuron")["trace"][0]
    network = {"layers": [{"weights": [[-1.25]], "biases": [0.2], "activation": "sigmoid"}]}
    after = api_step(server_url, "seed-neuron", network=network)["trace"][0]
    explainer.get_by_role("button", name=re.compile(r"^w1\[1,1\]")).click()
    value = explainer.get_by_label("Value of w1[1,1]")
    expect(value).to_be_focused()
    value.fill("-1.25")
    value.press("Enter")
    step_to(explainer, 1, 7)
    assert fmt(after["a"]) in shown_math(explainer) and fmt(after["z"]) in shown_math(explainer)
    assert fmt(after["a"]) != fmt(before["a"])
    expect(explainer.locator(".diagram .node.neuron .node-value")).to_have_text(fmt(after["a"]))


def test_selecting_the_seed_weight_shows_its_chain_rule_with_numbers(explainer, server_url):
    trace = api_step(server_url, "seed-neuron")["trace"]
    delta = next(e for e in trace if e["kind"] == "output_delta")
    grad = next(e for e in trace if e["kind"] == "weight_gradient")
    explainer.get_by_role("button", name=re.compile(r"^w1\[1,1\]")).click()
    chain = explainer.locator("#explanation .chain")
    expect(chain).to_be_visible()
    tex = " ".join(chain.locator("annotation").all_text_contents())
    assert r"(y - t) \cdot \sigma(h)(1-\sigma(h)) \cdot x" in tex
    numbers = re.sub(r"\s+", "", chain.locator(".katex-html").last.inner_text()).replace("−", "-")
    y_minus_t = f"({fmt(delta['a'])}-{fmt(delta['target'])})"
    assert f"{y_minus_t}⋅{fmt(delta['da_dz'])}⋅{fmt(grad['inputs'][0])}={fmt(grad['grad'])}" in numbers


def test_reload_keeps_the_state(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    rate = explainer.get_by_label("Learning rate η")
    rate.fill("0.25")
    rate.press("Enter")
    for position in (1, 2, 3):
        step_to(explainer, position, 33)
    explainer.reload()
    explainer.wait_for_selector("body[data-ready=true]")
    expect(explanation(explainer)).to_contain_text("sub-step 3 of 33")
    expect(explainer.get_by_label("Learning rate η")).to_have_value("0.25")
    expect(explainer.get_by_label("Preset")).to_have_value("mazur-2-2-2")


def test_a_shared_url_reproduces_the_state_in_a_fresh_browser(explainer, browser, server_url):
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("button", name=re.compile(r"^w2\[1,1\]")).click()
    value = explainer.get_by_label("Value of w2[1,1]")
    value.fill("-0.7")
    value.press("Enter")
    for position in (1, 2, 3, 4, 5):
        step_to(explainer, position, 33)
    shown = shown_math(explainer)
    explainer.get_by_role("button", name="Share").click()
    expect(explainer).to_have_url(re.compile(r"#state="))
    fresh = browser.new_context().new_page()  # no localStorage from the first page
    fresh.goto(explainer.url)
    fresh.wait_for_selector("body[data-ready=true]")
    expect(explanation(fresh)).to_contain_text("sub-step 5 of 33")
    assert shown_math(fresh) == shown
    expect(fresh.get_by_role("button", name=re.compile(r"^w2\[1,1\] = -0\.7000"))).to_be_attached()
    fresh.context.close()


def test_bad_fields_in_a_shared_url_are_ignored_with_a_note(page, server_url, console_errors):
    page.goto(server_url + "/#state=not-base64-json!")
    page.wait_for_selector("body[data-ready=true]")
    expect(page.get_by_role("status").filter(has_text="Note")).to_contain_text("could not be read")
    expect(page.get_by_role("button", name="Step forward")).to_be_enabled()
    assert console_errors == []


def test_an_api_refusal_shows_its_detail(page, server_url):
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    rate = page.get_by_label("Learning rate η")
    rate.fill("-1")
    rate.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("learning_rate")


def test_randomize_is_reproducible_from_its_seed(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    labels = "els => els.map(e => e.getAttribute('aria-label')).sort()"
    mazur = explainer.locator(".diagram .edge").evaluate_all(labels)
    randomized = []
    for _ in range(2):
        choose_preset(explainer, "mazur-2-2-2")
        explainer.get_by_label("Seed", exact=True).fill("7")
        explainer.get_by_role("button", name="Randomize").click()
        expect(explainer.get_by_label("Preset")).to_have_value("")
        expect(explanation(explainer)).to_contain_text("Ready · 33 sub-steps")
        randomized.append(explainer.locator(".diagram .edge").evaluate_all(labels))
    assert randomized[0] == randomized[1] != mazur


def test_adding_a_hidden_layer_and_a_neuron_redraws_the_diagram(explainer):
    choose_preset(explainer, "seed-neuron")
    explainer.get_by_role("button", name="Add hidden layer").click()
    expect(explainer.locator(".diagram .node.neuron")).to_have_count(2)
    explainer.get_by_role("button", name="Add a neuron to hidden layer 1").click()
    expect(explainer.locator(".diagram .node.neuron")).to_have_count(3)
    explainer.get_by_label("Activation of hidden layer 1").select_option("tanh")
    expect(explainer.locator(".diagram .column-title").nth(1)).to_have_text("layer 1 · tanh")
    # 1-2-1: 3 neurons forward, the loss, 3 deltas, 7 gradients (4 weights, 3 biases), 7 updates
    step_to(explainer, 1, 3 + 1 + 3 + 7 + 7)


def test_page_fits_a_375px_phone_without_horizontal_scroll(page, server_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    choose_preset(page, "mazur-2-2-2")
    step_to(page, 1, 33)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_lesson_link_locks_the_page_to_one_preset_and_hides_controls(explainer, server_url):
    choose_preset(explainer, "mazur-2-2-2")  # a saved session of another preset
    explainer.goto(server_url + "/?preset=seed-neuron&lock=1&hide=share,speed")
    explainer.wait_for_selector("body[data-ready=true]")
    expect(explanation(explainer)).to_contain_text("Ready · 7 sub-steps")
    for hidden in ("Preset", "Speed", "Learning rate η"):
        expect(explainer.get_by_label(hidden)).to_be_hidden()
    expect(explainer.get_by_role("button", name="Share")).to_be_hidden()
    expect(explainer.get_by_role("button", name="Step forward")).to_be_visible()
    explainer.get_by_role("button", name=re.compile(r"^w1\[1,1\]")).click()
    expect(explainer.locator("#explanation .chain")).to_be_visible()
    expect(explainer.get_by_label("Value of w1[1,1]")).to_be_hidden()


def test_bad_lesson_options_are_ignored_with_a_visible_note(explainer, server_url):
    explainer.goto(server_url + "/?preset=no-such&hide=everything&lock=1")
    explainer.wait_for_selector("body[data-ready=true]")
    note = explainer.get_by_role("status").filter(has_text="Note")
    expect(note).to_contain_text("unknown preset")
    expect(note).to_contain_text("everything")
    expect(explainer.get_by_role("button", name="Step forward")).to_be_enabled()


def test_hover_shows_value_gradient_and_old_to_new_then_the_next_step_keeps_the_new_weight(explainer, server_url):
    step = api_step(server_url, "seed-neuron")
    update = next(e for e in step["trace"] if e["kind"] == "weight_update")
    choose_preset(explainer, "seed-neuron")
    walk_whole_step(explainer, step["trace"])
    explainer.get_by_role("button", name=re.compile(r"^w1\[1,1\]")).hover()
    tooltip = explainer.get_by_role("tooltip")
    expect(tooltip).to_contain_text(f"gradient ∂L/∂w = {fmt(update['grad'])}")
    expect(tooltip).to_contain_text(f"update: {fmt(update['old'])} → {fmt(update['new'])}")
    explainer.get_by_role("button", name="Step forward").click()  # past the end: keep the new weights
    expect(explanation(explainer)).to_contain_text("Ready · 7 sub-steps")
    expect(explainer.get_by_role("button", name=re.compile(rf"^w1\[1,1\] = {fmt(update['new'])}$"))).to_be_attached()


def test_export_then_import_restores_the_state(explainer, tmp_path):
    choose_preset(explainer, "mazur-2-2-2")
    rate = explainer.get_by_label("Learning rate η")
    rate.fill("0.125")
    rate.press("Enter")
    with explainer.expect_download() as download:
        explainer.get_by_role("button", name="Export").click()
    saved = tmp_path / "state.json"
    download.value.save_as(saved)

    choose_preset(explainer, "seed-neuron")
    with explainer.expect_file_chooser() as chooser:
        explainer.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(saved))
    expect(explainer.get_by_label("Preset")).to_have_value("mazur-2-2-2")
    expect(explainer.get_by_label("Learning rate η")).to_have_value("0.125")
    expect(explanation(explainer)).to_contain_text("33 sub-steps")


def visible_for_sample(trace, sample=0):
    return [e for e in trace if e.get("sample", sample) == sample]


@pytest.mark.parametrize("preset", ["seed-network", "xor-2-2-1", "softmax-3-class"])
def test_every_sub_step_of_other_presets_renders_its_equations(explainer, server_url, preset):
    trace = visible_for_sample(api_step(server_url, preset)["trace"])
    choose_preset(explainer, preset)
    for position in range(1, len(trace) + 1):
        step_to(explainer, position, len(trace))
        assert explainer.locator("#explanation .katex-error").count() == 0, f"sub-step {position}"
    entry = trace[-1]
    assert fmt(entry["new"], tex=True) in shown_math(explainer)


def test_choosing_another_sample_walks_that_samples_numbers(explainer, server_url):
    trace = visible_for_sample(api_step(server_url, "xor-2-2-1")["trace"], sample=2)
    choose_preset(explainer, "xor-2-2-1")
    explainer.get_by_role("combobox", name="Sample", exact=True).select_option("2")
    step_to(explainer, 1, len(trace))
    assert trace[0]["sample"] == 2 and fmt(trace[0]["a"], tex=True) in shown_math(explainer)
    expect(explanation(explainer)).to_contain_text("sample 3 of 4")


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_the_update_phase_explains_other_optimizers_with_the_apis_numbers(explainer, server_url, optimizer):
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_label("Optimizer").select_option(optimizer)
    trace = api_step(server_url, "mazur-2-2-2", optimizer={"name": optimizer, "learning_rate": 0.5})["trace"]
    first_update = next(i for i, e in enumerate(trace) if e["phase"] == "update")
    explainer.get_by_role("navigation", name="Phase").get_by_role("button", name="Update").click()
    expect(explanation(explainer)).to_contain_text(f"sub-step {first_update + 1} of {len(trace)}")
    entry = trace[first_update]
    assert entry["optimizer"] == optimizer
    assert explainer.locator("#explanation .katex-error").count() == 0
    assert fmt(entry["new"], tex=True) in shown_math(explainer)
    if optimizer == "adam":  # the bias-corrected moments the update divides, from the trace
        assert fmt(entry["m_hat"], tex=True) in shown_math(explainer)
