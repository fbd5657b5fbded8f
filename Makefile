# The two commands: `make run` and `make test`. Each is a thin wrapper around scripts/.
.PHONY: run test lock setup serve

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

# Production mode under gunicorn: collectstatic, migrate, then serve (see gunicorn.conf.py).
serve:
	scripts/setup.sh
	scripts/serve.sh

# The background worker: sends the e-mails in the outbox, runs reminders and imports, and
# schedules the daily jobs (C13). Extra arguments: make worker ARGS="--interval 5"
.PHONY: worker
worker:
	scripts/setup.sh
	scripts/worker.sh $(ARGS)
