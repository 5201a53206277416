"""SARIF 2.1.0 for code scanning (GitHub's ingestion rules included).

- every rule carries `fullDescription` and `help` taken from docs/diagnostics.md (the
  section of its code: the first paragraph, and the **Fix:** paragraph), and an absolute
  `helpUri` into that page;
- URIs are percent-encoded URI references: paths relative to the current directory, or
  `file://` URIs outside it; the built-in catalogue has no file, so a related place there
  is a message-only location (no `<builtin>` URI);
- `columnKind` is `unicodeCodePoints` (the loader counts code points), every result has
  `partialFingerprints`, and `invocations` records the exit code; a run that could not
  start (exit 2) is a document with no results and a tool execution notification.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import CODES, Place
from .diagnostics import Report, dumps
from .paths import PathShower

HOMEPAGE = "https://github.com/csmconf/csmconf"
HELP_PAGE = f"{HOMEPAGE}/blob/main/docs/diagnostics.md"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
EXIT_CANNOT = 2

_HERE = Path(__file__).resolve().parent
#: the page in a source checkout, and the copy the wheel carries (pyproject: force-include)
DOC_CANDIDATES = (
    _HERE.parents[1] / "docs" / "diagnostics.md",
    _HERE.parent / "docs" / "diagnostics.md",
)


def _plain(markdown: str) -> str:
    """Markdown to one line of plain text: no emphasis marks, links as their text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = text.replace("**", "").replace("`", "")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def rule_help() -> dict[str, dict[str, str]]:
    """code -> {"full": first paragraph, "fix": the Fix paragraph, "markdown": the section}."""
    for candidate in DOC_CANDIDATES:
        if candidate.is_file():
            page = candidate.read_text(encoding="utf-8")
            break
    else:  # an installation without the page: rules keep their titles only
        return {}
    out: dict[str, dict[str, str]] = {}
    for match in re.finditer(
        r"^### (CSM\d{3}) — .*?$(.*?)(?=^#{2,3} |^<a id=|\Z)", page, re.MULTILINE | re.DOTALL
    ):
        code, body = match.group(1), match.group(2).strip()
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        full = paragraphs[0] if paragraphs else ""
        fix = next((p for p in paragraphs if p.startswith("**Fix:**")), "")
        out[code] = {
            "full": _plain(full),
            "fix": _plain(fix.removeprefix("**Fix:**")),
            "markdown": body,
        }
    return out


def _uri(shown: str) -> str:
    """A URI reference for a path as shown to the user (relative, or absolute POSIX)."""
    if shown.startswith("/"):
        return "file://" + quote(shown)
    return quote(shown)


def _rules() -> list[dict]:
    helps = rule_help()
    rules = []
    for code, spec in CODES.items():
        rule: dict = {
            "id": code,
            "shortDescription": {"text": spec.title},
            "defaultConfiguration": {"level": spec.severity.value},
            "helpUri": f"{HELP_PAGE}#{code.lower()}",
        }
        h = helps.get(code)
        if h:
            rule["fullDescription"] = {"text": h["full"] or spec.title}
            rule["help"] = {"text": h["fix"] or h["full"] or spec.title, "markdown": h["markdown"]}
        rules.append(rule)
    return rules


def _location(place: Place, show: PathShower, message: str | None = None) -> dict:
    loc: dict = {}
    if place.is_builtin:
        loc["message"] = {
            "text": f"{message} (in the built-in catalogue)"
            if message
            else "in the built-in catalogue"
        }
        return loc
    physical: dict = {"artifactLocation": {"uri": _uri(show(place.file))}}
    if place.line:
        region = {"startLine": place.line, "startColumn": max(place.column, 1)}
        if place.end_line:
            region.update(endLine=place.end_line, endColumn=max(place.end_column, 1))
        physical["region"] = region
    loc["physicalLocation"] = physical
    if message:
        loc["message"] = {"text": message}
    return loc


def to_sarif(report: Report) -> str:
    show = PathShower(report.root)
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    seen: dict[str, int] = {}
    for d in report.diagnostics:
        # Stable across runs and unrelated edits above: the code, file and message, not the line.
        digest = hashlib.sha256(f"{d.code}\0{d.place.file}\0{d.message}".encode()).hexdigest()[:32]
        seen[digest] = seen.get(digest, 0) + 1
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": d.severity.value,
            "message": {"text": d.message + (f" (hint: {d.hint})" if d.hint else "")},
            "locations": [_location(d.place, show)],
            "partialFingerprints": {"csmconfDiagnostic/v1": f"{digest}:{seen[digest]}"},
        }
        if d.related:
            result["relatedLocations"] = [
                {"id": i, **_location(r.place, show, r.message)} for i, r in enumerate(d.related)
            ]
        results.append(result)
    invocation: dict = {
        "executionSuccessful": report.exit_code != EXIT_CANNOT,
        "exitCode": report.exit_code,
    }
    if report.notifications:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": note}} for note in report.notifications
        ]
    doc = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "csmconf",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(doc)
