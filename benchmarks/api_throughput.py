"""(c) /api/step on the mazur-2-2-2 preset vs a no-op POST endpoint of the same uvicorn server.

One uvicorn worker serves ``benchmarks/bench_app.py`` (the real ``create_app()`` plus
``POST /bench/noop``). wrk (1 thread, 32 connections) POSTs the preset's step body — network,
inputs, targets, loss, optimizer; the answer carries the full trace — to /api/step, then the same
body to the no-op, alternating for a few rounds. Every answer must be 200 (counted in wrk's Lua).

Run: ``python benchmarks/api_throughput.py`` (about 45 s). Target: step / no-op ≥ 45 %.
"""

import argparse
import statistics

from harness import NOOP_PATH, http_json, lua_post, machine_note, print_table, run_wrk, uvicorn_server

STEP_FIELDS = ("network", "inputs", "targets", "loss", "optimizer")
TARGET = 0.45


def step_body(url):
    preset = http_json(url + "/api/presets/mazur-2-2-2")
    body = {k: preset[k] for k in STEP_FIELDS}
    answer = http_json(url + "/api/step", body)
    if not answer.get("trace"):
        raise SystemExit(f"/api/step answered without a trace: {answer.get('trace_note')}")
    return body


def measure(url, body, rounds, seconds, connections):
    """wrk results per endpoint, rounds alternating no-op and step; ``url`` is a ``ServerURL``."""
    results = {"no-op": [], "/api/step": []}
    paths = {"no-op": NOOP_PATH, "/api/step": "/api/step"}
    run_wrk(url + NOOP_PATH, lua_post(body), connections=connections, duration=1)  # warm up
    for _ in range(rounds):
        for name, path in paths.items():
            run = run_wrk(url + path, lua_post(body), connections=connections, duration=seconds, server=url)
            results[name].append(run)
    return results


def summary_row(name, runs):
    def median(key):
        return statistics.median(run[key] for run in runs)

    errors = sum(run["non200"] + run["socket_errors"] for run in runs)
    return {
        "name": name,
        "rps": median("rps"),
        "cpu": median("cpu_ms_per_request"),
        "cells": [
            name,
            " ".join(f"{run['rps']:.0f}" for run in runs),
            f"{median('rps'):.0f}",
            f"{median('p50_us') / 1000:.1f}",
            f"{median('p99_us') / 1000:.1f}",
            f"{median('cpu_ms_per_request'):.3f}",
            str(errors),
        ],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with uvicorn_server("benchmarks.bench_app:app", workers=1) as url:
        body = step_body(url)
        results = measure(url, body, args.rounds, args.seconds, args.connections)
    rows = [summary_row(name, runs) for name, runs in results.items()]
    ratio = rows[1]["rps"] / rows[0]["rps"]
    print(f"/api/step (mazur-2-2-2, with trace) vs no-op POST — {machine_note()}")
    print(f"uvicorn 1 worker; wrk -t1 -c{args.connections} -d{args.seconds}s, {args.rounds} alternating rounds")
    headers = ["endpoint", "req/s per round", "median req/s", "p50 ms", "p99 ms", "server CPU ms/req", "errors"]
    print_table(headers, [row["cells"] for row in rows])
    verdict = "meets" if ratio >= TARGET else "MISSES"
    print(f"step / no-op = {ratio:.0%} of the requests/s ({verdict} the ≥ {TARGET:.0%} target)")
    cpu_ratio = rows[0]["cpu"] / rows[1]["cpu"]
    print(f"by server CPU time per request (steadier on a shared machine): step / no-op = {cpu_ratio:.0%}")
    print("errors = answers other than 200 + socket errors (connect, read, write, timeout)")


if __name__ == "__main__":
    main()
