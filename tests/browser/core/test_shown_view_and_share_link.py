"""The view shown is part of the state: it survives a reload and travels in a Share link; the Share
message clears after a few seconds and on the next change."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def ready(page):
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator(".stage")).to_have_attribute("aria-busy", "false")


def view_button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def test_the_view_shown_survives_a_reload_and_travels_in_a_share_link(explainer, browser):
    page = explainer
    view_button(page, "Graph").click()
    expect(view_button(page, "Graph")).to_have_attribute("aria-pressed", "true")
    page.reload()
    ready(page)
    expect(view_button(page, "Graph")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#view-graph")).to_be_visible()
    expect(page.locator("#view-network")).to_be_hidden()
    view_button(page, "Training").click()
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(re.compile(r"#state="))
    fresh = browser.new_context().new_page()  # no localStorage from the first page
    fresh.goto(page.url)
    ready(fresh)
    expect(view_button(fresh, "Training")).to_have_attribute("aria-pressed", "true")
    expect(fresh.get_by_role("region", name="Training lab")).to_be_visible()
    fresh.context.close()


def test_the_share_message_clears_after_a_few_seconds_and_on_the_next_change(explainer):
    page = explainer
    status = page.locator(".share-status")
    page.get_by_role("button", name="Share").click()
    expect(status).not_to_be_empty()
    expect(status).to_be_empty(timeout=8_000)
    page.get_by_role("button", name="Share").click()
    expect(status).not_to_be_empty()
    rate = page.get_by_label("Learning rate η")
    rate.fill("0.25")
    rate.press("Enter")
    expect(status).to_be_empty(timeout=1_000)
