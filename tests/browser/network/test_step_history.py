"""Step back crosses a finished step: after an update the step before can be reviewed, and the
ones before it, within a bounded history."""

import pytest
from playwright.sync_api import expect

from tests.browser.network.test_explainer import choose_preset, explanation

pytestmark = pytest.mark.browser

TOTAL = 33  # Mazur's 2-2-2: sub-steps of one training step


def to_the_end_of_the_step(page):
    """The last sub-step (Update's first, then forward to the end); returns the explanation's text there."""
    page.get_by_role("navigation", name="Phase").get_by_role("button", name="Update").click()
    forward = page.get_by_role("button", name="Step forward")
    while "Step complete" not in explanation(page).text_content():
        forward.click()
    expect(explanation(page)).to_contain_text(f"sub-step {TOTAL} of {TOTAL}")
    return explanation(page).text_content()


def take_the_update(page):
    with page.expect_response(lambda response: response.url.endswith("/api/step")):
        page.get_by_role("button", name="Step forward").click()
    expect(explanation(page)).to_contain_text(f"Ready · {TOTAL} sub-steps")


def test_step_back_after_an_update_reviews_the_finished_step_and_the_ones_before(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    first_end = to_the_end_of_the_step(explainer)
    take_the_update(explainer)
    second_end = to_the_end_of_the_step(explainer)
    assert second_end != first_end  # the second step starts from the updated weights
    take_the_update(explainer)

    back = explainer.get_by_role("button", name="Step back")
    expect(back).to_be_enabled()
    back.click()
    expect(explanation(explainer)).to_have_text(second_end)
    for position in range(TOTAL - 1, -1, -1):  # through the second step to its start
        explainer.keyboard.press("ArrowLeft")
        expect(explanation(explainer)).to_contain_text(f"sub-step {position} of" if position else "Ready")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_have_text(first_end)

    take_the_update(explainer)  # forward again: the same update as before
    expect(explanation(explainer)).to_contain_text(f"Ready · {TOTAL} sub-steps")
    explainer.keyboard.press("ArrowLeft")
    expect(explanation(explainer)).to_have_text(first_end)


def test_a_preset_choice_starts_a_new_history(explainer):
    choose_preset(explainer, "mazur-2-2-2")
    to_the_end_of_the_step(explainer)
    take_the_update(explainer)
    choose_preset(explainer, "xor-2-2-1")
    expect(explainer.get_by_role("button", name="Step back")).to_be_disabled()
