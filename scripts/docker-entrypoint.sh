#!/bin/sh
# Start the classroom server inside the container (the Dockerfile's ENTRYPOINT).
# 1. Check the BACKPROP_* settings once: a bad value stops here with a message naming the
#    variable, instead of every worker failing in turn.
# 2. Replace this shell with uvicorn (exec: uvicorn is PID 1 and receives `docker stop`'s
#    SIGTERM, finishes the requests in flight, then exits).
# Workers: WEB_CONCURRENCY, default the CPUs this container may use. Extra arguments go to uvicorn.
set -eu
cd "$(dirname "$0")/.."
python -m app.settings
workers="${WEB_CONCURRENCY:-$(nproc)}"
log_level=$(printf '%s' "${BACKPROP_LOG_LEVEL:-info}" | tr '[:upper:]' '[:lower:]')
exec uvicorn app.main:app \
    --host 0.0.0.0 --port 8000 \
    --workers "$workers" \
    --proxy-headers --forwarded-allow-ips "${BACKPROP_FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --timeout-graceful-shutdown 8 \
    --log-level "$log_level" \
    "$@"
