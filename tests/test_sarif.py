"""SARIF against the official 2.1.0 schema (with format checks) and GitHub's ingestion rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from npm_files import npm_file

from csmconf.cli import main
from csmconf.diagnostics import CODES

REPO = Path(__file__).resolve().parents[1]
TWENTY = "tests/cases/invalid/twenty_mistakes/config"
CSM702 = "tests/cases/invalid/csm702_unused_role_and_responsibility/config"

#: the SARIF SDK's schema (shipped with Microsoft's multitool) and the 2.1.0 RTM schema
#: shipped by Microsoft's jest matchers: both official, neither copied by hand
SCHEMAS = {
    "sarif-sdk": ("@microsoft/sarif-multitool-linux@5.7.0", "sarif-2.1.0.json"),
    "rtm.5": ("@microsoft/jest-sarif@1.0.0-beta.0", "lib/schemas/sarif-2.1.0-rtm.5.json"),
}


@pytest.fixture(scope="module", params=sorted(SCHEMAS))
def validator(request):
    schema = json.loads(npm_file(*SCHEMAS[request.param]).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(validator, doc) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def sarif(*args):
    """(exit code, the SARIF document) of `csmconf ARGS --format sarif`, run from the repository."""
    if args not in _RAN:
        here = os.getcwd()
        os.chdir(REPO)
        try:
            r = CliRunner().invoke(main, [*args, "--format", "sarif"], env={"NO_COLOR": "1"})
        finally:
            os.chdir(here)
        _RAN[args] = (r.exit_code, r.stdout)
    code, stdout = _RAN[args]
    return code, json.loads(stdout)


#: each command runs once; both schemas check the same output
_RAN: dict[tuple, tuple[int, str]] = {}


def uris(node):
    """Every `uri` value anywhere in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("uri", "helpUri", "informationUri") and isinstance(value, str):
                yield value
            else:
                yield from uris(value)
    elif isinstance(node, list):
        for item in node:
            yield from uris(item)


RUNS = {
    "validate-clean": ("validate", "configs"),
    "validate-twenty": ("validate", TWENTY),
    "validate-warnings": ("validate", CSM702),
    "validate-strict": ("validate", CSM702, "--strict"),
    "test": ("test",),
    "compile-check": ("compile", "configs", "-o", "generated", "--check"),
    "compile-errors": ("compile", TWENTY, "-o", "/nonexistent/never-written"),
    "check": ("check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp"),
    "check-invalid-config": ("check", "contact:a", "read", "case", "--on", "account:b", TWENTY),
    "who-can": ("who-can", "write", "case", "--on", "account:abc-corp"),
    "what-can": ("what-can", "contact:mia-xyz"),
    "diff": ("diff", "configs", "configs"),
    "fmt": ("fmt", "--check"),
    "cannot-start": ("validate", "nope"),
    "unknown-principal": ("what-can", "contact:peter-robinsn"),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_every_sarif_output_is_valid_and_fit_for_github(name, validator):
    code, doc = sarif(*RUNS[name])
    assert errors(validator, doc) == []
    (run,) = doc["runs"]
    (invocation,) = run["invocations"]
    assert invocation["exitCode"] == code
    assert invocation["executionSuccessful"] is (code != 2)
    if code == 2:
        assert invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert not [u for u in uris(doc) if "<" in u or u.startswith("/")]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CODES)
    for rule in rules:
        assert rule["helpUri"].startswith("https://")
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]
    if name in ("check", "who-can", "what-can", "diff"):
        # diagnostics only: no JSON answer in place of SARIF
        assert set(doc) == {"$schema", "version", "runs"}
        assert set(run) == {"tool", "invocations", "columnKind", "results"}


def test_results_match_the_diagnostics_with_related_places():
    code, doc = sarif("validate", TWENTY)
    assert code == 1
    results = doc["runs"][0]["results"]
    assert len(results) == 22
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith(TWENTY)
    assert first["region"]["startLine"] >= 1
    assert any("relatedLocations" in r for r in results)
    fingerprints = [r["partialFingerprints"]["csmconfDiagnostic/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    again = CliRunner().invoke(main, ["validate", TWENTY, "--format", "sarif"])
    assert doc == json.loads(again.stdout)  # deterministic


def test_builtin_related_place_is_a_message_not_a_uri(tmp_path):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "roles.yaml").write_text(
        "version: 1\nroles:\n  - id: customer\n    name: Again\n", encoding="utf-8"
    )
    code, doc = sarif("validate", str(cfg))
    assert code == 1
    (result,) = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "CSM300"]
    # outside the current directory: an absolute file URI
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (cfg / "roles.yaml").as_uri()
    related = result["relatedLocations"]
    assert related and all("physicalLocation" not in r for r in related)
    assert "built-in" in related[0]["message"]["text"]


def test_rule_help_comes_from_docs_diagnostics_md():
    _code, doc = sarif("validate", "configs")
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    page = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert "indent with spaces" in rules["CSM100"]["help"]["text"]
    assert rules["CSM100"]["help"]["markdown"] in page
    assert rules["CSM101"]["fullDescription"]["text"].startswith("Severity: error. Fires when")


def test_the_check_can_fail(validator):
    """The old output (relative helpUri) fails the schema with format checks."""
    _code, doc = sarif("validate", "configs")
    doc["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "docs/diagnostics.md#csm100"
    doc["runs"][0]["results"] = [{"message": {"text": "x"}, "ruleId": "CSM100", "level": "bogus"}]
    found = errors(validator, doc)
    assert any("helpUri" in e for e in found), found
    assert any("bogus" in e for e in found), found


def test_usage_error_with_sarif_still_writes_a_document():
    r = CliRunner().invoke(main, ["validate", "--format", "sarif", "--bogus"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    note = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert "bogus" in note["message"]["text"]
