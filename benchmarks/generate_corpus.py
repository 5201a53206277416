#!/usr/bin/env python3
"""Generate a deterministic, valid csmconf configuration tree for benchmarks.

    python benchmarks/generate_corpus.py --scale 1 --out /tmp/corpus1

Scale 1 is about 100 files and 12 MB: 2,000 accounts (a forest a few levels
deep, 10% partners), 50,000 contacts, 20,000 account relationships, 200
responsibilities, plus consumers, users, team members, contact
relationships, related-party configs, sold products with related parties,
and a handful of access tests that hold. Every count scales linearly with
--scale (a float; small catalogues such as declared roles stay fixed).

The tree is meant to produce no diagnostic at all (no error, no warning)
under docs/../shared/spec/LANGUAGE.md. The same arguments always produce
byte-identical files: all randomness comes from one random.Random(seed),
nothing depends on set or dict iteration order, nothing on time.

Standard library only.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import time

GENERATOR_VERSION = 1
DEFAULT_SEED = 20241122
MARKER = ".csmconf-bench-corpus"  # hidden: the compiler skips it

# Figures at scale 1.
BASE = {
    "accounts": 2000,
    "contacts": 50000,
    "consumers": 2000,
    "users": 500,
    "rel_partner_account": 17000,
    "rel_reseller": 1200,
    "rel_service_provider": 800,
    "rel_affiliate": 1000,
    "contact_relationships": 6000,
    "team_members": 3000,
    "sold_products": 3000,
    "responsibilities": 200,
}
PARTNER_RATIO = 0.10

# Rows per file: fixed, so the number of files grows with the scale.
PER_FILE = {
    "accounts": 500,
    "contacts": 850,
    "consumers": 1000,
    "users": 500,
    "account_relationships": 2000,
    "contact_relationships": 1000,
    "team_members": 1000,
    "sold_products": 500,
    "responsibilities": 100,
}

# --------------------------------------------------------------------------
# Name material. (display, ascii slug) pairs; some displays are non-ASCII or
# hold an apostrophe so that the parser sees real-world text.
FIRST = [
    ("Maria", "maria"),
    ("José", "jose"),
    ("Chloé", "chloe"),
    ("Łukasz", "lukasz"),
    ("Zoë", "zoe"),
    ("Søren", "soren"),
    ("Ana", "ana"),
    ("Peter", "peter"),
    ("Ann", "ann"),
    ("Mia", "mia"),
    ("Noah", "noah"),
    ("Liam", "liam"),
    ("Olivia", "olivia"),
    ("Emma", "emma"),
    ("Hiroshi", "hiroshi"),
    ("Yuki", "yuki"),
    ("Priya", "priya"),
    ("Arjun", "arjun"),
    ("Fatima", "fatima"),
    ("Omar", "omar"),
    ("Chen", "chen"),
    ("Wei", "wei"),
    ("Ingrid", "ingrid"),
    ("Björn", "bjorn"),
    ("Amélie", "amelie"),
    ("François", "francois"),
    ("Giulia", "giulia"),
    ("Marco", "marco"),
    ("Sofía", "sofia"),
    ("Mateo", "mateo"),
    ("Aisha", "aisha"),
    ("Kwame", "kwame"),
    ("Nadia", "nadia"),
    ("Dmitri", "dmitri"),
    ("Olga", "olga"),
    ("Jan", "jan"),
    ("Eva", "eva"),
    ("Tomás", "tomas"),
    ("Lucía", "lucia"),
    ("David", "david"),
    ("Sarah", "sarah"),
    ("James", "james"),
    ("Grace", "grace"),
    ("Ethan", "ethan"),
    ("Hannah", "hannah"),
    ("Lars", "lars"),
    ("Mei", "mei"),
    ("Ravi", "ravi"),
]
LAST = [
    ("Garcia", "garcia"),
    ("O'Brien", "obrien"),
    ("Müller", "muller"),
    ("Nguyễn", "nguyen"),
    ("Smith", "smith"),
    ("Robinson", "robinson"),
    ("Kowalski", "kowalski"),
    ("Rossi", "rossi"),
    ("Tanaka", "tanaka"),
    ("Patel", "patel"),
    ("Haddad", "haddad"),
    ("Li", "li"),
    ("Johansson", "johansson"),
    ("Dubois", "dubois"),
    ("Fernández", "fernandez"),
    ("Okafor", "okafor"),
    ("Ivanova", "ivanova"),
    ("de Vries", "devries"),
    ("Novák", "novak"),
    ("Brown", "brown"),
    ("Wilson", "wilson"),
    ("Andersen", "andersen"),
    ("Kim", "kim"),
    ("Sato", "sato"),
    ("Singh", "singh"),
    ("Mensah", "mensah"),
    ("Costa", "costa"),
    ("Schmidt", "schmidt"),
    ("Łęcka", "lecka"),
    ("D'Angelo", "dangelo"),
    ("Walker", "walker"),
    ("Hughes", "hughes"),
    ("Eriksen", "eriksen"),
    ("Moreau", "moreau"),
    ("Silva", "silva"),
    ("Yamamoto", "yamamoto"),
]
ADJ = [
    "Acme",
    "Blue",
    "Northern",
    "Global",
    "Pacific",
    "Summit",
    "Vertex",
    "Silver",
    "Red",
    "Atlas",
    "Harbor",
    "Pioneer",
    "Evergreen",
    "Granite",
    "Crystal",
    "Bright",
    "United",
    "Coastal",
    "Prairie",
    "Alpine",
    "Metro",
    "Quantum",
    "Sterling",
    "Orbit",
]
NOUN = [
    "Industries",
    "Logistics",
    "Health",
    "Foods",
    "Systems",
    "Energy",
    "Retail",
    "Motors",
    "Labs",
    "Finance",
    "Media",
    "Telecom",
    "Pharma",
    "Textiles",
    "Robotics",
    "Holdings",
    "Airlines",
    "Insurance",
    "Analytics",
    "Builders",
]
PRODUCTS = [
    "Fiber Line",
    "Router X2",
    "Cloud Backup",
    "Fleet Tracker",
    "POS Terminal",
    "Smart Meter",
    "Payroll Suite",
    "Support Plan Gold",
    "Support Plan Silver",
    "Solar Array",
    "Cold Storage Unit",
    "Lab Analyzer",
    "Mobile Plan",
    "Data Link 10G",
]
RESP_WORDS = [
    "Billing",
    "Technical",
    "Escalation",
    "Renewal",
    "Onboarding",
    "Security",
    "Procurement",
    "Field Service",
    "Warranty",
    "Compliance",
    "Contract",
    "Quality",
    "Logistics",
    "Support",
    "Licensing",
    "Training",
]
RESP_KINDS = [
    "Administrator",
    "Approver",
    "Viewer",
    "Coordinator",
    "Manager",
    "Liaison",
    "Delegate",
]
WHENS = [
    "active=true",
    "priority<=2",
    "state!=closed^active=true",
    "category=billing",
    'u_region="EMEA"',
]

# Roles that contacts, consumers and users may all hold (kind `either`);
# roles_required only ever names these, so any holder can be given them.
EITHER_ROLES = [
    "case_read_granular",
    "case_create_granular",
    "case_write_granular",
    "sold_product_read_granular",
    "case_reader_plus",
    "product_viewer",
]

# Declared roles: (id, name, kind, contains, access entries).
DECLARED_ROLES = [
    (
        "billing_contact",
        "Billing Contact",
        "external",
        ["customer"],
        [
            ("sold_product", ["read"], "account", None),
            ("case", ["read"], "account", "category=billing"),
        ],
    ),
    (
        "site_manager",
        "Site Manager",
        "external",
        ["customer_admin"],
        [("install_base", ["read", "write"], "account_tree", None)],
    ),
    (
        "support_portal_user",
        "Support Portal User",
        "external",
        ["customer"],
        [("contact", ["read"], "account", "active=true")],
    ),
    (
        "partner_case_manager",
        "Partner Case Manager",
        "external",
        ["partner"],
        [("case", ["read", "write"], "partner_customers", "state!=closed")],
    ),
    ("case_reader_plus", "Case Reader Plus", "either", ["case_read_granular"], []),
    ("product_viewer", "Product Viewer", "either", ["sold_product_read_granular"], []),
    ("csm_agent", "CSM Agent", "internal", ["relationship_agent"], []),
    ("csm_supervisor", "CSM Supervisor", "internal", ["csm_agent", "case_reader_plus"], []),
]

RELATIONSHIP_TYPES = [
    # id, name, from, to, label, reverse_label, partner_access
    ("reseller", "Reseller", "partner", "account", "Reseller for", "Resold by", True),
    (
        "service_provider",
        "Service Provider",
        "partner",
        "account",
        "Provides service to",
        "Serviced by",
        False,
    ),
    ("affiliate", "Affiliate", "account", "account", "Affiliate of", "Affiliated with", False),
]


# --------------------------------------------------------------------------
# YAML text helpers.
_ESC = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\ufeff": "\\uFEFF",
}


def q(s: str) -> str:
    """A YAML double-quoted scalar."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = []
    for ch in s:
        e = _ESC.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def qlist(items) -> str:
    return "[" + ", ".join(q(x) for x in items) + "]"


def b(v: bool) -> str:
    return "true" if v else "false"


def dedupe(seq):
    return list(dict.fromkeys(seq))


# --------------------------------------------------------------------------
class Corpus:
    def __init__(self, scale: float, seed: int):
        self.scale = scale
        self.seed = seed
        self.rng = random.Random(seed)

    def n(self, key: str, minimum: int) -> int:
        return max(minimum, round(BASE[key] * self.scale))

    # ---------------------------------------------------------------- build
    def build(self):
        self.build_responsibilities()
        self.build_accounts()
        self.build_contacts()
        self.build_consumers_users()
        self.build_account_relationships()
        self.build_contact_relationships()
        self.build_team_members()
        self.build_related_party_configs()
        self.build_sold_products()
        self.cover_declared_roles()
        self.build_tests()

    def build_responsibilities(self):
        rng = self.rng
        total = self.n("responsibilities", 20)
        shares = [
            ("contact", 0.5),
            ("user", 0.2),
            ("consumer", 0.1),
            ("account", 0.1),
            ("mixed", 0.1),
        ]
        sizes = {g: max(2, round(total * s)) for g, s in shares}
        sizes["contact"] += total - sum(sizes.values())
        self.resp = []  # dicts in declaration order
        self.resp_by_id = {}
        self.groups = {g: [] for g, _ in shares}
        types = {
            "contact": ["contact"],
            "user": ["user"],
            "account": ["account"],
            "mixed": ["contact", "user"],
        }
        idx = 0
        for g, _ in shares:
            for k in range(sizes[g]):
                idx += 1
                word = RESP_WORDS[(idx * 7) % len(RESP_WORDS)]
                kind = RESP_KINDS[(idx * 3) % len(RESP_KINDS)]
                rid = f"{g}-{word.lower().replace(' ', '-')}-{kind.lower()}-{idx:04d}"
                if g == "consumer":
                    rtype = ["consumer"] if k % 2 == 0 else ["contact", "consumer"]
                else:
                    rtype = types[g]
                unique = g in ("contact", "user") and k % 10 == 9
                r = {
                    "id": rid,
                    "name": f"{word} {kind} {idx}",
                    "group": g,
                    "type": rtype,
                    "unique": unique,
                    "includes": [],
                    "roles_required": [],
                    "access": [],
                }
                earlier = [x["id"] for x in self.groups[g] if not x["unique"]]
                if not unique and earlier and rng.random() < 0.4:
                    # Mostly the previous one: builds includes chains.
                    inc = (
                        [earlier[-1]]
                        if rng.random() < 0.6
                        else rng.sample(earlier, min(len(earlier), rng.randint(1, 2)))
                    )
                    r["includes"] = dedupe(inc)
                if g in ("contact", "user", "mixed") and rng.random() < 0.3:
                    r["roles_required"] = dedupe(rng.sample(EITHER_ROLES, rng.randint(1, 2)))
                r["access"] = self.random_access(g)
                self.resp.append(r)
                self.resp_by_id[rid] = r
                self.groups[g].append(r)
        # Roles a holder needs: its own roles_required and those of every
        # responsibility it includes, transitively (includes point backwards).
        self.resp_roles = {
            "authorized_representative": [],
            "authorized_account": [],
            "account_manager": [],
        }
        for r in self.resp:
            need = list(r["roles_required"])
            for inc in r["includes"]:
                need.extend(self.resp_roles[inc])
            self.resp_roles[r["id"]] = dedupe(need)

    def random_access(self, group):
        rng = self.rng
        tables = ["case", "sold_product", "account", "contact", "install_base"]
        if group == "account":
            scopes = ["holder", "holder", "holder_cases"]
        elif group == "consumer":
            scopes = ["holder", "holder_cases", "self"]
        else:
            scopes = [
                "holder",
                "holder",
                "holder_cases",
                "account",
                "account_tree",
                "partner_customers",
                "self",
                "partner_contact",
            ]
        level_sets = [
            ["read"],
            ["read"],
            ["read", "write"],
            ["read", "write", "create"],
            ["full"],
            ["read", "create"],
        ]
        entries = []
        seen = set()
        for _ in range(rng.randint(1, 3)):
            scope = rng.choice(scopes)
            table = (
                "case"
                if scope in ("holder_cases", "self", "partner_contact")
                else rng.choice(tables)
            )
            if (table, scope) in seen:
                continue
            seen.add((table, scope))
            when = rng.choice(WHENS) if rng.random() < 0.15 else None
            entries.append((table, rng.choice(level_sets), scope, when))
        return entries

    def build_accounts(self):
        rng = self.rng
        n_acc = self.n("accounts", 40)
        n_part = max(4, round(n_acc * PARTNER_RATIO))
        self.n_partners = n_part
        acc = []
        # Index order is a topological order for every relationship type:
        # partners first, customers after; every relationship goes from a
        # lower index to a higher one, so no type can have a cycle.
        for i in range(n_acc):
            adj = ADJ[rng.randrange(len(ADJ))]
            noun = NOUN[rng.randrange(len(NOUN))]
            is_partner = i < n_part
            a = {
                "i": i,
                "id": f"{adj}-{noun}-{i}".lower(),
                "partner": is_partner,
                "customer": (not is_partner) or rng.random() < 0.1,
                "parent": None,
                "depth": 0,
                "children": 0,
                "active": True,
                "restrict": False,
                "reserved": False,
                "contacts": [],
                "domain": f"{adj}-{noun}.com".lower(),
            }
            if is_partner:
                a["name"] = f"{adj} {noun} Partners {i}"
            elif i % 97 == 13:
                a["name"] = f'{adj} "{noun}" Group {i}'
            elif i % 89 == 7:
                a["name"] = f"{adj} {noun} \\ Co. {i}"
            else:
                a["name"] = f"{adj} {noun} {i}"
            a["code"] = f"ACC-{i:06d}" if rng.random() < 0.9 else None
            acc.append(a)
        # Reserved accounts used by the tests: no hierarchy, fixed contacts.
        p0, x, xr = acc[0], acc[n_part], acc[n_part + 1]
        p0.update(
            id="gsi-tech", name="GSI Tech", customer=False, reserved=True, domain="gsi-tech.com"
        )
        x.update(id="abc-corp", name="ABC Corp", reserved=True, domain="abc-corp.com")
        xr.update(
            id="restricted-holdings",
            name="Restricted Holdings",
            reserved=True,
            restrict=True,
            domain="restricted-holdings.com",
        )
        # Hierarchy: partner trees (3 levels max), customer trees (4 levels max).
        for i in range(1, n_part):
            if i > 1 and rng.random() < 0.3:
                j = rng.randrange(1, i)
                if acc[j]["depth"] < 2:
                    self._set_parent(acc, i, j)
        first_c = n_part + 2
        for i in range(first_c + 1, n_acc):
            if rng.random() < 0.75:
                for _ in range(5):
                    j = rng.randrange(max(first_c, i - 60), i)
                    if acc[j]["depth"] < 3:
                        self._set_parent(acc, i, j)
                        break
        for a in acc:
            if a["reserved"] or a["partner"]:
                continue
            if a["children"] == 0 and rng.random() < 0.01:
                a["active"] = False
            if rng.random() < 0.03:
                a["restrict"] = True
        # Roots and tree membership.
        for a in acc:
            a["root"] = a["i"] if a["parent"] is None else acc[a["parent"]]["root"]
        self.tree = {}
        for a in acc:
            self.tree.setdefault(a["root"], []).append(a["i"])
        self.acc = acc
        self.reserved_acc = {p0["i"], x["i"], xr["i"]}
        self.free_acc = [a["i"] for a in acc if not a["reserved"]]
        self.free_customers = [
            a["i"] for a in acc if not a["reserved"] and a["customer"] and not a["partner"]
        ]

    @staticmethod
    def _set_parent(acc, i, j):
        acc[i]["parent"] = j
        acc[i]["depth"] = acc[j]["depth"] + 1
        acc[j]["children"] += 1

    def build_contacts(self):
        rng = self.rng
        acc = self.acc
        total = self.n("contacts", 3 * len(acc) + 8)
        counts = [3] * len(acc)
        fixed = {0: 3, self.n_partners: 3, self.n_partners + 1: 2}
        for i, c in fixed.items():
            counts[i] = c
        free = self.free_acc
        remaining = total - sum(counts)
        weights = [rng.lognormvariate(0.0, 1.0) for _ in free]
        for k in rng.choices(range(len(free)), weights=weights, k=max(0, remaining)):
            counts[free[k]] += 1
        self.con = []
        for a in acc:
            for k in range(counts[a["i"]]):
                idx = len(self.con)
                fd, fa = FIRST[rng.randrange(len(FIRST))]
                ld, la = LAST[rng.randrange(len(LAST))]
                c = {
                    "i": idx,
                    "id": f"c{idx}-{fa}-{la}",
                    "name": f"{fd} {ld}",
                    "email": f"{fa[0]}.{la}{idx}@{a['domain']}",
                    "account": a["i"],
                    "active": True,
                    "reserved": a["reserved"],
                    "phone": None,
                }
                if rng.random() < 0.3:
                    c["phone"] = f"+1-{rng.randrange(200, 999)}-555-{rng.randrange(10000):04d}"
                if a["reserved"]:
                    if a["partner"]:
                        c["roles"] = ["partner_admin" if k == 0 else "partner"]
                    else:
                        c["roles"] = [
                            "customer_admin" if (k == 0 and not a["restrict"]) else "customer"
                        ]
                else:
                    r = rng.random()
                    if a["partner"]:
                        roles = (
                            ["partner_admin"]
                            if r < 0.15
                            else (
                                ["partner_case_manager"]
                                if r < 0.22
                                else (["customer"] if r < 0.25 else ["partner"])
                            )
                        )
                    else:
                        roles = (
                            ["customer_admin"]
                            if r < 0.10
                            else (
                                ["billing_contact"]
                                if r < 0.14
                                else (
                                    ["site_manager"]
                                    if r < 0.16
                                    else (["support_portal_user"] if r < 0.19 else ["customer"])
                                )
                            )
                        )
                    if rng.random() < 0.03:
                        roles.append("product_viewer")
                    c["roles"] = roles
                    if rng.random() < 0.01:
                        c["active"] = False
                a["contacts"].append(idx)
                self.con.append(c)
        self.free_contacts = [c["i"] for c in self.con if not c["reserved"]]
        for a in acc:
            a["primary"] = a["contacts"][0] if (a["reserved"] or rng.random() < 0.8) else None

    def build_consumers_users(self):
        rng = self.rng
        self.consumers = []
        for i in range(self.n("consumers", 10)):
            fd, fa = FIRST[rng.randrange(len(FIRST))]
            ld, la = LAST[rng.randrange(len(LAST))]
            r = rng.random()
            roles = (
                None if r < 0.8 else (["consumer"] if r < 0.95 else ["consumer", "product_viewer"])
            )
            self.consumers.append(
                {
                    "id": f"consumer-{i:06d}-{fa}-{la}",
                    "name": f"{fd} {ld}",
                    "email": f"{fa}{i}@mail{i % 7}.example.com",
                    "phone": f"+44-20-7946-{rng.randrange(10000):04d}"
                    if rng.random() < 0.5
                    else None,
                    "roles": roles,
                    "active": rng.random() >= 0.01,
                }
            )
        self.users = []
        for i in range(self.n("users", 10)):
            fd, fa = FIRST[rng.randrange(len(FIRST))]
            ld, la = LAST[rng.randrange(len(LAST))]
            r = rng.random()
            if i == 0 or r < 0.7:
                roles = ["relationship_agent"]
                r2 = rng.random()
                if r2 < 0.2:
                    roles.append("csm_agent")
                elif r2 < 0.3:
                    roles.append("csm_supervisor")
            else:
                roles = [
                    rng.choice(
                        ["csm_agent", "case_reader_plus", "csm_supervisor", "case_read_granular"]
                    )
                ]
            self.users.append(
                {
                    "id": f"agent-{i:05d}-{fa}-{la}",
                    "name": f"{fd} {ld}",
                    "email": f"{fa}.{la}.{i}@csm.internal.example.com",
                    "roles": roles,
                    "active": True,
                }
            )
        self.agents = [i for i, u in enumerate(self.users) if "relationship_agent" in u["roles"]]

    def build_account_relationships(self):
        rng = self.rng
        acc = self.acc
        n_part = self.n_partners
        partners = list(range(n_part))
        rels = []  # (from, type, to, order)
        seen = set()

        def targets(p):
            # Customers above p in index order (never reserved).
            return [i for i in self.free_customers if i > p] + [
                i for i in range(p + 1, n_part) if acc[i]["customer"] and not acc[i]["reserved"]
            ]

        def add(f, t, to):
            key = (f, t, to)
            if key in seen or f == to:
                return False
            seen.add(key)
            order = rng.choice([10, 20, 50, 200]) if rng.random() < 0.1 else None
            rels.append((f, t, to, order))
            return True

        # Built-in partner_account: every partner at least one (CSM703).
        total_pa = self.n("rel_partner_account", n_part + 1)
        add(0, "partner_account", self.n_partners)  # gsi-tech -> abc-corp
        counts = [1] * n_part
        counts[0] = 0
        weights = [rng.lognormvariate(0.0, 0.6) for _ in partners]
        for k in rng.choices(partners, weights=weights, k=max(0, total_pa - 1 - sum(counts))):
            counts[k] += 1
        tcache = {}
        for p in partners:
            if counts[p] == 0:
                continue
            tl = tcache[p] = targets(p)
            for to in rng.sample(tl, min(counts[p], len(tl))):
                add(p, "partner_account", to)
        # At small scales a partner may have fewer targets than drawn: top up.
        have = len(rels)
        for _ in range(max(0, total_pa - have) * 20):
            if have >= total_pa:
                break
            p = rng.randrange(1, n_part)
            if tcache[p] and add(p, "partner_account", rng.choice(tcache[p])):
                have += 1
        for t, key in (("reseller", "rel_reseller"), ("service_provider", "rel_service_provider")):
            want = self.n(key, 2)
            have = 0
            for _ in range(want * 20):
                if have >= want:
                    break
                p = rng.randrange(n_part)
                tl = tcache.get(p) or targets(p)
                if tl and add(p, t, rng.choice(tl)):
                    have += 1
        # Affiliates also absorb any shortfall above, so the total stays linear.
        total = sum(self.n(k, 0) for k in BASE if k.startswith("rel_"))
        want = max(self.n("rel_affiliate", 2), total - len(rels))
        fc = self.free_customers
        have = 0
        for _ in range(want * 20):
            if have >= want:
                break
            a1, a2 = rng.choice(fc), rng.choice(fc)
            if a1 != a2 and add(min(a1, a2), "affiliate", max(a1, a2)):
                have += 1
        rng.shuffle(rels)
        self.rels = rels
        self.related = {}
        for f, _t, to, _o in rels:
            self.related.setdefault(f, []).append(to)
            self.related.setdefault(to, []).append(f)

    def add_roles(self, principal, rid):
        need = self.resp_roles[rid]
        if need:
            if principal["roles"] is None:
                principal["roles"] = ["consumer"]
            principal["roles"] = dedupe(principal["roles"] + need)

    def build_contact_relationships(self):
        rng = self.rng
        acc, con = self.acc, self.con
        usable = self.groups["contact"] + self.groups["mixed"]
        self.unique_used = set()  # (responsibility, account index)
        pairs = set()
        cand_cache = {}
        rows = []

        def candidates(ai):
            cl = cand_cache.get(ai)
            if cl is None:
                cl = [
                    j
                    for j in dedupe(self.tree[acc[ai]["root"]] + self.related.get(ai, []))
                    if j != ai and j not in self.reserved_acc
                ]
                cand_cache[ai] = cl
            return cl

        def one(r):
            for _ in range(50):
                ci = rng.choice(self.free_contacts)
                cl = candidates(con[ci]["account"])
                if not cl:
                    continue
                ai = rng.choice(cl)
                if (ci, ai) in pairs:
                    continue
                if r["unique"] and (r["id"], ai) in self.unique_used:
                    continue
                pairs.add((ci, ai))
                if r["unique"]:
                    self.unique_used.add((r["id"], ai))
                self.add_roles(con[ci], r["id"])
                order = rng.choice([1, 5, 10, 50]) if rng.random() < 0.1 else None
                rows.append((ci, ai, r["id"], order))
                return True
            return False

        want = self.n("contact_relationships", len(usable))
        for r in usable:  # every responsibility usable here is held once
            one(r)
        while len(rows) < want:
            one(rng.choice(usable))
        self.crels = rows

    def build_team_members(self):
        rng = self.rng
        usable = self.groups["user"] + self.groups["mixed"]
        extra = [{"id": "account_manager", "unique": False}]
        pairs = set()
        rows = []

        def one(r):
            for _ in range(50):
                ui = rng.choice(self.agents)
                ai = rng.choice(self.free_acc)
                if (ui, ai) in pairs:
                    continue
                if r["unique"] and (r["id"], ai) in self.unique_used:
                    continue
                pairs.add((ui, ai))
                if r["unique"]:
                    self.unique_used.add((r["id"], ai))
                self.add_roles(self.users[ui], r["id"])
                rows.append((ui, ai, r["id"]))
                return True
            return False

        want = self.n("team_members", len(usable))
        for r in usable:
            one(r)
        pool = usable + extra
        while len(rows) < want:
            one(rng.choice(pool))
        self.team = rows

    def build_related_party_configs(self):
        rng = self.rng
        g = self.groups
        cn = [r["id"] for r in g["contact"] if not r["unique"]]
        cu = [r["id"] for r in g["contact"] if r["unique"]]
        un = [r["id"] for r in g["user"] if not r["unique"]]
        uu = [r["id"] for r in g["user"] if r["unique"]]
        cons = [r["id"] for r in g["consumer"]]
        accs = [r["id"] for r in g["account"]]
        some = lambda pool, k: rng.sample(pool, min(k, len(pool)))
        # id, name, applies_to, entity_type, default, allowed, order
        self.rpc = [
            (
                "sp-technical-contact",
                "Technical Contact",
                "sold_product",
                "contact",
                cn[0],
                dedupe([cn[0]] + some(cn, 6) + cu[:2] + ["authorized_representative"]),
                10,
            ),
            (
                "sp-billing-contact",
                "Billing Contact",
                "sold_product",
                "contact",
                "authorized_representative",
                dedupe(["authorized_representative"] + some(cn, 4)),
                20,
            ),
            (
                "sp-co-owner",
                "Co-owner",
                "sold_product",
                "consumer",
                cons[0],
                dedupe(cons + ["authorized_representative"]),
                None,
            ),
            (
                "sp-authorized-account",
                "Authorized Account",
                "sold_product",
                "account",
                "authorized_account",
                dedupe(["authorized_account"] + accs),
                None,
            ),
            (
                "sp-service-owner",
                "Service Owner",
                "sold_product",
                "user",
                "account_manager",
                dedupe(["account_manager"] + some(un, 4) + uu[:1]),
                30,
            ),
            ("case-watcher", "Watcher", "case", "contact", "authorized_representative", None, None),
            (
                "case-co-borrower",
                "Co-borrower",
                "case",
                "consumer",
                "authorized_representative",
                None,
                None,
            ),
            (
                "ib-site-contact",
                "Site Contact",
                "install_base",
                "contact",
                "authorized_representative",
                None,
                None,
            ),
            (
                "ib-maintainer",
                "Maintainer",
                "install_base",
                "account",
                "authorized_account",
                ["authorized_account"] + accs[:1],
                5,
            ),
        ]
        self.sp_configs = [c for c in self.rpc if c[2] == "sold_product"]
        self.unique_ids = {r["id"] for r in self.resp if r["unique"]}

    def build_sold_products(self):
        rng = self.rng
        acc, con = self.acc, self.con
        n_sp = self.n("sold_products", 20)
        cfg = {c[0]: c for c in self.sp_configs}
        # Holding coverage: every consumer / account responsibility once.
        cover = [("sp-co-owner", r["id"]) for r in self.groups["consumer"]] + [
            ("sp-authorized-account", r["id"]) for r in self.groups["account"]
        ]
        owners = [i for i in self.free_acc if acc[i]["customer"]]
        self.sps = []
        for s in range(n_sp):
            oi = rng.choice(owners)
            owner = acc[oi]
            sp = {
                "id": f"sp-{s:06d}",
                "name": f"{rng.choice(PRODUCTS)} #{100000 + s}",
                "account": oi,
                "contact": None,
                "parties": [],
            }
            if rng.random() < 0.7:
                sp["contact"] = rng.choice(owner["contacts"])
            used_keys = set()
            used_unique = set()
            plan = []
            if s < len(cover):
                plan.append(cover[s])
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                plan.append((rng.choice(self.sp_configs)[0], None))
            for cid, forced in plan:
                _, _, _, etype, default, allowed, _ = cfg[cid]
                if etype == "contact":
                    if rng.random() < 0.6:
                        pi = rng.choice(owner["contacts"])
                    else:
                        pi = rng.choice(self.free_contacts)
                    party = ("contact", pi)
                elif etype == "consumer":
                    party = ("consumer", rng.randrange(len(self.consumers)))
                elif etype == "account":
                    party = ("account", rng.choice(self.free_acc))
                else:
                    party = ("user", rng.randrange(len(self.users)))
                if (party, cid) in used_keys:
                    continue
                resp = forced
                if resp is None and rng.random() < 0.5:
                    resp = rng.choice(allowed)
                    if resp in self.unique_ids and resp in used_unique:
                        resp = None
                eff = resp or default
                if eff in self.unique_ids:
                    used_unique.add(eff)
                used_keys.add((party, cid))
                kind, pi = party
                if kind == "contact":
                    self.add_roles(con[pi], eff)
                elif kind == "user":
                    self.add_roles(self.users[pi], eff)
                elif kind == "consumer":
                    self.add_roles(self.consumers[pi], eff)
                sp["parties"].append((party, cid, resp))
            self.sps.append(sp)
        # A product of the restricted account, named contact = its first contact.
        xr = acc[self.n_partners + 1]
        self.sps.append(
            {
                "id": "sp-restricted-vault",
                "name": "Restricted Vault Service",
                "account": xr["i"],
                "contact": xr["contacts"][0],
                "parties": [],
            }
        )

    def cover_declared_roles(self):
        """Every declared role is held directly by someone (no CSM702)."""
        held = set()
        for p in self.con + self.users + self.consumers:
            held.update(p["roles"] or [])
        customers = [
            c for c in self.con if not c["reserved"] and not self.acc[c["account"]]["partner"]
        ]
        partners = [c for c in self.con if not c["reserved"] and self.acc[c["account"]]["partner"]]
        for rid, _n, kind, contains, _a in DECLARED_ROLES:
            if rid in held:
                continue
            if kind == "internal":
                who = self.users[-1]
            elif "partner" in contains:
                who = partners[-1]
            else:
                who = customers[-1]
            who["roles"] = dedupe(who["roles"] + [rid])

    def build_tests(self):
        acc, con = self.acc, self.con
        p0, x, xr = acc[0], acc[self.n_partners], acc[self.n_partners + 1]
        cid = lambda i: "contact:" + con[i]["id"]
        p0_admin, x_admin, x_user = p0["contacts"][0], x["contacts"][0], x["contacts"][1]
        tests = [
            {
                # partner_admin works the cases whose partner is its account: run time
                "name": "GSI Tech's partner admin works the ABC Corp cases GSI Tech handles",
                "principal": cid(p0_admin),
                "conditional": ["read", "write", "create"],
                "table": "case",
                "on": "account:" + x["id"],
            },
            {
                "name": "exactly ABC Corp's admin writes ABC Corp cases",
                "who_can": "write",
                "table": "case",
                "on": "account:" + x["id"],
                "expect": [cid(x_admin)],
            },
            {
                "name": "a plain ABC Corp customer sees only the cases where she is the contact",
                "principal": cid(x_user),
                "conditional": ["read", "write", "create"],
                "table": "case",
                "on": "account:" + x["id"],
            },
            {
                "name": "nobody at ABC Corp reads GSI Tech cases",
                "principal": cid(x_user),
                "cannot": ["full"],
                "table": "case",
                "on": "account:" + p0["id"],
            },
            {
                "name": "the named contact reads the restricted product",
                "principal": cid(xr["contacts"][0]),
                "can": ["read"],
                "table": "sold_product",
                "on": "sold_product:sp-restricted-vault",
            },
            {
                "name": "restriction removes the blanket read of sold products",
                "principal": cid(xr["contacts"][1]),
                "cannot": ["read"],
                "table": "sold_product",
                "on": "sold_product:sp-restricted-vault",
            },
        ]
        # A customer case manager reaches an active descendant account's cases.
        for a in acc:
            if a["reserved"] or a["partner"] or a["parent"] is not None or not a["active"]:
                continue
            kids = [k for k in self.tree[a["i"]] if k != a["i"] and acc[k]["active"]]
            act = [c for c in a["contacts"] if con[c]["active"]]
            if kids and act:
                c = con[act[0]]
                if "customer_case_manager" not in c["roles"]:
                    c["roles"] = ["customer_case_manager"] + c["roles"]
                tests.append(
                    {
                        "name": f"{a['name']}'s case manager works subsidiary cases",
                        "principal": cid(act[0]),
                        "can": ["read", "write", "create"],
                        "table": "case",
                        "on": "account:" + acc[kids[-1]]["id"],
                    }
                )
                break
        # A partner admin manages one of its customers (built-in partner_account).
        for f, t, to, _o in self.rels:
            if t == "partner_account" and f != 0 and acc[to]["active"]:
                act = [c for c in acc[f]["contacts"] if con[c]["active"]]
                if not act:
                    continue
                c = con[act[0]]
                if "partner_admin" not in c["roles"]:
                    c["roles"] = ["partner_admin"] + c["roles"]
                tests.append(
                    {
                        "name": f"{acc[f]['name']}'s partner admin works {acc[to]['name']} cases",
                        "principal": cid(act[0]),
                        "conditional": ["full"],
                        "table": "case",
                        "on": "account:" + acc[to]["id"],
                    }
                )
                break
        # Contacts of an unrestricted owner read its sold products (rule 3).
        for sp in self.sps:
            o = acc[sp["account"]]
            act = [c for c in o["contacts"] if con[c]["active"]]
            if o["active"] and not o["restrict"] and not o["reserved"] and act:
                tests.append(
                    {
                        "name": f"{o['name']}'s contacts read product {sp['id']}",
                        "principal": cid(act[-1]),
                        "can": ["read"],
                        "table": "sold_product",
                        "on": "sold_product:" + sp["id"],
                    }
                )
                break
        self.tests = tests

    # ---------------------------------------------------------------- emit
    def emit_responsibility(self, r):
        L = [f"  - id: {q(r['id'])}", f"    name: {q(r['name'])}"]
        L.append(
            f"    type: {qlist(r['type'])}"
            if len(r["type"]) > 1
            else f"    type: {q(r['type'][0])}"
        )
        if r["unique"]:
            L.append("    unique: true")
        if r["roles_required"]:
            L.append(f"    roles_required: {qlist(r['roles_required'])}")
        if r["includes"]:
            L.append(f"    includes: {qlist(r['includes'])}")
        L.extend(self.emit_access(r["access"], "    "))
        return "\n".join(L)

    @staticmethod
    def emit_access(entries, ind):
        if not entries:
            return []
        L = [f"{ind}access:"]
        for table, levels, scope, when in entries:
            L.append(f"{ind}  - table: {q(table)}")
            L.append(f"{ind}    levels: {qlist(levels)}")
            L.append(f"{ind}    scope: {q(scope)}")
            if when:
                L.append(f"{ind}    when: {q(when)}")
        return L

    def emit_account(self, a):
        L = [f"  - id: {q(a['id'])}", f"    name: {q(a['name'])}"]
        if not a["customer"]:
            L.append("    customer: false")
        if a["partner"]:
            L.append("    partner: true")
        if a["parent"] is not None:
            L.append(f"    parent: {q(self.acc[a['parent']]['id'])}")
        if a["code"]:
            L.append(f"    code: {q(a['code'])}")
        if a["primary"] is not None:
            L.append(f"    primary_contact: {q(self.con[a['primary']]['id'])}")
        if a["restrict"]:
            L.append("    restrict_contact_access: true")
        if not a["active"]:
            L.append("    active: false")
        return "\n".join(L)

    def emit_contact(self, c):
        L = [f"  - id: {q(c['id'])}", f"    name: {q(c['name'])}", f"    email: {q(c['email'])}"]
        if c["phone"]:
            L.append(f"    phone: {q(c['phone'])}")
        L.append(f"    account: {q(self.acc[c['account']]['id'])}")
        L.append(f"    roles: {qlist(c['roles'])}")
        if not c["active"]:
            L.append("    active: false")
        return "\n".join(L)

    @staticmethod
    def emit_person(p):
        L = [f"  - id: {q(p['id'])}", f"    name: {q(p['name'])}", f"    email: {q(p['email'])}"]
        if p.get("phone"):
            L.append(f"    phone: {q(p['phone'])}")
        if p["roles"] is not None:
            L.append(f"    roles: {qlist(p['roles'])}")
        if not p["active"]:
            L.append("    active: false")
        return "\n".join(L)

    def emit_rel(self, rel):
        f, t, to, order = rel
        s = f"  - from: {q(self.acc[f]['id'])}\n    to: {q(self.acc[to]['id'])}\n    type: {q(t)}"
        if order is not None:
            s += f"\n    order: {order}"
        return s

    def emit_crel(self, row):
        ci, ai, rid, order = row
        s = (
            f"  - contact: {q(self.con[ci]['id'])}\n    account: {q(self.acc[ai]['id'])}\n"
            f"    responsibility: {q(rid)}"
        )
        if order is not None:
            s += f"\n    order: {order}"
        return s

    def emit_team(self, row):
        ui, ai, rid = row
        return (
            f"  - user: {q(self.users[ui]['id'])}\n    account: {q(self.acc[ai]['id'])}\n"
            f"    responsibility: {q(rid)}"
        )

    def party_ref(self, party):
        kind, i = party
        if kind == "contact":
            return "contact:" + self.con[i]["id"]
        if kind == "consumer":
            return "consumer:" + self.consumers[i]["id"]
        if kind == "account":
            return "account:" + self.acc[i]["id"]
        return "user:" + self.users[i]["id"]

    def emit_sp(self, sp):
        L = [
            f"  - id: {q(sp['id'])}",
            f"    name: {q(sp['name'])}",
            f"    account: {q(self.acc[sp['account']]['id'])}",
        ]
        if sp["contact"] is not None:
            L.append(f"    contact: {q(self.con[sp['contact']]['id'])}")
        if sp["parties"]:
            L.append("    related_parties:")
            for party, cid, resp in sp["parties"]:
                L.append(f"      - party: {q(self.party_ref(party))}")
                L.append(f"        type: {q(cid)}")
                if resp:
                    L.append(f"        responsibility: {q(resp)}")
        return "\n".join(L)

    def emit_rpc(self, c):
        rid, name, applies, etype, default, allowed, order = c
        L = [
            f"  - id: {q(rid)}",
            f"    name: {q(name)}",
            f"    applies_to: {q(applies)}",
            f"    entity_type: {q(etype)}",
            f"    default_responsibility: {q(default)}",
        ]
        if allowed is not None:
            L.append(f"    allowed_responsibilities: {qlist(allowed)}")
        if order is not None:
            L.append(f"    order: {order}")
        return "\n".join(L)

    @staticmethod
    def emit_role(role):
        rid, name, kind, contains, access = role
        L = [
            f"  - id: {q(rid)}",
            f"    name: {q(name)}",
            f"    kind: {q(kind)}",
            f"    contains: {qlist(contains)}",
        ]
        L.extend(Corpus.emit_access(access, "    "))
        return "\n".join(L)

    @staticmethod
    def emit_reltype(t):
        rid, name, f, to, label, rlabel, pa = t
        return "\n".join(
            [
                f"  - id: {q(rid)}",
                f"    name: {q(name)}",
                f"    from: {q(f)}",
                f"    to: {q(to)}",
                f"    label: {q(label)}",
                f"    reverse_label: {q(rlabel)}",
                f"    partner_access: {b(pa)}",
                "    active: true",
            ]
        )

    @staticmethod
    def emit_test(t):
        L = [f"  - name: {q(t['name'])}"]
        if "principal" in t:
            L.append(f"    principal: {q(t['principal'])}")
        if "who_can" in t:
            L.append(f"    who_can: {q(t['who_can'])}")
        for k in ("can", "cannot", "conditional"):
            if k in t:
                L.append(f"    {k}: {qlist(t[k])}")
        L.append(f"    table: {q(t['table'])}")
        L.append(f"    on: {q(t['on'])}")
        if "expect" in t:
            L.append(f"    expect: {qlist(t['expect'])}")
        return "\n".join(L)

    def files(self):
        """Yield (relative path, text)."""
        head = (
            f"# csmconf benchmark corpus: generated by benchmarks/generate_corpus.py "
            f"(generator v{GENERATOR_VERSION}, scale {self.scale:g}, seed {self.seed}). "
            "Do not edit.\nversion: 1\n"
        )

        def doc(*sections):
            parts = [head]
            for name, blocks in sections:
                parts.append(f"{name}:\n")
                if blocks:
                    parts.append("\n".join(blocks))
                    parts.append("\n")
            return "".join(parts)

        def compact(block):
            # The other common block style: sequence items not indented
            # under their key ("contacts:\n- id: ...").
            return block[2:].replace("\n  ", "\n")

        def chunked(section, folder, rows, emit, per, style=None):
            nfiles = max(1, -(-len(rows) // per))
            for k in range(nfiles):
                part = rows[k * per : (k + 1) * per]
                blocks = [emit(r) for r in part]
                if style is not None:
                    blocks = [style(x) for x in blocks]
                yield (f"{folder}/part-{k + 1:03d}.yaml", doc((section, blocks)))

        yield (
            "catalog/settings.yaml",
            head + "settings:\n  restrict_contact_relationships_to_hierarchy: true\n"
            "  one_responsibility_per_contact_and_account: true\n"
            '  dialects: ["sqlite", "postgresql", "mysql"]\n',
        )
        yield (
            "catalog/roles-and-relationship-types.yaml",
            doc(
                ("roles", [self.emit_role(r) for r in DECLARED_ROLES]),
                ("relationship_types", [self.emit_reltype(t) for t in RELATIONSHIP_TYPES]),
            ),
        )
        yield (
            "catalog/related-party-configs.yml",
            doc(("related_party_configs", [self.emit_rpc(c) for c in self.rpc])),
        )
        yield from chunked(
            "responsibilities",
            "responsibilities",
            self.resp,
            self.emit_responsibility,
            PER_FILE["responsibilities"],
        )
        yield from chunked(
            "accounts", "accounts", self.acc, self.emit_account, PER_FILE["accounts"]
        )
        yield from chunked(
            "contacts", "contacts", self.con, self.emit_contact, PER_FILE["contacts"], compact
        )
        yield from chunked(
            "consumers", "consumers", self.consumers, self.emit_person, PER_FILE["consumers"]
        )
        yield from chunked("users", "users", self.users, self.emit_person, PER_FILE["users"])
        yield from chunked(
            "account_relationships",
            "account-relationships",
            self.rels,
            self.emit_rel,
            PER_FILE["account_relationships"],
            compact,
        )
        yield from chunked(
            "contact_relationships",
            "contact-relationships",
            self.crels,
            self.emit_crel,
            PER_FILE["contact_relationships"],
        )
        yield from chunked(
            "team_members", "team-members", self.team, self.emit_team, PER_FILE["team_members"]
        )
        yield from chunked(
            "sold_products", "sold-products", self.sps, self.emit_sp, PER_FILE["sold_products"]
        )
        yield ("tests/access-tests.yml", doc(("tests", [self.emit_test(t) for t in self.tests])))

    def counts(self):
        return {
            "accounts": len(self.acc),
            "partners": self.n_partners,
            "contacts": len(self.con),
            "consumers": len(self.consumers),
            "users": len(self.users),
            "roles": len(DECLARED_ROLES),
            "relationship_types": len(RELATIONSHIP_TYPES),
            "account_relationships": len(self.rels),
            "contact_relationships": len(self.crels),
            "team_members": len(self.team),
            "responsibilities": len(self.resp),
            "related_party_configs": len(self.rpc),
            "sold_products": len(self.sps),
            "related_parties": sum(len(s["parties"]) for s in self.sps),
            "tests": len(self.tests),
        }


def prepare_out(out: str, force: bool) -> None:
    if os.path.isdir(out) and os.listdir(out):
        if not force:
            sys.exit(f"generate_corpus: {out} is not empty (use --force to replace a corpus)")
        if not os.path.exists(os.path.join(out, MARKER)):
            sys.exit(
                f"generate_corpus: refusing to delete {out}: it holds no {MARKER} marker, "
                "so it was not written by this generator"
            )
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


def generate(scale: float, out: str, seed: int = DEFAULT_SEED, force: bool = False) -> dict:
    """Write the corpus; return a summary dict."""
    t0 = time.perf_counter()
    corpus = Corpus(scale, seed)
    corpus.build()
    prepare_out(out, force)
    nfiles = nbytes = 0
    made = set()
    for rel, text in corpus.files():
        path = os.path.join(out, rel)
        d = os.path.dirname(path)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        data = text.encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(data)
        nfiles += 1
        nbytes += len(data)
    with open(os.path.join(out, MARKER), "w", encoding="ascii") as fh:
        fh.write(f"generator {GENERATOR_VERSION} scale {scale!r} seed {seed}\n")
    summary = {"files": nfiles, "bytes": nbytes, "seconds": time.perf_counter() - t0}
    summary.update(corpus.counts())
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="size factor: 1 is ~100 files / ~12 MB / 50,000 contacts (default 1)",
    )
    ap.add_argument("--out", required=True, help="directory to write (created; must be empty)")
    ap.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)"
    )
    ap.add_argument(
        "--force",
        action="store_true",
        help="replace an existing corpus written earlier by this generator",
    )
    args = ap.parse_args(argv)
    if not args.scale > 0:
        ap.error("--scale must be positive")
    s = generate(args.scale, args.out, args.seed, args.force)
    counts = " ".join(f"{k}={v}" for k, v in s.items() if k not in ("files", "bytes", "seconds"))
    print(
        f"corpus {args.out}: {s['files']} files, {s['bytes']} bytes "
        f"({s['bytes'] / 1e6:.1f} MB), {counts}, {s['seconds']:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
