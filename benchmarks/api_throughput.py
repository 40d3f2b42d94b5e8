"""(c) /api/step on the mazur-2-2-2 preset vs a no-op POST endpoint of the same uvicorn server.

One uvicorn worker serves ``benchmarks/bench_app.py`` (the real ``create_app()`` plus
``POST /bench/noop``, matched as early as /api/step). wrk (1 thread, 32 connections) POSTs the
preset's step body — network, inputs, targets, loss, optimizer; the answer carries the full
trace — to /api/step, then the same
body to the no-op (and, for scale, to /api/step with ``include_trace: false``), alternating for a
few rounds. Every answer must be 200 (counted in wrk's Lua).

A second table splits one request's cost inside the app (an ASGI call in this process, no
socket; CPU time, best of 15 rounds): no-op, body validation only (``/bench/validate``), the
step without trace, the step with trace.

Run: ``python benchmarks/api_throughput.py`` (about 65 s). Target: step / no-op ≥ 45 %.
"""

import argparse
import asyncio
import json
import statistics
import time

from harness import NOOP_PATH, VALIDATE_PATH, http_json, lua_post, machine_note, print_table, run_wrk, uvicorn_server

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
    """wrk results per endpoint, rounds alternating the endpoints; ``url`` is a ``ServerURL``.

    Besides the no-op and the step, the same step with ``include_trace: false`` (for scale).
    """
    scripts = {
        "no-op": (NOOP_PATH, lua_post(body)),
        "/api/step": ("/api/step", lua_post(body)),
        "/api/step without trace": ("/api/step", lua_post({**body, "include_trace": False})),
    }
    results = {name: [] for name in scripts}
    run_wrk(url + NOOP_PATH, lua_post(body), connections=connections, duration=1)  # warm up
    for _ in range(rounds):
        for name, (path, lua) in scripts.items():
            run = run_wrk(url + path, lua, connections=connections, duration=seconds, server=url)
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


def asgi_scope(path, size):
    headers = [(b"host", b"bench"), (b"content-type", b"application/json"), (b"content-length", str(size).encode())]
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 2),
        "state": {},
    }


async def asgi_post(app, path, raw):
    """One POST straight into the ASGI app; fails unless it answers 200."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": raw, "more_body": False}

    async def send(message):
        sent.append(message)

    await app(asgi_scope(path, len(raw)), receive, send)
    if sent[0]["status"] != 200:
        raise SystemExit(f"{path} answered {sent[0]['status']} in-process: {sent[1]['body'][:300]!r}")


async def in_process_costs(body, rounds=15, calls=50):
    """CPU µs per request inside the app for each part of a step, best of ``rounds``."""
    from benchmarks.bench_app import create_bench_app  # harness has put the repository on sys.path

    app = create_bench_app()
    raw, no_trace = json.dumps(body).encode(), json.dumps({**body, "include_trace": False}).encode()
    parts = {
        "no-op": (NOOP_PATH, raw),
        "+ body validation and settings (/bench/validate)": (VALIDATE_PATH, raw),
        "+ the step without trace, its JSON": ("/api/step", no_trace),
        "+ the trace, its JSON (= /api/step)": ("/api/step", raw),
    }
    best = {name: float("inf") for name in parts}
    for _ in range(rounds):
        for name, (path, data) in parts.items():
            start = time.process_time()
            for _ in range(calls):
                await asgi_post(app, path, data)
            best[name] = min(best[name], (time.process_time() - start) / calls)
    return best


def print_breakdown(best):
    rows, previous = [], 0.0
    for name, seconds in best.items():
        rows.append([name, f"{seconds * 1e6:.0f}", f"{(seconds - previous) * 1e6:+.0f}" if previous else ""])
        previous = seconds
    print("inside the app (ASGI call in this process, no socket), CPU µs per request, best of 15 rounds:")
    print_table(["part", "µs/request", "added"], rows)


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
    print(f"without trace: step / no-op = {rows[2]['rps'] / rows[0]['rps']:.0%} of the requests/s")
    print("errors = answers other than 200 + socket errors (connect, read, write, timeout)")
    print()
    print_breakdown(asyncio.run(in_process_costs(body)))


if __name__ == "__main__":
    main()
