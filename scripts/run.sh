#!/usr/bin/env bash
# Sets everything up and runs the development server with demo data (make run).
# PORT chooses the port (default 8000); DATABASE_URL the database (default SQLite in var/).
set -euo pipefail

cd "$(dirname "$0")/.."

scripts/setup.sh
echo "run: migrating the database"
.venv/bin/python manage.py migrate --no-input
echo "run: loading demo data (only into an empty database)"
.venv/bin/python manage.py demo --if-empty
port="${PORT:-8000}"
echo "run: serving on http://127.0.0.1:${port}/ (Ctrl-C stops)"
exec .venv/bin/python manage.py runserver "127.0.0.1:${port}"
