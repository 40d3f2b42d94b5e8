"""A class stepping while a few clients send bodies that cannot be valid (issue 19).

A 2-worker uvicorn on a free loopback port; 60 honest clients (wrk, closed loop) step Mazur's
preset (the body from GET /api/presets/mazur-2-2-2) — first alone, then with 4 hostile clients
(a second wrk, closed loop) sending one refused body per shape to /api/step. For each shape: the
honest req/s as a share of the undisturbed run's, the honest p99, the hostile refusals' p50/p99,
and the worker CPU time per refused body (the server's CPU during the run, less the honest
requests at the undisturbed run's CPU per request).

Run: ``python benchmarks/hostile_bodies.py`` (``--duration 10`` per run by default;
``--app-dir /path/to/other/checkout`` serves another checkout's app, e.g. to measure before a change).
Targets: honest p99 ≤ 100 ms for every shape; ≤ 10 ms of worker time per refused body.
"""

import argparse
import concurrent.futures
import json
import sys

from harness import ROOT, http_json, lua_post, lua_string, machine_note, print_table, run_wrk, uvicorn_server

P99_TARGET_MS, REFUSAL_TARGET_MS = 100.0, 10.0
STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")
ONE_NEURON = {"weights": [[0.1]], "biases": [0.0], "activation": "sigmoid"}


def hostile_bodies(step):
    """Each shape of the issue's table, as the JSON text sent (each under the 2 MB body limit)."""
    base = json.dumps(step)
    without_inputs = json.dumps({k: v for k, v in step.items() if k != "inputs"})
    return {
        "150,000 unknown top-level keys": base[:-1] + ", " + ", ".join(f'"k{i}": 0' for i in range(150_000)) + "}",
        "70,000 input rows": json.dumps({**step, "inputs": [[0.0512345, 0.1012345]] * 70_000}),
        "20,000 one-neuron layers": json.dumps({**step, "network": {"layers": [ONE_NEURON] * 20_000}}),
        "inputs nested 100,000 deep": without_inputs[:-1] + ', "inputs": ' + "[" * 100_000 + "]" * 100_000 + "}",
    }


def lua_hostile(text):
    return (
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {lua_string(text)}\n"
        "local threads = {}\n"
        "function setup(thread) table.insert(threads, thread) end\n"
        "refused = 0\n"
        "function response(status, headers, body)\n"
        "  if status >= 400 and status < 500 then refused = refused + 1 end\n"
        "end\n"
        "function extra_report()\n"
        "  local n = 0\n"
        '  for _, t in ipairs(threads) do n = n + t:get("refused") end\n'
        "  return string.format('\"refused\": %d', n)\n"
        "end\n"
    )


def run_pair(url, honest, hostile, duration, clients, hostile_clients):
    """The honest load alone (``hostile`` None) or beside the hostile one; both wrk summaries and CPU s."""
    cpu = url.cpu_seconds()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        honest_run = pool.submit(run_wrk, url + "/api/step", honest, 2, clients, duration)
        hostile_run = hostile and pool.submit(run_wrk, url + "/api/step", hostile, 1, hostile_clients, duration)
        result = honest_run.result(), hostile_run and hostile_run.result()
    return (*result, url.cpu_seconds() - cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of each run")
    parser.add_argument("--clients", type=int, default=60, help="honest clients")
    parser.add_argument("--hostile-clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--app-dir", default=str(ROOT), help="the checkout whose app is served")
    args = parser.parse_args()
    with uvicorn_server("app.main:app", workers=args.workers, cwd=args.app_dir) as url:
        preset = http_json(url + "/api/presets/mazur-2-2-2")
        step = {k: preset[k] for k in STEP_FIELDS}
        http_json(url + "/api/step", step)  # warm both workers' imports a little
        honest = lua_post(step)
        base, _, base_cpu = run_pair(url, honest, None, args.duration, args.clients, args.hostile_clients)
        cpu_per_honest = base_cpu / max(base["requests"], 1)
        rows = [["none (undisturbed)", "—", f"{base['rps']:.0f}", "100 %", f"{base['p99_us'] / 1000:.1f}"]]
        rows[0] += ["—", "—", "—", "—", base["non200"]]
        verdicts = []
        for name, text in hostile_bodies(step).items():
            lua = lua_hostile(text)
            run, bad, cpu = run_pair(url, honest, lua, args.duration, args.clients, args.hostile_clients)
            refusal_cpu_ms = 1e3 * max(cpu - run["requests"] * cpu_per_honest, 0.0) / max(bad["requests"], 1)
            p99 = run["p99_us"] / 1000
            rows.append(
                [
                    name,
                    f"{len(text) / 1e6:.2f} MB",
                    f"{run['rps']:.0f}",
                    f"{100 * run['rps'] / base['rps']:.0f} %",
                    f"{p99:.1f}",
                    bad["requests"],
                    f"{bad['p50_us'] / 1000:.1f}",
                    f"{bad['p99_us'] / 1000:.1f}",
                    f"{refusal_cpu_ms:.1f}",
                    run["non200"],
                ]
            )
            if bad["refused"] != bad["requests"]:
                verdicts.append(f"{name}: {bad['requests'] - bad['refused']} hostile answers were not 4xx")
            verdicts.append(
                f"{name}: honest p99 {p99:.0f} ms ({'meets' if p99 <= P99_TARGET_MS else 'MISSES'} ≤ "
                f"{P99_TARGET_MS:.0f}), {refusal_cpu_ms:.1f} ms CPU per refusal "
                f"({'meets' if refusal_cpu_ms <= REFUSAL_TARGET_MS else 'MISSES'} ≤ {REFUSAL_TARGET_MS:.0f})"
            )
    print(f"hostile bodies on /api/step — app from {args.app_dir} — {machine_note()}")
    print(
        f"uvicorn {args.workers} workers; honest: wrk -t2 -c{args.clients} stepping mazur-2-2-2; "
        f"hostile: wrk -t1 -c{args.hostile_clients}, closed loop; {args.duration} s each"
    )
    headers = ["hostile body", "size", "honest req/s", "share", "honest p99 ms", "refusals"]
    headers += ["refusal p50 ms", "refusal p99 ms", "CPU ms/refusal", "honest non-200"]
    print_table(headers, rows)
    print("\n".join(verdicts))


if __name__ == "__main__":
    sys.exit(main())
