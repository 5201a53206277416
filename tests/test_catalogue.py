"""The built-in catalogue is LANGUAGE.md's *roles* table, and every role has a ServiceNow name."""

from __future__ import annotations

from conftest import write_tree

from csmconf import servicenow_names
from csmconf.pipeline import compile_config
from csmconf.resolve.builtins import builtin_responsibilities, builtin_roles

FULL = ("read", "write", "create")

# LANGUAGE.md, *roles*: id -> (kind, contains, [(table, levels, scope)])
SPEC_ROLES = {
    "customer": ("external", (), [("case", FULL, "self")]),
    "customer_admin": (
        "external",
        ("customer",),
        [("case", FULL, "account"), ("contact", ("read", "write"), "account")],
    ),
    "customer_case_manager": ("external", ("customer",), [("case", FULL, "account_tree")]),
    "partner": (
        "external",
        ("customer",),
        [("case", FULL, "self"), ("case", FULL, "partner_contact")],
    ),
    "partner_admin": (
        "external",
        ("partner", "customer_admin"),
        [("case", FULL, "partner_account"), ("contact", ("read", "write"), "partner_customers")],
    ),
    "consumer": ("external", (), [("case", FULL, "self")]),
    "relationship_agent": ("internal", (), []),
    "case_read_granular": ("either", (), []),
    "case_create_granular": ("either", ("case_read_granular",), []),
    "case_write_granular": ("either", ("case_create_granular",), []),
    "sold_product_read_granular": ("either", (), []),
}


def test_builtin_roles_are_the_spec_table():
    roles = builtin_roles()
    assert set(roles) == set(SPEC_ROLES)
    assert "sold_product_write_granular" not in roles
    for rid, (kind, contains, access) in SPEC_ROLES.items():
        role = roles[rid]
        assert role.role_kind == kind, rid
        assert tuple(r.id for r in role.contains) == contains, rid
        got = [(e.table, tuple(e.levels), e.scope) for e in role.access]
        assert got == access, rid
        assert role.servicenow_name == servicenow_names.BUILTIN_ROLE_NAMES[rid]
        assert role.servicenow_name.startswith(("sn_customerservice.", "sn_install_base."))


def test_builtin_responsibilities_are_the_spec_table():
    resp = builtin_responsibilities()
    rep = [
        ("case", ("read", "write"), "holder"),
        ("sold_product", ("read",), "holder"),
        ("case", ("read", "write"), "holder_cases"),
    ]
    spec = {
        "authorized_representative": (("contact", "consumer"), rep),
        "authorized_account": (("account",), rep),
        "account_manager": (
            ("user",),
            [("case", ("read", "write"), "holder"), ("account", ("read",), "holder")],
        ),
    }
    assert set(resp) == set(spec)
    for rid, (types, access) in spec.items():
        r = resp[rid]
        assert r.holder_types == types and not r.unique and not r.roles_required
        assert [(e.table, tuple(e.levels), e.scope) for e in r.access] == access


def test_declared_roles_get_their_servicenow_name(tmp_path):
    root = write_tree(
        tmp_path / "cfg",
        {
            "a.yaml": """\
                version: 1
                roles:
                  - id: site.manager-eu
                    kind: external
                  - id: auditor
                    kind: internal
                    servicenow_name: x_acme_csm.auditor
                  - id: bad
                    kind: external
                    servicenow_name: sn_bad
            """
        },
    )
    c = compile_config(root)
    assert c.config.roles["site.manager-eu"].servicenow_name == "u_site_manager_eu"
    assert c.config.roles["auditor"].servicenow_name == "x_acme_csm.auditor"
    # a reserved name is CSM202 and the role keeps its default for the later stages
    assert [d.code for d in c.diagnostics if d.is_error] == ["CSM202"]
    assert c.config.roles["bad"].servicenow_name == "u_bad"


def test_an_entry_with_partner_account_off_case_grants_nothing(tmp_path):
    root = write_tree(
        tmp_path / "cfg",
        {
            "a.yaml": """\
                version: 1
                accounts:
                  - id: gsi
                    name: GSI
                    partner: true
                  - id: abc
                    name: ABC
                account_relationships:
                  - from: gsi
                    to: abc
                    type: partner_account
                roles:
                  - id: odd
                    kind: external
                    access:
                      - table: contact
                        levels: [read]
                        scope: partner_account
                      - table: case
                        levels: [read]
                        scope: partner_account
                contacts:
                  - id: p
                    account: gsi
                    roles: [odd]
            """
        },
    )
    c = compile_config(root)
    assert [d.code for d in c.diagnostics if d.is_error] == ["CSM202"]
    p, abc = c.config.lookup("contact:p"), c.config.lookup("account:abc")
    assert c.engine.decide(p, "read", "contact", abc).decision == "denied"
    assert c.engine.decide(p, "read", "case", abc).decision == "conditional"
