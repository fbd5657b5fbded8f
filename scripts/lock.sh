#!/usr/bin/env bash
# Regenerates requirements.lock from pyproject.toml (make lock), with uv installed into a
# throwaway virtualenv so that nothing else on the machine changes.
set -euo pipefail

cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "lock: installing uv into a throwaway virtualenv"
"${PYTHON:-python3.11}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check uv
echo "lock: compiling requirements.lock"
"$tmp/venv/bin/uv" pip compile pyproject.toml --group dev --python-version 3.11 \
    -o requirements.lock --no-header --quiet
echo "lock: done; 'make test' installs the new versions"
