"""The page links to its API reference (/docs), relative so it works under a root path too."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_header_links_to_the_api_docs(explainer, server_url):
    link = explainer.get_by_role("banner").get_by_role("link", name="API docs")
    assert link.get_attribute("href") == "docs"  # relative: /backprop/docs behind a proxy's root path
    link.click()
    expect(explainer).to_have_url(f"{server_url}/docs")
    expect(explainer).to_have_title("Backprop Lab — API")
