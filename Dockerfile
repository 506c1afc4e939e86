# syntax=docker/dockerfile:1
# Multi-stage build: dependencies are installed from the hash-pinned lock file in a builder
# stage; the runtime image carries only the virtualenv, the code and the collected static files.

FROM python:3.11-slim-bookworm AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /venv
COPY requirements.lock .
RUN /venv/bin/pip install --require-hashes -r requirements.lock

FROM python:3.11-slim-bookworm AS runtime
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=mbbcms.settings.production \
    PORT=8000 \
    GUNICORN_WORKERS=3 \
    GUNICORN_THREADS=4 \
    GUNICORN_TIMEOUT=30
RUN groupadd --system --gid 10001 mbb && useradd --system --uid 10001 --gid mbb --home-dir /app --no-create-home mbb
WORKDIR /app
COPY --from=builder /venv /venv
COPY --chown=mbb:mbb . .
# collectstatic needs settings that load; the real secret comes from the environment at run time.
RUN DJANGO_SECRET_KEY=collectstatic-only-build-time-key-not-used-at-run-time-0123456789 \
    DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media /app/private && chown mbb:mbb /app/media /app/private
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
# --timeout: a worker silent for longer is restarted. Database waits end sooner
# (DATABASE_CONNECT_TIMEOUT, DATABASE_STATEMENT_TIMEOUT) and answer 503 with Retry-After.
CMD ["sh", "-c", "exec gunicorn mbbcms.wsgi --bind 0.0.0.0:${PORT} --workers ${GUNICORN_WORKERS} --threads ${GUNICORN_THREADS} --timeout ${GUNICORN_TIMEOUT} --access-logfile -"]
