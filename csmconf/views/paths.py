"""How places look to a user: paths relative to the current directory, source lines for carets."""

from __future__ import annotations

import os
from pathlib import Path

from ..regular_files import read_regular

#: The loader refuses larger files (CSM104), so a caret line never needs more.
MAX_SOURCE_BYTES = 64 * 1024 * 1024


class PathShower:
    """Maps config-root-relative paths to what a user should see (CLI.md: relative to the cwd)."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root is not None else None
        self._cache: dict[str, str] = {}

    def __call__(self, file: str) -> str:
        if self.root is None or file.startswith("<"):
            return file
        shown = self._cache.get(file)
        if shown is None:
            full = Path(os.path.abspath(self.root / file))
            try:
                shown = full.relative_to(Path.cwd()).as_posix()
            except ValueError:
                shown = full.as_posix()
            self._cache[file] = shown
        return shown

    def where(self, place, columns: bool = True) -> str:
        """`file:line:column` (or `file:line`, or just `file` for a place without a line)."""
        text = self(place.file)
        if place.line:
            text += f":{place.line}:{place.column}" if columns else f":{place.line}"
        return text


class SourceLines:
    """Reads source lines lazily for the caret display."""

    def __init__(self, root: Path | None):
        self.root = root
        self._files: dict[str, list[str] | None] = {}

    def line(self, file: str, number: int) -> str | None:
        if self.root is None or file.startswith("<") or number < 1:
            return None
        if file not in self._files:
            try:
                # never blocks on a FIFO nor reads a device: the file may be why we report
                raw = read_regular(self.root / file, MAX_SOURCE_BYTES)
                text = raw.decode("utf-8-sig")
                self._files[file] = text.splitlines()
            except (OSError, UnicodeDecodeError):
                self._files[file] = None
        lines = self._files[file]
        if lines is None or number > len(lines):
            return None
        return lines[number - 1]
