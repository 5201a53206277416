"""Where output goes: the document on stdout, logs and progress on stderr.

`Out` is made once per command by the CLI's setup decorator. With a machine
format stdout holds only the document (CLI.md); progress is drawn with rich on
stderr, only when stderr is a terminal, never with `-q`, and never when a machine
document is going to the same terminal.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from ..stages import StageListener, StageTimer
from ..terminal import escape_lines
from . import EXIT_CANNOT
from .diagnostics import REPORTERS, Report

#: seconds of work before progress appears ("work that takes more than a second", CLI.md)
PROGRESS_AFTER = 1.0


def _echo_err(text: str, nl: bool = True) -> None:
    # click is imported only when something goes to stderr: a warm answer from the cache
    # (csmconf/quick.py) prints to stdout alone and must not pay ~60 ms for importing click.
    import click

    click.echo(text, err=True, nl=nl)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class RichProgress(StageListener):
    """Stages as they run, with the files read; drawn only once the work has taken a second."""

    def __init__(self, delay: float):
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._progress.add_task("csmconf: starting", total=None)
        self._done: list[str] = []
        self._lock = threading.Lock()
        self._shown = False
        self._stopped = False
        self._timer = threading.Timer(delay, self._show)
        self._timer.daemon = True
        self._timer.start()

    def _show(self) -> None:
        with self._lock:
            if not self._stopped:
                self._progress.start()
                self._shown = True

    def _describe(self, current: str | None) -> None:
        parts = [*self._done, *([f"[bold]{current}[/bold]…"] if current else [])]
        self._progress.update(self._task, description="csmconf: " + "  ".join(parts))

    def started(self, stage: str) -> None:
        self._describe(stage)

    def finished(self, stage: str, seconds: float, detail: str | None) -> None:
        self._done.append(f"{stage} ✓" + (f" ({detail})" if detail else ""))
        self._describe(None)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._timer.cancel()
            if self._shown:
                self._progress.stop()


class Out:
    """Output settings of one command, and the only place that prints."""

    def __init__(
        self,
        fmt: str = "text",
        quiet: int = 0,
        verbose: int = 0,
        strict: bool = False,
        command: str = "",
    ):
        self.fmt = fmt
        self.quiet = quiet
        self.verbose = verbose
        self.strict = strict
        self.command = command
        self.color = _isatty(sys.stdout) and "NO_COLOR" not in os.environ
        self._progress: RichProgress | None = None
        self.timer = StageTimer()

    # -- printing -------------------------------------------------------------------------
    def doc(self, text: str) -> None:
        self.stop_progress()
        sys.stdout.write(text)

    def text(self, text: str) -> None:
        """Lines of a text view: config values in them are shown escaped (csmconf/terminal.py)."""
        self.doc(escape_lines(text))

    def log(self, message: str, level: int = 0) -> None:
        """Notes on stderr: shown unless -q (and, for level > 0, only with -v)."""
        if self.quiet or level > self.verbose:
            return
        _echo_err(escape_lines(message))

    def error(self, message: str) -> None:
        """A could-not-run message: always shown, on stderr."""
        self.error_line(f"csmconf: {message}")

    def error_line(self, line: str) -> None:
        """A line on stderr that -q does not hide (what is out of date, what was written)."""
        self.stop_progress()
        _echo_err(escape_lines(line))

    def report(
        self,
        diagnostics,
        root: Path | None,
        exit_code: int,
        extra: dict | None = None,
        to_stderr: bool = False,
        notifications: list[str] | None = None,
        format: str | None = None,
    ) -> None:
        """Diagnostics in the chosen format (text to stderr when the command's answer is elsewhere)."""
        report = Report(
            diagnostics,
            root,
            command=self.command,
            exit_code=exit_code,
            extra=extra,
            color=self.color and not to_stderr,
            quiet=bool(self.quiet) and not to_stderr,
            notifications=notifications or [],
        )
        text = REPORTERS[format or self.fmt](report)
        if to_stderr:
            self.stop_progress()
            _echo_err(text, nl=False)
        else:
            self.doc(text)

    def cannot_run(self, message: str) -> int:
        """Exit 2: the message on stderr; a SARIF or GitHub document still goes to stdout."""
        self.stop()
        self.error(message)
        if self.fmt in ("sarif", "github"):
            self.report([], None, EXIT_CANNOT, notifications=[message])
        return EXIT_CANNOT

    # -- progress and timings ---------------------------------------------------------------
    def progress_wanted(self) -> bool:
        if self.quiet or not _isatty(sys.stderr):
            return False
        # A machine document on the same terminal must not be interleaved with a live display.
        return self.fmt == "text" or not _isatty(sys.stdout)

    def start(self) -> StageTimer:
        """The timer the pipeline reports its stages to, with progress when wanted."""
        if self._progress is None and self.progress_wanted():
            delay = float(os.environ.get("CSMCONF_PROGRESS_AFTER", PROGRESS_AFTER))
            self._progress = RichProgress(delay)
            self.timer.listener = self._progress
        return self.timer

    def stop_progress(self) -> None:
        """Remove the progress display before anything else is printed."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self.timer.listener = StageListener()

    def stop(self) -> None:
        """At the end of a command: no progress left; with -v, the stage timings."""
        self.stop_progress()
        if self.verbose and self.timer.timings:
            for line in self.timer.lines():
                _echo_err(line)
            self.timer.timings.clear()
