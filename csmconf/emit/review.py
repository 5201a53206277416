"""Review files: `access/effective_access.csv` and `manifest.json`.

The CSV lists every (principal, level, table, target) that is not denied,
with the decision `check` gives and a summary of the paths that give it. It
is computed from each principal's grants, walking only the targets a grant
reaches (per-account sold-product lists are built once), never the full
principal x target x table x level cube.
"""

from __future__ import annotations

import hashlib
import json

from .. import __version__
from .acl import _held
from .csv_cells import cell

CSV_HEADER = (
    "principal",
    "principal_name",
    "level",
    "table",
    "target",
    "target_name",
    "decision",
    "paths",
)
MANIFEST_FORMAT_VERSION = 1
_SOLD_TABLES = ("case", "sold_product")


def _summary(grant) -> str:
    """A short path: `role:ID scope`, `responsibility:ID scope on REF`, `named_contact REF`..."""
    if grant.rule == "role":
        text = f"role:{grant.source} {grant.scope}"
    elif grant.rule == "responsibility":
        held = _held(grant)
        text = f"responsibility:{grant.source} {grant.scope}" + (f" on {held[1]}" if held else "")
    elif grant.rule == "account_sold_products":
        text = f"account_sold_products account:{grant.origin}"
    else:
        text = f"named_contact sold_product:{grant.sold_product}"
    if grant.when:
        text += f" when {grant.when}"
    return text


def _csv_field(value: str, cache: dict) -> str:
    """One field through csv_cells (formula guard, CR-safe quoting), cached."""
    text = cache.get(value)
    if text is None:
        text = cache[value] = cell(value)
    return text


class _Targets:
    """What a grant reaches, computed once per distinct account set (they are shared frozensets)."""

    def __init__(self, config):
        self.active = frozenset(a.id for a in config.accounts.values() if a.active)
        owned: dict[str, list[str]] = {}
        for sp in sorted(config.sold_products.values(), key=lambda s: s.id):
            if sp.account is not None and sp.account.active:
                owned.setdefault(sp.account.id, []).append(sp.id)
        self.owned = owned
        self.owner_of = {
            sp.id: sp.account.id for sp in config.sold_products.values() if sp.account is not None
        }
        self._accounts: dict[frozenset, frozenset] = {}
        self._products: dict[frozenset, frozenset] = {}

    def accounts(self, accounts: frozenset) -> frozenset:
        found = self._accounts.get(accounts)
        if found is None:
            found = self._accounts[accounts] = accounts & self.active
        return found

    def products(self, accounts: frozenset) -> frozenset:
        found = self._products.get(accounts)
        if found is None:
            found = self._products[accounts] = frozenset(
                sp for a in self.accounts(accounts) for sp in self.owned.get(a, ())
            )
        return found


def _reach(g, targets: _Targets):
    """(accounts, sold products) reached on every record, (accounts, sold products) partly, by grant g."""
    table = g.table
    accounts = targets.accounts(g.accounts) if g.accounts else frozenset()
    products = targets.products(g.accounts) if g.accounts and table in _SOLD_TABLES else frozenset()
    part_accounts: frozenset = frozenset()
    if g.sold_product is not None:
        owner = g.sold_product_owner or targets.owner_of.get(g.sold_product)
        if owner in targets.active:
            if table in _SOLD_TABLES:
                products = products | {g.sold_product}
            part_accounts = frozenset((owner,))
    if g.conditional:
        return frozenset(), frozenset(), accounts | part_accounts, products
    return accounts, products, part_accounts, frozenset()


def decision_batches(config, engine):
    """Yield (principal, level, table, target kind, decision, [(target id, granting grants)]), in CSV order.

    The same decisions as `engine.decide` (a test compares them on every
    combination), computed per (principal, level, table) with set operations.
    """
    targets = _Targets(config)
    for p in sorted(config.principals, key=lambda e: (e.kind, e.id)):
        groups: dict[tuple[str, str], list] = {}
        for g in engine.grants(p):
            groups.setdefault((g.level, g.table), []).append(g)
        for level, table in sorted(groups):
            reached = [(g, _reach(g, targets)) for g in groups[(level, table)]]
            full_acc = frozenset().union(*(r[0] for _g, r in reached))
            full_sp = frozenset().union(*(r[1] for _g, r in reached))
            part_acc = frozenset().union(*(r[2] for _g, r in reached)) - full_acc
            part_sp = frozenset().union(*(r[3] for _g, r in reached)) - full_sp
            for kind, allowed, conditional, idx in (
                ("account", full_acc, part_acc, 0),
                ("sold_product", full_sp, part_sp, 1),
            ):
                if not allowed and not conditional:
                    continue
                batch = []
                full_grants = [(g, r[idx]) for g, r in reached if r[idx]]
                part_grants = [(g, r[idx + 2]) for g, r in reached if r[idx + 2]]
                for ident in sorted(allowed | conditional):
                    if ident in allowed:
                        decision, pool = "allowed", full_grants
                    else:
                        decision, pool = "conditional", part_grants
                    if len(pool) == 1:
                        grants = (pool[0][0],)
                    else:
                        grants = tuple(g for g, reach in pool if ident in reach)
                    batch.append((ident, decision, grants))
                yield p, level, table, kind, batch


def effective_access(config, engine):
    """Yield (principal, level, table, target kind, target id, decision, grants), sorted."""
    for p, level, table, kind, batch in decision_batches(config, engine):
        for ident, decision, grants in batch:
            yield p, level, table, kind, ident, decision, grants


def render_effective_access(config, engine) -> bytes:
    """The CSV: header, then one line per decision, in (principal, level, table, target) order."""
    cache: dict[str, str] = {}
    out = [",".join(_csv_field(h, cache) for h in CSV_HEADER) + "\n"]
    target_field: dict[str, dict[str, str]] = {"account": {}, "sold_product": {}}
    for index in (config.accounts, config.sold_products):
        for entity in index.values():
            target_field[entity.kind][entity.id] = (
                _csv_field(f"{entity.kind}:{entity.id}", cache)
                + ","
                + _csv_field(entity.name or "", cache)
            )
    paths: dict[tuple, str] = {}

    def path_of(grants: tuple) -> str:
        key = tuple(map(id, grants))
        path = paths.get(key)
        if path is None:
            parts = sorted({_summary(g) for g in grants})
            path = paths[key] = _csv_field(" | ".join(parts), cache)
        return path

    current = None
    head = ""
    for p, level, table, kind, batch in decision_batches(config, engine):
        if p is not current:
            current = p
            head = (
                _csv_field(f"{p.kind}:{p.id}", cache) + "," + _csv_field(p.name or "", cache) + ","
            )
        fields = target_field[kind]
        prefix = f"{head}{level},{table},"
        out.extend(
            [
                f"{prefix}{fields[ident]},{decision},{path_of(grants)}\n"
                for ident, decision, grants in batch
            ]
        )
    return "".join(out).encode("utf-8")


def render_manifest(input_digests: dict[str, str], outputs: dict[str, bytes], namespace) -> bytes:
    doc = {
        "format_version": MANIFEST_FORMAT_VERSION,
        "compiler": {"name": "csmconf", "version": __version__},
        "namespace": str(namespace),
        "inputs": {
            path: {"sha256": digest}
            for path, digest in sorted(input_digests.items(), key=lambda kv: kv[0].encode())
        },
        "outputs": {
            path: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for path, data in sorted(outputs.items(), key=lambda kv: kv[0].encode())
        },
    }
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
