"""Review files: `access/effective_access.csv` and `manifest.json`.

The CSV lists every (principal, level, table, target) that is not denied,
with the decision `check` gives and a summary of the paths that give it. It
is computed from each principal's grants, walking only the targets a grant
reaches (per-account sold-product lists are built once), never the full
principal x target x table x level cube.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json

from .. import __version__
from .acl import _held

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
    text = grant.describe()
    if grant.rule == "responsibility":
        held = _held(grant)
        if held is not None:
            text += f" (held on {held[1]})"
    elif grant.rule == "named_contact":
        text += f" (sold_product:{grant.sold_product})"
    if grant.rule in ("role", "account_sold_products") and grant.origin:
        text += f" (from account:{grant.origin})"
    return text


def effective_access(config, engine):
    """Yield (principal, level, table, target kind, target id, decision, grants), sorted."""
    active_accounts = {a.id for a in config.accounts.values() if a.active}
    owned: dict[str, list[str]] = {}
    for sp in sorted(config.sold_products.values(), key=lambda s: s.id):
        if sp.account is not None and sp.account.active:
            owned.setdefault(sp.account.id, []).append(sp.id)
    owner_of = {sp.id: sp.account.id for sp in config.sold_products.values() if sp.account is not None}

    for p in sorted(config.principals, key=lambda e: (e.kind, e.id)):
        best: dict[tuple, list] = {}

        def record(key, rank, grant, best=best):
            found = best.get(key)
            if found is None:
                best[key] = [rank, [grant]]
            elif rank > found[0]:
                found[0] = rank
                found[1] = [grant]
            elif rank == found[0]:
                found[1].append(grant)

        for g in engine.grants(p):
            rank = 1 if g.conditional else 2
            level, table = g.level, g.table
            for a in g.accounts:
                if a not in active_accounts:
                    continue
                record((level, table, "account", a), rank, g)
                if table in _SOLD_TABLES:
                    for sp in owned.get(a, ()):
                        record((level, table, "sold_product", sp), rank, g)
            if g.sold_product is not None:
                owner = g.sold_product_owner or owner_of.get(g.sold_product)
                if owner in active_accounts:
                    if table in _SOLD_TABLES:
                        record((level, table, "sold_product", g.sold_product), rank, g)
                    record((level, table, "account", owner), 1, g)
        ref = f"{p.kind}:{p.id}"
        for key in sorted(best, key=lambda k: (k[0], k[1], k[2], k[3])):
            rank, grants = best[key]
            level, table, kind, ident = key
            yield ref, p, level, table, kind, ident, ("allowed" if rank == 2 else "conditional"), grants


def render_effective_access(config, engine) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    names = {}
    for index in (config.accounts, config.sold_products):
        for entity in index.values():
            names[(entity.kind, entity.id)] = entity.name or ""
    summaries: dict[int, str] = {}
    rows = []
    for ref, p, level, table, kind, ident, decision, grants in effective_access(config, engine):
        parts = set()
        for g in grants:
            s = summaries.get(id(g))
            if s is None:
                s = summaries[id(g)] = _summary(g)
            parts.add(s)
        rows.append(
            (
                ref,
                p.name or "",
                level,
                table,
                f"{kind}:{ident}",
                names.get((kind, ident), ""),
                decision,
                " | ".join(sorted(parts)),
            )
        )
    # (principal, level, table, target), bytewise: ids are ASCII, so code-point order is byte order
    rows.sort(key=lambda r: (r[0], r[2], r[3], r[4]))
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def render_manifest(input_digests: dict[str, str], outputs: dict[str, bytes], namespace) -> bytes:
    doc = {
        "format_version": MANIFEST_FORMAT_VERSION,
        "compiler": {"name": "csmconf", "version": __version__},
        "namespace": str(namespace),
        "inputs": {path: {"sha256": digest} for path, digest in sorted(input_digests.items(), key=lambda kv: kv[0].encode())},
        "outputs": {
            path: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for path, data in sorted(outputs.items(), key=lambda kv: kv[0].encode())
        },
    }
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
