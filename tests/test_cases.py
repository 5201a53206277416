"""Fixture runner: every folder under tests/cases/{invalid,valid}.

Each folder holds `config/` (the configuration root, compiled in place: the
folders contain symbolic links, one of them a loop) and `expected.json`:

    {"diagnostics": [{"code", "file", "line", "column",
                      "related": [{"file", "line"?, "column"?}]?,
                      "message_contains": [..]?}],
     "warnings": "ignore" | "exact"}

Errors are compared exactly (as a set of (code, file, line, column)); listed
warnings must be produced, and with "exact" the warnings are exactly the
listed ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES, describe

from csmconf.diagnostics import CODES, Severity
from csmconf.pipeline import compile_config


def _case_dirs() -> list[Path]:
    out = []
    for group in ("invalid", "valid"):
        base = CASES / group
        if base.is_dir():
            out.extend(sorted(p for p in base.iterdir() if p.is_dir()))
    return out


CASE_DIRS = _case_dirs()


def _key(d) -> tuple:
    return (d.code, d.place.file, d.place.line, d.place.column)


def _entry_key(e: dict) -> tuple:
    return (e["code"], e["file"], e["line"], e["column"])


def _is_error_code(code: str) -> bool:
    spec = CODES.get(code)
    assert spec is not None, f"expected.json names {code}, which is not in CODES"
    return spec.severity is Severity.ERROR


def _related_matches(expected: list[dict], actual) -> bool:
    if len(expected) != len(actual):
        return False
    for e, r in zip(expected, actual):
        if e["file"] != r.place.file:
            return False
        if "line" in e and e["line"] != r.place.line:
            return False
        if "column" in e and e["column"] != r.place.column:
            return False
    return True


def _fmt_related(expected: list[dict]) -> str:
    return ", ".join(
        ":".join(str(x) for x in (e["file"], e.get("line"), e.get("column")) if x is not None)
        for e in expected
    )


def test_cases_exist():
    names = [p.name for p in CASE_DIRS]
    assert any(p.parent.name == "invalid" for p in CASE_DIRS), names
    assert any(p.parent.name == "valid" for p in CASE_DIRS), names


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case: Path, tmp_path: Path):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    listed = expected.get("diagnostics", [])
    warnings_mode = expected.get("warnings", "ignore")
    assert warnings_mode in ("ignore", "exact"), warnings_mode

    root = case / "config"
    if not root.is_dir():
        # git keeps no empty directories: a checkout may lack an empty config/
        root = tmp_path / "config"
        root.mkdir()
    result = compile_config(root)
    actual = result.diagnostics

    context = (
        f"\ncase {case.parent.name}/{case.name}: {expected.get('description', '')}"
        f"\nactual diagnostics:\n{describe(actual)}"
        f"\nexpected diagnostics:\n"
        + "\n".join(f"  {e['code']} {e['file']}:{e['line']}:{e['column']}" for e in listed)
    )

    if case.parent.name == "valid":
        assert not [e for e in listed if _is_error_code(e["code"])], (
            "a valid case lists an error" + context
        )

    # errors: exact set
    expected_errors = {_entry_key(e) for e in listed if _is_error_code(e["code"])}
    actual_errors = {_key(d) for d in actual if d.is_error}
    missing = sorted(expected_errors - actual_errors)
    unexpected = sorted(actual_errors - expected_errors)
    assert not missing and not unexpected, (
        f"errors differ\n  missing: {missing}\n  unexpected: {unexpected}" + context
    )

    # warnings: each listed one produced; with "exact", nothing else
    expected_warnings = {_entry_key(e) for e in listed if not _is_error_code(e["code"])}
    actual_warnings = {_key(d) for d in actual if not d.is_error}
    missing_w = sorted(expected_warnings - actual_warnings)
    assert not missing_w, f"warnings missing: {missing_w}" + context
    if warnings_mode == "exact":
        extra_w = sorted(actual_warnings - expected_warnings)
        assert not extra_w, f"unexpected warnings (mode exact): {extra_w}" + context

    # related places and message fragments
    for e in listed:
        candidates = [d for d in actual if _key(d) == _entry_key(e)]
        want_related = e.get("related")
        want_text = e.get("message_contains", [])
        good = [
            d
            for d in candidates
            if (want_related is None or _related_matches(want_related, d.related))
            and all(s in d.message for s in want_text)
        ]
        assert good, (
            f"no diagnostic {_entry_key(e)} matches"
            + (f" related [{_fmt_related(want_related)}]" if want_related is not None else "")
            + (f" message_contains {want_text}" if want_text else "")
            + "\n  candidates:\n"
            + describe(candidates)
            + context
        )
