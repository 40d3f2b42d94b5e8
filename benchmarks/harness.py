"""Shared helpers for the benchmark scripts: timing, tables, a uvicorn server, wrk.

Benchmarks print figures; they never pass or fail on a timing. The machine is small and shared,
so every comparison is measured side by side in one run (alternating rounds) and quoted as a
median and a ratio.
"""

import contextlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOOP_PATH = "/bench/noop"  # served by bench_app.py
VALIDATE_PATH = "/bench/validate"
if str(ROOT) not in sys.path:  # `python benchmarks/x.py` puts only benchmarks/ on the path
    sys.path.insert(0, str(ROOT))


def per_call_seconds(function, number):
    """Wall seconds per call of ``function()``, averaged over ``number`` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number


def alternate(functions, rounds, seconds=0.02):
    """Median seconds per call of each function; rounds alternate so drifting load hits all alike.

    Each round times a batch of calls of each function lasting about ``seconds``.
    """
    numbers = {name: calls_for(function, seconds) for name, function in functions.items()}
    samples = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            samples[name].append(per_call_seconds(function, numbers[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


def calls_for(function, seconds):
    """How many calls of ``function`` take about ``seconds`` (at least 1)."""
    once = per_call_seconds(function, 3)
    return max(1, int(seconds / max(once, 1e-9)))


def print_table(headers, rows):
    """A plain aligned text table."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))


def machine_note():
    """One line on what the numbers were measured on."""
    load = os.getloadavg()[0]
    blas = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    coretype = os.environ.get("OPENBLAS_CORETYPE", "unset")
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load average {load:.2f}, OPENBLAS_NUM_THREADS={blas}, OPENBLAS_CORETYPE={coretype}"
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_cpu_seconds(pid):
    """CPU seconds (user + system) used so far by process ``pid`` and its children (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pids = 0.0, [pid]
    while pids:
        current = pids.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


class ServerURL(str):
    """A running uvicorn's base URL (a plain ``str``) that also knows the server's main ``pid``."""

    pid: int

    def cpu_seconds(self):
        """CPU seconds the server (all its workers) has used so far."""
        return tree_cpu_seconds(self.pid)


@contextlib.contextmanager
def uvicorn_server(app, workers=1, factory=False, env=None, cwd=ROOT):
    """Run ``uvicorn app`` (from ``cwd``) on a free loopback port; yield its ``ServerURL``; stop it by PID."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        url = ServerURL(url)
        url.pid = process.pid
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_healthy(url, process, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url}/healthz did not answer within {timeout} s")


def http_json(url, body=None):
    """GET (or POST ``body`` as JSON) and return the decoded JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


class KeepAliveClient:
    """POSTs JSON over one kept-alive HTTP/1.1 connection, as a browser tab does (``http_json``
    opens a new connection per request)."""

    def __init__(self, url):
        host, port = url.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=10)

    def post(self, path, body):
        self.connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"POST {path} answered {response.status}: {data[:300]!r}")
        return json.loads(data)

    def close(self):
        self.connection.close()


# Appended to every wrk script: report the summary as one JSON line wrk's text output cannot be
# confused with. Scripts may define `extra_report()` returning a JSON fragment like `"k": 1`.
WRK_REPORT = r"""
function done(summary, latency, requests)
  local e = summary.errors
  local extra = ""
  if extra_report then extra = ", " .. extra_report() end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f%s}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, extra))
end
"""


def run_wrk(url, lua, threads=1, connections=32, duration=5, timeout=10, server=None):
    """Run wrk with ``lua`` (plus the JSON report); return its summary with requests/s and errors.

    Given the ``server`` (a ``ServerURL``), also its CPU time per request: unlike requests/s, that
    barely moves when other processes share the machine.
    """
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua + WRK_REPORT)
    try:
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s"]
        command += ["--latency", "-s", script.name, url]
        cpu_before = server.cpu_seconds() if server else 0.0
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0:
            raise RuntimeError(f"wrk failed ({finished.returncode}): {finished.stderr or finished.stdout}")
        output = finished.stdout
        cpu = server.cpu_seconds() - cpu_before if server else None
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    result = json.loads(line.removeprefix("WRK_JSON "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["socket_errors"] = sum(result[k] for k in ("connect", "read", "write", "timeout"))
    result["cpu_ms_per_request"] = None if cpu is None else 1e3 * cpu / max(result["requests"], 1)
    return result


def lua_string(text):
    """``text`` as a Lua long-bracket string literal (no escaping needed)."""
    level = "=" * 4
    while f"]{level}]" in text:
        level += "="
    return f"[{level}[{text}]{level}]"


# Counts the answers that are not 200 per thread and reports their sum (wrk itself only counts
# statuses above 399). Scripts that define their own `response` call `count_status(status)`.
WRK_COUNT_STATUS = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
non200 = 0
function count_status(status) if status ~= 200 then non200 = non200 + 1 end end
function extra_report()
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non200") end
  return string.format('"non200": %d', n)
end
"""


def lua_post(body):
    """A wrk script that POSTs ``body`` (a dict, as JSON) and counts answers other than 200."""
    return (
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {lua_string(json.dumps(body))}\n"
        + WRK_COUNT_STATUS
        + "function response(status, headers, body) count_status(status) end\n"
    )
