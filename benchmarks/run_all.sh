#!/usr/bin/env bash
# Run the benchmarks of issues 2 and 5 in turn: (a) engine step, (b) trace cost, (c) /api/step vs
# no-op under wrk, (d) a class of 64 students, without and with a pause between steps. Extra
# arguments go to classroom_load.py (e.g. --duration 10 for a quick run). Figures only: nothing
# here passes or fails on a timing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

echo "== (a) engine step vs plain numpy"
python benchmarks/engine_step.py
echo
echo "== (a) again with one BLAS thread"
OPENBLAS_NUM_THREADS=1 python benchmarks/engine_step.py
echo
echo "== (b) trace cost"
python benchmarks/trace_cost.py
echo
echo "== (c) /api/step vs no-op"
python benchmarks/api_throughput.py
echo
echo "== (d) classroom load, each student pausing 250 ms between requests (the default)"
python benchmarks/classroom_load.py "$@"
echo
echo "== (d) classroom load, nobody pausing (closed-loop stress test)"
python benchmarks/classroom_load.py --think-ms 0 "$@"
