#!/usr/bin/env bash
# Runs the background worker (make worker; C13): it sends the e-mails waiting in the
# outbox (retrying failed sends), runs the reminders and imports, and schedules the daily
# jobs itself, so no cron is needed. Run one or more per installation, against the same
# DATABASE_URL as the app server (and the same settings). Extra arguments go to
# `manage.py worker` (see its --help). Ctrl-C or SIGTERM stops it after the task it is
# running. The database must be migrated first (make run or make serve does that).
set -euo pipefail

cd "$(dirname "$0")/.."

echo "worker: sending e-mails and running background jobs (Ctrl-C stops)"
exec .venv/bin/python manage.py worker "$@"
