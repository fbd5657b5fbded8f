#!/usr/bin/env bash
# Sets everything up and runs the development server with demo data (make run), and a
# background worker beside it that stops when the server stops.
# PORT chooses the port (default 8000); DATABASE_URL the database (default SQLite in var/).
set -euo pipefail

cd "$(dirname "$0")/.."

scripts/setup.sh
echo "run: migrating the database"
.venv/bin/python manage.py migrate --no-input
echo "run: loading demo data (only into an empty database)"
.venv/bin/python manage.py demo --if-empty
port="${PORT:-8000}"
# The background worker sends the e-mails (printed here by the console backend) and runs
# the daily jobs; it stops with the server. Restart `make run` after changing a task.
echo "run: starting the background worker"
scripts/worker.sh &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true; wait "$worker_pid" 2>/dev/null || true' EXIT
echo "run: serving on http://127.0.0.1:${port}/ (Ctrl-C stops)"
.venv/bin/python manage.py runserver "127.0.0.1:${port}"
