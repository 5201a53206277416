"""Rows of every table of `tables.py`, built from the resolved configuration.

Values are plain Python (str, int, bool, None) in column order; the SQL
emitters quote them per dialect. Every table's rows come out in a stable
order that does not depend on the order of files or of rows within them:
by natural key, except accounts, which come parents first (depth, then id)
so that foreign keys hold while seeding.

Rows whose references did not resolve are left out: such a configuration
has errors and is never written by `compile`; the emitters only need not
crash on it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..graph.access import expand_levels
from ..resolve.objects import Entity
from .rules import collect_rules
from .tables import Table, build_tables


def _dedupe(items):
    seen = set()
    out = []
    for item in items:
        if item is not None and item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return out


@dataclass
class RelationalModel:
    tables: tuple[Table, ...]
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    # accounts' late column (primary_contact): (account sys_id, contact sys_id or None), seeding order
    primary_contacts: list[tuple[str, str | None]] = field(default_factory=list)

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)


def fast_sys_id(namespace_bytes: bytes, kind: str, key: str) -> str:
    """`objects.sys_id` without building UUID objects (UUIDv5 is SHA-1 with version and variant bits)."""
    digest = bytearray(hashlib.sha1(namespace_bytes + f"{kind}/{key}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    return digest.hex()


class _Ids:
    """sys_ids of entities and links, computed once each."""

    def __init__(self, namespace):
        self.namespace = namespace
        self.ns_bytes = namespace.bytes
        self._cache: dict[tuple[str, str], str] = {}
        # entity -> sys_id: entities hash by identity, so a lookup builds no (kind, id) key
        self._entities: dict[Entity, str] = {}

    def __call__(self, kind: str, key: str) -> str:
        k = (kind, key)
        found = self._cache.get(k)
        if found is None:
            found = self._cache[k] = fast_sys_id(self.ns_bytes, kind, key)
        return found

    def once(self, kind: str, key: str) -> str:
        """A sys_id that is needed once (not cached)."""
        return fast_sys_id(self.ns_bytes, kind, key)

    def of(self, entity: Entity | None) -> str | None:
        if entity is None:
            return None
        found = self._entities.get(entity)
        if found is None:
            found = self._entities[entity] = fast_sys_id(self.ns_bytes, entity.kind, entity.id)
        return found


def _account_depths(accounts) -> dict[str, int]:
    depth: dict[str, int] = {}
    for account in accounts.values():
        chain = []
        node = account
        seen = set()
        while node is not None and node.id not in depth and node.id not in seen:
            seen.add(node.id)
            chain.append(node)
            node = node.parent
        base = depth.get(node.id, -1) if node is not None and node.id in depth else -1
        # a cycle (an invalid configuration) ends the walk; its members count from there
        for i, item in enumerate(reversed(chain)):
            depth[item.id] = base + 1 + i
    return depth


def build_model(config) -> RelationalModel:
    """Every table's rows, from the configuration alone: access is not derived here, the
    neutral rules are evaluated over the seeded tables at run time (docs/database.md)."""
    ids = _Ids(config.namespace)
    tables = build_tables(config.settings.one_responsibility_per_contact_and_account)
    model = RelationalModel(tables)
    rows = model.rows
    by_id = lambda index: [index[k] for k in sorted(index)]

    # -- catalogue ------------------------------------------------------------------------
    rows["csm_relationship_type"] = [
        (
            ids.of(rt),
            rt.id,
            rt.name,
            rt.from_end,
            rt.to_end,
            rt.label,
            rt.reverse_label,
            bool(rt.partner_access),
            bool(rt.active),
            rt.builtin,
        )
        for rt in by_id(config.relationship_types)
        if rt.from_end is not None and rt.to_end is not None
    ]
    roles = [r for r in by_id(config.roles) if r.role_kind is not None]
    role_ids = {r.id for r in roles}
    rows["csm_role"] = [(ids.of(r), r.id, r.name, r.role_kind, r.builtin) for r in roles]
    contains = []
    role_access = []
    for role in roles:
        seen: set[str] = set()  # `contains: [a, a]` is one link (the first place wins)
        for pos, inner in enumerate(role.contains):
            if inner is None or inner.id not in role_ids or inner is role or inner.id in seen:
                continue
            seen.add(inner.id)
            contains.append((role.id, pos, inner.id))
        for pos, entry in enumerate(role.access):
            for level in expand_levels(entry.levels):
                key = f"{role.id}|{pos}|{level}"
                role_access.append(
                    (
                        ids("role_access", key),
                        ids.of(role),
                        pos,
                        entry.table,
                        level,
                        entry.scope,
                        entry.when,
                    )
                )
    rows["csm_role_contains"] = [
        (ids("role_contains", f"{r}|{i}"), ids("role", r), ids("role", i), pos)
        for r, pos, i in sorted(contains, key=lambda c: (c[0], c[2]))
    ]
    rows["csm_role_access"] = role_access  # already in (role id, position, level) order

    resps = by_id(config.responsibilities)
    resp_ids = {r.id for r in resps}
    rows["csm_responsibility"] = [
        (
            ids.of(r),
            r.id,
            r.name,
            "contact" in r.holder_types,
            "consumer" in r.holder_types,
            "user" in r.holder_types,
            "account" in r.holder_types,
            bool(r.unique),
            r.builtin,
        )
        for r in resps
    ]
    includes, required, resp_access = [], [], []
    for resp in resps:
        seen_inc: set[str] = set()
        for pos, inner in enumerate(resp.includes):
            if inner is None or inner is resp or inner.id in seen_inc or inner.id not in resp_ids:
                continue
            seen_inc.add(inner.id)
            includes.append((resp.id, inner.id, pos))
        seen_req: set[str] = set()
        for pos, role in enumerate(resp.roles_required):
            if role is None or role.id in seen_req or role.id not in role_ids:
                continue
            seen_req.add(role.id)
            required.append((resp.id, role.id, pos))
        for pos, entry in enumerate(resp.access):
            for level in expand_levels(entry.levels):
                key = f"{resp.id}|{pos}|{level}"
                resp_access.append(
                    (
                        ids("responsibility_access", key),
                        ids.of(resp),
                        pos,
                        entry.table,
                        level,
                        entry.scope,
                        entry.when,
                    )
                )
    rows["csm_responsibility_includes"] = [
        (
            ids("responsibility_includes", f"{r}|{i}"),
            ids("responsibility", r),
            ids("responsibility", i),
            pos,
        )
        for r, i, pos in sorted(includes)
    ]
    rows["csm_responsibility_role_required"] = [
        (
            ids("responsibility_role_required", f"{r}|{role}"),
            ids("responsibility", r),
            ids("role", role),
            pos,
        )
        for r, role, pos in sorted(required)
    ]
    rows["csm_responsibility_access"] = resp_access

    # -- accounts and people ----------------------------------------------------------------
    depth = _account_depths(config.accounts)
    accounts = sorted(config.accounts.values(), key=lambda a: (depth.get(a.id, 0), a.id))
    rows["csm_account"] = [
        (
            ids.of(a),
            a.id,
            a.name,
            bool(a.customer),
            bool(a.partner),
            ids.of(a.parent) if a.parent is not a else None,
            a.code,
            None,  # primary_contact: set once the contacts exist
            bool(a.restrict_contact_access),
            bool(a.active),
        )
        for a in accounts
        if a.name is not None
    ]
    contacts = [c for c in by_id(config.contacts) if c.account is not None]
    contact_ids = {c.id for c in contacts}
    model.primary_contacts = [
        (
            ids.of(a),
            ids.of(a.primary_contact)
            if a.primary_contact is not None and a.primary_contact.id in contact_ids
            else None,
        )
        for a in accounts
        if a.name is not None
    ]
    rows["csm_contact"] = [
        (ids.of(c), c.id, c.name, c.email, c.phone, ids.of(c.account), bool(c.active))
        for c in contacts
    ]
    consumers = by_id(config.consumers)
    rows["csm_consumer"] = [
        (ids.of(c), c.id, c.name, c.email, c.phone, bool(c.active)) for c in consumers
    ]
    users = by_id(config.users)
    rows["csm_user"] = [(ids.of(u), u.id, u.name, u.email, bool(u.active)) for u in users]
    holdings = []
    for kind, people in (("contact", contacts), ("consumer", consumers), ("user", users)):
        for p in people:
            seen: set[str] = set()
            for pos, role in enumerate(p.roles):
                if role is None or role.id in seen or role.id not in role_ids:
                    continue
                seen.add(role.id)
                pid = ids.of(p)
                holdings.append(
                    (
                        ids.once("principal_role", f"{kind}:{p.id}|{role.id}"),
                        kind,
                        pid if kind == "contact" else None,
                        pid if kind == "consumer" else None,
                        pid if kind == "user" else None,
                        ids.of(role),
                        pos,
                    )
                )
    rows["csm_principal_role"] = holdings  # (kind, id) order, then role position

    # -- links --------------------------------------------------------------------------------
    rels = {}
    for rel in config.account_relationships:
        key = rel.key
        if key is not None and key not in rels and rel.from_account is not rel.to_account:
            rels[key] = rel
    rows["csm_account_relationship"] = [
        (
            ids("account_relationship", key),
            ids.of(rel.from_account),
            ids.of(rel.type),
            ids.of(rel.to_account),
            rel.order,
        )
        for key, rel in sorted(rels.items())
    ]
    crs = {}
    for cr in config.contact_relationships:
        key = cr.key
        if key is not None and key not in crs and cr.contact.id in contact_ids:
            crs[key] = cr
    rows["csm_contact_relationship"] = [
        (
            ids("contact_relationship", key),
            ids.of(cr.contact),
            ids.of(cr.account),
            ids.of(cr.responsibility),
            cr.order,
            True,
        )
        for key, cr in sorted(crs.items())
    ]
    tms = {}
    for tm in config.team_members:
        key = tm.key
        if key is not None and key not in tms:
            tms[key] = tm
    rows["csm_team_member"] = [
        (
            ids("team_member", key),
            ids.of(tm.user),
            ids.of(tm.account),
            ids.of(tm.responsibility),
            True,
        )
        for key, tm in sorted(tms.items())
    ]
    cfgs = [c for c in by_id(config.related_party_configs) if c.applies_to and c.entity_type]
    rows["csm_related_party_config"] = [
        (
            ids.of(c),
            c.id,
            c.name,
            c.applies_to,
            c.entity_type,
            ids.of(c.default_responsibility),
            c.order,
        )
        for c in cfgs
    ]
    allowed = []
    for c in cfgs:
        for pos, resp in enumerate(_dedupe(c.allowed)):
            allowed.append(
                (
                    ids("related_party_config_allowed", f"{c.id}|{resp.id}"),
                    ids.of(c),
                    ids.of(resp),
                    pos,
                )
            )
    rows["csm_related_party_config_allowed"] = allowed
    sps = [sp for sp in by_id(config.sold_products) if sp.account is not None]
    rows["csm_sold_product"] = [
        (
            ids.of(sp),
            sp.id,
            sp.name,
            ids.of(sp.account),
            ids.of(sp.contact) if sp.contact and sp.contact.id in contact_ids else None,
        )
        for sp in sps
    ]
    parties = {}
    for sp in sps:
        for rp in sp.related_parties:
            key = rp.key
            if key is None or rp.party is None or key in parties or rp.type.applies_to is None:
                continue
            parties[key] = rp
    party_rows = []
    for key, rp in sorted(parties.items()):
        kind = rp.party_kind
        pid = ids.of(rp.party)
        party_rows.append(
            (
                ids("related_party", key),
                ids.of(rp.sold_product),
                kind,
                pid if kind == "contact" else None,
                pid if kind == "consumer" else None,
                pid if kind == "account" else None,
                pid if kind == "user" else None,
                ids.of(rp.type),
                "sold_product",
                ids.of(rp.override),
                rp.index,
            )
        )
    rows["csm_related_party"] = party_rows

    # -- the neutral ACL rules ------------------------------------------------------------------
    rows["csm_acl_rule"] = [
        (
            ids.once("acl_rule", rule.name),
            rule.name,
            rule.table,
            rule.operation,
            rule.path,
            rule.scope,
            rule.when,
            rule.decision,
        )
        for rule in collect_rules(config)
    ]
    return model
