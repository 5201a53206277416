"""The SQL query of docs/database.md answers the same decisions as `csmconf check`.

The query is taken from the document itself, run in SQLite over the seeded
tables, and compared with `engine.decide` for every principal x level x
table x target (denied = not listed by the query).
"""

from __future__ import annotations

import re
import sqlite3

from conftest import CONFIGS, DOCS, describe, write_tree
from emit_fixtures.emitkit import compile_tree, write_hostile_config

from csmconf.emit.rows import build_model
from csmconf.emit.sql import render_schema, render_seed
from csmconf.emit.sql_quote import dialect
from csmconf.graph import LEVELS, TABLES


def decision_query() -> str:
    text = (DOCS / "database.md").read_text(encoding="utf-8")
    m = re.search(
        r"<!-- decision-query:start -->\s*```sql\n(.*?)```\s*<!-- decision-query:end -->",
        text,
        re.DOTALL,
    )
    assert m, "docs/database.md must hold the decision query between its markers"
    return m.group(1)


def query_decisions(compilation, tmp_path) -> dict[tuple, str]:
    model = build_model(compilation.config, compilation.engine)
    q = dialect("sqlite")
    conn = sqlite3.connect(tmp_path / "decide.db", isolation_level=None)
    conn.executescript(render_schema(q, model))
    conn.executescript(render_seed(q, model))
    out = {}
    for principal, level, table, target, decision in conn.execute(decision_query()):
        key = (principal, level, table, target)
        assert key not in out, f"the query lists {key} twice"
        out[key] = decision
    return out


def engine_decisions(compilation) -> dict[tuple, str]:
    engine = compilation.engine
    config = compilation.config
    out = {}
    targets = [*config.accounts.values(), *config.sold_products.values()]
    for p in config.principals:
        for target in targets:
            for table in TABLES:
                for level in LEVELS:
                    d = engine.decide(p, level, table, target)
                    if d.decision != "denied":
                        out[(d.principal, level, table, d.target)] = d.decision
    return out


def _compare(compilation, tmp_path):
    got = query_decisions(compilation, tmp_path)
    want = engine_decisions(compilation)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    differ = sorted(k for k in set(got) & set(want) if got[k] != want[k])
    assert not missing and not extra and not differ, (
        f"query vs engine: missing {missing[:10]}, extra {extra[:10]}, "
        f"different {[(k, got[k], want[k]) for k in differ[:10]]}"
    )
    return got


def test_query_matches_check_on_the_example(tmp_path):
    from csmconf.pipeline import compile_config

    c = compile_config(CONFIGS)
    assert c.errors == 0, describe(c.diagnostics)
    got = _compare(c, tmp_path)
    assert len(got) == 168  # tests/decisions/configs_decisions.csv


def test_query_matches_check_on_the_hostile_config(tmp_path):
    c = compile_tree(write_hostile_config(tmp_path / "cfg"))
    assert c.errors == 0, describe(c.diagnostics)
    assert _compare(c, tmp_path)


SMALL = {
    "a.yaml": """\
        version: 1
        accounts:
          - {id: hq, name: HQ, partner: true}
          - {id: east, name: East, parent: hq}
          - {id: east-1, name: East 1, parent: east}
          - {id: closed, name: Closed, parent: hq, active: false}
          - {id: below-closed, name: Below, parent: closed}
          - {id: cust-a, name: Customer A}
          - {id: cust-b, name: Customer B, restrict_contact_access: true}
          - {id: cust-a-kid, name: A kid, parent: cust-a}
        account_relationships:
          - {from: hq, to: cust-a, type: partner_account}
          - {from: hq, to: cust-b, type: partner_account}
        contacts:
          - {id: boss, account: hq, roles: [partner_admin]}
          - {id: eng, account: hq, roles: [partner]}
          - {id: east-admin, account: east, roles: [customer_admin]}
          - {id: a-user, account: cust-a, roles: [customer]}
          - {id: b-user, account: cust-b, roles: [customer]}
          - {id: gone, account: cust-a, roles: [customer_admin], active: false}
          - {id: kid-user, account: cust-a-kid, roles: [customer]}
        contact_relationships:
          - {contact: kid-user, account: cust-a, responsibility: authorized_representative}
        users:
          - {id: agent, roles: [relationship_agent]}
        team_members:
          - {user: agent, account: east, responsibility: account_manager}
        sold_products:
          - {id: sp-a, name: SP A, account: cust-a, contact: a-user}
          - {id: sp-b, name: SP B, account: cust-b, contact: b-user}
          - {id: sp-kid, name: SP kid, account: cust-a-kid,
             related_parties: [{party: "account:cust-a", type: tracker}]}
        related_party_configs:
          - {id: tracker, name: Tracker, applies_to: sold_product, entity_type: account,
             default_responsibility: authorized_account}
        """,
}


def test_query_matches_check_on_hierarchy_partners_and_restrictions(tmp_path):
    from csmconf.pipeline import compile_config

    root = write_tree(tmp_path / "small", SMALL)
    c = compile_config(root)
    assert c.errors == 0, describe(c.diagnostics)
    assert _compare(c, tmp_path)
