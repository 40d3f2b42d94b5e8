"""Explainer performance in Chromium (a script, not a test): python benchmarks/browser_fps.py

Starts the app with uvicorn on a free port, loads an 8-8-8 network (random weights from the
API, seed 1), presses Play at a chosen speed and records requestAnimationFrame timestamps for
a few seconds: prints the median frames per second. Also prints the JS + CSS bytes the page
loads on first visit (fonts aside), as served (uncompressed).
"""

import argparse
import base64
import itertools
import json
import statistics
import sys
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.conftest import launch_options
from tests.browser.conftest import server_url as _server_fixture

RECORD_FRAMES = """
(ms) => new Promise((resolve) => {
  const stamps = [];
  const end = performance.now() + ms;
  function frame(t) {
    stamps.push(t);
    if (t < end) requestAnimationFrame(frame); else resolve(stamps);
  }
  requestAnimationFrame(frame);
})
"""


def state_fragment(url, widths, seed):
    activations = ["sigmoid"] * (len(widths) - 1)
    body = {"widths": widths, "activations": activations, "seed": seed}
    network = httpx.post(f"{url}/api/networks/random", json=body).json()["network"]
    state = {
        "network": network,
        "inputs": [[0.5] * widths[0]],
        "targets": [[1.0] * widths[-1]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
        "seed": seed,
        "speed": 4,
        "preset": None,
    }
    return "state=" + base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


def first_load_bytes(page, url):
    sizes = {}

    def record(response):
        kind = response.request.resource_type
        if kind in ("script", "stylesheet") and response.ok:
            # decoded size, and what went over the wire (the server gzips static files)
            sent = response.request.sizes()["responseBodySize"]
            sizes[response.url.removeprefix(url)] = (len(response.body()), sent)

    page.on("response", record)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return sizes


def median_fps(page, url, widths, seconds, projector=False):
    query = "?projector=1" if projector else ""
    page.goto(f"{url}/{query}#{state_fragment(url, widths, seed=1)}")
    page.wait_for_selector("body[data-ready=true]")
    page.get_by_role("button", name="Play").click()
    stamps = page.evaluate(RECORD_FRAMES, seconds * 1000)
    page.get_by_role("button", name="Pause").click()
    gaps = [b - a for a, b in itertools.pairwise(stamps) if b > a]
    steps = page.locator("#explanation .phase-name").text_content()
    slow = sorted(gaps)[int(0.95 * (len(gaps) - 1))]
    return 1000 / statistics.median(gaps), 1000 / slow, len(gaps), steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--widths", default="8,8,8")
    parser.add_argument(
        "--projector", action="store_true", help="play in projector mode (the lesson link's projector=1)"
    )
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    server = _server_fixture.__wrapped__()
    url = next(server)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_options())
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            sizes = first_load_bytes(page, url)
            page.close()  # a fresh page: a hash-only navigation would not reload the app
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            fps, slow_fps, frames, steps = median_fps(page, url, widths, args.seconds, args.projector)
            browser.close()
    finally:
        next(server, None)
    mode = " in projector mode" if args.projector else ""
    total = sum(raw for raw, _ in sizes.values())
    zipped = sum(z for _, z in sizes.values())
    for name, (raw, z) in sorted(sizes.items(), key=lambda kv: -kv[1][0]):
        print(f"  {raw:>8} B  (sent {z:>6} B)  {name}")
    print(
        f"JS + CSS on first load (fonts aside): {zipped / 1000:.1f} kB shipped (gzip), "
        f"{total / 1000:.1f} kB decoded, in {len(sizes)} files"
    )
    print(
        f"Playing {'-'.join(map(str, widths))}{mode} at speed 4x for {args.seconds:g} s: median {fps:.1f} fps, "
        f"95th-percentile frame {slow_fps:.1f} fps, {frames} frames ({steps})"
    )


if __name__ == "__main__":
    main()
