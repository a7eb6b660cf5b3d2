"""The progress bar of ogi.read_folder(): where a person is watching, and nowhere else.

A person watches a terminal (standard error is one) or a Jupyter notebook. There the bar is
tqdm's (tqdm.auto draws a widget in a notebook) when tqdm is installed (Debian: python3-tqdm),
else a one-line bar on standard error like the ogi tool's. In a script whose output goes to a
file or a pipe, or under pytest, nothing is drawn.
"""
from __future__ import annotations

import sys
import time


def in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (IPython's ZMQ shell)."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()
    except Exception:
        return False
    return ip is not None and type(ip).__name__ == "ZMQInteractiveShell"


def interactive() -> bool:
    """Whether a person is watching: a notebook, or standard error is a terminal."""
    if in_notebook():
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class PlainBar:
    """'[#########.....................] 123/456' on standard error, redrawn in place."""

    width = 30

    def __init__(self, stream=None, erase: bool = True):
        self.stream = stream if stream is not None else sys.stderr
        self.erase = erase  # a terminal erases the bar at the end; a notebook keeps its last line
        self.drawn = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total <= 1:  # one file: nothing to watch
            return
        now = time.monotonic()
        if done < total and self.drawn and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width if total == 0 else done * self.width // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if not self.drawn:
            return
        self.stream.write("\r\x1b[K" if self.erase else "\n")
        self.stream.flush()
        self.drawn = False


class TqdmBar:
    """tqdm's bar, made when the number of files is known."""

    def __init__(self, tqdm):
        self.tqdm = tqdm
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if total <= 1:
            return
        if self.bar is None:
            self.bar = self.tqdm(total=total, unit="file", desc="ogi", leave=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def make_bar():
    """The bar for where this runs (see the module's comment), with a close() method."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return PlainBar(erase=not in_notebook())
    return TqdmBar(tqdm)
