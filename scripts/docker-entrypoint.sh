#!/bin/sh
# Start the classroom server inside the container (the Dockerfile's ENTRYPOINT).
# 1. Check the BACKPROP_* settings once: a bad value stops here with a message naming the
#    variable, instead of every worker failing in turn.
# 2. Replace this shell with uvicorn (exec: uvicorn is PID 1 and receives `docker stop`'s
#    SIGTERM, finishes the requests in flight, then exits).
# Workers: WEB_CONCURRENCY, default the CPUs this container may use. Extra arguments go to uvicorn.
set -eu
cd "$(dirname "$0")/.."

cpus() {  # the container's CPU set, capped by a `docker run --cpus` quota (cgroup v2 or v1)
    # nproc obeys OMP_NUM_THREADS, which the image sets to 1 for numpy: leave it out here.
    n=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
    if ! read -r quota period 2>/dev/null </sys/fs/cgroup/cpu.max; then
        quota=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null || echo max)
        period=$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us 2>/dev/null || echo 100000)
    fi
    if [ "$quota" != max ] && [ "$quota" -gt 0 ]; then
        limit=$(((quota + period - 1) / period))
        [ "$limit" -lt "$n" ] && n=$limit
    fi
    echo "$n"
}

python -m app.settings
workers="${WEB_CONCURRENCY:-$(cpus)}"
log_level=$(printf '%s' "${BACKPROP_LOG_LEVEL:-info}" | tr '[:upper:]' '[:lower:]')
exec uvicorn app.main:app \
    --host 0.0.0.0 --port 8000 \
    --workers "$workers" \
    --proxy-headers --forwarded-allow-ips "${BACKPROP_FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --timeout-graceful-shutdown 8 \
    --log-level "$log_level" \
    "$@"
