"""How the process runs: the cyclic garbage collector, and a quick exit.

The compiler builds hundreds of thousands of small objects (rows, places,
graph edges) and keeps nearly all of them until it exits. Python's cyclic
collector scans them again and again as they are made, and finds almost
nothing to free: measured, it is about half of `validate`'s CPU at benchmark
scale (docs/performance.md). Reference counting still frees everything
that is not in a cycle, so peak memory stays the same.

Freeing that heap at exit costs time as well and serves nobody in a process
that is about to end: `run_and_exit` flushes the output and leaves with
`os._exit`. Every file csmconf writes is closed (and fsynced) by then; the
in-process test runner never takes that path.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable

#: Set by `run_and_exit`: the process leaves with `os._exit` once the command returns.
_PROCESS_ENDS_AFTER_COMMAND = False


def pause_cyclic_gc() -> Callable[[], None]:
    """Turn the cyclic collector off for one command; returns the function that restores it."""
    was_enabled = gc.isenabled()
    gc.freeze()  # what is alive now (imports) is never scanned again
    gc.disable()

    def restore() -> None:
        if _PROCESS_ENDS_AFTER_COMMAND:
            # Everything the command made is still in the youngest generation: the first
            # allocation after `gc.enable()` would scan and free the whole heap (about 1 s
            # of CPU at benchmark scale 1) just before `os._exit` discards it anyway.
            return
        gc.unfreeze()
        if was_enabled:
            gc.enable()

    return restore


def run_and_exit(main: Callable[..., object]) -> None:
    """Run a click command as a program, then exit without tearing the heap down."""
    global _PROCESS_ENDS_AFTER_COMMAND
    _PROCESS_ENDS_AFTER_COMMAND = True
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code
    _exit(code)


def _exit(code: object) -> None:
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)  # what the interpreter does for sys.exit("text")
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the reader has gone; nothing is lost
        code = code or 1
    os._exit(code)


def console_main() -> None:
    """The `csmconf` executable (pyproject's [project.scripts]) and `python -m csmconf`.

    A warm answer is printed from the cache before click is even imported
    (quick.py); everything else goes through the command line.
    """
    from .quick import answer

    code = answer(sys.argv[1:])
    if code is not None:
        _exit(code)
    from .cli import main

    run_and_exit(main)
