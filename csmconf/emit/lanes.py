"""A share of the outputs rendered by a second process, on a machine with a core to spare.

`compile` of a company-sized tree spends most of its time rendering outputs
(docs/performance.md), and they do not depend on each other: the grants, the
SQL of each dialect, the Import XML files. `Lane(produce)` forks a child that
renders `produce()`'s files into an unlinked spool file while this process
renders the others; `files()` reads them back, one at a time, in the child's
order. The child is a copy of this process made by `fork`: it shares the
compiled configuration copy-on-write, nothing is pickled or loaded again.
`Shared(items)` hands items of work (the Import XML tables) to whichever
process asks first, so that both end at about the same time.

The child only ever saves time, never changes a byte: it writes nothing but its
spool, and when it cannot run (no `fork`, one core, `CSMCONF_JOBS=1`) or
fails in any way (the spool's disk is full, the child is killed, a bug), the
same files are rendered here instead, where an error surfaces as usual.
"""

from __future__ import annotations

import gc
import os
import signal
import struct
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .. import machine

if TYPE_CHECKING:
    from . import Content

#: `CSMCONF_JOBS`: how many processes render the outputs; 1 turns the second one off.
JOBS_ENV = "CSMCONF_JOBS"

# Spool frames: a file starts with FILE and its path, each of its pieces is PIECE and
# its length, END ends the file; DONE, the child's last write, says the spool is whole.
_FILE, _PIECE, _END, _DONE = b"F", b"P", b"E", b"Z"
_PATH = struct.Struct("<I")
_SIZE = struct.Struct("<Q")
_READ = 1 << 20  # a spooled piece is handed on in reads of at most 1 MiB

#: Input below this is rendered by one process: a fork costs more than it saves there
#: (measured, `compile`: 1.3 MB of YAML the same either way, 2.5 MB x0.8 wall,
#: 12.5 MB x0.64; docs/performance.md), and more still in a big process such as a
#: test runner, every page of which the fork makes copy-on-write.
MIN_INPUT_BYTES = 2_000_000


def room_for_a_second_process(input_bytes: int) -> bool:
    """The child holds about as much again as issue 8's bound for one process (10 x the
    input + 150 MB; measured: +130 MB at 12.5 MB of input, +220 MB at 25 MB): it is
    started only where the machine has four times that bound available."""
    available = machine.available_memory()
    return available is None or available >= 4 * (10 * input_bytes + 150_000_000)


def jobs_asked(environ=os.environ) -> int | None:
    """`CSMCONF_JOBS` as a number, None when unset; ValueError when it is no whole number
    of 1 or more. Only the variable is read (`compile` checks it before any work)."""
    value = environ.get(JOBS_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{JOBS_ENV}={value!r}: expected a whole number, 1 or more")
    return int(value)


def workers(environ=os.environ, input_bytes: int | None = None) -> int:
    """How many processes render the outputs: `CSMCONF_JOBS`, else 2 where `fork` and a
    second core exist and the input (when given) is `MIN_INPUT_BYTES` or more, with
    memory to spare for it."""
    asked = jobs_asked(environ)
    if not hasattr(os, "fork"):
        return 1
    if asked is not None:
        return min(asked, 2)
    if input_bytes is not None and (
        input_bytes < MIN_INPUT_BYTES or not room_for_a_second_process(input_bytes)
    ):
        return 1
    return 2 if machine.usable_cpus() >= 2 else 1


Files = Iterator[tuple[str, "Content"]]  # what `emit.iter_outputs` yields


def _die_with(parent: int) -> None:
    """The child is killed when its parent dies, however it dies (Linux; elsewhere it
    runs to its end, writing only to its spool, which no one reads)."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


class Shared:
    """Items of work handed out one at a time to whichever process asks first.

    A pipe holding one byte per item, its writing end closed before any fork: a
    one-byte `read` is atomic, so each item goes to exactly one process, and a
    drained pipe reads as its end. `taken` is what this process took.
    """

    def __init__(self, items):
        self.items = tuple(items)
        if len(self.items) > 255:
            raise ValueError("at most 255 items")
        self.taken: list = []
        self._read, write = os.pipe()
        try:
            os.write(write, bytes(range(len(self.items))))  # far below a pipe's buffer
        finally:
            os.close(write)

    def __iter__(self) -> Iterator:
        while self._read is not None and (byte := os.read(self._read, 1)):
            item = self.items[byte[0]]
            self.taken.append(item)
            yield item

    def close(self) -> None:
        if self._read is not None:
            os.close(self._read)
            self._read = None


class Lane:
    """`produce()`'s files, rendered by a forked child from now on (or, failing that, here).

    `spool_dir`: where the unlinked spool lives (default: the temporary directory).
    `compile` puts it beside OUT, on the disk that will hold the files anyway: a
    temporary directory in memory (tmpfs) would hold them in RAM meanwhile.
    """

    def __init__(
        self,
        produce: Callable[[], Files],
        spool_dir: str | None = None,
        instead: Callable[[], Files] | None = None,
    ):
        """`instead`: what this process renders when the child gave nothing (default:
        `produce`; different when the child shares work with this process, `Shared`)."""
        self.produce = produce
        self.instead = instead or produce
        self.used = False  # whether the files came from the child's spool
        self.pid: int | None = None
        self.spool = None
        parent = os.getpid()
        try:
            # lives as long as the lane: `close` closes it
            self.spool = tempfile.TemporaryFile(prefix=".csmconf-lane-", dir=spool_dir)  # noqa: SIM115
            self.pid = os.fork()
        except OSError:  # no room for a spool, no process to spare: render them here
            self.close()
            return
        if self.pid == 0:
            self._child(parent)

    def _child(self, parent: int) -> None:
        code = 1
        try:
            # The parent's Ctrl-C reaches the child too; the parent cleans up after both.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            _die_with(parent)
            # Hold no pipe of the caller's open (a `subprocess.run` waiting for the output's
            # end would wait for the child too) and print nothing.
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            gc.disable()  # a collection would touch, and so copy, every page shared with the parent
            with open(self.spool.fileno(), "wb", buffering=_READ, closefd=False) as fh:
                for path, data in self.produce():
                    name = path.encode("utf-8")
                    fh.write(_FILE + _PATH.pack(len(name)) + name)
                    for piece in [data] if isinstance(data, bytes) else data:
                        fh.write(_PIECE + _SIZE.pack(len(piece)))
                        fh.write(piece)
                    fh.write(_END)
                fh.write(_DONE)
            code = 0
        except BaseException:  # noqa: BLE001, S110 - the parent renders these files itself
            pass
        finally:
            os._exit(code)  # no exit handlers, no buffers of the parent's flushed twice

    def _spooled(self) -> bool:
        """Wait for the child; whether it ended well and left a whole spool."""
        if self.pid is None:
            return False
        _pid, status = os.waitpid(self.pid, 0)  # Ctrl-C here: `close` still kills it
        self.pid = None
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return False
        size = os.fstat(self.spool.fileno()).st_size
        if size == 0:
            return False
        self.spool.seek(size - 1)
        whole = self.spool.read(1) == _DONE
        self.spool.seek(0)
        return whole

    def files(self) -> Files:
        """The lane's files in order: read from the spool, or rendered here if there is none."""
        if not self._spooled():
            self.close()
            yield from self.instead()
            return
        self.used = True
        read = self.spool.read
        while (tag := read(1)) == _FILE:
            (length,) = _PATH.unpack(read(_PATH.size))
            yield read(length).decode("utf-8"), self._pieces()
        if tag != _DONE:
            raise RuntimeError("the output spool of the second process is damaged")
        self.close()

    def _pieces(self) -> Iterator[bytes]:
        read = self.spool.read
        while (tag := read(1)) == _PIECE:
            (size,) = _SIZE.unpack(read(_SIZE.size))
            while size > 0:
                piece = read(min(size, _READ))
                size -= len(piece)
                yield piece
        if tag != _END:
            raise RuntimeError("the output spool of the second process is damaged")

    def close(self) -> None:
        """Stop the child if it still runs, and drop the spool."""
        if self.pid is not None:
            pid, self.pid = self.pid, None
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        if self.spool is not None:
            self.spool.close()
            self.spool = None
