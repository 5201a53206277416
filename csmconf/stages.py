"""A real per-stage timer for the pipeline, and the hook progress displays listen on.

The pipeline wraps each stage in `timer.stage(NAME)`; the command line reads
`timer.timings` for `-v` and passes a listener (the rich progress display) to
see stages start and finish. It imports nothing heavy: the CLI builds one
before pydantic or networkx are loaded.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: every stage a run can go through, in order (`-v` prints those that ran)
STAGES = ("load", "validate", "resolve", "graph", "checks", "tests", "emit", "write")


class StageListener:
    """What a progress display implements; the base does nothing."""

    def started(self, stage: str) -> None:
        pass

    def finished(self, stage: str, seconds: float, detail: str | None) -> None:
        pass


class StageTimer:
    def __init__(self, listener: StageListener | None = None):
        self.listener = listener or StageListener()
        #: stage -> seconds, summed over repeats (diff compiles two sides)
        self.timings: dict[str, float] = {}
        self.details: dict[str, str] = {}

    @contextmanager
    def stage(self, name: str):
        if name not in STAGES:
            raise ValueError(f"unknown stage {name!r}")
        self.listener.started(name)
        started = time.perf_counter()
        try:
            yield self
        finally:
            elapsed = time.perf_counter() - started
            self.timings[name] = self.timings.get(name, 0.0) + elapsed
            self.listener.finished(name, elapsed, self.details.get(name))

    def stream(self, items: Iterable[T], produce: str, consume: str) -> Iterator[T]:
        """`items`, with the time spent making each charged to stage `produce` and the
        time the caller spends between them to `consume` (`compile` renders a file,
        writes it, renders the next: the stages interleave). An item that is a
        (name, iterator) pair is made as its iterator is read: reading it counts
        as making too (a seed file's pieces).
        """
        for name in (produce, consume):
            if name not in STAGES:
                raise ValueError(f"unknown stage {name!r}")
        self.listener.started(produce)
        started = time.perf_counter()
        making = [0.0]
        count = 0

        def timed(source: Iterator) -> Iterator:
            while True:
                t = time.perf_counter()
                try:
                    item = next(source)
                except StopIteration:
                    return
                finally:
                    making[0] += time.perf_counter() - t
                yield item

        source = iter(items)
        try:
            for item in timed(source):
                count += 1
                if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Iterator):
                    item = (item[0], timed(item[1]))
                yield item
        finally:
            if hasattr(source, "close"):  # a stream given up: its own clean-up runs now
                source.close()
            made = making[0]
            rest = time.perf_counter() - started - made
            self.timings[produce] = self.timings.get(produce, 0.0) + made
            self.timings[consume] = self.timings.get(consume, 0.0) + rest
            self.details.setdefault(produce, f"{count} files")
            self.listener.finished(produce, made, self.details.get(produce))
            self.listener.finished(consume, rest, self.details.get(consume))

    def detail(self, stage: str, text: str) -> None:
        """A count to show with a finished stage (`57 files`)."""
        self.details[stage] = text

    def lines(self) -> list[str]:
        """`-v` output: one line per stage that ran, in pipeline order, then the total."""
        out = []
        for name in STAGES:
            if name in self.timings:
                extra = f" ({self.details[name]})" if name in self.details else ""
                out.append(f"stage {name:<8} {self.timings[name]:8.3f}s{extra}")
        out.append(f"stage {'total':<8} {sum(self.timings.values()):8.3f}s")
        return out
