"""The access graph: one networkx MultiDiGraph of every entity and typed edge.

Nodes are `kind:id` strings with the resolved object in `obj`. Every edge has
`rel` (its type), a human `label` and where it was declared: `place`, or, on
the shared edges (member_of, holds_role), the source's `field` (and `index`)
that declares it; `edge_place` answers for both. Checks and access decisions
read this graph; nothing below this stage knows what access is.
"""

from __future__ import annotations

import networkx as nx

from .. import vocabulary
from ..diagnostics import BUILTIN, Place
from ..resolve import Config
from ..resolve.objects import Entity

# Edge types. Direction follows how access flows from a principal outwards.
MEMBER_OF = "member_of"  # contact -> account
PARENT_OF = "parent_of"  # parent account -> child account
RELATED_TO = "related_to"  # from account -> to account (attr: type)
HOLDS_ROLE = "holds_role"  # principal -> role
CONTAINS = "contains"  # role -> role
HOLDS = "holds"  # principal or account -> responsibility (attrs: on, via, link)
INCLUDES = "includes"  # responsibility -> responsibility
REQUIRES = "requires"  # responsibility -> role
OWNS = "owns"  # account -> sold product
NAMED_CONTACT = "named_contact"  # contact -> sold product
RELATED_PARTY = "related_party"  # party -> sold product (attr: party)
TYPED = "typed"  # related-party config -> responsibility (default/allowed)
GRANTS = "grants"  # role or responsibility -> table (attr: entry, one access entry)

TABLES = vocabulary.TABLES


def node_id(entity) -> str:
    return f"{entity.kind}:{entity.id}"


def entry_place(holder, index: int) -> Place:
    """Where access entry `index` of a role or responsibility was written."""
    return BUILTIN if holder.row is None else holder.place("access", index)


class _NodeIds(dict):
    """entity -> its node's `kind:id` string, made once per entity.

    Every edge names both ends: formatting the id anew for each edge made a new
    string that the adjacency dicts then kept (370k strings, 28 MB at benchmark
    scale 1). An entity outside the indexes (none is expected) is formatted as before.
    """

    def __missing__(self, entity) -> str:
        return node_id(entity)


def build_graph(config: Config) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    add_node = g.add_node
    add_edge = g.add_edge
    ids = _NodeIds()
    for table in TABLES:
        add_node(f"table:{table}", obj=Entity("table", table, None))
    for index in (
        config.accounts,
        config.contacts,
        config.consumers,
        config.users,
        config.roles,
        config.relationship_types,
        config.responsibilities,
        config.related_party_configs,
        config.sold_products,
    ):
        for entity in index.values():
            ids[entity] = ref = node_id(entity)
            add_node(ref, obj=entity)
    node_id_of = ids.__getitem__

    for account in config.accounts.values():
        if account.parent is not None:
            add_edge(
                node_id_of(account.parent),
                node_id_of(account),
                rel=PARENT_OF,
                place=account.place("parent"),
                label="parent of",
            )
    # The two most numerous edges (110k of 156k at benchmark scale 1) carry nothing of their
    # own: all share one data dict per role index, without a `place`; `edge_place` finds it
    # from the principal (the source), as `place` would have been.
    member_of = {"rel": MEMBER_OF, "label": "member of", "field": "account"}
    holds_role: dict[int, dict] = {}
    for contact in config.contacts.values():
        if contact.account is not None:
            _add_shared_edge(g, node_id_of(contact), node_id_of(contact.account), member_of)
    for index in (config.contacts, config.consumers, config.users):
        for p in index.values():
            for i, role in enumerate(p.roles):
                if role is not None:
                    data = holds_role.get(i)
                    if data is None:
                        data = holds_role[i] = {
                            "rel": HOLDS_ROLE,
                            "label": "holds role",
                            "index": i,
                            "field": "roles",
                        }
                    _add_shared_edge(g, node_id_of(p), node_id_of(role), data)
    for role in config.roles.values():
        for i, inner in enumerate(role.contains):
            if inner is not None:
                add_edge(
                    node_id_of(role),
                    node_id_of(inner),
                    rel=CONTAINS,
                    place=role.place("contains", i),
                    label="contains",
                    index=i,
                )
    for index in (config.roles, config.responsibilities):
        for holder in index.values():
            for i, entry in enumerate(holder.access):
                add_edge(
                    node_id_of(holder),
                    f"table:{entry.table}",
                    rel=GRANTS,
                    entry=entry,
                    place=entry_place(holder, _raw_index(holder, entry, i)),
                    label=f"grants {'/'.join(entry.levels)} on {entry.scope}"
                    + (f" when {entry.when}" if entry.when else ""),
                )
    for resp in config.responsibilities.values():
        for i, inner in enumerate(resp.includes):
            if inner is not None:
                add_edge(
                    node_id_of(resp),
                    node_id_of(inner),
                    rel=INCLUDES,
                    place=resp.place("includes", i),
                    label="includes",
                    index=i,
                )
        for i, role in enumerate(resp.roles_required):
            if role is not None:
                add_edge(
                    node_id_of(resp),
                    node_id_of(role),
                    rel=REQUIRES,
                    place=resp.place("roles_required", i),
                    label="requires",
                    index=i,
                )
    for rel in config.account_relationships:
        if rel.from_account is not None and rel.to_account is not None and rel.type is not None:
            add_edge(
                node_id_of(rel.from_account),
                node_id_of(rel.to_account),
                rel=RELATED_TO,
                place=rel.place(),
                label=rel.type.id,
                type=rel.type,
                link=rel,
            )
    for cr in config.contact_relationships:
        if cr.contact is not None and cr.account is not None and cr.responsibility is not None:
            add_edge(
                node_id_of(cr.contact),
                node_id_of(cr.responsibility),
                rel=HOLDS,
                on=cr.account,
                via="contact_relationship",
                place=cr.place(),
                label=f"holds on account:{cr.account.id} (contact relationship)",
                link=cr,
            )
    for tm in config.team_members:
        if tm.user is not None and tm.account is not None and tm.responsibility is not None:
            add_edge(
                node_id_of(tm.user),
                node_id_of(tm.responsibility),
                rel=HOLDS,
                on=tm.account,
                via="team_member",
                place=tm.place(),
                label=f"holds on account:{tm.account.id} (team member)",
                link=tm,
            )
    for cfg in config.related_party_configs.values():
        if cfg.default_responsibility is not None:
            add_edge(
                node_id_of(cfg),
                node_id_of(cfg.default_responsibility),
                rel=TYPED,
                place=cfg.place("default_responsibility"),
                label="default responsibility",
            )
        for i, resp in enumerate(cfg.allowed_responsibilities or ()):
            if resp is not None:
                add_edge(
                    node_id_of(cfg),
                    node_id_of(resp),
                    rel=TYPED,
                    place=cfg.place("allowed_responsibilities", i),
                    label="allowed responsibility",
                )
    for sp in config.sold_products.values():
        if sp.account is not None:
            add_edge(
                node_id_of(sp.account),
                node_id_of(sp),
                rel=OWNS,
                place=sp.place("account"),
                label="owns",
            )
        if sp.contact is not None:
            add_edge(
                node_id_of(sp.contact),
                node_id_of(sp),
                rel=NAMED_CONTACT,
                place=sp.place("contact"),
                label="named contact of",
            )
        for rp in sp.related_parties:
            if rp.party is None:
                continue
            add_edge(
                node_id_of(rp.party),
                node_id_of(sp),
                rel=RELATED_PARTY,
                place=rp.place(),
                label=f"related party ({rp.type.name})" if rp.type else "related party",
                party=rp,
            )
            resp = rp.responsibility
            if resp is not None:
                add_edge(
                    node_id_of(rp.party),
                    node_id_of(resp),
                    rel=HOLDS,
                    on=sp,
                    via="related_party",
                    place=rp.place(),
                    label=f"holds on sold_product:{sp.id} (related party)",
                    link=rp,
                )
    return g


def _add_shared_edge(g: nx.MultiDiGraph, u: str, v: str, data: dict) -> None:
    """`g.add_edge(u, v, **data)` with `data` itself as the edge's data dict (shared, never
    changed), between nodes that exist. The key is the one add_edge would choose."""
    keydict = g._succ[u].get(v)
    if keydict is None:
        keydict = g.edge_key_dict_factory()
        keydict[0] = data
        g._succ[u][v] = keydict
        g._pred[v][u] = keydict
    else:
        key = len(keydict)
        while key in keydict:
            key += 1
        keydict[key] = data


def edge_place(g: nx.MultiDiGraph, u: str, data: dict) -> Place:
    """Where the edge leaving `u` with `data` was declared."""
    place = data.get("place")
    if place is None:  # a shared edge: declared by its source (see build_graph)
        return g._node[u]["obj"].place(data["field"], data.get("index"))
    return place


def _raw_index(holder, entry, fallback: int) -> int:
    # A role's holder-scoped entries were dropped after CSM202; find the entry as written.
    if holder.row is None:
        return fallback
    for i, written in enumerate(holder.row.model.access or ()):
        if written is entry:
            return i
    return fallback
