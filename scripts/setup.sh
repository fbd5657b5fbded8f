#!/usr/bin/env bash
# Brings a checkout up to date: Python virtualenv, npm packages, compiled translations and,
# with --with-browser, Debian's chromium for the browser tests.
#
# Idempotent and quick when nothing changed: each step keeps a stamp (a checksum of its
# lock file) and only runs again when the lock file differs from the stamp.
set -euo pipefail

cd "$(dirname "$0")/.."

with_browser=0
for arg in "$@"; do
    case "$arg" in
        --with-browser) with_browser=1 ;;
        -h | --help)
            echo "usage: scripts/setup.sh [--with-browser]"
            exit 0
            ;;
        *)
            echo "setup: unknown option: $arg" >&2
            exit 2
            ;;
    esac
done

say() { echo "setup: $*"; }
fail() {
    echo "setup: ERROR: $*" >&2
    exit 1
}

checksum() { sha256sum "$1" | cut -d' ' -f1; }

# apt-get as root, or through sudo when we are not root and sudo exists.
apt_updated=0
apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to apt-get install $*"
        sudo="sudo"
    fi
    command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install these yourself: $*"
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    say "apt-get install $*"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Python 3.11 virtualenv with the locked packages.
PYTHON="${PYTHON:-python3.11}"
if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    command -v "$PYTHON" >/dev/null 2>&1 || fail "$PYTHON not found; Indsats needs Python 3.11"
    say "creating .venv with $PYTHON"
    rm -rf .venv
    "$PYTHON" -m venv .venv
fi
lock_sum="$(checksum requirements.lock)"
if [ "$(cat .venv/.requirements.lock.sha256 2>/dev/null || true)" != "$lock_sum" ]; then
    say "installing Python packages from requirements.lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
    echo "$lock_sum" >.venv/.requirements.lock.sha256
else
    say "Python packages up to date"
fi

# 2. Front-end packages (DKFDS, htmx, axe-core) from package-lock.json.
if [ -f package.json ]; then
    [ -f package-lock.json ] || fail "package.json without package-lock.json; run 'npm install' and commit the lock"
    if ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
    fi
    npm_sum="$(checksum package-lock.json)"
    if [ "$(cat node_modules/.package-lock.sha256 2>/dev/null || true)" != "$npm_sum" ]; then
        say "installing npm packages from package-lock.json"
        npm ci --no-audit --no-fund --loglevel=error
        echo "$npm_sum" >node_modules/.package-lock.sha256
    else
        say "npm packages up to date"
    fi
fi

# 3. Translations: compile .po to .mo when a .po is newer than its .mo (or has none).
stale_po=""
while IFS= read -r po; do
    mo="${po%.po}.mo"
    if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
        stale_po="$po"
        break
    fi
done < <(find indsats -path '*/LC_MESSAGES/*.po' 2>/dev/null)
if [ -n "$stale_po" ]; then
    command -v msgfmt >/dev/null 2>&1 || apt_install gettext
    say "compiling translations"
    .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
else
    say "translations up to date"
fi

# 4. Optionally Debian's chromium, which the browser tests drive through Playwright.
if [ "$with_browser" -eq 1 ]; then
    if [ ! -x /usr/bin/chromium ]; then
        apt_install chromium fonts-dejavu-core
    fi
    [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium still missing after apt-get install chromium"
    say "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
fi
