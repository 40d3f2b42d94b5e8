"""The page's keys work wherever the focus is, as a keyboard user expects, and a note about an
earlier moment goes once the learner moves on."""

import pytest
from playwright.sync_api import expect

from tests.browser.network.test_explainer import choose_preset, explanation
from tests.browser.train.lab import open_lab, press, wait_for_epochs

pytestmark = pytest.mark.browser


def play_button(page):
    return page.locator("[data-control=play]")  # "Play", then "Pause" while playing


def test_space_pauses_what_it_started_from_the_diagrams_background(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    explainer.locator("svg.diagram").click(position={"x": 3, "y": 3})
    explainer.keyboard.press(" ")
    expect(play_button(explainer)).to_have_attribute("aria-pressed", "true")
    expect(explanation(explainer)).to_contain_text("sub-step 2 of")  # a step went by: the focus did not follow it
    explainer.keyboard.press(" ")
    expect(play_button(explainer)).to_have_attribute("aria-pressed", "false")
    assert explainer.evaluate("document.activeElement.matches('svg.diagram')")


def test_arrows_step_after_a_click_on_a_button(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    explainer.get_by_role("button", name="Step forward").click()
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")
    explainer.keyboard.press("ArrowRight")
    expect(explanation(explainer)).to_contain_text("sub-step 2 of 33")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_contain_text("sub-step 1 of 33")


def test_space_does_not_play_when_a_lesson_hides_play(page, server_url, console_errors):
    page.goto(server_url + "/?preset=seed-neuron&hide=play")
    page.wait_for_selector("body[data-ready=true]")
    page.locator("svg.diagram").click(position={"x": 3, "y": 3})
    page.keyboard.press(" ")
    page.wait_for_timeout(600)  # Play would have stepped by now (one sub-step every 500 ms at 1×)
    expect(play_button(page)).to_have_attribute("aria-pressed", "false")
    expect(explanation(page)).not_to_contain_text("sub-step 1 of")
    assert console_errors == []


def test_the_step_through_note_goes_when_the_learner_picks_another_preset(explainer):
    open_lab(explainer)
    press(explainer, "Train")
    wait_for_epochs(explainer, 3)
    press(explainer, "Pause")
    press(explainer, "Step through one update")
    note = explainer.get_by_role("status").filter(has_text="Note")
    expect(note).to_contain_text("stepping through one update")
    explainer.get_by_role("button", name="Step forward").click()  # stepping the handed-over update keeps it
    expect(note).to_contain_text("stepping through one update")
    choose_preset(explainer, "mazur-2-2-2")
    expect(note.filter(has_text="Paused at epoch")).to_have_count(0)  # (the trained network replaced offers Undo)
