"""Grant paths: what the configuration grants, one path at a time, never per principal.

`access/grants.csv` is built from these. A grant path is one access entry of
a role, one access entry (own or included) of a responsibility *as held* by
one holder on one record, or one of the blanket rules (rule 3: the contacts
of an account read its sold products and install bases; rule 4: the named
contact of a sold product reads it). Their number is the sum of the
configuration's parts (roles' entries, holdings x the entries they carry,
accounts, sold products), never principals x targets.

Each path's decision is what the engine's `decide` gives for the records the
path reaches: `conditional` when a run-time scope or a `when` filter decides
record by record (`access.entry_conditional`, the engine's own test), else
`allowed`. Paths that count for nothing (an inactive holder, a holding on an
inactive account or on a sold product of one, a `holder` entry whose table
the holding has no records of) are left out, as the engine leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import vocabulary
from ..diagnostics import Place
from ..resolve.objects import Account, Contact, SoldProduct
from .access import ACCOUNT_SOLD_PRODUCT_TABLES, AccessEngine, entry_conditional
from .build import GRANTS, HOLDS, node_id

ALLOWED, CONDITIONAL = vocabulary.ALLOWED, vocabulary.CONDITIONAL

#: what a scope measured from the principal reaches, in words (LANGUAGE.md, *Access entries*)
SCOPE_REACH = {
    "self": "records whose contact is the principal, on its account and the accounts it acts for",
    "partner_contact": "records whose partner contact is the principal, on its partner customers",
    "partner_account": "cases whose partner is the principal's account, on its partner customers",
    "account": "the principal's own account",
    "account_tree": "the principal's account and its active descendants",
    "partner_customers": "accounts the principal's account reaches by a partner-access relationship",
}


@dataclass(frozen=True, slots=True)
class GrantPath:
    rule: str  # vocabulary.GRANT_RULES
    who: str  # role:ID, the holder (contact:/user:/consumer:/account:ID), or account:ID (contacts)
    through: str  # how `who` comes to it: holds role / contact_relationship / team_member / ...
    held_on: str  # the record a responsibility is held on (account:/sold_product:ID), or ""
    source: str  # role:ID or responsibility:ID whose entry grants; "" for rules 3 and 4
    includes: str  # the includes chain from the held responsibility to `source` ("a > b")
    roles_required: tuple[str, ...]  # of every responsibility on that chain
    table: str
    levels: tuple[str, ...]
    scope: str
    when: str
    reaches: str
    decision: str
    places: tuple[Place, ...]

    def sort_key(self) -> tuple:
        return (
            vocabulary.GRANT_RULES.index(self.rule),
            self.who.encode(),
            self.held_on.encode(),
            self.through,
            self.source.encode(),
            self.includes.encode(),
            vocabulary.TABLES.index(self.table),
            self.scope,
            self.levels,
            self.when.encode(),
        )


def _holding_reach(scope: str, table: str, on) -> str | None:
    """What an entry with a holder scope reaches from where it is held; None: nothing."""
    if scope == "holder":
        if isinstance(on, Account):
            return f"account:{on.id}"
        if isinstance(on, SoldProduct) and table == "sold_product":
            return f"sold_product:{on.id}"
        return None
    if scope == "holder_cases":
        if isinstance(on, SoldProduct) and table == "case":
            return f"cases of sold_product:{on.id}"
        return None
    return SCOPE_REACH.get(scope)


def grant_paths(engine: AccessEngine) -> list[GrantPath]:
    """Every grant path of the configuration, sorted."""
    return [path for paths in grant_paths_by_rule(engine) for path in paths]


def grant_paths_by_rule(engine: AccessEngine) -> Iterator[list[GrantPath]]:
    """The grant paths of each rule in turn (`GRANT_RULES` order), each list sorted: together
    `grant_paths`, with one rule's paths made and held at a time."""
    config = engine.config
    out: list[GrantPath] = []
    for role in config.roles.values():
        rnode = node_id(role)
        for _table_node, data in engine.out_edges(rnode, GRANTS):
            e = data["entry"]
            out.append(
                GrantPath(
                    "role",
                    rnode,
                    "holds role",
                    "",
                    rnode,
                    "",
                    (),
                    e.table,
                    vocabulary.expand_levels(e.levels),
                    e.scope,
                    e.when or "",
                    SCOPE_REACH[e.scope],
                    CONDITIONAL if entry_conditional(e) else ALLOWED,
                    (data["place"],),
                )
            )
    yield _sorted(out)
    yield _sorted(list(_responsibility_paths(engine)))
    out = []
    for account in config.accounts.values():
        if account.active and not account.restrict_contact_access:
            anode = node_id(account)
            out.extend(
                GrantPath(
                    "account_sold_products",
                    anode,
                    "every contact of the account",
                    "",
                    "",
                    "",
                    (),
                    table,
                    ("read",),
                    "account",
                    "",
                    anode,
                    ALLOWED,
                    (account.id_place,),
                )
                for table in ACCOUNT_SOLD_PRODUCT_TABLES
            )
    yield _sorted(out)
    out = []
    for account in config.accounts.values():
        if not account.active:
            continue
        anode = node_id(account)
        out.append(
            GrantPath(
                "named_contact",
                anode,
                "every contact of the account",
                "",
                "",
                "",
                (),
                "sold_product",
                ("read",),
                "self",
                "",
                f"sold products of {anode} whose contact is the principal",
                CONDITIONAL,
                (account.id_place,),
            )
        )
    for sp in config.sold_products.values():
        c = sp.contact
        if c is None or sp.account is None or not sp.account.active:
            continue
        if not engine.active_principal(c):
            continue
        out.append(
            GrantPath(
                "named_contact",
                node_id(c),
                "named contact",
                node_id(sp),
                "",
                "",
                (),
                "sold_product",
                ("read",),
                "holder",
                "",
                node_id(sp),
                ALLOWED,
                (sp.place("contact"),),
            )
        )
    yield _sorted(out)


def _sorted(paths: list[GrantPath]) -> list[GrantPath]:
    paths.sort(key=GrantPath.sort_key)
    return paths


def _responsibility_paths(engine: AccessEngine):
    config = engine.config
    # 49k paths at benchmark scale 2: the strings and tuples many of them share are made once
    inner_nodes: dict[str, str] = {}
    expanded: dict[int, tuple[str, ...]] = {}  # id of an access entry -> its levels, expanded
    holders = [
        *config.contacts.values(),
        *config.consumers.values(),
        *config.users.values(),
        *config.accounts.values(),
    ]
    for holder in holders:
        hnode = node_id(holder)
        if isinstance(holder, Account):
            if not holder.active:
                continue
        elif not engine.active_principal(holder):
            continue
        measured_from_principal = isinstance(holder, (Contact, Account))
        for resp_node, data in engine.out_edges(hnode, HOLDS):
            on = data["on"]
            if isinstance(on, Account) and not on.active:
                continue
            if isinstance(on, SoldProduct) and (on.account is None or not on.account.active):
                continue
            on_node = node_id(on)
            resp = engine.obj(resp_node)
            for inner, hops in engine.include_closure(resp):
                chain = [resp, *(engine.obj(h.target) for h in hops)]
                required = tuple(
                    dict.fromkeys(r.id for x in chain for r in x.roles_required if r is not None)
                )
                inode = inner_nodes.get(inner.id)
                if inode is None:
                    inode = inner_nodes[inner.id] = node_id(inner)
                includes = " > ".join(x.id for x in chain) if hops else ""
                for _table_node, grant in engine.out_edges(inode, GRANTS):
                    e = grant["entry"]
                    if e.scope not in vocabulary.HOLDER_SCOPES and not measured_from_principal:
                        continue  # users and consumers have no account to measure from
                    reaches = _holding_reach(e.scope, e.table, on)
                    if reaches is None:
                        continue
                    if reaches == on_node:  # the same text: one string for both columns
                        reaches = on_node
                    levels = expanded.get(id(e))
                    if levels is None:
                        levels = expanded[id(e)] = vocabulary.expand_levels(e.levels)
                    yield GrantPath(
                        "responsibility",
                        hnode,
                        data["via"],
                        on_node,
                        inode,
                        includes,
                        required,
                        e.table,
                        levels,
                        e.scope,
                        e.when or "",
                        reaches,
                        CONDITIONAL if entry_conditional(e) else ALLOWED,
                        (data["place"], *(h.place for h in hops), grant["place"]),
                    )
