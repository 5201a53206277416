"""Render diagnostics: text (compiler style, with the source line and a caret), json, sarif, github.

Renderers return strings; only the CLI prints. Paths are shown relative to
the current directory when the file lies below it (CLI.md), while the
`Diagnostic` itself keeps the path relative to the configuration root.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import __version__, vocabulary
from .diagnostics import CODES, Diagnostic, Place, count
from .regular_files import read_regular
from .terminal import escape

FORMAT_VERSION = 1
#: The loader refuses larger files (CSM104), so a caret line never needs more.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
FORMATS = vocabulary.FORMATS


class PathShower:
    """Maps config-root-relative paths to what a user should see."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root is not None else None
        self._cache: dict[str, str] = {}

    def __call__(self, file: str) -> str:
        if self.root is None or file.startswith("<"):
            return file
        shown = self._cache.get(file)
        if shown is None:
            full = Path(os.path.abspath(self.root / file))
            cwd = Path.cwd()
            try:
                shown = full.relative_to(cwd).as_posix()
            except ValueError:
                shown = full.as_posix()
            self._cache[file] = shown
        return shown


def place_dict(place: Place, show: PathShower) -> dict:
    d = place.to_dict()
    d["file"] = show(place.file)
    return d


def diagnostic_dict(d: Diagnostic, show: PathShower) -> dict:
    out = d.to_dict()
    out["file"] = show(d.place.file)
    out["related"] = [{**place_dict(r.place, show), "message": r.message} for r in d.related]
    return out


def to_json(diags: list[Diagnostic], root: Path | None, extra: dict | None = None) -> str:
    show = PathShower(root)
    errors, warnings = count(diags)
    doc = {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "csmconf", "version": __version__},
        "counts": {"errors": errors, "warnings": warnings},
        "diagnostics": [diagnostic_dict(d, show) for d in diags],
    }
    if extra:
        doc.update(extra)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def to_sarif(diags: list[Diagnostic], root: Path | None) -> str:
    show = PathShower(root)

    def location(place: Place, message: str | None = None) -> dict:
        loc: dict = {"physicalLocation": {"artifactLocation": {"uri": show(place.file)}}}
        if place.line:
            region = {"startLine": place.line, "startColumn": place.column}
            if place.end_line:
                region.update(endLine=place.end_line, endColumn=place.end_column)
            loc["physicalLocation"]["region"] = region
        if message:
            loc["message"] = {"text": message}
        return loc

    rules = [
        {
            "id": code,
            "shortDescription": {"text": spec.title},
            "defaultConfiguration": {"level": spec.severity.value},
            "helpUri": f"docs/diagnostics.md#{code.lower()}",
        }
        for code, spec in CODES.items()
    ]
    results = []
    for d in diags:
        result = {
            "ruleId": d.code,
            "level": d.severity.value,
            "message": {"text": d.message + (f" (hint: {d.hint})" if d.hint else "")},
            "locations": [location(d.place)],
        }
        if d.related:
            result["relatedLocations"] = [
                {"id": i, **location(r.place, r.message)} for i, r in enumerate(d.related)
            ]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "csmconf",
                        "version": __version__,
                        "informationUri": "https://github.com/csmconf/csmconf",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def to_github(diags: list[Diagnostic], root: Path | None) -> str:
    show = PathShower(root)
    lines = []
    for d in diags:
        # a CI log renders ANSI sequences too: values are escaped as in text output
        props = [f"file={_gh_escape(escape(show(d.place.file)), True)}"]
        if d.place.line:
            props += [f"line={d.place.line}", f"col={d.place.column}"]
            if d.place.end_line:
                props += [f"endLine={d.place.end_line}", f"endColumn={d.place.end_column}"]
        props.append(f"title={d.code}")
        message = escape(d.message)
        for r in d.related:
            message += f"\n  {escape(r.message)}: {escape(show(r.place.file))}" + (
                f":{r.place.line}:{r.place.column}" if r.place.line else ""
            )
        if d.hint:
            message += f"\n  hint: {escape(d.hint)}"
        lines.append(f"::{d.severity.value} {','.join(props)}::{_gh_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


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


def to_text(
    diags: list[Diagnostic], root: Path | None, color: bool = False, summary: bool = True
) -> str:
    show = PathShower(root)
    sources = SourceLines(root)

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    out: list[str] = []
    for d in diags:
        # every value from the configuration passes `escape`: paths, messages, source lines, hints
        where = escape(show(d.place.file)) + (
            f":{d.place.line}:{d.place.column}" if d.place.line else ""
        )
        sev = paint(d.severity.value, "1;31" if d.is_error else "1;33")
        out.append(f"{paint(where, '1')}: {sev} {paint(d.code, '1')}: {escape(d.message)}")
        src = sources.line(d.place.file, d.place.line)
        if src is not None:
            gutter = f"{d.place.line:>5} | "
            # tabs become one space each; the caret is placed under the escaped text
            plain = src.replace("\t", " ")
            out.append(gutter + escape(plain))
            start = d.place.column - 1
            end = start + 1
            if d.place.end_line == d.place.line and d.place.end_column > d.place.column:
                end = d.place.end_column - 1
            pad = len(escape(plain[:start])) + max(0, start - len(plain))
            beyond = max(0, end - max(start, len(plain)))  # a span may reach past the line's end
            width = max(1, len(escape(plain[start:end])) + beyond)
            out.append(" " * (len(gutter) - 2) + "| " + " " * pad + paint("^" * width, "1;32"))
        for r in d.related:
            rwhere = show(r.place.file) + (
                f":{r.place.line}:{r.place.column}" if r.place.line else ""
            )
            out.append(f"  note: {escape(rwhere)}: {escape(r.message)}")
        if d.hint:
            out.append(f"  hint: {escape(d.hint)}")
    if summary:
        errors, warnings = count(diags)
        out.append(
            f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        )
    return "\n".join(out) + "\n"


def render(
    fmt: str,
    diags: list[Diagnostic],
    root: Path | None,
    color: bool = False,
    extra: dict | None = None,
) -> str:
    if fmt == "json":
        return to_json(diags, root, extra)
    if fmt == "sarif":
        return to_sarif(diags, root)
    if fmt == "github":
        return to_github(diags, root)
    return to_text(diags, root, color=color)
