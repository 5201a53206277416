"""The code catalogue, the documentation and the source agree.

- every code in `csmconf.diagnostics.CODES` has a heading or a table row in
  `docs/diagnostics.md`, and every code that page mentions exists;
- every `"CSMnnn"` string literal in the source is in CODES, and every code in
  CODES is used as a literal somewhere outside the catalogue itself.
"""

from __future__ import annotations

import re

from conftest import DOCS, REPO

from csmconf.diagnostics import CODES, Severity

CODE_RE = re.compile(r"CSM\d{3}")
LITERAL_RE = re.compile(r"""["'](CSM\d{3})["']""")
SOURCE = REPO / "csmconf"
CATALOGUE = SOURCE / "diagnostics.py"
DOC = DOCS / "diagnostics.md"


def _doc_text() -> str:
    assert DOC.is_file(), f"{DOC.relative_to(REPO)} does not exist"
    return DOC.read_text(encoding="utf-8")


def _source_literals() -> dict[str, list[str]]:
    """code -> places (file:line) where it is written as a string literal, outside CODES."""
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path == CATALOGUE:
            # skip the catalogue's own definitions: `"CSMnnn": CodeSpec(...)`
            text = re.sub(r"""["']CSM\d{3}["']\s*:\s*CodeSpec\(""", "", text)
        for lineno, line in enumerate(text.splitlines(), 1):
            for m in LITERAL_RE.finditer(line):
                found.setdefault(m.group(1), []).append(f"{path.relative_to(REPO)}:{lineno}")
    return found


def test_catalogue_is_well_formed():
    assert CODES
    for code, spec in CODES.items():
        assert re.fullmatch(r"CSM\d{3}", code), code
        assert isinstance(spec.severity, Severity)
        assert spec.title
    # warnings are exactly the 7xx codes (spec table), plus the importer's own (8xx)
    warnings = {c for c, s in CODES.items() if s.severity is Severity.WARNING}
    assert {c for c in warnings if not c.startswith("CSM8")} == {
        c for c in CODES if c.startswith("CSM7")
    }


def test_every_code_is_documented():
    text = _doc_text()
    documented: set[str] = set()
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("#", "|")):
            documented.update(CODE_RE.findall(stripped))
    missing = sorted(set(CODES) - documented)
    assert not missing, f"codes without a heading or table row in docs/diagnostics.md: {missing}"


def test_every_documented_code_exists():
    mentioned = set(CODE_RE.findall(_doc_text()))
    unknown = sorted(mentioned - set(CODES))
    assert not unknown, f"docs/diagnostics.md mentions codes that are not in CODES: {unknown}"


def test_every_source_literal_is_in_catalogue():
    literals = _source_literals()
    unknown = {c: places for c, places in literals.items() if c not in CODES}
    assert not unknown, f"code literals in csmconf/ that are not in CODES: {unknown}"


def test_every_catalogue_code_is_emitted():
    literals = _source_literals()
    never = sorted(set(CODES) - set(literals))
    assert not never, f"codes in CODES that nothing in csmconf/ emits: {never}"
