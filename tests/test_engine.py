"""Targeted semantic tests of access decisions, on small inline configurations."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONFIGS, describe

LEVELS = ("read", "write", "create")
TABLES = ("case", "sold_product", "account", "contact", "install_base")


def decide(c, principal: str, level: str, table: str, target: str) -> str:
    cfg = c.config
    p, t = cfg.lookup(principal), cfg.lookup(target)
    assert p is not None, principal
    assert t is not None, target
    return c.engine.decide(p, level, table, t).decision


def access_map(c) -> dict[tuple, str]:
    out = {}
    for p in c.config.principals:
        for d in c.engine.what_can(p):
            out[(d.principal, d.level, d.table, d.target)] = d.decision
    return out


def assert_clean(c):
    assert not [d for d in c.diagnostics if d.is_error], describe(c.diagnostics)


# -- inactive principals ---------------------------------------------------------------------

INACTIVE = {
    "a.yaml": """\
        version: 1
        accounts:
          - id: acme
            name: Acme
          - id: closed
            name: Closed
            active: false
        contacts:
          - id: alive
            name: Alive
            account: acme
            roles: [customer_admin]
          - id: gone
            name: Gone
            account: acme
            roles: [customer_admin]
            active: false
          - id: orphan
            name: Orphan
            account: closed
            roles: [customer_admin]
        consumers:
          - id: con-gone
            name: Consumer Gone
            active: false
        users:
          - id: agent-gone
            name: Agent Gone
            roles: [relationship_agent]
            active: false
        team_members:
          - user: agent-gone
            account: acme
            responsibility: account_manager
        sold_products:
          - id: widget
            name: Widget
            account: acme
            contact: gone
    """
}


def test_inactive_principal_has_no_access(make_config):
    c = make_config(INACTIVE)
    assert_clean(c)
    assert decide(c, "contact:alive", "read", "case", "account:acme") == "allowed"
    for p in ("contact:gone", "contact:orphan", "consumer:con-gone", "user:agent-gone"):
        assert c.engine.what_can(c.config.lookup(p)) == [], p
    assert decide(c, "contact:gone", "read", "sold_product", "sold_product:widget") == "denied"
    assert decide(c, "user:agent-gone", "read", "account", "account:acme") == "denied"


def test_inactive_account_records_reached_by_nobody(make_config):
    c = make_config(INACTIVE)
    for p in c.config.principals:
        for level in LEVELS:
            for table in TABLES:
                assert decide(c, p.ref, level, table, "account:closed") == "denied"


# -- restrict_contact_access -----------------------------------------------------------------

RESTRICT = """\
    version: 1
    accounts:
      - id: orion
        name: Orion
        restrict_contact_access: {flag}
      - id: orion-sub
        name: Orion Sub
        parent: orion
    contacts:
      - id: boss
        name: Boss
        account: orion
        roles: [customer_admin]
      - id: named
        name: Named
        account: orion
        roles: [customer]
      - id: plain
        name: Plain
        account: orion
    sold_products:
      - id: lease
        name: Lease
        account: orion
        contact: named
"""


def test_restrict_contact_access_removes_only_the_blanket_read(make_config):
    open_ = make_config({"a.yaml": RESTRICT.format(flag="false")})
    closed = make_config({"a.yaml": RESTRICT.format(flag="true")})
    assert_clean(open_)
    assert_clean(closed)
    before, after = access_map(open_), access_map(closed)
    rank = {"denied": 0, "conditional": 1, "allowed": 2}
    gained = {k: v for k, v in after.items() if rank[v] > rank[before.get(k, "denied")]}
    assert not gained, f"restriction gave access: {gained}"
    lost = {k for k in before if after.get(k) != before[k]}
    blanket = {
        (p, "read", "sold_product", t)
        for p in ("contact:boss", "contact:named", "contact:plain")
        for t in ("account:orion", "sold_product:lease")
    }
    # the named contact keeps its own sold product (rule 4), conditional on the owner
    expected_lost = blanket - {("contact:named", "read", "sold_product", "sold_product:lease")}
    assert lost == expected_lost, sorted(lost)
    assert after[("contact:named", "read", "sold_product", "sold_product:lease")] == "allowed"
    assert after[("contact:named", "read", "sold_product", "account:orion")] == "conditional"
    # the admin still runs the tree's cases and contacts
    assert after[("contact:boss", "write", "case", "account:orion-sub")] == "allowed"
    assert after[("contact:boss", "read", "case", "sold_product:lease")] == "allowed"
    assert after[("contact:boss", "write", "contact", "account:orion")] == "allowed"


# -- partner_customers is one hop ------------------------------------------------------------

PARTNER = {
    "a.yaml": """\
        version: 1
        accounts:
          - id: gsi
            name: GSI
            partner: true
          - id: abc
            name: ABC
            partner: true
          - id: abc-child
            name: ABC Child
            parent: abc
          - id: far
            name: Far
        account_relationships:
          - from: gsi
            to: abc
            type: partner_account
          - from: abc
            to: far
            type: partner_account
        contacts:
          - id: peter
            name: Peter
            account: gsi
            roles: [partner_admin]
          - id: priya
            name: Priya
            account: gsi
            roles: [partner]
    """
}


def test_partner_customers_is_one_hop(make_config):
    c = make_config(PARTNER)
    assert_clean(c)
    for level in LEVELS:
        assert decide(c, "contact:peter", level, "case", "account:abc") == "allowed"
        assert decide(c, "contact:peter", level, "case", "account:gsi") == "allowed"
        # not the descendants of the partner customer, not a second hop
        assert decide(c, "contact:peter", level, "case", "account:abc-child") == "denied"
        assert decide(c, "contact:peter", level, "case", "account:far") == "denied"
    assert decide(c, "contact:peter", "write", "contact", "account:abc") == "allowed"
    assert decide(c, "contact:peter", "create", "contact", "account:abc") == "denied"
    # partner_contact: run time, on the partner customers only
    assert decide(c, "contact:priya", "read", "case", "account:abc") == "conditional"
    assert decide(c, "contact:priya", "read", "case", "account:abc-child") == "denied"
    assert decide(c, "contact:priya", "read", "case", "account:far") == "denied"


def test_inactive_relationship_type_carries_nothing(make_config):
    files = {
        "a.yaml": """\
            version: 1
            accounts:
              - id: gsi
                name: GSI
                partner: true
              - id: abc
                name: ABC
            relationship_types:
              - id: old_partner
                name: Old partner
                from: partner
                to: account
                partner_access: true
                active: false
            contacts:
              - id: peter
                name: Peter
                account: gsi
                roles: [partner_admin]
        """
    }
    c = make_config(files)
    assert decide(c, "contact:peter", "read", "case", "account:abc") == "denied"


# -- `when` filters ---------------------------------------------------------------------------

WHEN = {
    "a.yaml": """\
        version: 1
        accounts:
          - id: acme
            name: Acme
          - id: acme-sub
            name: Acme Sub
            parent: acme
        roles:
          - id: ib_viewer
            name: IB viewer
            kind: external
            access:
              - table: install_base
                levels: [read]
                scope: account
                when: "active=true"
              - table: case
                levels: [read]
                scope: account_tree
                when: "priority=1"
              - table: account
                levels: [read]
                scope: account
        responsibilities:
          - id: filtered
            name: Filtered
            type: [contact]
            access:
              - table: case
                levels: [write]
                scope: holder
                when: "state=open"
              - table: case
                levels: [read]
                scope: holder
        contacts:
          - id: otto
            name: Otto
            account: acme
            roles: [ib_viewer]
        contact_relationships:
          - contact: otto
            account: acme-sub
            responsibility: filtered
    """
}


def test_when_filter_makes_conditional(make_config):
    c = make_config(WHEN)
    assert_clean(c)
    assert decide(c, "contact:otto", "read", "install_base", "account:acme") == "conditional"
    assert decide(c, "contact:otto", "read", "case", "account:acme") == "conditional"
    assert (
        decide(c, "contact:otto", "read", "case", "account:acme-sub") == "allowed"
    )  # unfiltered entry
    assert decide(c, "contact:otto", "write", "case", "account:acme-sub") == "conditional"
    assert decide(c, "contact:otto", "read", "account", "account:acme") == "allowed"
    assert decide(c, "contact:otto", "read", "install_base", "account:acme-sub") == "denied"


# -- roles_required -------------------------------------------------------------------------

REQUIRED = """\
    version: 1
    accounts:
      - id: home
        name: Home
      - id: branch
        name: Branch
        parent: home
    responsibilities:
      - id: inner
        name: Inner
        type: [contact]
        roles_required: [case_write_granular]
        access:
          - table: case
            levels: [write]
            scope: holder
      - id: outer
        name: Outer
        type: [contact]
        includes: [inner]
        access:
          - table: case
            levels: [read]
            scope: holder
      - id: gated
        name: Gated
        type: [contact]
        roles_required: [case_read_granular]
        access:
          - table: contact
            levels: [read]
            scope: holder
    contacts:
      - id: cara
        name: Cara
        account: home
        roles: {roles}
    contact_relationships:
      - contact: cara
        account: branch
        responsibility: outer
    settings:
      one_responsibility_per_contact_and_account: false
"""


def test_roles_required_of_an_included_responsibility(make_config):
    without = make_config({"a.yaml": REQUIRED.format(roles="[]")})
    # holding `outer` without the roles `inner` requires is CSM507 at the holding row
    assert {d.code for d in without.diagnostics if d.is_error} == {"CSM507"}, describe(
        without.diagnostics
    )
    assert decide(without, "contact:cara", "read", "case", "account:branch") == "allowed"
    assert decide(without, "contact:cara", "write", "case", "account:branch") == "denied"

    with_role = make_config({"a.yaml": REQUIRED.format(roles="[case_write_granular]")})
    assert_clean(with_role)
    assert decide(with_role, "contact:cara", "read", "case", "account:branch") == "allowed"
    assert decide(with_role, "contact:cara", "write", "case", "account:branch") == "allowed"


def test_roles_required_gates_own_entries(make_config):
    text = REQUIRED.format(roles="{roles}").replace(
        "        responsibility: outer\n", "        responsibility: gated\n"
    )
    without = make_config({"a.yaml": text.format(roles="[customer]")})
    assert {d.code for d in without.diagnostics if d.is_error} == {"CSM507"}, describe(
        without.diagnostics
    )
    assert decide(without, "contact:cara", "read", "contact", "account:branch") == "denied"
    with_role = make_config({"a.yaml": text.format(roles="[case_read_granular]")})
    assert_clean(with_role)
    assert decide(with_role, "contact:cara", "read", "contact", "account:branch") == "allowed"
    # containment counts: case_write_granular contains create, which contains read
    contained = make_config({"a.yaml": text.format(roles="[case_write_granular]")})
    assert_clean(contained)
    assert decide(contained, "contact:cara", "read", "contact", "account:branch") == "allowed"


# -- authorized_account -----------------------------------------------------------------------

AUTHORIZED = {
    "a.yaml": """\
        version: 1
        accounts:
          - id: owner
            name: Owner
            restrict_contact_access: true
          - id: dept
            name: Dept
            parent: owner
          - id: stranger
            name: Stranger
        contacts:
          - id: d1
            name: D1
            account: dept
          - id: d2
            name: D2
            account: dept
          - id: s1
            name: S1
            account: stranger
          - id: o1
            name: O1
            account: owner
        related_party_configs:
          - id: tracking
            name: Tracking department
            applies_to: sold_product
            entity_type: account
            default_responsibility: authorized_account
        sold_products:
          - id: lease
            name: Lease
            account: owner
            related_parties:
              - party: account:dept
                type: tracking
          - id: other
            name: Other
            account: owner
    """
}


def test_authorized_account_gives_every_contact_access(make_config):
    c = make_config(AUTHORIZED)
    assert_clean(c)
    for p in ("contact:d1", "contact:d2"):
        assert decide(c, p, "read", "sold_product", "sold_product:lease") == "allowed"
        assert decide(c, p, "read", "case", "sold_product:lease") == "allowed"
        assert decide(c, p, "write", "case", "sold_product:lease") == "allowed"
        assert decide(c, p, "create", "case", "sold_product:lease") == "denied"
        assert decide(c, p, "read", "case", "account:owner") == "conditional"
        assert decide(c, p, "read", "sold_product", "account:owner") == "conditional"
        assert decide(c, p, "read", "sold_product", "sold_product:other") == "denied"
        assert decide(c, p, "read", "case", "sold_product:other") == "denied"
    for p in ("contact:s1", "contact:o1"):
        assert decide(c, p, "read", "sold_product", "sold_product:lease") == "denied"
        assert decide(c, p, "read", "case", "sold_product:lease") == "denied"


def test_holder_on_account_is_that_account_only(make_config):
    files = {
        "a.yaml": """\
            version: 1
            accounts:
              - id: top
                name: Top
              - id: kid
                name: Kid
                parent: top
            users:
              - id: rita
                name: Rita
                roles: [relationship_agent]
            team_members:
              - user: rita
                account: top
                responsibility: account_manager
            sold_products:
              - id: sp
                name: SP
                account: top
        """
    }
    c = make_config(files)
    assert_clean(c)
    assert decide(c, "user:rita", "write", "case", "account:top") == "allowed"
    assert decide(c, "user:rita", "read", "account", "account:top") == "allowed"
    assert decide(c, "user:rita", "write", "case", "sold_product:sp") == "allowed"
    assert decide(c, "user:rita", "read", "case", "account:kid") == "denied"
    assert decide(c, "user:rita", "create", "case", "account:top") == "denied"
    assert decide(c, "user:rita", "read", "sold_product", "sold_product:sp") == "denied"


def test_consumer_self_reaches_no_target(make_config):
    files = {
        "a.yaml": """\
            version: 1
            accounts:
              - id: top
                name: Top
            consumers:
              - id: cat
                name: Cat
            sold_products:
              - id: sp
                name: SP
                account: top
        """
    }
    c = make_config(files)
    assert_clean(c)
    assert c.engine.what_can(c.config.lookup("consumer:cat")) == []


# -- explain ----------------------------------------------------------------------------------


def _line_of(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_explain_partner_admin_path(example_compilation):
    c = example_compilation
    cfg = c.config
    d = c.engine.decide(
        cfg.lookup("contact:peter-robinson"),
        "write",
        "case",
        cfg.lookup("account:abc-corp"),
        explain=True,
    )
    assert d.decision == "allowed"
    assert d.paths, "explain gave no path"
    found = None
    for grant, hops in zip(d.grants, d.paths):
        edges = {(h.source, h.target): h for h in hops}
        if (
            ("contact:peter-robinson", "account:gsi-tech") in edges
            and ("account:gsi-tech", "account:abc-corp") in edges
            and any(h.target == "role:partner_admin" for h in hops)
        ):
            found = (grant, hops, edges)
            break
    assert found, (
        "no path peter-robinson -> gsi-tech -> abc-corp through partner_admin:\n"
        + "\n".join(
            "; ".join(f"{h.source} -[{h.label}]-> {h.target} @{h.place}" for h in hops)
            for hops in d.paths
        )
    )
    grant, hops, edges = found
    member = edges[("contact:peter-robinson", "account:gsi-tech")]
    assert "member" in member.label
    partner = edges[("account:gsi-tech", "account:abc-corp")]
    assert "partner_account" in partner.label
    role_hop = next(h for h in hops if h.target == "role:partner_admin")
    assert grant.level == "write" and grant.table == "case"

    # every hop declared in a file points at a real line of that file
    for h in hops:
        if h.place.is_builtin:
            continue
        path = CONFIGS / h.place.file
        assert path.is_file(), h
        assert h.place.line >= 1 and h.place.column >= 1, h
        assert len(path.read_text(encoding="utf-8").splitlines()) >= h.place.line, h
    for h in (member, partner, role_hop):
        assert not h.place.is_builtin and h.place.line > 0, h
    assert "gsi-tech" in _line_of(CONFIGS / member.place.file, member.place.line)
    assert "partner_admin" in _line_of(CONFIGS / role_hop.place.file, role_hop.place.line)
    partner_row = (
        (CONFIGS / partner.place.file)
        .read_text(encoding="utf-8")
        .splitlines()[partner.place.line - 1 : partner.place.line + 2]
    )
    assert any("gsi-tech" in s for s in partner_row) and any(
        "abc-corp" in s for s in partner_row
    ), partner_row


@pytest.mark.parametrize(
    "principal,level,table,target",
    [
        ("contact:ann-abc-admin", "read", "case", "account:abc-germany"),
        ("contact:eva-abc-europe", "write", "case", "account:abc-germany"),
        ("contact:fiona-orion-finance", "write", "case", "sold_product:orion-fleet-lease"),
        ("consumer:ravi-patel", "read", "sold_product", "sold_product:housing-loan-hill-2024"),
        ("user:rita-agent", "read", "account", "account:orion-industries"),
    ],
)
def test_explain_paths_have_real_places(example_compilation, principal, level, table, target):
    c = example_compilation
    cfg = c.config
    d = c.engine.decide(cfg.lookup(principal), level, table, cfg.lookup(target), explain=True)
    assert d.decision != "denied"
    assert d.paths and all(d.paths)
    for hops in d.paths:
        assert hops[0].source == principal
        for h in hops:
            if h.place.is_builtin:
                continue
            path = CONFIGS / h.place.file
            assert path.is_file(), h
            assert 1 <= h.place.line <= len(path.read_text(encoding="utf-8").splitlines()), h
