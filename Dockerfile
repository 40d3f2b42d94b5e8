# Backprop Lab classroom server.
#   docker build -t backprop-lab .
#   docker run -d --restart unless-stopped -p 8000:8000 backprop-lab
# Settings are BACKPROP_* environment variables (README, "Settings"); WEB_CONCURRENCY sets
# the number of worker processes (default: the container's CPU count).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    OPENBLAS_NUM_THREADS=1 \
    OMP_NUM_THREADS=1

RUN groupadd --gid 10001 backprop \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin backprop

WORKDIR /app

# Runtime dependencies only (pyproject's [project] dependencies, not the test extra), in their
# own layer so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The code, pages and static files (.dockerignore lets in only what the server needs), owned by
# root and read-only for the server's user.
COPY . .
RUN python -m compileall -q app

USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

ENTRYPOINT ["sh", "/app/scripts/docker-entrypoint.sh"]
