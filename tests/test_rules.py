"""acl/rules.json: one neutral rule per (table, operation, grant kind), whatever the data.

The rules are computed from the configuration's roles, responsibilities and
the language's fixed rules; accounts, contacts, sold products and
relationships are data in the seeded tables that the rules' conditions join
(test_emit_decision_query.py proves the rules give `check`'s decisions).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import CONFIGS, describe
from emit_fixtures.emitkit import HOSTILE, compile_tree, write_hostile_config

from csmconf import vocabulary
from csmconf.emit import render_outputs
from csmconf.emit.rules import PATHS
from csmconf.model import encoded_query
from csmconf.pipeline import compile_config
from csmconf.servicenow_names import RECORD_TABLES


def rules_of(compilation) -> list[dict]:
    return json.loads(render_outputs(compilation)["acl/rules.json"])["rules"]


@pytest.fixture(scope="module")
def example():
    c = compile_config(CONFIGS)
    assert c.errors == 0, describe(c.diagnostics)
    return c


def _copy_with(tmp_path, extra: dict[str, str]):
    root = tmp_path / "cfg"
    shutil.copytree(CONFIGS, root)
    for name, text in extra.items():
        (root / name).write_text(text, encoding="utf-8")
    c = compile_config(root)
    assert c.errors == 0, describe(c.diagnostics)
    return c


def _more_data() -> str:
    """40 accounts (10 of them partners), 80 contacts, 40 partner relationships."""
    lines = ["version: 1", "accounts:"]
    for i in range(40):
        lines.append(f"  - {{id: more-{i:02d}, name: More {i}, partner: {str(i < 10).lower()}}}")
    lines.append("contacts:")
    roles = ["customer", "customer_admin", "customer_case_manager", "partner", "partner_admin"]
    for i in range(80):
        account = i % 40
        pool = roles if account < 10 else roles[:3]
        lines.append(
            f"  - {{id: more-c{i:02d}, name: C {i}, account: more-{account:02d},"
            f" roles: [{pool[i % len(pool)]}]}}"
        )
    lines.append("account_relationships:")
    for i in range(40):
        partner = f"more-{i % 10:02d}" if i < 30 else "gsi-tech"
        lines.append(f"  - {{from: {partner}, to: more-{10 + i % 30:02d}, type: partner_account}}")
    return "\n".join(lines) + "\n"


def test_more_accounts_contacts_and_relationships_add_no_rule(example, tmp_path):
    bigger = _copy_with(tmp_path, {"more.yaml": _more_data()})
    assert len(bigger.config.accounts) == len(example.config.accounts) + 40
    assert len(bigger.config.contacts) == len(example.config.contacts) + 80
    assert (
        len(bigger.config.account_relationships) == len(example.config.account_relationships) + 40
    )
    before = render_outputs(example)["acl/rules.json"]
    after = render_outputs(bigger)["acl/rules.json"]
    assert len(json.loads(after)["rules"]) == len(json.loads(before)["rules"])
    assert after == before  # not one rule, role, condition or place changes
    # ... while the data the rules join did grow
    decisions = sum(
        1
        for p in bigger.config.principals
        for a in bigger.config.accounts.values()
        if bigger.engine.decide(p, "read", "case", a).decision != "denied"
    )
    assert decisions > 80


ROLE_WITH_USED_ENTRY = """\
version: 1
roles:
  - id: second_case_admin
    name: Second Case Admin
    kind: external
    access:
      - {table: case, levels: [full], scope: account}
      - {table: install_base, levels: [read], scope: account, when: "active=true"}
"""


def test_an_entry_with_an_already_used_kind_adds_no_rule(example, tmp_path):
    bigger = _copy_with(tmp_path, {"more_roles.yaml": ROLE_WITH_USED_ENTRY})
    before, after = rules_of(example), rules_of(bigger)
    assert [r["name"] for r in after] == [r["name"] for r in before]
    case_read = next(r for r in after if r["name"] == "case.read role account")
    assert "second_case_admin" in case_read["roles"]
    assert any(p.startswith("more_roles.yaml:") for p in case_read["sources"])


def test_a_new_when_filter_is_a_rule_of_its_own(example, tmp_path):
    text = ROLE_WITH_USED_ENTRY.replace('"active=true"', '"active=true^priority<=2"')
    after = rules_of(_copy_with(tmp_path, {"more_roles.yaml": text}))
    new = sorted({r["name"] for r in after} - {r["name"] for r in rules_of(example)})
    assert new == ["install_base.read role account when active=true^priority<=2"]
    rule = next(r for r in after if r["name"] == new[0])
    assert rule["decision"] == "conditional"
    assert rule["condition"]["when"] == [
        {"field": "active", "operator": "=", "value": "true"},
        {"field": "priority", "operator": "<=", "value": "2"},
    ]
    assert rule["encoded_query"] == "active=true^priority<=2"


def test_rules_json_shape(example):
    files = render_outputs(example)
    rules = json.loads(files["acl/rules.json"])["rules"]
    assert rules
    ids = [r["sys_id"] for r in rules]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    names = [r["name"] for r in rules]
    assert len(set(names)) == len(names)
    kinds = set()
    for r in rules:
        assert r["table"] in vocabulary.TABLES and r["operation"] in vocabulary.LEVELS
        assert r["servicenow_table"] == RECORD_TABLES[r["table"]]
        assert r["grant"]["path"] in PATHS
        assert r["grant"]["scope"] in (*vocabulary.SCOPES, None)
        kinds.add(
            (
                r["table"],
                r["operation"],
                r["grant"]["path"],
                r["grant"]["scope"],
                r["encoded_query"],
            )
        )
        runtime = r["grant"]["scope"] in vocabulary.RUNTIME_SCOPES or r["encoded_query"]
        assert r["decision"] == ("conditional" if runtime else "allowed"), r["name"]
        assert r["sources"], r["name"]
        for place in r["sources"]:
            assert place == "<builtin>" or re.fullmatch(r"[^:]+\.ya?ml:\d+", place), place
        cond = r["condition"]
        assert set(cond) == {"principal", "grant", "record", "when"}
        assert set(cond["principal"]["kinds"]) <= set(vocabulary.PRINCIPAL_KINDS)
        assert cond["principal"]["kinds"] == r["principal_kinds"]
        assert cond["record"].get("all") or cond["record"].get("any")
        if r["grant"]["path"] == "role":
            assert r["roles"] and not r["responsibilities"]
        elif r["grant"]["path"] in ("account_sold_products", "named_contact"):
            assert not r["roles"] and not r["responsibilities"]
        else:
            assert r["responsibilities"] and not r["roles"]
        if r["grant"]["scope"] == "self":
            tests = (
                [t for alt in cond["record"]["any"] for t in alt["all"]]
                if "any" in cond["record"]
                else cond["record"]["all"]
            )
            assert {"field": "contact", "operator": "=", "value": "principal"} in tests
    assert len(kinds) == len(rules)  # one rule per (table, operation, grant kind, when)
    # the language's rules 3 and 4 are always there
    assert {
        "sold_product.read account_sold_products account",
        "install_base.read account_sold_products account",
        "sold_product.read named_contact",
    } <= set(names)
    viewer = [r for r in rules if "install_base_viewer" in r["roles"]]
    assert [r["name"] for r in viewer] == ["install_base.read role account when active=true"]
    assert viewer[0]["condition"]["when"] == [{"field": "active", "operator": "=", "value": "true"}]
    assert any(p.startswith("roles.yaml:") for p in viewer[0]["sources"])
    # one rule per line of the file: a rule's change is one line of a diff
    lines = files["acl/rules.json"].decode().splitlines()
    assert sum(1 for line in lines if line.lstrip().startswith('{"condition"')) == len(rules)


def test_when_filters_are_structured_terms_never_spliced_text(tmp_path):
    c = compile_tree(write_hostile_config(tmp_path / "cfg"))
    assert c.errors == 0, describe(c.diagnostics)
    rules = rules_of(c)
    for raw in (HOSTILE["role_when"], HOSTILE["resp_when"]):
        carrying = [r for r in rules if r["encoded_query"] == encoded_query.parse(raw).encoded()]
        assert carrying, raw
        for r in carrying:
            assert r["condition"]["when"] == encoded_query.parse(raw).to_list()
            assert r["decision"] == "conditional"
            # the filter's text is nowhere in the record tests
            assert raw not in json.dumps(r["condition"]["record"], ensure_ascii=False)


def test_rules_do_not_depend_on_the_engine():
    """Rules come from the configuration alone: an empty one has the language's fixed rules
    and one rule per (table, level, scope) of each built-in entry."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        c = compile_config(Path(tmp))
    names = [r["name"] for r in rules_of(c)]
    assert "sold_product.read named_contact" in names
    assert "case.read role partner_account" in names
    assert "case.read account_related_party holder_cases" in names  # authorized_account
