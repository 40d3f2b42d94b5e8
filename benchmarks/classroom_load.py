"""(d) A class of 64 students against 2 uvicorn workers on loopback (issue 5).

Each student is one wrk thread with one connection (-t64 -c64, see classroom_load.lua): it loads
a preset (GET /api/presets/<name>, the presets dealt out in turn), then steps it again and again
(POST /api/step, the full trace in every answer), sending back the network and optimizer state
the previous step returned, and starts over from the preset every 50 steps. Each student pauses
250 ms between requests by default (``--think-ms``): a student asks for a new step at most 4×/s,
and in the explainer the sub-steps of one step need no request at all. ``--think-ms 0`` is the
closed-loop stress test — every student firing the next request the moment an answer arrives.

Run: ``python benchmarks/classroom_load.py`` (60 s; ``--duration 10`` for a quick look).
Targets: 0 errors (answers other than 200 and socket errors), p99 ≤ 100 ms.
"""

import argparse
from pathlib import Path

from harness import http_json, machine_note, print_table, run_wrk, uvicorn_server

HERE = Path(__file__).resolve().parent
P99_TARGET_MS = 100.0


def lua_script(presets, reload_every, think_ms):
    names = ", ".join(f'"{name}"' for name in presets)
    prelude = f"PRESETS = {{{names}}}\nRELOAD_EVERY = {reload_every}\n"
    if think_ms:
        prelude += f"function delay() return {think_ms} end\n"
    return prelude + (HERE / "classroom_load.lua").read_text()


def check_one_student(url, name):
    """What a student does, once, in Python: the preset's body steps to a 200 with a trace."""
    preset = http_json(f"{url}/api/presets/{name}")
    body = {k: preset[k] for k in ("network", "inputs", "targets", "loss", "optimizer")}
    answer = http_json(url + "/api/step", body)
    if not answer.get("trace"):
        raise SystemExit(f"/api/step on {name} answered without a trace: {answer.get('trace_note')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--students", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--wrk-threads",
        type=int,
        help="wrk threads (default: one per student; fewer makes students of one thread share their state)",
    )
    parser.add_argument("--think-ms", type=int, default=250, help="pause of each student between requests (0: stress)")
    parser.add_argument("--reload-every", type=int, default=50, help="steps before a student reloads the preset")
    args = parser.parse_args()
    with uvicorn_server("app.main:app", workers=args.workers) as url:
        presets = [p["name"] for p in http_json(url + "/api/presets")]
        for name in presets:
            check_one_student(url, name)
        script = lua_script(presets, args.reload_every, args.think_ms)
        threads = args.wrk_threads or args.students
        run = run_wrk(url, script, threads=threads, connections=args.students, duration=args.duration, server=url)
    errors = run["non200"] + run["socket_errors"]
    p99_ms = run["p99_us"] / 1000
    print(f"classroom load: {args.students} students, think {args.think_ms} ms — {machine_note()}")
    print(f"uvicorn {args.workers} workers; wrk -t{threads} -c{args.students} -d{args.duration}s")
    print(f"presets dealt out in turn: {', '.join(presets)}")
    headers = ["requests", "req/s", "GET preset", "POST step", "p50 ms", "p90 ms", "p99 ms", "max ms"]
    headers += ["non-200", "socket errors", "server CPU ms/req"]
    row = [run["requests"], f"{run['rps']:.0f}", run["gets"], run["posts"]]
    row += [f"{run[k] / 1000:.1f}" for k in ("p50_us", "p90_us", "p99_us", "max_us")]
    row += [run["non200"], run["socket_errors"], f"{run['cpu_ms_per_request']:.3f}"]
    print_table(headers, [row])
    verdicts = [
        f"errors {errors} ({'meets' if errors == 0 else 'MISSES'} the 0 target)",
        f"p99 {p99_ms:.1f} ms ({'meets' if p99_ms <= P99_TARGET_MS else 'MISSES'} the ≤ {P99_TARGET_MS:.0f} ms target)",
    ]
    print("; ".join(verdicts))


if __name__ == "__main__":
    main()
