"""Codes for two-factor sign-in in tests (C12), computed as an authenticator app does.

``pyotp`` plays the phone: it knows only the secret (read from the set-up page, or the
device's key) and the clock. A TOTP code is accepted once, so ``next_code`` picks the
first 30-second step the device will still accept, waiting for it when it must.
"""

from __future__ import annotations

import base64
import time

import pyotp


def app_for(secret: str, digits: int = 6, step: int = 30) -> pyotp.TOTP:
    """The "phone" for a secret as shown on the set-up page (spaces allowed)."""
    return pyotp.TOTP("".join(secret.split()).upper(), digits=digits, interval=step)


def secret_of(device) -> str:
    return base64.b32encode(device.bin_key).decode("ascii")


def next_code(device) -> str:
    """A code ``device`` (a django-otp TOTPDevice) accepts now: the current step's, or,
    when that was used already, the next step's (within its tolerance)."""
    while True:
        device.refresh_from_db()
        now_step = (int(time.time()) - device.t0) // device.step + device.drift
        step = max(now_step, device.last_t + 1)
        if step <= now_step + device.tolerance:
            app = app_for(secret_of(device), digits=device.digits, step=device.step)
            return app.at(device.t0 + step * device.step)
        time.sleep(1)


def wrong_code(device) -> str:
    """A six-digit code that no step the device would look at right now matches."""
    app = app_for(secret_of(device), digits=device.digits, step=device.step)
    now = time.time()
    taken = {app.at(now + offset * device.step) for offset in range(-3, 4)}
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in taken)
