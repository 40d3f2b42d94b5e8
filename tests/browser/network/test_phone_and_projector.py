"""Defect 4 (a phone: the diagram scrolls with a visible cue, the equation pinned under it) and projector mode."""

import pytest
from playwright.sync_api import expect

from tests.browser.network.test_diagram import RENDERED_FONT_PX, open_page
from tests.browser.network.test_explainer import choose_preset, explanation

pytestmark = pytest.mark.browser

# Whether an element is shown inside the window (not hidden, not scrolled off, not zero-sized).
IN_WINDOW = """(el) => {
  const b = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const shown = style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length;
  const inside = b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
  return !!shown && b.width > 0 && b.height > 0 && inside;
}"""


def cue(page, side):
    return page.locator(f".diagram-frame .scroll-cue.{side}")


def test_on_a_phone_the_diagram_says_it_scrolls_and_shows_the_rest(page, server_url, console_errors):
    open_page(page, server_url, 375)
    choose_preset(page, "mazur-2-2-2")
    frame = page.locator(".diagram-scroll")
    assert frame.evaluate("(f) => f.scrollWidth > f.clientWidth")
    assert cue(page, "right").evaluate(IN_WINDOW), "no cue that the diagram goes on to the right"
    assert not cue(page, "left").evaluate(IN_WINDOW)
    cue(page, "right").click()  # tapping the cue scrolls towards the loss
    expect(cue(page, "left")).to_be_visible()
    frame.evaluate("(f) => f.scrollTo({left: f.scrollWidth})")
    expect(cue(page, "right")).to_be_hidden()
    assert page.locator(".diagram .loss-node rect").evaluate(IN_WINDOW), "the loss box cannot be reached"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []


def test_on_a_wide_screen_a_diagram_that_fits_shows_no_scroll_cue(explainer):
    explainer.set_viewport_size({"width": 1280, "height": 800})
    choose_preset(explainer, "mazur-2-2-2")
    expect(cue(explainer, "right")).to_be_hidden()
    expect(cue(explainer, "left")).to_be_hidden()


def test_on_a_phone_the_current_equation_is_pinned_under_the_diagram(page, server_url, console_errors):
    open_page(page, server_url, 375)
    choose_preset(page, "mazur-2-2-2")
    page.get_by_role("button", name="Step forward").click()
    expect(explanation(page)).to_contain_text("sub-step 1 of")
    page.locator(".diagram-frame").evaluate("(f) => f.scrollIntoView({block: 'start'})")
    pinned = page.locator(".pinned-equation")
    expect(pinned.locator(".katex")).to_have_count(1)
    assert pinned.evaluate(IN_WINDOW), "the equation is not on screen with the diagram"
    frame_bottom = page.locator(".diagram-frame").evaluate("(f) => f.getBoundingClientRect().bottom")
    assert pinned.evaluate("(p) => p.getBoundingClientRect().top") >= frame_bottom - 1
    numbers = page.locator("#explanation .eq.numbers .katex-html").inner_text()
    assert pinned.locator(".katex-html").inner_text() == numbers
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []


def projector_checks(page):
    expect(page.locator("body")).to_have_class("projector")
    page.get_by_role("button", name="Step forward").click()
    expect(explanation(page)).to_contain_text("sub-step 1 of")
    texts = [
        ".diagram .node.neuron .node-value",
        ".diagram .edge-label",
        ".diagram .column-title",
        ".diagram .node.input .node-value",
    ]
    for selector in texts:
        size = page.locator(selector).first.evaluate(RENDERED_FONT_PX)
        assert size >= 20, f"{selector}: {size:.1f} px on a projector"
    expect(page.locator("#editor")).to_be_hidden()
    pinned = page.locator(".pinned-equation")
    expect(pinned.locator(".katex")).to_have_count(1)
    assert float(pinned.evaluate("(p) => parseFloat(getComputedStyle(p).fontSize)")) >= 24
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_a_lesson_link_opens_projector_mode(page, server_url, console_errors):
    open_page(page, server_url, 1280, 800, "?preset=mazur-2-2-2&projector=1")
    projector_checks(page)
    expect(page.locator(".notes")).not_to_contain_text("projector")
    expect(page.get_by_role("button", name="Projector")).to_have_attribute("aria-pressed", "true")
    assert console_errors == []


def test_the_projector_button_turns_projector_mode_on_and_off(explainer):
    explainer.set_viewport_size({"width": 1280, "height": 800})
    choose_preset(explainer, "mazur-2-2-2")
    button = explainer.get_by_role("button", name="Projector")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    projector_checks(explainer)
    button.click()
    expect(explainer.locator("body")).not_to_have_class("projector")
    expect(explainer.locator("#editor")).to_be_visible()
