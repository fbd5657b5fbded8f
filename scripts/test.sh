#!/usr/bin/env bash
# Sets everything up, chromium included, and runs the whole test suite (make test).
# Arguments go to pytest: scripts/test.sh -k login -x
#
# The suite runs on every core (pytest-xdist; each worker has its own test database).
# --dist loadgroup hands out one test at a time, except that the tests marked with one
# xdist_group (those of the one production server) go to the same worker.
# TEST_WORKERS=0 runs it in this one process, e.g. to use a debugger.
set -euo pipefail

cd "$(dirname "$0")/.."

scripts/setup.sh --with-browser
workers="${TEST_WORKERS:-auto}"
dist=(--dist loadgroup)
[ "$workers" = 0 ] && dist=()
echo "test: python -m pytest -n $workers ${dist[*]} $*"
exec .venv/bin/python -m pytest -n "$workers" "${dist[@]}" "$@"
