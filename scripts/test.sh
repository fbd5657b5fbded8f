#!/usr/bin/env bash
# Sets everything up, chromium included, and runs the whole test suite (make test).
# Arguments go to pytest: scripts/test.sh -k login -x
set -euo pipefail

cd "$(dirname "$0")/.."

scripts/setup.sh --with-browser
echo "test: python -m pytest $*"
exec .venv/bin/python -m pytest "$@"
