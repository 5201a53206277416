"""Reading a file only when it is a regular file: never a FIFO, a device or a socket.

A FIFO named `x.yaml` would block `open` until a writer comes (forever); a
character device (`/dev/zero`, `/dev/urandom`) would be read without end. The
loader checks each file with `not_regular` before it opens it, and
`read_regular` opens without blocking and checks the open descriptor, so a
file swapped for a FIFO or device in between is refused, not read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what it is, for the message."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a file")


def not_regular(path: Path) -> str | None:
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return None  # reported when it is read


class NotRegularFile(OSError):
    pass


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, never blocking on a FIFO nor reading a device without end.

    Opened with O_NONBLOCK (a FIFO swapped in after `discover` looked opens
    at once instead of waiting for a writer), then checked with fstat on the
    open descriptor, so what is read is what was checked. Raises
    NotRegularFile (with the kind in its message), or OSError; with `limit`,
    a file larger than it raises FileTooLarge.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind is not None:
            raise NotRegularFile(f"{kind}, not a regular file: never read")
        if limit is not None and st.st_size > limit:
            raise FileTooLarge(st.st_size)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            if limit is None:
                data = fh.read()
            else:
                # read(limit + 1) would allocate a buffer of the limit (64 MB) for every file:
                # ask for the size fstat gave, then for the rest of a file that grew meanwhile
                data = fh.read(min(st.st_size, limit) + 1)
                if len(data) > st.st_size:
                    data += fh.read(limit + 1 - len(data))
        if limit is not None and len(data) > limit:
            raise FileTooLarge(len(data))
        return data
    finally:
        os.close(fd)


class FileTooLarge(OSError):
    def __init__(self, size: int):
        super().__init__(f"file is {size:,} bytes")
        self.size = size
