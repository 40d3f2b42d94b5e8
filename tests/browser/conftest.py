"""Browser tests: a real uvicorn server and a real Chromium driven by Playwright.

The server runs in a subprocess on a free 127.0.0.1 port for the whole session. The browser
is $BACKPROP_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own download. When
no browser can be launched the tests are skipped — except in CI (CI=true), where they fail.
"""

import os
from pathlib import Path

import pytest

from tests.uvicorn_server import uvicorn_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path():
    """The Chromium to drive: $BACKPROP_CHROMIUM, Debian's, or None for Playwright's own."""
    for candidate in (os.environ.get("BACKPROP_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_options():
    """Playwright's launch options for that Chromium, with the flags that keep it off the network."""
    options = {"args": CHROMIUM_ARGS}
    if path := chromium_path():
        options["executable_path"] = path
    return options


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **launch_options()}


@pytest.fixture(scope="session")
def browser(launch_browser):
    """Overrides pytest-playwright's: a missing browser skips locally but fails in CI."""
    try:
        browser = launch_browser()
    except Exception as error:
        message = f"no Chromium could be launched: {error}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def server_url():
    """The app served by uvicorn in a subprocess; stopped by PID at the end of the session."""
    with uvicorn_server(pytest.fail) as url:
        yield url


@pytest.fixture
def console_errors(page):
    """Every console error and uncaught page error of the test's page."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def explainer(page, server_url, console_errors):
    """The explainer page, loaded and ready (its first trace drawn); asserts no console errors after."""
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    yield page
    assert console_errors == []
