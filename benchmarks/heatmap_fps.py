"""Training lab in Chromium (a script, not a test): python benchmarks/heatmap_fps.py

Starts the app with uvicorn on a free port, opens the Training view, trains the 2-8-8-1
tanh/sigmoid network Train proposes (Adam, binary cross-entropy) on XOR with 200 points
(160 train, 40 test), mini-batches of 10, and a 50 × 50 grid of predictions per /api/train
answer. The page counts heatmap redraws with a new grid in `data-updates`; this script reads it
every 250 ms for a few seconds and prints the median heatmap updates per second (target ≥ 20),
with the epochs per second it trained, the page's main-thread time per update (JSON, colours,
canvas) and the server's CPU time per update (which, unlike the
rates, barely moves when other processes load the machine: 1000 / that is the rate one free core
could serve).
"""

import argparse
import itertools
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from harness import machine_note, print_table, uvicorn_server

from tests.browser.conftest import launch_options

TARGET = 20
SAMPLE_MS = 250

# Reads the heatmap's update count and the epoch every SAMPLE_MS for `ms` milliseconds.
RECORD = """
([ms, every]) => new Promise((resolve) => {
  const canvas = document.querySelector("canvas.heatmap");
  const lab = document.querySelector(".train-lab");
  const samples = [];
  const end = performance.now() + ms;
  function sample() {
    samples.push([performance.now(), Number(canvas.dataset.updates || 0), Number(lab.dataset.epoch || 0)]);
    if (performance.now() < end) setTimeout(sample, every); else resolve(samples);
  }
  sample();
})
"""


def set_field(page, label, value):
    field = page.get_by_label(label, exact=True)
    field.fill(str(value))
    field.press("Enter")


def main_thread_seconds(cdp):
    """Seconds the page's main thread has been busy (Chromium's TaskDuration metric)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def rates(samples):
    """Per-interval rates (updates/s, epochs/s) between consecutive samples."""
    out = []
    for (t0, u0, e0), (t1, u1, e1) in itertools.pairwise(samples):
        seconds = (t1 - t0) / 1000
        out.append(((u1 - u0) / seconds, (e1 - e0) / seconds))
    return out


def measure(url, seconds, epochs, batch_size, warmup):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        page.get_by_role("button", name="Training", exact=True).click()
        page.get_by_label("Dataset").select_option("xor")
        set_field(page, "Batch size", batch_size)
        set_field(page, "Epochs per update", epochs)
        page.get_by_role("button", name="Train", exact=True).click()
        page.wait_for_function("() => Number(document.querySelector('.train-lab').dataset.epoch) > 0", timeout=60_000)
        page.wait_for_timeout(warmup * 1000)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        cpu_before, page_before = url.cpu_seconds(), main_thread_seconds(cdp)
        samples = page.evaluate(RECORD, [seconds * 1000, SAMPLE_MS])
        server_cpu, page_cpu = url.cpu_seconds() - cpu_before, main_thread_seconds(cdp) - page_before
        page.get_by_role("button", name="Pause", exact=True).click()
        network = page.locator(".train-network").inner_text()
        browser.close()
    per_interval = rates(samples)
    total_seconds = (samples[-1][0] - samples[0][0]) / 1000
    return {
        "median_updates": statistics.median(u for u, _ in per_interval),
        "mean_updates": (samples[-1][1] - samples[0][1]) / total_seconds,
        "slowest_updates": min(u for u, _ in per_interval),
        "epochs_per_s": (samples[-1][2] - samples[0][2]) / total_seconds,
        "server_cpu_ms": 1000 * server_cpu / max(1, samples[-1][1] - samples[0][1]),
        "page_cpu_ms": 1000 * page_cpu / max(1, samples[-1][1] - samples[0][1]),
        "intervals": len(per_interval),
        "network": network,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5, help="how long to record (default 5)")
    parser.add_argument("--warmup", type=float, default=1, help="seconds of training before recording")
    parser.add_argument("--epochs", type=int, default=1, help="epochs per update (per /api/train request)")
    parser.add_argument("--batch-size", type=int, default=10)
    args = parser.parse_args()
    with uvicorn_server("app.main:app") as url:
        result = measure(url, args.seconds, args.epochs, args.batch_size, args.warmup)
    print(f"Heatmap updates in Chromium while training 2-8-8-1 on XOR (200 points, 50 × 50 grid); {machine_note()}")
    print(result["network"])
    rows = [
        ["median updates/s", f"{result['median_updates']:.1f}"],
        ["mean updates/s", f"{result['mean_updates']:.1f}"],
        [f"slowest {SAMPLE_MS} ms interval, updates/s", f"{result['slowest_updates']:.1f}"],
        ["epochs/s", f"{result['epochs_per_s']:.1f}"],
        ["server CPU ms per update", f"{result['server_cpu_ms']:.1f}"],
        ["page main-thread ms per update", f"{result['page_cpu_ms']:.1f}"],
    ]
    print_table([f"{args.epochs} epoch(s) per update, batch {args.batch_size}, {args.seconds:g} s", "value"], rows)
    verdict = "meets" if result["median_updates"] >= TARGET else "misses"
    print(f"target ≥ {TARGET} updates/s: {verdict} it (median over {result['intervals']} intervals of {SAMPLE_MS} ms)")


if __name__ == "__main__":
    main()
