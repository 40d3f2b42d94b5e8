"""The keyboard focus follows Train and Pause: Train moves it to Pause, Pause back to Train (the lab stays)."""

import pytest
from playwright.sync_api import expect

from tests.browser.train.lab import SLOW, open_lab, wait_for_epochs

pytestmark = pytest.mark.browser


def test_train_moves_the_focus_to_pause_and_pause_back_to_train(explainer):
    page = explainer
    open_lab(page)
    train = page.get_by_role("button", name="Train", exact=True)
    train.focus()
    page.keyboard.press("Enter")
    pause = page.get_by_role("button", name="Pause", exact=True)
    expect(pause).to_be_enabled(timeout=SLOW)
    expect(pause).to_be_focused()
    wait_for_epochs(page, 1)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Paused at epoch")).to_be_visible(timeout=SLOW)
    expect(train).to_be_focused(timeout=SLOW)
