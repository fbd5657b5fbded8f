"""A progress bar for long imports, written to the command's stderr.

On a terminal it redraws one line; elsewhere (logs, tests) it writes a line at every
tenth of the way, so that a log shows that a long import is moving.
"""

from __future__ import annotations


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, label: str):
        self.stream = stream
        self.label = label
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        share = min(done / total, 1)
        if self.tty:
            filled = int(share * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} ({done}/{total})", ending="")
            if done >= total:
                self.stream.write("")
            self.stream.flush()
            return
        tenth = int(share * 10)
        if tenth > self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(f"{self.label}: {share:.0%} ({done}/{total})")
