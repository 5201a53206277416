"""The command line as a user meets it: exit codes, stdout and stderr of each command."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli as run

REPO = Path(__file__).resolve().parents[1]
CONFIGS = REPO / "configs"
TWENTY = REPO / "tests" / "cases" / "invalid" / "twenty_mistakes" / "config"


def test_validate_example_exits_0_with_tests_passing():
    r = run("validate", "configs")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 errors, 0 warnings" in r.stdout
    assert re.search(r"access tests: (\d+) of \1 passed", r.stdout)


def test_validate_defaults_to_configs_and_accepts_config_option():
    assert run("validate").returncode == 0
    assert run("validate", "--config", "configs").returncode == 0


def test_validate_reports_all_twenty_mistakes_with_caret():
    r = run("validate", str(TWENTY.relative_to(REPO)))
    assert r.returncode == 1
    assert "20 errors" in r.stdout
    # compiler-style: path:line:col, the source line, and a caret under the value
    assert "tests/cases/invalid/twenty_mistakes/config/accounts.yaml:7:11: error CSM202" in r.stdout
    assert "    7 |     name: 2024\n      |           ^^^^" in r.stdout
    assert "access tests" not in r.stdout or "not run" in r.stdout


def test_json_format_stdout_is_only_the_document():
    r = run("validate", str(TWENTY.relative_to(REPO)), "--format", "json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["format_version"] == 1
    assert doc["counts"] == {"errors": 20, "warnings": 2}
    first = doc["diagnostics"][0]
    assert set(first) >= {
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
    }
    assert first["file"].startswith("tests/cases/invalid/twenty_mistakes/config/")


def test_paths_are_relative_to_the_current_directory(tmp_path):
    r = run("validate", str(TWENTY), "--format", "json", cwd=TWENTY.parent)
    files = {d["file"] for d in json.loads(r.stdout)["diagnostics"]}
    assert all(f.startswith("config/") for f in files), files


def test_sarif_and_github_formats():
    r = run("validate", str(TWENTY.relative_to(REPO)), "--format", "sarif")
    assert r.returncode == 1
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert len(results) == 22
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    g = run("validate", str(TWENTY.relative_to(REPO)), "--format", "github")
    lines = g.stdout.splitlines()
    assert len(lines) == 22
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert "title=CSM202" in g.stdout


def test_strict_turns_warnings_into_failure(tmp_path):
    cfg = tmp_path / "cfg"
    shutil.copytree(
        REPO / "tests" / "cases" / "invalid" / "csm702_unused_role_and_responsibility" / "config",
        cfg,
    )
    assert run("validate", str(cfg)).returncode == 0
    assert run("validate", str(cfg), "--strict").returncode == 1


def test_missing_directory_and_bad_flags_exit_2():
    r = run("validate", "no/such/dir")
    assert r.returncode == 2
    assert "does not exist" in r.stderr
    assert r.stdout == ""
    assert run("validate", "--format", "xml").returncode == 2
    assert (
        run("check", "contact:peter-robinson", "fly", "case", "--on", "account:abc-corp").returncode
        == 2
    )


def test_check_allowed_explain_shows_partner_path_with_places():
    r = run(
        "check", "contact:peter-robinson", "write", "case", "--on", "account:abc-corp", "--explain"
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    # partner_admin works the cases whose partner is GSI Tech: conditional (exit 0)
    assert out.startswith("contact:peter-robinson write case on account:abc-corp: conditional")
    assert "role partner_admin: case write on partner_account" in out
    assert re.search(
        r"contact:peter-robinson -\[member of\]-> account:gsi-tech\s+\(configs/contacts\.yaml:\d+\)",
        out,
    )
    assert re.search(
        r"account:gsi-tech -\[partner_account\]-> account:abc-corp\s+\(configs/accounts/partners\.yaml:\d+\)",
        out,
    )
    assert re.search(
        r"via contact:peter-robinson -\[holds role\]-> role:partner_admin\s+\(configs/contacts\.yaml:\d+\)",
        out,
    )


def test_check_denied_exits_1_and_conditional_exits_0():
    r = run("check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp")
    assert r.returncode == 1
    assert r.stdout.strip() == "contact:mia-xyz read case on account:abc-corp: denied"
    c = run("check", "contact:ann-abc-user", "read", "case", "--on", "account:abc-corp")
    assert c.returncode == 0
    assert c.stdout.strip().endswith(": conditional")


def test_check_json_and_unknown_principal():
    r = run(
        "check",
        "contact:peter-robinson",
        "write",
        "case",
        "--on",
        "account:abc-corp",
        "--format",
        "json",
    )
    doc = json.loads(r.stdout)
    assert doc["decision"] == "conditional"
    assert doc["paths"] and all(h["place"] for p in doc["paths"] for h in p["hops"])
    u = run("check", "contact:nobody", "read", "case", "--on", "account:abc-corp")
    assert u.returncode == 2
    assert "unknown principal" in u.stderr


def test_query_on_invalid_config_exits_2():
    r = run(
        "check",
        "contact:ann",
        "read",
        "case",
        "--on",
        "account:abc-corp",
        str(TWENTY.relative_to(REPO)),
    )
    assert r.returncode == 2
    assert "CSM202" in r.stderr
    assert r.stdout == ""


def test_who_can_is_sorted_and_matches_the_spec_example():
    r = run("who-can", "write", "case", "--on", "account:abc-corp", "--format", "json")
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    principals = [p["principal"] for p in doc["principals"]]
    assert principals == sorted(principals, key=lambda ref: (ref.split(":")[0], ref.split(":")[1]))
    allowed = sorted(p["principal"] for p in doc["principals"] if p["decision"] == "allowed")
    assert allowed == ["contact:ann-abc-admin", "contact:carlos-abc-cases"]
    # the partner admin works only the cases GSI Tech handles (partner_account: run time)
    assert {"principal": "contact:peter-robinson", "decision": "conditional"}.items() <= next(
        p for p in doc["principals"] if p["principal"] == "contact:peter-robinson"
    ).items()


def test_what_can_lists_only_non_denied():
    r = run("what-can", "contact:mia-xyz", "--format", "json")
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert doc["access"], "mia reads at least her own account's sold products"
    assert all(a["decision"] in ("allowed", "conditional") for a in doc["access"])
    assert not any(a["target"] == "account:abc-corp" for a in doc["access"])


def test_test_command_reports_each_test():
    r = run("test")
    assert r.returncode == 0
    assert "PASS  GSI Tech's partner admin works the ABC Corp cases GSI Tech handles" in r.stdout


def test_failing_test_exits_1_with_csm600(tmp_path):
    cfg = tmp_path / "cfg"
    shutil.copytree(CONFIGS, cfg)
    (cfg / "zz_failing.yaml").write_text(
        "version: 1\ntests:\n  - name: outsider reads ABC\n    principal: contact:mia-xyz\n"
        "    can: [read]\n    table: case\n    on: account:abc-corp\n",
        encoding="utf-8",
    )
    r = run("test", str(cfg))
    assert r.returncode == 1
    assert "zz_failing.yaml:3:5: error CSM600" in r.stdout
    assert "FAIL  outsider reads ABC" in r.stdout


def test_diff_directories(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(CONFIGS, new)
    contacts = new / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    assert "roles: [partner_admin]" in text
    contacts.write_text(
        text.replace("roles: [partner_admin]", "roles: [partner]", 1), encoding="utf-8"
    )
    same = run("diff", "configs", "configs", "--exit-code")
    assert same.returncode == 0 and same.stdout == ""
    r = run("diff", "configs", str(new), "--exit-code")
    assert r.returncode == 1
    assert "- contact:peter-robinson read contact on account:abc-corp: allowed" in r.stdout
    assert (
        "~ contact:peter-robinson write case on account:gsi-tech: allowed -> conditional"
        in r.stdout
    )
    assert run("diff", "configs", str(new)).returncode == 0  # changes without --exit-code


def test_diff_git_revisions(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(CONFIGS, repo / "configs")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "one"], check=True)
    contacts = repo / "configs" / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace(
            "roles: [partner_admin]", "roles: [partner]", 1
        ),
        encoding="utf-8",
    )
    subprocess.run([*git, "-C", str(repo), "commit", "-qam", "two"], check=True)
    r = run("diff", "HEAD~1", "HEAD", "--git", "--exit-code", "--format", "json", cwd=repo)
    assert r.returncode == 1, r.stderr
    changes = json.loads(r.stdout)["changes"]
    assert {
        "change": "lost",
        "principal": "contact:peter-robinson",
        "level": "read",
        "table": "contact",
        "target": "account:abc-corp",
        "before": "allowed",
        "after": "denied",
    } in changes
    bad = run("diff", "HEAD~1", "no-such-rev", "--git", cwd=repo)
    assert bad.returncode == 2


def test_graph_formats_are_deterministic_and_escaped():
    dot = run("graph", "--format", "dot")
    assert dot.returncode == 0
    assert dot.stdout.startswith("digraph csmconf {")
    assert '"contact:peter-robinson" -> "account:gsi-tech" [label="member of"];' in dot.stdout
    assert dot.stdout == run("graph", "--format", "dot").stdout
    mermaid = run("graph", "--format", "mermaid")
    assert mermaid.stdout.startswith("flowchart LR")
    html = run("graph", "--format", "html")
    assert '<pre class="mermaid">' in html.stdout


def test_compile_check_and_atomic_output(tmp_path):
    out = tmp_path / "gen"
    r = run("compile", "configs", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert (out / "manifest.json").is_file()
    assert run("compile", "configs", "-o", str(out), "--check").returncode == 0
    (out / "acl" / "rules.json").write_text("{}", encoding="utf-8")
    (out / "stray.txt").write_text("x", encoding="utf-8")
    stale = run("compile", "configs", "-o", str(out), "--check")
    assert stale.returncode == 1
    assert "acl/rules.json" in stale.stderr and "stray.txt" in stale.stderr
    # errors: nothing written, old output untouched
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    bad = run("compile", str(TWENTY), "-o", str(out))
    assert bad.returncode == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    # a fresh compile replaces the tree whole: the stray file disappears
    assert run("compile", "configs", "-o", str(out)).returncode == 0
    assert not (out / "stray.txt").exists()


def test_committed_generated_and_schemas_are_current():
    r = run("compile", "configs", "-o", "generated", "--check")
    assert r.returncode == 0, "generated/ is stale; run `make generate`\n" + r.stderr
    s = run("schema", "-o", "schemas", "--check")
    assert s.returncode == 0, "schemas/ is stale; run `make generate`\n" + s.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("csmconf, version ")
    h = run("--help")
    for command in (
        "validate",
        "compile",
        "test",
        "check",
        "who-can",
        "what-can",
        "diff",
        "graph",
        "schema",
    ):
        assert command in h.stdout


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_quiet_validate_prints_nothing_when_clean(fmt):
    r = run("validate", "-q", "--format", fmt)
    assert r.returncode == 0
    if fmt == "text":
        assert r.stdout == ""
    else:
        assert json.loads(r.stdout)["counts"] == {"errors": 0, "warnings": 0}


def test_strict_reports_warnings_as_errors():
    cfg = REPO / "tests" / "cases" / "invalid" / "csm702_unused_role_and_responsibility" / "config"
    plain = json.loads(run("validate", str(cfg), "--format", "json").stdout)
    assert plain["counts"]["errors"] == 0 and plain["counts"]["warnings"] > 0
    strict = run("validate", str(cfg), "--format", "json", "--strict")
    assert strict.returncode == 1
    doc = json.loads(strict.stdout)
    assert doc["counts"] == {"errors": plain["counts"]["warnings"], "warnings": 0}
    assert {d["severity"] for d in doc["diagnostics"]} == {"error"}


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_query_on_invalid_config_reports_in_the_requested_format(fmt):
    r = run(
        "check",
        "contact:ann",
        "read",
        "case",
        "--on",
        "account:abc-corp",
        str(TWENTY.relative_to(REPO)),
        "--format",
        fmt,
    )
    assert r.returncode == 2
    doc = json.loads(r.stdout)
    if fmt == "json":
        assert doc["answered"] is False and doc["counts"]["errors"] == 20
    else:
        assert len(doc["runs"][0]["results"]) == 22


def test_apply_dry_run_creates_no_file(tmp_path):
    db = tmp_path / "new.db"
    r = run("apply", "--db", f"sqlite:///{db}", "--dry-run")
    assert r.returncode == 0
    assert "dry run, nothing changed" in r.stdout
    assert not db.exists()


def test_cli_choices_are_the_languages_tables_and_levels():
    from typing import get_args

    from csmconf import cli
    from csmconf.model import sections

    assert cli.TABLE_CHOICES == get_args(sections.Table)
    assert cli.LEVEL_CHOICES == tuple(
        level for level in get_args(sections.Level) if level != "full"
    )


def test_schema_writes_its_file_and_leaves_others(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert run("schema", "-o", str(tmp_path)).returncode == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert json.loads((tmp_path / "csmconf.schema.json").read_text(encoding="utf-8"))
    assert run("schema", "-o", str(tmp_path), "--check").returncode == 0
