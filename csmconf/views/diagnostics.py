"""Diagnostics reporters, one per `--format`, in a plain registry (check-jsonschema's pattern).

    REPORTERS["sarif"](Report(diagnostics, root, exit_code=1, command="validate")) -> str

A reporter takes a `Report` and returns the whole document as a string; only
`Out` prints. Paths are shown relative to the current directory when the file
lies below it (CLI.md); the `Diagnostic` itself keeps the root-relative path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__, vocabulary
from ..diagnostics import Diagnostic, Place, count
from ..terminal import escape
from .paths import PathShower, SourceLines

FORMAT_VERSION = 1


@dataclass
class Report:
    """Everything a reporter may show about one run."""

    diagnostics: list[Diagnostic]
    root: Path | None
    command: str = ""
    exit_code: int = 0
    #: members the command adds to the JSON document (`tests`, `plan`, ...)
    extra: dict | None = None
    color: bool = False
    quiet: bool = False
    #: why the run could not start or finish (exit 2): SARIF tool execution notifications
    notifications: list[str] = field(default_factory=list)


def dumps(doc: dict) -> str:
    """Every JSON document csmconf prints: indented, UTF-8 kept, a final newline."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def diagnostic_dict(d: Diagnostic, show: PathShower) -> dict:
    out = d.to_dict()
    out["file"] = show(d.place.file)
    out["related"] = [{**r.to_dict(), "file": show(r.place.file)} for r in d.related]
    return out


def to_json(report: Report) -> str:
    show = PathShower(report.root)
    errors, warnings = count(report.diagnostics)
    doc = {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "csmconf", "version": __version__},
        "counts": {"errors": errors, "warnings": warnings},
        "diagnostics": [diagnostic_dict(d, show) for d in report.diagnostics],
    }
    if report.extra:
        doc.update(report.extra)
    return dumps(doc)


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: one `::error file=...::message` line per diagnostic."""
    show = PathShower(report.root)
    lines = []
    for d in report.diagnostics:
        # a CI log renders ANSI sequences too: values are escaped as in text output
        props = [f"file={_gh_escape(escape(show(d.place.file)), True)}"]
        if d.place.line:
            props += [f"line={d.place.line}", f"col={d.place.column}"]
            if d.place.end_line:
                props += [f"endLine={d.place.end_line}", f"endColumn={d.place.end_column}"]
        props.append(f"title={d.code}")
        message = escape(d.message)
        for r in d.related:
            message += f"\n  {escape(r.message)}: {escape(show.where(r.place))}"
        if d.hint:
            message += f"\n  hint: {escape(d.hint)}"
        lines.append(f"::{d.severity.value} {','.join(props)}::{_gh_escape(message)}")
    for note in report.notifications:
        lines.append(f"::error title=csmconf::{_gh_escape(note)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_text(report: Report) -> str:
    """Compiler style: place, severity, code, message, the source line with a caret, notes."""
    diags = report.diagnostics
    if report.quiet and not diags:
        return ""
    show = PathShower(report.root)
    sources = SourceLines(report.root)

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if report.color else text

    out: list[str] = []
    for d in diags:
        # every value from the configuration passes `escape`: paths, messages, source lines, hints
        sev = paint(d.severity.value, "1;31" if d.is_error else "1;33")
        where = escape(show.where(d.place))
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
            out.append(f"  note: {escape(show.where(r.place))}: {escape(r.message)}")
        if d.hint:
            out.append(f"  hint: {escape(d.hint)}")
    if not report.quiet:
        errors, warnings = count(diags)
        out.append(
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}"
        )
    return "\n".join(out) + "\n"


def _to_sarif(report: Report) -> str:
    from .sarif import to_sarif  # the rules' help is read from docs/diagnostics.md: only when asked

    return to_sarif(report)


Reporter = Callable[[Report], str]

#: `--format` name -> reporter; the CLI's choices are vocabulary.FORMATS, checked equal below
REPORTERS: dict[str, Reporter] = {
    "text": to_text,
    "json": to_json,
    "sarif": _to_sarif,
    "github": to_github,
}
assert tuple(REPORTERS) == vocabulary.FORMATS

#: formats that are machine documents: stdout holds only the document, progress stays away
MACHINE_FORMATS = tuple(f for f in vocabulary.FORMATS if f != "text")

__all__ = ["REPORTERS", "Place", "Report", "diagnostic_dict", "dumps"]
