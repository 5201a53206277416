"""Helpers for the import round trip: generate a valid configuration, export it, import it, compare.

Not a test module (no `test_` prefix): `tests/test_import_roundtrip.py` uses it.

The generator builds configurations valid by construction (trees of accounts,
partner relationships from lower to higher index so no type has a cycle,
contact relationships inside the contact's tree, holders given the roles their
responsibilities require, ...). Ids are written the way a csmconf author
writes them, from the name (`Acme Tools 3` -> `acme-tools-3` or
`acme_tools_3`), which is what lets the importer recover them from csmconf's
UUIDv5 sys_ids.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from csmconf import servicenow_names as sn
from csmconf.emit import render_outputs
from csmconf.importer import MAP_FILE, import_servicenow
from csmconf.importer.writer import render_file
from csmconf.load.files import SECTIONS
from csmconf.pipeline import compile_config
from csmconf.resolve.builtins import BUILTIN_ROLE_IDS
from csmconf.resolve.objects import sys_id

WORDS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Łęcka",
    "Nguyễn",
]
FIRST = ["Ann", "Bob", "Chloé", "Dev", "Eva", "Femi", "Gus", "Hana"]


def _id(name: str, sep: str) -> str:
    from csmconf.importer.ids import slug

    return slug(name, sep)


def generate(rnd: random.Random, features: frozenset[str]) -> dict[str, str]:
    """A valid configuration tree (relative path -> YAML text)."""
    sep = rnd.choice(["-", "_"])
    rows: dict[str, list[dict]] = {s: [] for s in SECTIONS if s not in ("settings", "tests")}
    n = rnd.randint(1, 7)
    accounts = []
    parent: dict[int, int | None] = {}
    for i in range(n):
        name = f"{rnd.choice(WORDS)} {rnd.choice(['Tools', 'Bank', 'Retail'])} {i}"
        a = {"id": _id(name, sep), "name": name}
        parent[i] = rnd.randrange(i) if i and rnd.random() < 0.5 else None
        if parent[i] is not None:
            a["parent"] = accounts[parent[i]]["id"]
        if rnd.random() < 0.35:
            a["partner"] = True
        if rnd.random() < 0.1:
            a["active"] = False
        if rnd.random() < 0.2:
            a["restrict_contact_access"] = True
        accounts.append(a)
    rows["accounts"] = accounts

    def root(i: int) -> int:
        while parent[i] is not None:
            i = parent[i]
        return i

    types = ["partner_account"]
    if "relationship_types" in features and rnd.random() < 0.5:
        t = {
            "id": _id("Reseller Link", sep),
            "name": "Reseller Link",
            "from": "partner",
            "to": "account",
            "label": "Resells to",
            "reverse_label": "Buys from",
        }
        if "partner_access" in features:
            t["partner_access"] = rnd.random() < 0.5
            if not t["partner_access"]:
                del t["partner_access"]
        rows["relationship_types"].append(t)
        types.append(t["id"])
    seen = set()
    for i, a in enumerate(accounts):
        if a.get("partner") and i + 1 < n:
            for _ in range(rnd.randint(1, 2)):
                j = rnd.randrange(i + 1, n)
                t = rnd.choice(types)
                if (i, t, j) in seen:
                    continue
                seen.add((i, t, j))
                rel = {"from": a["id"], "to": accounts[j]["id"], "type": t}
                if rnd.random() < 0.2:
                    rel["order"] = rnd.randint(1, 99)
                rows["account_relationships"].append(rel)

    # responsibilities (declared) with access entries on holder scopes
    resps = {
        "authorized_representative": ["contact", "consumer"],
        "authorized_account": ["account"],
        "account_manager": ["user"],
    }
    required: dict[str, list[str]] = {}
    for k in range(rnd.randint(0, 3)):
        name = f"{rnd.choice(['Guarantor', 'Billing', 'Site'])} Duty {k}"
        types_ = rnd.sample(["contact", "consumer", "user", "account"], rnd.randint(1, 2))
        r = {"id": _id(name, sep), "name": name, "type": types_}
        access = []
        for _ in range(rnd.randint(1, 2)):
            table = rnd.choice(["case", "sold_product", "account"])
            scope = "holder_cases" if table == "case" and rnd.random() < 0.5 else "holder"
            if table == "account":
                scope = "holder"
            entry = {
                "table": table,
                "levels": sorted(
                    rnd.sample(["read", "write"], rnd.randint(1, 2)), key=["read", "write"].index
                ),
                "scope": scope,
            }
            if "write" in entry["levels"] and "read" not in entry["levels"]:
                entry["levels"] = ["read", "write"]
            if "when" in features and rnd.random() < 0.2:
                entry["when"] = "active=true"
            if entry not in access:
                access.append(entry)
        r["access"] = access
        if "account" not in types_ and rnd.random() < 0.3:
            r["roles_required"] = ["case_read_granular"]
            required[r["id"]] = ["case_read_granular"]
        rows["responsibilities"].append(r)
        resps[r["id"]] = types_

    def holding(kind: str) -> list[str]:
        return sorted(r for r, t in resps.items() if kind in t)

    roles_of: dict[str, set[str]] = {}
    contacts_by_account: dict[int, list[dict]] = {}
    for i, a in enumerate(accounts):
        for k in range(rnd.randint(0, 2)):
            name = f"{rnd.choice(FIRST)} {a['name'].split()[0]} {i}{k}"
            c = {"id": _id(name, sep), "name": name, "account": a["id"]}
            if rnd.random() < 0.5:
                c["email"] = f"{c['id'].replace('_', '.')}@example.com"
            pool = [
                r
                for r in ("customer", "customer_admin", "customer_case_manager")
                if r in BUILTIN_ROLE_IDS
            ]
            if a.get("partner"):
                pool += ["partner", "partner_admin"]
            roles_of[c["id"]] = set(rnd.sample(pool, rnd.randint(0, 2)))
            if rnd.random() < 0.05:
                c["active"] = False
            rows["contacts"].append(c)
            contacts_by_account.setdefault(i, []).append(c)
        if contacts_by_account.get(i) and rnd.random() < 0.4:
            a["primary_contact"] = rnd.choice(contacts_by_account[i])["id"]
    consumers = []
    for k in range(rnd.randint(0, 2)):
        name = f"{rnd.choice(FIRST)} Home {k}"
        consumers.append({"id": _id(name, sep), "name": name})
        roles_of[consumers[-1]["id"]] = {"consumer"}
    rows["consumers"] = consumers
    users = []
    for k in range(rnd.randint(0, 2)):
        name = f"Agent {rnd.choice(FIRST)} {k}"
        users.append({"id": _id(name, sep), "name": name})
        roles_of[users[-1]["id"]] = {"relationship_agent"} if rnd.random() < 0.8 else set()
    rows["users"] = users

    # contact relationships inside the contact's tree, one responsibility per contact and account
    contact_list = rows["contacts"]
    index = {a["id"]: i for i, a in enumerate(accounts)}
    for c in contact_list:
        if rnd.random() < 0.4:
            home = index[c["account"]]
            same = [j for j in range(n) if root(j) == root(home) and j != home]
            if same and holding("contact"):
                r = rnd.choice(holding("contact"))
                rows["contact_relationships"].append(
                    {
                        "contact": c["id"],
                        "account": accounts[rnd.choice(same)]["id"],
                        "responsibility": r,
                    }
                )
                roles_of[c["id"]].update(required.get(r, []))
    for u in users:
        if "relationship_agent" in roles_of[u["id"]] and rnd.random() < 0.6 and holding("user"):
            r = rnd.choice(holding("user"))
            rows["team_members"].append(
                {"user": u["id"], "account": rnd.choice(accounts)["id"], "responsibility": r}
            )
            roles_of[u["id"]].update(required.get(r, []))
    # unique responsibilities are declared but never held twice: keep them out of holdings
    configs = []
    for k in range(rnd.randint(0, 2)):
        entity = rnd.choice(["contact", "consumer", "account"])
        name = f"{entity.title()} Party {k}"
        cfg = {
            "id": _id(name, sep),
            "name": name,
            "applies_to": "sold_product",
            "entity_type": entity,
        }
        fits = holding(entity)
        if fits and rnd.random() < 0.8:
            cfg["default_responsibility"] = rnd.choice(fits)
        if rnd.random() < 0.3:
            cfg["order"] = rnd.randint(1, 99)
        configs.append(cfg)
    rows["related_party_configs"] = configs
    for k in range(rnd.randint(0, 3)):
        i = rnd.randrange(n)
        name = f"{accounts[i]['name']} Lease {k}"
        sp = {"id": _id(name, sep), "name": name, "account": accounts[i]["id"]}
        if contacts_by_account.get(i) and rnd.random() < 0.5:
            sp["contact"] = rnd.choice(contacts_by_account[i])["id"]
        parties = []
        for cfg in configs:
            pool = {"contact": contact_list, "consumer": consumers, "account": accounts}[
                cfg["entity_type"]
            ]
            if pool and rnd.random() < 0.6:
                party = rnd.choice(pool)
                parties.append({"party": f"{cfg['entity_type']}:{party['id']}", "type": cfg["id"]})
                resp = cfg.get("default_responsibility")
                if resp and cfg["entity_type"] != "account":
                    roles_of[party["id"]].update(required.get(resp, []))
        if parties:
            sp["related_parties"] = sorted(parties, key=lambda p: (p["party"], p["type"]))
        rows["sold_products"].append(sp)
    # an entry that no way of holding its responsibility can use is never exported (nothing
    # grants through it): the generator writes none, so the round trip can be exact
    for r in rows["responsibilities"]:
        ways = [
            h
            for h, kind in (("contact_relationship", "contact"), ("team_member", "user"))
            if kind in r["type"]
        ]
        if any(c.get("default_responsibility") == r["id"] for c in configs):
            ways.append("related_party")
        r["access"] = [
            e
            for e in r["access"]
            if any(sn.access_config_for(e["scope"], h, e["table"]) for h in ways)
        ]
        if not r["access"]:
            del r["access"]  # and the roles it requires travel only on its access rows
            r.pop("roles_required", None)
    for section in ("contacts", "consumers", "users"):
        for row in rows[section]:
            roles = sorted(roles_of[row["id"]])
            if section == "consumers":
                if roles != ["consumer"]:
                    row["roles"] = roles
            elif roles:
                row["roles"] = roles
    return {
        f"{section}.yaml": render_file({section: [("", r) for r in section_rows]})
        for section, section_rows in rows.items()
        if section_rows
    }


def write(files: dict[str, str | bytes], root: Path) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def round_trip(config_dir: Path, work: Path):
    """compile -> servicenow/ exports -> import -> compile: (original, imported, import result)."""
    original = compile_config(config_dir)
    assert original.errors == 0, [d.message for d in original.diagnostics if d.is_error]
    outputs = render_outputs(original)
    exports = {k: v for k, v in outputs.items() if k.startswith("servicenow/")}
    assert exports, "the compiler wrote no servicenow/ exports"
    write(exports, work / "out")
    result = import_servicenow(
        [work / "out" / "servicenow"], work / "imported", original.config.namespace
    )
    assert result.errors == 0, [
        f"{d.place}: {d.code} {d.message}" for d in result.diagnostics if d.is_error
    ]
    write(result.files, work / "imported")
    imported = compile_config(work / "imported")
    assert imported.errors == 0, [
        f"{d.place}: {d.code} {d.message}" for d in imported.diagnostics if d.is_error
    ]
    return original, imported, result, outputs


def id_renaming(original, result) -> dict[str, str]:
    """`kind:original id` -> `kind:imported id`, through the sys_ids the export carried."""
    from ruamel.yaml import YAML

    new = YAML(typ="safe").load(result.files[MAP_FILE].decode())
    ns = original.config.namespace
    out = {}
    for kind, table in (
        ("account", "accounts"),
        ("contact", "contacts"),
        ("consumer", "consumers"),
        ("user", "users"),
        ("sold_product", "sold_products"),
    ):
        ids = new.get(kind) or {}
        for eid in getattr(original.config, table):
            got = ids.get(sys_id(ns, kind, eid))
            if got is not None:
                out[f"{kind}:{eid}"] = f"{kind}:{got}"
    return out


def decisions(compilation, rename: dict[str, str] | None = None) -> set[tuple]:
    """Every non-denied decision of every principal on every declared target."""
    engine = compilation.engine
    rename = rename or {}
    out = set()
    for principal in engine.principals():
        who = rename.get(principal.ref, principal.ref)
        for (level, table, target), (decision, _grant) in engine.effective(principal).items():
            out.add((who, level, table, rename.get(target, target), decision))
    return out


def tempdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="csmconf-roundtrip-")
