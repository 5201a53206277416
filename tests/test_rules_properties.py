"""Property: on generated configurations the neutral rules, evaluated in SQL, are `check`.

Hypothesis builds small configurations mixing every grant path: account
forests with partner relationships and inactive accounts, contacts with
built-in and declared roles (declared entries of every scope, some with a
`when`), responsibilities with `includes` and `roles_required`, contact
relationships, team members, consumers, sold products with named contacts and
related parties (contacts, consumers, users and accounts). Each one is
compiled, seeded into SQLite, and docs/database.md's decision query over the
seeded rules must list exactly `engine.decide`'s non-denied decisions; its
record query, on probe records of every target, must give rule by rule what
the engine's grants of that rule's kind give.
SQLite only, a bounded number of small examples (PostgreSQL and MariaDB run
the same query in test_emit_decision_query.py).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_emit_decision_query import (
    assert_same,
    engine_decisions,
    engine_rule_decisions,
    record_decisions,
    sqlite_decisions,
)
from test_properties import forests

from csmconf import vocabulary
from csmconf.pipeline import compile_config

COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}


@st.composite
def entries(draw, holder_scopes: bool):
    scopes = vocabulary.SCOPES if holder_scopes else vocabulary.ROLE_SCOPES
    out = []
    for _ in range(draw(st.integers(1, 3))):
        table = draw(st.sampled_from(vocabulary.TABLES))
        scope = draw(st.sampled_from(scopes))
        if scope == "partner_account":
            table = "case"
        entry = {
            "table": table,
            "levels": draw(
                st.lists(
                    st.sampled_from(vocabulary.LEVEL_WORDS), min_size=1, max_size=2, unique=True
                )
            ),
            "scope": scope,
        }
        if draw(st.integers(0, 3)) == 0:
            entry["when"] = "active=true"
        out.append(entry)
    return out


@st.composite
def configurations(draw):
    n, parents, active, partner, rels = draw(forests(min_n=2, max_n=6))
    acc = [f"a{i}" for i in range(n)]
    accounts = []
    for i in range(n):
        a = {"id": acc[i], "name": f"A{i}"}
        if parents[i] is not None:
            a["parent"] = acc[parents[i]]
        if partner[i]:
            a["partner"] = True
        if not active[i]:
            a["active"] = False
        if draw(st.integers(0, 3)) == 0:
            a["restrict_contact_access"] = True
        accounts.append(a)
    roles = [
        {
            "id": "dr",
            "name": "Declared",
            "kind": "external",
            "contains": draw(st.lists(st.sampled_from(["customer", "consumer"]), max_size=1)),
            "access": draw(entries(False)),
        }
    ]
    resps = [
        {
            "id": "base",
            "name": "Base",
            "type": ["contact", "consumer", "user", "account"],
            "access": draw(entries(True)),
        },
        {
            "id": "gated",
            "name": "Gated",
            "type": ["contact", "consumer", "user", "account"],
            "roles_required": ["case_read_granular"],
            "includes": ["base"],
            "access": draw(entries(True)),
        },
        {
            "id": "outer",
            "name": "Outer",
            "type": ["contact", "consumer", "user", "account"],
            "includes": ["gated"],
            "access": draw(entries(True)),
        },
    ]
    contacts = []
    for k in range(draw(st.integers(1, 6))):
        home = draw(st.integers(0, n - 1))
        pool = ["customer", "customer_admin", "customer_case_manager", "case_read_granular", "dr"]
        if partner[home]:
            pool += ["partner", "partner_admin"]
        c = {
            "id": f"c{k}",
            "name": f"C{k}",
            "account": acc[home],
            "roles": draw(st.lists(st.sampled_from(pool), max_size=3, unique=True)),
        }
        if draw(st.integers(0, 5)) == 0:
            c["active"] = False
        contacts.append(c)
    gated_ok = {c["id"] for c in contacts if "case_read_granular" in c["roles"]}

    def resp_for(holder_ok: bool):
        return draw(st.sampled_from(["base", "outer", "gated"] if holder_ok else ["base"]))

    contact_rels = []
    for c in contacts:
        if draw(st.booleans()):
            to = acc[draw(st.integers(0, n - 1))]
            if to != c["account"]:
                contact_rels.append(
                    {
                        "contact": c["id"],
                        "account": to,
                        "responsibility": resp_for(c["id"] in gated_ok),
                    }
                )
    consumers = [
        {
            "id": "k0",
            "name": "K0",
            "roles": draw(
                st.lists(
                    st.sampled_from(["consumer", "dr", "case_read_granular"]),
                    min_size=1,
                    max_size=2,
                    unique=True,
                )
            ),
        }
    ]
    users = [{"id": "u0", "name": "U0", "roles": ["relationship_agent", "case_read_granular"]}]
    team = [
        {
            "user": "u0",
            "account": acc[i],
            "responsibility": draw(st.sampled_from(["account_manager", "outer"])),
        }
        for i in sorted(set(draw(st.lists(st.integers(0, n - 1), max_size=2))))
    ]
    configs = [
        {
            "id": f"t-{kind}",
            "name": f"T {kind}",
            "applies_to": "sold_product",
            "entity_type": kind,
            "default_responsibility": "base",
            "allowed_responsibilities": ["base", "outer", "gated"]
            + (["authorized_account"] if kind == "account" else []),
        }
        for kind in ("contact", "consumer", "user", "account")
    ]
    sold = []
    for s in range(draw(st.integers(0, 3))):
        owner = draw(st.integers(0, n - 1))
        sp = {"id": f"s{s}", "name": f"S{s}", "account": acc[owner]}
        own_contacts = [c["id"] for c in contacts if c["account"] == acc[owner]]
        if own_contacts and draw(st.booleans()):
            sp["contact"] = draw(st.sampled_from(own_contacts))
        parties = []
        for kind in draw(
            st.lists(
                st.sampled_from(["contact", "consumer", "user", "account"]), max_size=3, unique=True
            )
        ):
            if kind == "contact":
                party = draw(st.sampled_from([c["id"] for c in contacts]))
                ok = party in gated_ok
            elif kind == "consumer":
                party, ok = "k0", "case_read_granular" in consumers[0]["roles"]
            elif kind == "user":
                party, ok = "u0", True
            else:
                party, ok = acc[draw(st.integers(0, n - 1))], True  # judged per contact
            resp = (
                draw(
                    st.sampled_from(
                        ["base", "outer", "gated"]
                        + (["authorized_account"] if kind == "account" else [])
                    )
                )
                if ok
                else "base"
            )
            parties.append(
                {"party": f"{kind}:{party}", "type": f"t-{kind}", "responsibility": resp}
            )
        if parties:
            sp["related_parties"] = parties
        sold.append(sp)
    doc = {
        "version": 1,
        "settings": {
            "restrict_contact_relationships_to_hierarchy": False,
            "one_responsibility_per_contact_and_account": False,
        },
        "accounts": accounts,
        "account_relationships": [
            {"from": acc[a], "to": acc[b], "type": "partner_account"} for a, b in rels
        ],
        "roles": roles,
        "responsibilities": resps,
        "contacts": contacts,
        "contact_relationships": contact_rels,
        "consumers": consumers,
        "users": users,
        "team_members": team,
        "related_party_configs": configs,
        "sold_products": sold,
    }
    return json.dumps(doc, indent=1)


@settings(max_examples=60, **COMMON)
@given(text=configurations())
def test_rules_in_sql_equal_check_on_generated_configurations(text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "cfg"
        root.mkdir()
        (root / "c.yaml").write_text(text, encoding="utf-8")
        c = compile_config(root)
    assume(c.errors == 0)
    assert_same(sqlite_decisions(c), engine_decisions(c))
    # the record query, rule by rule, on probe records of every target
    assert_same(record_decisions(c), engine_rule_decisions(c))
