"""Property-based tests (hypothesis) of the whole pipeline.

a. arbitrary text and mutated example files never make the compiler raise;
b. decisions on generated hierarchies agree with a brute-force reachability;
c. adding a relationship never removes access;
d. generated cycles are reported once each, from the smallest id, over real edges.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import CONFIGS, REPO, describe
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from csmconf.diagnostics import Diagnostic
from csmconf.pipeline import compile_config

RANK = {"denied": 0, "conditional": 1, "allowed": 2}
COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}


def _compile_files(files: dict[str, str | bytes]):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "cfg"
        root.mkdir()
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8", newline="")
        return compile_config(root)


def _check_outcome(result):
    assert isinstance(result.diagnostics, list)
    for d in result.diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.place.file and isinstance(d.place.line, int) and isinstance(d.place.column, int)
        assert isinstance(d.message, str) and d.message


# -- a. robustness ----------------------------------------------------------------------------

STRUCTURAL = list(":-[]{}&*!|>'\"#\t\n ,?%@`~")
yamlish = st.text(
    alphabet=st.one_of(
        st.sampled_from(STRUCTURAL),
        st.characters(min_codepoint=32, max_codepoint=126),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=300,
)
prefixes = st.sampled_from(
    ["", "version: 1\n", "version: 1\naccounts:\n  - ", "version: 1\ncontacts:\n"]
)


@settings(max_examples=150, **COMMON)
@given(prefix=prefixes, body=yamlish)
def test_random_text_never_raises(prefix, body):
    _check_outcome(_compile_files({"x.yaml": prefix + body}))


@settings(max_examples=40, **COMMON)
@given(raw=st.binary(max_size=200))
def test_random_bytes_never_raise(raw):
    _check_outcome(_compile_files({"x.yaml": raw}))


@settings(max_examples=3, **COMMON)
@given(prefix=prefixes, body=yamlish)
def test_cli_validate_json_on_random_text(prefix, body):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "cfg"
        root.mkdir()
        (root / "x.yaml").write_text(prefix + body, encoding="utf-8", newline="")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        proc = subprocess.run(
            [sys.executable, "-m", "csmconf", "validate", str(root), "--format", "json"],
            capture_output=True,
            text=True,
            cwd=tmp,
            env=env,
            timeout=120,
            check=False,
        )
    assert proc.returncode in (0, 1), (proc.returncode, proc.stdout, proc.stderr)
    doc = json.loads(proc.stdout)
    assert isinstance(doc, dict)
    assert isinstance(doc.get("diagnostics"), list)
    errors = sum(1 for d in doc["diagnostics"] if d.get("severity") == "error")
    assert (errors > 0) == (proc.returncode == 1)


EXAMPLE_FILES = {
    p.relative_to(CONFIGS).as_posix(): p.read_text(encoding="utf-8")
    for p in sorted(CONFIGS.rglob("*.yaml"))
}


@st.composite
def mutated_examples(draw):
    name = draw(st.sampled_from(sorted(EXAMPLE_FILES)))
    lines = EXAMPLE_FILES[name].split("\n")
    n = len(lines)
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "replace", "tab"]))
    i = draw(st.integers(0, n - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "replace":
        if lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            ch = draw(
                st.one_of(st.sampled_from(STRUCTURAL), st.characters(blacklist_categories=("Cs",)))
            )
            lines[i] = lines[i][:k] + ch + lines[i][k + 1 :]
    else:
        k = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:k] + "\t" + lines[i][k:]
    files = dict(EXAMPLE_FILES)
    files[name] = "\n".join(lines)
    return files


@settings(max_examples=100, **COMMON)
@given(files=mutated_examples())
def test_mutated_examples_never_raise(files):
    _check_outcome(_compile_files(files))


# -- generated account forests ---------------------------------------------------------------


@st.composite
def forests(draw, min_n=1, max_n=12):
    n = draw(st.integers(min_n, max_n))
    parents = [None] + [draw(st.one_of(st.none(), st.integers(0, i - 1))) for i in range(1, n)]
    active = [draw(st.booleans()) if draw(st.integers(0, 3)) == 0 else True for _ in range(n)]
    partner = [draw(st.booleans()) for _ in range(n)]
    # partner_account edges: from a partner to another account; partner -> partner only
    # upwards in index, so the relationships of the type never form a cycle
    candidates = [
        (i, j)
        for i in range(n)
        if partner[i]
        for j in range(n)
        if i != j and (not partner[j] or i < j)
    ]
    rels = (
        draw(st.lists(st.sampled_from(candidates), unique=True, max_size=8)) if candidates else []
    )
    return n, parents, active, partner, rels


def acc(i: int) -> str:
    return f"acc{i:02d}"


def forest_yaml(n, parents, active, partner, rels) -> str:
    out = ["version: 1", "accounts:"]
    for i in range(n):
        out += [f"  - id: {acc(i)}", f"    name: Account {i}"]
        if parents[i] is not None:
            out.append(f"    parent: {acc(parents[i])}")
        if partner[i]:
            out.append("    partner: true")
        if not active[i]:
            out.append("    active: false")
    if rels:
        out.append("account_relationships:")
        for a, b in rels:
            out += [f"  - from: {acc(a)}", f"    to: {acc(b)}", "    type: partner_account"]
    return "\n".join(out) + "\n"


@st.composite
def admin_scenarios(draw):
    n, parents, active, partner, rels = draw(forests())
    role = draw(st.sampled_from(["customer_admin", "customer_case_manager", "partner_admin"]))
    if role == "partner_admin":
        partners = [i for i in range(n) if partner[i]]
        assume(partners)
        home = draw(st.sampled_from(partners))
    else:
        home = draw(st.integers(0, n - 1))
    contact_active = draw(st.booleans()) if draw(st.integers(0, 4)) == 0 else True
    return n, parents, active, partner, rels, role, home, contact_active


def brute_force_reach(n, parents, active, rels, role, home, contact_active) -> dict[int, str]:
    """account index -> the decision on reading its cases (absent: denied)."""
    if not contact_active or not active[home]:
        return {}
    # customer_admin: its own account; customer_case_manager: the tree, cut at inactive accounts;
    # partner_admin: its own account (it contains customer_admin) and, at run time (the case's
    # partner), the partner customers one hop away
    reach = {home: "allowed"}
    if role == "customer_case_manager":
        children = {i: [j for j in range(n) if parents[j] == i] for i in range(n)}
        todo = [home]
        while todo:
            for c in children[todo.pop()]:
                if active[c] and c not in reach:
                    reach[c] = "allowed"
                    todo.append(c)
    if role == "partner_admin":
        for a, b in rels:
            if a == home and active[b] and b not in reach:
                reach[b] = "conditional"
    return reach


@settings(max_examples=250, **COMMON)
@given(scenario=admin_scenarios())
def test_admin_reach_matches_brute_force(scenario):
    n, parents, active, partner, rels, role, home, contact_active = scenario
    text = forest_yaml(n, parents, active, partner, rels)
    text += (
        "contacts:\n"
        f"  - id: admin\n    name: Admin\n    account: {acc(home)}\n    roles: [{role}]\n"
        + ("" if contact_active else "    active: false\n")
    )
    result = _compile_files({"a.yaml": text})
    errors = [d for d in result.diagnostics if d.is_error]
    assert not errors, describe(errors) + "\n" + text
    expected = brute_force_reach(n, parents, active, rels, role, home, contact_active)
    contact = result.config.lookup("contact:admin")
    for x in range(n):
        got = result.engine.decide(
            contact, "read", "case", result.config.lookup(f"account:{acc(x)}")
        ).decision
        want = expected.get(x, "denied")
        assert got == want, f"account {acc(x)}: expected {want}, got {got}\n{text}"


# -- c. monotonicity -------------------------------------------------------------------------

CONTACT_ROLES = ["customer", "customer_admin", "customer_case_manager", "partner", "partner_admin"]


@st.composite
def monotone_scenarios(draw):
    n, parents, active, partner, rels = draw(forests(min_n=2, max_n=8))
    contacts = []
    for k in range(draw(st.integers(1, 4))):
        home = draw(st.integers(0, n - 1))
        roles = CONTACT_ROLES if partner[home] else CONTACT_ROLES[:3]
        contacts.append(
            (f"c{k}", home, draw(st.lists(st.sampled_from(roles), unique=True, max_size=2)))
        )
    crs = draw(
        st.lists(
            st.tuples(st.sampled_from([c[0] for c in contacts]), st.integers(0, n - 1)),
            unique=True,
            max_size=2,
        )
    )
    add_kind = draw(st.sampled_from(["account_relationship", "contact_relationship"]))
    if add_kind == "account_relationship":
        candidates = [
            (i, j)
            for i in range(n)
            if partner[i]
            for j in range(n)
            if i != j and (i, j) not in rels and (not partner[j] or i < j)
        ]
        assume(candidates)
        added = draw(st.sampled_from(candidates))
    else:
        c = draw(st.sampled_from(contacts))
        added = (c[0], draw(st.integers(0, n - 1)))
        assume(added not in crs)
    return (n, parents, active, partner, rels), contacts, crs, add_kind, added


def monotone_yaml(forest, contacts, crs) -> str:
    text = forest_yaml(*forest)
    text += "contacts:\n"
    for cid, home, roles in contacts:
        text += f"  - id: {cid}\n    name: {cid}\n    account: {acc(home)}\n    roles: [{', '.join(roles)}]\n"
    if crs:
        text += "contact_relationships:\n"
        for cid, target in crs:
            text += (
                f"  - contact: {cid}\n    account: {acc(target)}\n"
                "    responsibility: authorized_representative\n"
            )
    return text


def _what_can(result) -> dict:
    out = {}
    for p in result.config.principals:
        for d in result.engine.what_can(p):
            out[(d.principal, d.level, d.table, d.target)] = d.decision
    return out


@settings(max_examples=120, **COMMON)
@given(scenario=monotone_scenarios())
def test_adding_a_relationship_never_removes_access(scenario):
    forest, contacts, crs, add_kind, added = scenario
    before_text = monotone_yaml(forest, contacts, crs)
    if add_kind == "account_relationship":
        n, parents, active, partner, rels = forest
        after_text = monotone_yaml((n, parents, active, partner, [*rels, added]), contacts, crs)
    else:
        after_text = monotone_yaml(forest, contacts, [*crs, added])
    before = _what_can(_compile_files({"a.yaml": before_text}))
    after = _what_can(_compile_files({"a.yaml": after_text}))
    lost = {
        k: (v, after.get(k, "denied"))
        for k, v in before.items()
        if RANK[after.get(k, "denied")] < RANK[v]
    }
    assert not lost, f"adding {add_kind} {added} removed access: {lost}\n{after_text}"


# -- d. cycles --------------------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,6}", fullmatch=True)


@st.composite
def cycle_scenarios(draw):
    kind = draw(st.sampled_from(["hierarchy", "relationship"]))
    n_cycles = draw(st.integers(1, 2))
    lengths = [draw(st.integers(2, 6)) for _ in range(n_cycles)]
    n_tails = draw(st.integers(0, 3))
    names = draw(
        st.lists(ids, min_size=sum(lengths) + n_tails, max_size=sum(lengths) + n_tails, unique=True)
    )
    cycles, pos = [], 0
    for length in lengths:
        cycles.append(names[pos : pos + length])
        pos += length
    tails = names[pos:]
    edges: dict[str, str] = {}  # hierarchy: child -> parent; relationships: from -> to
    for cyc in cycles:
        for a, b in zip(cyc, cyc[1:] + cyc[:1]):
            edges[a] = b
    tail_edges = []
    members = [m for cyc in cycles for m in cyc]
    for t in tails:
        # a tail hangs below / points at a cycle member, or stands alone
        target = draw(st.one_of(st.none(), st.sampled_from(members)))
        if target is not None:
            tail_edges.append((t, target))
    order = draw(st.permutations(members + tails))
    return kind, cycles, edges, tail_edges, order


def cycle_yaml(kind, edges, tail_edges, order):
    """The YAML text and, for each edge (a, b), the (line, column) of its declaring value."""
    lines = ["version: 1", "accounts:"]
    places: dict[tuple[str, str], tuple[int, int]] = {}
    all_edges = dict(edges)
    tails = dict(tail_edges)
    for acc_id in order:
        lines.append(f"  - id: '{acc_id}'")
        lines.append(f"    name: Account {acc_id}")
        if kind == "relationship":
            lines.append("    partner: true")
        elif acc_id in all_edges or acc_id in tails:
            target = all_edges.get(acc_id, tails.get(acc_id))
            lines.append(f"    parent: '{target}'")
            places[(acc_id, target)] = (len(lines), 13)
    if kind == "relationship":
        lines.append("account_relationships:")
        for a in order:
            for b in [all_edges.get(a), tails.get(a)]:
                if b is None:
                    continue
                lines.append(f"  - from: '{a}'")
                lines.append(f"    to: '{b}'")
                places[(a, b)] = (len(lines), 9)
                lines.append("    type: partner_account")
    return "\n".join(lines) + "\n", places


@settings(max_examples=150, **COMMON)
@given(scenario=cycle_scenarios())
def test_cycles_reported_once_from_smallest_id(scenario):
    kind, cycles, edges, tail_edges, order = scenario
    text, places = cycle_yaml(kind, edges, tail_edges, order)
    result = _compile_files({"a.yaml": text})
    code = "CSM400" if kind == "hierarchy" else "CSM403"
    found = [d for d in result.diagnostics if d.code == code]
    other_cycles = [
        d
        for d in result.diagnostics
        if d.code in ("CSM400", "CSM401", "CSM402", "CSM403", "CSM404") and d.code != code
    ]
    assert not other_cycles, describe(result.diagnostics)
    assert len(found) == len(cycles), describe(result.diagnostics) + "\n" + text

    declared = dict(edges)
    declared.update(dict(tail_edges))
    reported = set()
    for d in found:
        m = re.search(r"cycle: (.*)$", d.message)
        assert m, d.message
        path = m.group(1).split(" -> ")
        assert path[0] == path[-1], d.message
        nodes = path[:-1]
        assert len(set(nodes)) == len(nodes), d.message
        assert path[0] == min(nodes, key=lambda s: s.encode()), d.message
        hops = list(itertools.pairwise(path))
        for a, b in hops:
            assert (a, b) in places, f"hop {a} -> {b} is no declared edge\n{text}"
        # the cycle matches one generated cycle
        match = [c for c in cycles if set(c) == set(nodes)]
        assert len(match) == 1, (d.message, cycles)
        reported.add(frozenset(nodes))
        # primary place: the edge leaving the smallest id; related: every hop, in path order
        line, column = places[hops[0]]
        assert (d.place.file, d.place.line, d.place.column) == ("a.yaml", line, column), (
            describe([d]) + "\n" + text
        )
        assert [(r.place.line, r.place.column) for r in d.related] == [places[h] for h in hops], (
            describe([d]) + "\n" + text
        )
    assert reported == {frozenset(c) for c in cycles}


# -- e. one decision function: effective() / what_can / who_can equal decide() ---------------

GRANULAR = ["case_read_granular", "case_write_granular", "sold_product_read_granular"]
ENTRY_SCOPES = {
    # (table, scope) pairs a generated responsibility or role entry may use
    "responsibility": [
        ("case", "holder"),
        ("case", "holder_cases"),
        ("sold_product", "holder"),
        ("contact", "holder"),
        ("install_base", "holder"),
        ("case", "partner_account"),
        ("case", "account_tree"),
    ],
    "role": [
        ("case", "partner_account"),
        ("case", "partner_contact"),
        ("sold_product", "account"),
        ("install_base", "account_tree"),
        ("contact", "partner_customers"),
        ("case", "self"),
    ],
}


@st.composite
def decision_scenarios(draw):
    """A forest with partner relationships, restricted accounts, named contacts, a chain of
    responsibilities with roles_required held through contact relationships and account
    related parties, and a declared role with partner_account and `when` entries."""
    n, parents, active, partner, rels = draw(forests(min_n=2, max_n=7))
    restricted = [draw(st.booleans()) for _ in range(n)]
    out = forest_yaml(n, parents, active, partner, rels).split("\n")
    lines = []
    for line in out:
        lines.append(line)
        m = re.match(r"  - id: acc(\d\d)$", line)
        if m and restricted[int(m.group(1))]:
            lines.append("    restrict_contact_access: true")
    text = "\n".join(lines)
    text += "settings:\n  restrict_contact_relationships_to_hierarchy: false\n"
    text += "  one_responsibility_per_contact_and_account: false\n"

    def entries(kind, k):
        picked = draw(
            st.lists(st.sampled_from(ENTRY_SCOPES[kind]), min_size=0, max_size=3, unique=True)
        )
        body = ""
        for table, scope in picked:
            levels = draw(
                st.lists(
                    st.sampled_from(["read", "write", "create"]),
                    min_size=1,
                    max_size=2,
                    unique=True,
                )
            )
            body += f"      - table: {table}\n        levels: [{', '.join(levels)}]\n"
            body += f"        scope: {scope}\n"
            if draw(st.integers(0, 3)) == 0:
                body += '        when: "active=true"\n'
        return ("    access:\n" + body) if body else ""

    text += "roles:\n  - id: gen-role\n    kind: external\n    servicenow_name: u_gen_role\n"
    text += entries("role", 0)
    # a chain r0 -> r1 -> r2 (and sometimes r0 -> r2 directly), each maybe requiring a role
    text += "responsibilities:\n"
    for k in range(3):
        text += f"  - id: r{k}\n    type: [contact, account]\n"
        req = draw(st.lists(st.sampled_from(GRANULAR), max_size=1))
        if req:
            text += f"    roles_required: [{req[0]}]\n"
        inc = [f"r{k + 1}"] if k < 2 else []
        if k == 0 and draw(st.booleans()):
            inc.append("r2")
        if inc:
            text += f"    includes: [{', '.join(inc)}]\n"
        text += entries("responsibility", k)
    roles_pool = ["customer", "customer_admin", "customer_case_manager", "gen-role", *GRANULAR]
    text += "contacts:\n"
    contacts = []
    for k in range(draw(st.integers(1, 5))):
        home = draw(st.integers(0, n - 1))
        pool = roles_pool + (["partner", "partner_admin"] if partner[home] else [])
        roles = draw(st.lists(st.sampled_from(pool), unique=True, max_size=3))
        contacts.append((f"c{k}", home))
        text += f"  - id: c{k}\n    account: acc{home:02d}\n    roles: [{', '.join(roles)}]\n"
        if draw(st.integers(0, 5)) == 0:
            text += "    active: false\n"
    crs = draw(
        st.lists(
            st.tuples(st.sampled_from(contacts), st.integers(0, n - 1), st.integers(0, 2)),
            unique=True,
            max_size=3,
        )
    )
    if crs:
        text += "contact_relationships:\n"
        for (cid, _home), target, r in crs:
            text += f"  - contact: {cid}\n    account: acc{target:02d}\n    responsibility: r{r}\n"
    text += "related_party_configs:\n"
    text += "  - id: dept\n    name: Dept\n    applies_to: sold_product\n    entity_type: account\n"
    text += "    default_responsibility: r0\n"
    text += "  - id: person\n    name: Person\n    applies_to: sold_product\n"
    text += "    entity_type: contact\n    default_responsibility: r1\n"
    text += "sold_products:\n"
    for k in range(draw(st.integers(1, 3))):
        owner = draw(st.integers(0, n - 1))
        text += f"  - id: sp{k}\n    account: acc{owner:02d}\n"
        members = [cid for cid, home in contacts if home == owner]
        if members and draw(st.booleans()):
            text += f"    contact: {draw(st.sampled_from(members))}\n"
        parties = []
        if draw(st.booleans()):
            parties.append(f"account:acc{draw(st.integers(0, n - 1)):02d}|dept")
        if draw(st.booleans()):
            parties.append(f"contact:{draw(st.sampled_from(contacts))[0]}|person")
        parties = sorted(set(parties))
        if parties:
            text += "    related_parties:\n"
            for item in parties:
                party, rtype = item.split("|")
                text += f"      - party: {party}\n        type: {rtype}\n"
    return text


@settings(max_examples=120, **COMMON)
@given(text=decision_scenarios())
def test_enumerations_equal_decide(text):
    result = _compile_files({"a.yaml": text})
    fatal = [d for d in result.diagnostics if d.code < "CSM400" and d.is_error]
    assert not fatal, describe(fatal) + "\n" + text
    cfg, engine = result.config, result.engine
    targets = [*cfg.accounts.values(), *cfg.sold_products.values()]
    levels, tables = (
        ("read", "write", "create"),
        ("case", "sold_product", "account", "contact", "install_base"),
    )
    for p in cfg.principals:
        found = engine.effective(p)
        listed = {(d.level, d.table, d.target): d.decision for d in engine.what_can(p)}
        for level in levels:
            for table in tables:
                for t in targets:
                    want = engine.decide(p, level, table, t).decision
                    key = (level, table, t.ref)
                    got = found[key][0] if key in found else "denied"
                    assert got == want, (p.ref, key, got, want, text)
                    assert listed.get(key, "denied") == want, (p.ref, key, text)
        # streaming one principal's grants without the cache gives the same decisions
        assert engine.what_can(p) == list(engine.what_can(p, cache=False))
    for level in levels:
        for table in tables:
            for t in targets:
                who = {d.principal for d in engine.who_can(level, table, t)}
                brute = {
                    p.ref
                    for p in cfg.principals
                    if engine.decide(p, level, table, t).decision != "denied"
                }
                assert who == brute, (level, table, t.ref, who ^ brute, text)
