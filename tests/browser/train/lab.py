"""What the training lab's browser tests do on the page: open the lab, set a field, upload a CSV, wait for epochs."""

from playwright.sync_api import expect

SLOW = 30_000  # ms: the machine may be shared and loaded


def open_lab(page):
    page.get_by_role("button", name="Training", exact=True).click()
    expect(page.get_by_role("region", name="Training lab")).to_be_visible()


def press(page, name):
    page.get_by_role("button", name=name, exact=True).click()


def set_field(page, label, value):
    field = page.get_by_label(label, exact=True)
    field.fill(str(value))
    field.press("Enter")


def upload(page, name, text):
    file = {"name": name, "mimeType": "text/csv", "buffer": text.encode()}
    page.get_by_label("Upload CSV").set_input_files(files=[file])


def wait_for_epochs(page, at_least):
    page.wait_for_function(
        "(n) => Number(document.querySelector('.train-lab').dataset.epoch) >= n", arg=at_least, timeout=SLOW
    )


def saved_state(page):
    return page.evaluate("JSON.parse(localStorage.getItem('backprop-lab-state'))")
