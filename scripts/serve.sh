#!/usr/bin/env bash
# Runs the service in production mode under gunicorn (make serve; C13).
#
# Before gunicorn starts it collects the static files (hashed and compressed, for
# whitenoise), applies the database migrations and creates the cache table. So the new
# code only ever serves a migrated database: on an upgrade, migrate runs before the new
# code answers its first request. With several app hosts, let one host (or a release
# step) migrate and start the others with SERVE_MIGRATE=off; see "Drift" in README.md.
#
# Needs the production settings in the environment (SECRET_KEY, ALLOWED_HOSTS, SITE_URL,
# DATABASE_URL, ...); gunicorn's own settings are in gunicorn.conf.py.
set -euo pipefail

cd "$(dirname "$0")/.."

export INDSATS_MODE=production
python=.venv/bin/python

case "${SERVE_MIGRATE:-on}" in
    1|true|yes|on) migrate=yes ;;
    0|false|no|off) migrate=no ;;
    *) echo "serve: SERVE_MIGRATE='${SERVE_MIGRATE}' is not a yes/no value; use on or off." >&2
       exit 2 ;;
esac

echo "serve: collecting static files"
"$python" manage.py collectstatic --no-input --verbosity 0
if [ "$migrate" = yes ]; then
    echo "serve: migrating the database"
    "$python" manage.py migrate --no-input
    "$python" manage.py createcachetable
fi
echo "serve: starting gunicorn (gunicorn.conf.py)"
exec .venv/bin/gunicorn --config gunicorn.conf.py
