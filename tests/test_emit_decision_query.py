"""The neutral rules, evaluated by the SQL of docs/database.md, give exactly `csmconf check`'s answers.

The SQL is taken from the document itself (the `rule-grants` WITH block and
the SELECT after it), run over the seeded tables of the configuration, whose
`csm_acl_rule` rows are the rules of `acl/rules.json`, and compared with
`engine.decide` for every principal x level x table x target (denied = not
listed). On SQLite always; on PostgreSQL and MariaDB under CI=true (where a
server that is down fails the test, see dbservers.py).

The record query (one rule, one principal, one record) is checked against
the same decisions by LANGUAGE.md's definition: probe records of a target
(every combination of the run-time fields), a decision is `allowed` when one
rule that is not run-time grants all of them, `conditional` when some rule
grants some of them, `denied` otherwise; and rule by rule, against what the
engine's grants of the rule's kind give on each target.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3

import pytest
from conftest import CONFIGS, DOCS, describe, write_tree
from dbservers import mariadb_database, mysql_run_script, postgres_schema
from emit_fixtures.emitkit import compile_tree, write_hostile_config

from csmconf.emit import render_outputs
from csmconf.emit.rows import build_model
from csmconf.emit.sql import render_schema, render_seed
from csmconf.emit.sql_quote import dialect
from csmconf.graph import LEVELS, TABLES


def doc_sql(name: str) -> str:
    text = (DOCS / "database.md").read_text(encoding="utf-8")
    m = re.search(
        rf"<!-- {name}:start -->\s*```sql\n(.*?)```\s*<!-- {name}:end -->", text, re.DOTALL
    )
    assert m, f"docs/database.md must hold the {name} SQL between its markers"
    return m.group(1)


def decision_sql() -> str:
    return doc_sql("rule-grants") + doc_sql("decision-query")


def engine_decisions(compilation) -> dict[tuple, str]:
    engine, config = compilation.engine, compilation.config
    out = {}
    for p in config.principals:
        for target in [*config.accounts.values(), *config.sold_products.values()]:
            for table in TABLES:
                for level in LEVELS:
                    d = engine.decide(p, level, table, target)
                    if d.decision != "denied":
                        out[(d.principal, level, table, d.target)] = d.decision
    return out


def _collect(rows) -> dict[tuple, str]:
    out = {}
    for pkind, pid, level, table, tkind, tid, decision in rows:
        key = (f"{pkind}:{pid}", level, table, f"{tkind}:{tid}")
        assert key not in out, f"the query lists {key} twice"
        out[key] = decision
    return out


def sqlite_seeded(compilation, path=":memory:"):
    model = build_model(compilation.config)
    q = dialect("sqlite")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(render_schema(q, model))
    conn.executescript(render_seed(q, model))
    return conn


def sqlite_decisions(compilation) -> dict[tuple, str]:
    conn = sqlite_seeded(compilation)
    try:
        return _collect(conn.execute(decision_sql()))
    finally:
        conn.close()


def assert_same(got: dict, want: dict) -> None:
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    differ = sorted(k for k in set(got) & set(want) if got[k] != want[k])
    assert not missing and not extra and not differ, (
        f"rules (SQL) vs check: missing {missing[:10]}, extra {extra[:10]}, "
        f"different {[(k, got[k], want[k]) for k in differ[:10]]}"
    )


def assert_seeded_rules_are_the_json_rules(compilation, conn) -> None:
    files = render_outputs(compilation)
    rules = json.loads(files["acl/rules.json"])["rules"]
    want = sorted(
        (
            r["sys_id"],
            r["name"],
            r["table"],
            r["operation"],
            r["grant"]["path"],
            r["grant"]["scope"],
            r["condition"]["grant"].get("entry", {}).get("when_filter"),
            r["decision"],
        )
        for r in rules
    )
    got = sorted(
        tuple(row)
        for row in conn.execute(
            "SELECT sys_id, name, table_name, operation, grant_path, scope, when_filter, decision"
            " FROM csm_acl_rule"
        )
    )
    assert got == want


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
        roles:
          - id: viewer
            name: Viewer
            kind: external
            contains: [customer]
            access:
              - {table: install_base, levels: [read], scope: account_tree, when: "active=true"}
              - {table: sold_product, levels: [full], scope: partner_contact}
        responsibilities:
          - id: helper
            name: Helper
            type: [contact, account]
            includes: [reader]
            access:
              - {table: case, levels: [read, write], scope: holder}
              - {table: account, levels: [read], scope: account}
          - id: overseer
            name: Overseer
            type: [user]
            access:
              - {table: sold_product, levels: [read], scope: holder}
              - {table: case, levels: [read, write], scope: holder_cases}
          - id: reader
            name: Reader
            type: [contact]
            roles_required: [case_read_granular]
            access:
              - {table: case, levels: [read], scope: holder_cases}
              - {table: contact, levels: [read], scope: self}
        contacts:
          - {id: boss, account: hq, roles: [partner_admin]}
          - {id: eng, account: hq, roles: [partner, viewer]}
          - {id: east-admin, account: east, roles: [customer_admin, case_read_granular]}
          - {id: east-mgr, account: east, roles: [customer_case_manager]}
          - {id: a-user, account: cust-a, roles: [customer]}
          - {id: b-user, account: cust-b, roles: [customer, case_read_granular]}
          - {id: b-plain, account: cust-b, roles: [customer]}
          - {id: gone, account: cust-a, roles: [customer_admin], active: false}
          - {id: kid-user, account: cust-a-kid, roles: [customer]}
          - {id: shut, account: below-closed, roles: [customer_admin]}
        contact_relationships:
          - {contact: kid-user, account: cust-a, responsibility: authorized_representative}
          - {contact: east-admin, account: east-1, responsibility: helper}
        consumers:
          - {id: joe, roles: [consumer]}
        users:
          - {id: agent, roles: [relationship_agent]}
        team_members:
          - {user: agent, account: east, responsibility: account_manager}
        sold_products:
          - {id: sp-a, name: SP A, account: cust-a, contact: a-user,
             related_parties: [{party: "consumer:joe", type: crep},
                               {party: "user:agent", type: watcher}]}
          - {id: sp-b, name: SP B, account: cust-b, contact: b-user,
             related_parties: [{party: "account:cust-b", type: helpers}]}
          - {id: sp-kid, name: SP kid, account: cust-a-kid,
             related_parties: [{party: "account:cust-a", type: tracker}]}
          - {id: sp-closed, name: SP closed, account: below-closed,
             related_parties: [{party: "contact:a-user", type: rep}]}
        related_party_configs:
          - {id: tracker, name: Tracker, applies_to: sold_product, entity_type: account,
             default_responsibility: authorized_account}
          - {id: helpers, name: Helpers, applies_to: sold_product, entity_type: account,
             default_responsibility: helper}
          - {id: rep, name: Rep, applies_to: sold_product, entity_type: contact,
             default_responsibility: authorized_representative}
          - {id: crep, name: Consumer rep, applies_to: sold_product, entity_type: consumer,
             default_responsibility: authorized_representative}
          - {id: watcher, name: Watcher, applies_to: sold_product, entity_type: user,
             default_responsibility: overseer}
        """,
}


@pytest.fixture(scope="module")
def example():
    from csmconf.pipeline import compile_config

    c = compile_config(CONFIGS)
    assert c.errors == 0, describe(c.diagnostics)
    return c


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from csmconf.pipeline import compile_config

    c = compile_config(write_tree(tmp_path_factory.mktemp("small") / "cfg", SMALL))
    assert c.errors == 0, describe(c.diagnostics)
    return c


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    c = compile_tree(write_hostile_config(tmp_path_factory.mktemp("hostile") / "cfg"))
    assert c.errors == 0, describe(c.diagnostics)
    return c


def _pick(which, example, small, hostile):
    return {"example": example, "small": small, "hostile": hostile}[which]


# -- SQLite ------------------------------------------------------------------------------------


def test_rules_give_every_decision_of_check_on_configs(example):
    got = sqlite_decisions(example)
    assert_same(got, engine_decisions(example))
    assert len(got) == 168  # tests/decisions/configs_decisions.csv


@pytest.mark.parametrize("which", ["small", "hostile"])
def test_rules_give_every_decision_of_check(which, example, small, hostile):
    c = _pick(which, example, small, hostile)
    got = sqlite_decisions(c)
    assert got  # the fixtures grant something: the comparison is not vacuous
    assert_same(got, engine_decisions(c))


def test_small_fixture_exercises_every_kind_of_rule(small):
    """Each grant path and each decision actually occurs in the small comparison."""
    conn = sqlite_seeded(small)
    used = {
        row[0]
        for row in conn.execute(
            doc_sql("rule-grants") + "SELECT DISTINCT r.grant_path FROM rule_grant g"
            " JOIN csm_acl_rule r ON r.sys_id = g.rule"
        )
    }
    assert used == {
        "role",
        "contact_relationship",
        "team_member",
        "related_party",
        "account_related_party",
        "account_sold_products",
        "named_contact",
    }
    decisions = set(sqlite_decisions(small).values())
    assert decisions == {"allowed", "conditional"}


@pytest.mark.parametrize("which", ["example", "small"])
def test_seeded_rules_are_the_rules_json(which, example, small):
    c = example if which == "example" else small
    conn = sqlite_seeded(c)
    assert_seeded_rules_are_the_json_rules(c, conn)


# -- the record query, by LANGUAGE.md's definition ----------------------------------------------

OTHER = "f" * 32  # a sys_id no row has: "someone else", "another sold product"
FREE = object()  # a record field nothing declares: any value at run time


def _probes(compilation, conn):
    """(probe row, key, declared) for every principal, table and target.

    A probe is one record of the target: the record's account and sold product,
    and every combination of the run-time fields (contact, partner contact,
    partner: the principal / its account, or someone else) and of the `when`
    filter holding. On a declared sold product's own record the `declared`
    probes, that rules without run-time fields are judged on, carry its
    declared `contact`; a run-time rule is judged on every combination.
    (`consumer` is left to someone else: a consumer's `self` reaches no
    account or sold-product target, LANGUAGE.md; test_consumer_self_* checks
    the record query on it.)
    """
    ids = dict(conn.execute("SELECT 'account:' || id, sys_id FROM csm_account"))
    sp_rows = list(conn.execute("SELECT sys_id, id, account, contact FROM csm_sold_product"))
    for p in compilation.config.principals:
        pid = conn.execute(f"SELECT sys_id FROM csm_{p.kind} WHERE id = ?", (p.id,)).fetchone()[0]
        own = ids.get(f"account:{p.account.id}") if p.kind == "contact" else None

        def combos(declared_contact=FREE, pid=pid, own=own):
            """`declared_contact`: a declared sold product's own contact (None: it names
            none), or FREE for a record whose contact nothing declares."""
            contacts = [pid, OTHER]
            if declared_contact is not FREE and declared_contact not in contacts:
                contacts.append(declared_contact)
            for contact, pc, partner, when in itertools.product(
                contacts, (pid, OTHER), (own or OTHER, OTHER), (1, 0)
            ):
                fixed = declared_contact is FREE or contact == declared_contact
                yield (contact, OTHER, pc, partner, when), fixed

        for account in compilation.config.accounts.values():
            a = ids[f"account:{account.id}"]
            owned = [s for s in sp_rows if s[2] == a]
            for table in TABLES:
                key = (p.ref, table, f"account:{account.id}")
                if table == "case":
                    records = [(None, FREE), (OTHER, FREE)] + [(s[0], FREE) for s in owned]
                elif table == "sold_product":
                    # an undeclared sold product (any contact), and each declared one
                    records = [(OTHER, FREE)] + [(s[0], s[3]) for s in owned]
                else:
                    records = [(None, FREE)]
                for sp, declared_contact in records:
                    for fields, fixed in combos(declared_contact):
                        yield (pid, table, a, sp, *fields), key, fixed
            for s in owned:
                for table in ("sold_product", "case"):
                    key = (p.ref, table, f"sold_product:{s[1]}")
                    for fields, fixed in combos(s[3] if table == "sold_product" else FREE):
                        yield (pid, table, a, s[0], *fields), key, fixed


def record_decisions(compilation) -> dict[tuple, str]:
    conn = sqlite_seeded(compilation)
    conn.execute(
        "CREATE TEMP TABLE probe (n INTEGER PRIMARY KEY, principal, table_name, account,"
        " sold_product, contact, consumer, partner_contact, partner, when_holds)"
    )
    keys, declared = [], []
    rows = []
    for n, (row, key, fixed) in enumerate(_probes(compilation, conn)):
        rows.append((n, *row))
        keys.append(key)
        declared.append(fixed)
    conn.executemany("INSERT INTO probe VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    record = doc_sql("record-query")
    bind = re.search(r"JOIN \(\n\s*SELECT :principal.*?\) rec ON", record, re.DOTALL)
    assert bind, "the record query binds the record as one derived table `rec`"
    # the same query over every probe at once: the bound record becomes the probe table,
    # with one row per operation asked
    ops = " UNION ALL ".join(f"SELECT '{level}' AS operation" for level in LEVELS)
    bulk = record[: bind.start()] + f"JOIN (SELECT * FROM probe CROSS JOIN ({ops})) rec ON"
    bulk += record[bind.end() :]
    bulk = bulk.replace(
        "SELECT r.name, r.decision", "SELECT rec.n, rec.operation, r.name, r.decision"
    )
    granted: dict[tuple, set] = {}
    for n, level, name, decision in conn.execute(doc_sql("rule-grants") + bulk):
        granted.setdefault((n, level), set()).add((name, decision))
    # per (principal, level, table, target): the probes, and what each rule granted of them
    probes_of: dict[tuple, list[int]] = {}
    for n, key in enumerate(keys):
        probes_of.setdefault(key, []).append(n)
    per_rule: dict[tuple, str] = {}
    for (pref, table, target), ns in probes_of.items():
        fixed = {n for n in ns if declared[n]}
        for level in LEVELS:
            by_rule: dict[tuple, list[int]] = {}
            for n in ns:
                for rule in granted.get((n, level), ()):
                    by_rule.setdefault(rule, []).append(n)
            for (name, decision), hit in by_rule.items():
                key = (pref, level, table, target, name)
                if decision == "allowed" and fixed <= set(hit):
                    per_rule[key] = "allowed"
                elif decision == "conditional" or any(declared[n] for n in hit):
                    per_rule[key] = "conditional"
    return per_rule


def best_of(per_rule: dict[tuple, str]) -> dict[tuple, str]:
    """The decision on each target: the best any rule gives."""
    out: dict[tuple, str] = {}
    for (*key, _rule), decision in per_rule.items():
        key = tuple(key)
        if out.get(key) != "allowed":
            out[key] = decision
    return out


def engine_rule_decisions(compilation) -> dict[tuple, str]:
    """What each rule alone gives, from the engine's grants (each grant named by its rule)."""
    engine, config = compilation.engine, compilation.config
    rank = {"denied": 0, "conditional": 1, "allowed": 2}
    out: dict[tuple, str] = {}
    targets = [*config.accounts.values(), *config.sold_products.values()]
    for p in config.principals:
        for g in engine.grants(p):
            if g.rule == "responsibility":
                through, holder = g.held[2], g.held[3]
                path = "account_related_party" if holder.startswith("account:") else through
            else:
                path = g.rule
            scope = None if g.rule == "named_contact" else g.scope
            name = " ".join(
                [f"{g.table}.{g.level}", path]
                + ([scope] if scope else [])
                + (["when", g.when] if g.when else [])
            )
            for target in targets:
                probe = engine.decide(p, g.level, g.table, target)
                if g not in probe.grants:
                    continue  # the target is closed, inactive, or this grant does not reach it
                decision = probe.grant_decisions[probe.grants.index(g)]
                key = (p.ref, g.level, g.table, target.ref, name)
                if rank[decision] > rank[out.get(key, "denied")]:
                    out[key] = decision
    return out


@pytest.mark.parametrize("which", ["example", "small"])
def test_record_query_decides_each_record_as_check_decides_the_target(which, example, small):
    c = example if which == "example" else small
    per_rule = record_decisions(c)
    assert_same(best_of(per_rule), engine_decisions(c))
    # and rule by rule: each rule reaches what the engine's grants of its kind reach
    assert_same(per_rule, engine_rule_decisions(c))


# -- PostgreSQL and MariaDB ------------------------------------------------------------------


@pytest.mark.db
@pytest.mark.parametrize("which", ["example", "small"])
def test_rules_give_every_decision_of_check_on_postgresql(which, example, small):
    c = example if which == "example" else small
    model = build_model(c.config)
    q = dialect("postgresql")
    with postgres_schema() as (conn, _name):
        conn.execute(render_schema(q, model))
        conn.execute(render_seed(q, model))
        got = _collect(conn.execute(decision_sql()).fetchall())
        assert_seeded_rules_are_the_json_rules(c, conn)
    assert_same(got, engine_decisions(c))


@pytest.mark.db
@pytest.mark.parametrize("which", ["example", "small"])
def test_rules_give_every_decision_of_check_on_mariadb(which, example, small):
    c = example if which == "example" else small
    model = build_model(c.config)
    q = dialect("mysql")
    with mariadb_database() as (conn, _name):
        mysql_run_script(conn, render_schema(q, model))
        mysql_run_script(conn, render_seed(q, model))
        with conn.cursor() as cur:
            cur.execute(decision_sql())
            got = _collect(cur.fetchall())
    assert_same(got, engine_decisions(c))


def _record_params(conn, principal: str, **fields) -> dict:
    kind, pid = principal.split(":", 1)
    sys_id = conn.execute(f"SELECT sys_id FROM csm_{kind} WHERE id = ?", (pid,)).fetchone()[0]
    params = {
        "principal": sys_id,
        "operation": "read",
        "table_name": "case",
        "account": None,
        "sold_product": None,
        "contact": None,
        "consumer": None,
        "partner_contact": None,
        "partner": None,
        "when_holds": 0,
    }
    params.update(fields)
    return params


def test_consumer_self_is_the_records_naming_the_consumer(small):
    """A consumer's `self` reaches no account target (LANGUAGE.md) but its own cases at run time."""
    conn = sqlite_seeded(small)
    sql = doc_sql("rule-grants") + doc_sql("record-query")
    params = _record_params(conn, "consumer:joe")
    joe = params["principal"]
    assert conn.execute(sql, params).fetchall() == []  # a case naming someone else
    params["consumer"] = joe
    assert conn.execute(sql, params).fetchall() == [("case.read role self", "conditional")]
    params["operation"] = "create"
    assert conn.execute(sql, params).fetchall() == [("case.create role self", "conditional")]
    # and the decision query gives the consumer no account target for it
    assert not any(
        k[0] == "consumer:joe"
        and k[3].startswith("account:")
        and k[2] == "case"
        and k[1] == "create"
        for k in sqlite_decisions(small)
    )


def _sample_records(conn) -> list[dict]:
    """Records of several kinds for the cross-database comparison of the record query."""
    accounts = dict(conn.execute("SELECT id, sys_id FROM csm_account"))
    sps = dict(conn.execute("SELECT id, sys_id FROM csm_sold_product"))
    out = []
    for principal in ("contact:east-admin", "contact:boss", "consumer:joe"):
        base = _record_params(conn, principal)
        me = base["principal"]
        for table, account, sp in (
            ("case", "cust-a", "sp-a"),
            ("case", "east-1", None),
            ("sold_product", "cust-b", "sp-b"),
            ("account", "east", None),
            ("contact", "east-1", None),
            ("install_base", "hq", None),
        ):
            for contact, when in ((me, 1), (None, 0)):
                out.append(
                    {
                        **base,
                        "table_name": table,
                        "account": accounts[account],
                        "sold_product": sps[sp] if sp else None,
                        "contact": contact,
                        "consumer": me,
                        "partner_contact": me,
                        "partner": accounts["hq"],
                        "when_holds": when,
                    }
                )
    return out


@pytest.mark.db
def test_record_query_runs_alike_on_postgresql_and_mariadb(small):
    """The record query, bound with the driver's parameters, answers as on SQLite."""
    lite = sqlite_seeded(small)
    sql = doc_sql("rule-grants") + doc_sql("record-query")
    records = _sample_records(lite)
    want = [lite.execute(sql, r).fetchall() for r in records]
    assert any(want) and not all(want)
    model = build_model(small.config)
    pyformat = re.sub(r":([a-z_]+)", r"%(\1)s", sql)
    with postgres_schema() as (conn, _name):
        conn.execute(render_schema(dialect("postgresql"), model))
        conn.execute(render_seed(dialect("postgresql"), model))
        got = [[tuple(row) for row in conn.execute(pyformat, r).fetchall()] for r in records]
    assert got == want
    with mariadb_database() as (conn, _name):
        mysql_run_script(conn, render_schema(dialect("mysql"), model))
        mysql_run_script(conn, render_seed(dialect("mysql"), model))
        got = []
        with conn.cursor() as cur:
            for r in records:
                cur.execute(pyformat, r)
                got.append([tuple(row) for row in cur.fetchall()])
    assert got == want
