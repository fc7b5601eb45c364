"""Progress of a long run on the terminal, and one summary line at the end."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """`done/total, images/s, time left`, redrawn in place on a terminal.

    Short runs print nothing until the summary; a long run that is not on a
    terminal (CI logs) gets a plain line every `log_every` seconds.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        quiet_for: float = 1.0,
        log_every: float = 10.0,
        clock=time.monotonic,
    ):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = getattr(self.stream, "isatty", lambda: False)()
        self.quiet_for, self.log_every, self.clock = quiet_for, log_every, clock
        self.started = clock()
        self.done = 0
        self.pixels = 0
        self._shown_at = None

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    def advance(self, pixels: int = 0) -> None:
        self.done += 1
        self.pixels += pixels
        now = self.clock()
        elapsed = now - self.started
        gap = 0.25 if self.terminal else self.log_every
        if elapsed < self.quiet_for or (self._shown_at is not None and now - self._shown_at < gap):
            return
        self._shown_at = now
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        line = f"Images: {self.done}/{self.total}, {rate:.1f} images/s, {left:.0f} s left"
        if self.terminal:
            self.stream.write(f"\r{line}\033[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear the in-place line, so the summary starts on a clean line."""
        if self.terminal and self._shown_at is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()
