# The two commands: `make run` and `make test`. Each is a thin wrapper around scripts/.
.PHONY: run test lock setup

# Set up everything (venv, npm packages, translations), migrate, load demo data, serve.
run:
	scripts/run.sh

# The whole suite, browser tests included. Extra pytest arguments: make test ARGS="-k login"
test:
	scripts/test.sh $(ARGS)

# Regenerate requirements.lock from pyproject.toml.
lock:
	scripts/lock.sh

# Only set up (no server, no tests).
setup:
	scripts/setup.sh
