"""Access decisions, computed by walking the access graph.

A principal's *grants* are found once by walking out from its node: the
roles it holds (and those they contain), the responsibilities it holds (and
those they include, when their `roles_required` are held), the blanket read
of its account's sold products and its named-contact sold products. Each
grant says which records it reaches: a set of accounts (all their records of
the table), or one sold product (itself, or its cases), unconditionally or
only at run time. A decision on a target is the best any grant gives.

Contacts are leaves: the account-level reach that many contacts share
(account trees, partner customers) is computed once per account and cached,
so answering for every principal never walks the graph per contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .. import vocabulary
from ..diagnostics import Place
from ..resolve import Config
from ..resolve.objects import (
    Account,
    Contact,
    Entity,
    Responsibility,
    Role,
    SoldProduct,
)
from .build import (
    CONTAINS,
    GRANTS,
    HOLDS,
    HOLDS_ROLE,
    INCLUDES,
    MEMBER_OF,
    NAMED_CONTACT,
    PARENT_OF,
    RELATED_TO,
    build_graph,
    edge_place,
    node_id,
)

LEVELS = vocabulary.LEVELS
TABLES = vocabulary.TABLES
ALLOWED, CONDITIONAL, DENIED = vocabulary.ALLOWED, vocabulary.CONDITIONAL, vocabulary.DENIED
_RANK = vocabulary.DECISION_RANK
expand_levels = vocabulary.expand_levels
#: edge types whose every edge a check reads (the cycle checks): listed once by AccessEngine
_LISTED = (PARENT_OF, CONTAINS, INCLUDES)
#: rule 3: what every contact of an unrestricted account reads of its account's records
ACCOUNT_SOLD_PRODUCT_TABLES = ("sold_product", "install_base")


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path: `source` -[label]-> `target`, declared at `place`."""

    source: str
    label: str
    target: str
    place: Place

    def to_dict(self) -> dict:
        return {
            "from": self.source,
            "edge": self.label,
            "to": self.target,
            "place": str(self.place),
        }


@dataclass(frozen=True, slots=True)
class Grant:
    """What one path grants a principal: LEVEL on TABLE of some records."""

    table: str
    level: str
    rule: str  # role | responsibility | account_sold_products | named_contact
    source: str  # the role or responsibility whose entry grants, or the rule
    scope: str  # the entry's scope, or the rule
    conditional: bool  # run-time scope or `when` filter
    accounts: frozenset = frozenset()  # account ids: all their records of the table
    sold_product: str | None = None  # one sold product id (itself, or its cases)
    sold_product_owner: str | None = None  # the account that owns that sold product
    via: tuple[Hop, ...] = ()  # principal -> role/responsibility chain -> entry
    origin: str | None = None  # account the scope is measured from (its tree, partners)
    when: str | None = None
    # for a responsibility: (responsibility id, `kind:id` held on, through, holder node)
    held: tuple | None = None
    # accounts on which the grant reaches only records chosen at run time and none of their
    # declared sold products as such (rule 4: the sold products naming the principal as contact)
    account_records: frozenset = frozenset()

    def decision_on(self, target: Entity, owner: Account | None) -> str:
        if target.kind == "account":
            if target.id in self.accounts:
                return CONDITIONAL if self.conditional else ALLOWED
            if target.id in self.account_records:
                return CONDITIONAL
            if self.sold_product is not None and self.sold_product_owner == target.id:
                return CONDITIONAL  # one sold product's records among the account's
            return DENIED
        # a sold product: its owner's records cover it; a sold-product grant covers itself
        if owner is not None and owner.id in self.accounts:
            return CONDITIONAL if self.conditional else ALLOWED
        if self.sold_product == target.id:
            return CONDITIONAL if self.conditional else ALLOWED
        return DENIED

    def describe(self) -> str:
        cond = ""
        if self.when:
            cond = f" when {self.when}"
        if self.rule == "role":
            return f"role {self.source}: {self.table} {self.level} on {self.scope}{cond}"
        if self.rule == "responsibility":
            return f"responsibility {self.source}: {self.table} {self.level} on {self.scope}{cond}"
        if self.rule == "account_sold_products":
            return f"every contact of an account reads its {self.table.replace('_', ' ')}s"
        if self.account_records:
            return "the named contact of a sold product reads it (a run-time field of the record)"
        return "the named contact of a sold product reads it"


@dataclass
class Decision:
    principal: str
    level: str
    table: str
    target: str
    decision: str
    grants: list[Grant] = field(default_factory=list)
    grant_decisions: list[str] = field(default_factory=list)  # what each grant alone gives
    paths: list[list[Hop]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "principal": self.principal,
            "level": self.level,
            "table": self.table,
            "target": self.target,
            "decision": self.decision,
            "paths": [
                {
                    "grant": g.describe(),
                    "decision": gd,
                    "hops": [h.to_dict() for h in hops],
                }
                for g, gd, hops in zip(self.grants, self.grant_decisions, self.paths)
            ],
        }


class AccessEngine:
    def __init__(self, config: Config):
        self.config = config
        self.graph: nx.MultiDiGraph = build_graph(config)
        # The walks below read the graph's own adjacency dicts (plain dicts; networkx's views
        # cost a call per step) and pick one edge type among a node's few edges: a copy of
        # the adjacency indexed by type was 26 MB at benchmark scale 1, for no faster walk.
        self._succ = self.graph._succ
        # the edges of the types some check reads in full (cycles), in `graph.edges()` order
        self._listed: dict[str, list] = {rel: [] for rel in _LISTED}
        # record (account or sold product) -> holders of a responsibility on it, the reverse walk
        # `who_can` starts from
        self._held_on: dict[str, list[str]] = {}
        listed, held_on = self._listed, self._held_on
        for u, nbrs in self._succ.items():
            for v, keyed in nbrs.items():
                for data in keyed.values():
                    rel = data["rel"]
                    if rel in listed:
                        listed[rel].append((u, v, data))
                    if rel == HOLDS:
                        held_on.setdefault(node_id(data["on"]), []).append(u)
                    elif rel == NAMED_CONTACT:
                        held_on.setdefault(v, []).append(u)
        self._grants: dict[str, list[Grant]] = {}
        self._tree: dict[str, frozenset] = {}
        self._partners: dict[str, frozenset] = {}
        self._roles: dict[str, dict[str, tuple[Hop, ...]]] = {}
        self._includes: dict[str, list[tuple[Responsibility, tuple[Hop, ...]]]] = {}
        self._owned: dict[str, list[str]] | None = None
        self._acts_for: dict[str, frozenset] = {}
        self._gated: dict[tuple, list] = {}
        self._required: frozenset | None = None

    def release(self) -> None:
        """Let the graph's memory go now; the engine answers nothing after.

        networkx keeps views of a graph that point back at it, so a dropped graph
        waits for the cyclic collector, which a command never runs (runtime.py);
        emptying its adjacency in place frees nearly all of it at once (28 MB
        of RSS at benchmark scale 1, in 0.05 s; a collection takes 0.35 s).
        """
        self.graph.clear()
        self._succ = {}

    # -- graph walks shared by many principals -------------------------------------------

    def obj(self, node: str):
        return self.graph._node[node]["obj"]  # the node's own dict, not through a NodeView

    def out_edges(self, node: str, rel: str) -> list:
        """(target, edge data) of the edges of one type leaving `node`, in graph order."""
        nbrs = self._succ.get(node)
        if not nbrs:
            return []
        return [(v, d) for v, keyed in nbrs.items() for d in keyed.values() if d["rel"] == rel]

    def edges_of(self, rel: str) -> list:
        """(source, target, edge data) of every edge of one type, in `graph.edges()` order."""
        if rel in self._listed:
            return self._listed[rel]
        return [(u, v, d) for u, v, d in self.graph.edges(data=True) if d["rel"] == rel]

    def account_tree(self, account: Account) -> frozenset:
        """The account and its descendants; the hierarchy is cut at inactive accounts."""
        cached = self._tree.get(account.id)
        if cached is None:
            seen = {account.id} if account.active else set()
            stack = [account] if account.active else []
            while stack:
                current = stack.pop()
                for child_node, _ in self.out_edges(node_id(current), PARENT_OF):
                    child = self.obj(child_node)
                    if child.active and child.id not in seen:
                        seen.add(child.id)
                        stack.append(child)
            cached = self._tree[account.id] = frozenset(seen)
        return cached

    def partner_customers(self, account: Account) -> frozenset:
        """Accounts reached in one hop by an active relationship of a partner_access type."""
        cached = self._partners.get(account.id)
        if cached is None:
            found = set()
            if account.active:
                for to_node, data in self.out_edges(node_id(account), RELATED_TO):
                    rtype = data["type"]
                    to = self.obj(to_node)
                    if rtype.partner_access and rtype.active and to.active:
                        found.add(to.id)
            cached = self._partners[account.id] = frozenset(found)
        return cached

    def role_closure(self, role: Role) -> dict[str, tuple[Hop, ...]]:
        """Every role a holder of `role` has, with the containment hops from `role` to it."""
        cached = self._roles.get(role.id)
        if cached is None:
            start = node_id(role)
            cached = {role.id: ()}
            queue = [(start, ())]
            while queue:
                node, hops = queue.pop(0)
                for inner, data in self.out_edges(node, CONTAINS):
                    inner_role = self.obj(inner)
                    if inner_role.id not in cached:
                        path = (*hops, Hop(node, "contains", inner, data["place"]))
                        cached[inner_role.id] = path
                        queue.append((inner, path))
            self._roles[role.id] = cached
        return cached

    def include_closure(self, resp: Responsibility) -> list[tuple[Responsibility, tuple[Hop, ...]]]:
        cached = self._includes.get(resp.id)
        if cached is None:
            start = node_id(resp)
            cached = [(resp, ())]
            seen = {resp.id}
            queue = [(start, ())]
            while queue:
                node, hops = queue.pop(0)
                for inner, data in self.out_edges(node, INCLUDES):
                    inner_resp = self.obj(inner)
                    if inner_resp.id not in seen:
                        seen.add(inner_resp.id)
                        path = (*hops, Hop(node, "includes", inner, data["place"]))
                        cached.append((inner_resp, path))
                        queue.append((inner, path))
            self._includes[resp.id] = cached
        return cached

    def reachable_includes(
        self, resp: Responsibility, roles
    ) -> list[tuple[Responsibility, tuple[Hop, ...]]]:
        """The responsibilities whose entries count for a holder of `resp` holding `roles`.

        Rule 2: an included responsibility counts only when the holder has the
        roles_required of every responsibility on the includes chain from `resp`
        down to it; so the walk never passes a responsibility whose roles are
        missing (and yields nothing when `resp`'s own are). Cached per distinct
        set of the roles any responsibility requires, which few principals differ in.
        """
        relevant = frozenset(r for r in roles if r in self._required_ids())
        key = (resp.id, relevant)
        cached = self._gated.get(key)
        if cached is None:
            cached = []
            if _has_required(resp, relevant):
                cached.append((resp, ()))
                seen = {resp.id}
                queue = [(node_id(resp), ())]
                while queue:
                    node, hops = queue.pop(0)
                    for inner, data in self.out_edges(node, INCLUDES):
                        inner_resp = self.obj(inner)
                        if inner_resp.id in seen or not _has_required(inner_resp, relevant):
                            continue
                        seen.add(inner_resp.id)
                        path = (*hops, Hop(node, "includes", inner, data["place"]))
                        cached.append((inner_resp, path))
                        queue.append((inner, path))
            self._gated[key] = cached
        return cached

    def _required_ids(self) -> frozenset:
        if self._required is None:
            self._required = frozenset(
                r.id
                for resp in self.config.responsibilities.values()
                for r in resp.roles_required
                if r is not None
            )
        return self._required

    # -- a principal's grants --------------------------------------------------------------

    def held_roles(self, principal: Entity) -> dict[str, tuple[Hop, ...]]:
        """role id -> hops from the principal (holds role, then contains...)."""
        held: dict[str, tuple[Hop, ...]] = {}
        pnode = node_id(principal)
        for role_node, data in self.out_edges(pnode, HOLDS_ROLE):
            first = Hop(pnode, "holds role", role_node, edge_place(self.graph, pnode, data))
            for rid, hops in self.role_closure(self.obj(role_node)).items():
                if rid not in held:
                    held[rid] = (first, *hops)
        return held

    def active_principal(self, principal: Entity) -> bool:
        if not principal.active:
            return False
        if isinstance(principal, Contact):
            return principal.account is not None and principal.account.active
        return True

    def holdings(self, principal: Entity):
        """(responsibility, record it is held on, through, hops) for every responsibility held.

        `through` is the kind of row that holds it: contact_relationship, team_member
        or related_party.
        """
        pnode = node_id(principal)
        for resp_node, data in self.out_edges(pnode, HOLDS):
            yield (
                self.obj(resp_node),
                data["on"],
                data["via"],
                (Hop(pnode, data["label"], resp_node, data["place"]),),
            )
        if isinstance(principal, Contact) and principal.account is not None:
            # "because an account it belongs to is that related party" (authorized_account)
            account = principal.account
            anode = node_id(account)
            member = Hop(pnode, "member of", anode, principal.place("account"))
            for resp_node, data in self.out_edges(anode, HOLDS):
                yield (
                    self.obj(resp_node),
                    data["on"],
                    data["via"],
                    (member, Hop(anode, data["label"], resp_node, data["place"])),
                )

    def grants(self, principal: Entity, cache: bool = True) -> list[Grant]:
        """Every grant of a principal. With `cache=False` nothing about the principal is kept
        (what `what-can --all` uses to walk every principal in bounded memory)."""
        key = node_id(principal)
        cached = self._grants.get(key)
        if cached is None:
            cached = self._compute_grants(principal, cache)
            if cache:
                self._grants[key] = cached
        return cached

    def forget(self, principal: Entity) -> None:
        """Drop what is cached about one principal (its grants, the accounts it acts for)."""
        key = node_id(principal)
        self._grants.pop(key, None)
        self._acts_for.pop(key, None)

    def acts_for(self, contact: Contact, cache: bool = True) -> frozenset:
        """Active accounts the contact acts for through contact relationships (`self` scope)."""
        key = node_id(contact)
        cached = self._acts_for.get(key)
        if cached is None:
            cached = frozenset(
                on.id
                for _resp, on, through, _hops in self.holdings(contact)
                if through == "contact_relationship" and isinstance(on, Account) and on.active
            )
            if cache:
                self._acts_for[key] = cached
        return cached

    def _compute_grants(self, p: Entity, cache: bool = True) -> list[Grant]:
        if not self.active_principal(p):
            return []
        # the accounts a contact acts for (`self`), found once per principal
        acts = self.acts_for(p, cache) if isinstance(p, Contact) else frozenset()
        out: list[Grant] = []
        roles = self.held_roles(p)
        pnode = node_id(p)
        for rid, hops in roles.items():
            role = self.config.roles[rid]
            for table_node, grant in self.out_edges(node_id(role), GRANTS):
                entry = grant["entry"]
                entry_hop = Hop(node_id(role), grant["label"], table_node, grant["place"])
                out.extend(
                    self._scope_grants(p, entry, "role", rid, (*hops, entry_hop), None, acts=acts)
                )
        for resp, on, through, hold_hops in self.holdings(p):
            held = (resp.id, node_id(on), through, hold_hops[-1].source)
            if isinstance(on, Account) and not on.active:
                continue
            if isinstance(on, SoldProduct) and (on.account is None or not on.account.active):
                continue
            # judged by the principal's own roles, also for a contact of a holding account
            for inner, inc_hops in self.reachable_includes(resp, roles):
                for table_node, grant in self.out_edges(node_id(inner), GRANTS):
                    entry = grant["entry"]
                    entry_hop = Hop(node_id(inner), grant["label"], table_node, grant["place"])
                    out.extend(
                        self._scope_grants(
                            p,
                            entry,
                            "responsibility",
                            inner.id,
                            (*hold_hops, *inc_hops, entry_hop),
                            on,
                            held,
                            acts=acts,
                        )
                    )
        if isinstance(p, Contact):
            account = p.account
            member = (Hop(pnode, "member of", node_id(account), p.place("account")),)
            if not account.restrict_contact_access:
                # rule 3: the blanket read of the account's sold products and install bases
                out.extend(
                    Grant(
                        table,
                        "read",
                        "account_sold_products",
                        "account_sold_products",
                        "account",
                        False,
                        accounts=frozenset((account.id,)),
                        via=member,
                        origin=account.id,
                    )
                    for table in ACCOUNT_SOLD_PRODUCT_TABLES
                )
            for sp_node, data in self.out_edges(pnode, NAMED_CONTACT):
                sp = self.obj(sp_node)
                if sp.account is not None and sp.account.active:
                    out.append(
                        Grant(
                            "sold_product",
                            "read",
                            "named_contact",
                            "named_contact",
                            "holder",
                            False,
                            sold_product=sp.id,
                            sold_product_owner=sp.account.id,
                            via=(Hop(pnode, "named contact of", sp_node, data["place"]),),
                        )
                    )
            # rule 4: the contact of a sold product is a run-time field, so among its account's
            # (open-world) sold products some may name this contact: conditional on the account,
            # restricted or not; a declared sold product is judged by its declared contact above
            out.append(
                Grant(
                    "sold_product",
                    "read",
                    "named_contact",
                    "named_contact",
                    "self",
                    True,
                    via=member,
                    origin=account.id,
                    account_records=frozenset((account.id,)),
                )
            )
        return out

    def _scope_grants(
        self, p: Entity, entry, rule: str, source: str, via, held_on, held=None, acts=frozenset()
    ) -> list[Grant]:
        scope = entry.scope
        conditional = entry_conditional(entry)
        accounts: frozenset = frozenset()
        sold_product = None
        origin = None
        own = p.account if isinstance(p, Contact) else None
        if scope == "holder":
            if isinstance(held_on, Account):
                accounts = frozenset((held_on.id,))
                origin = held_on.id
            elif isinstance(held_on, SoldProduct) and entry.table == "sold_product":
                sold_product = held_on.id
            else:
                return []
        elif scope == "holder_cases":
            if isinstance(held_on, SoldProduct) and entry.table == "case":
                sold_product = held_on.id
            else:
                return []
        elif own is None:
            return []  # users and consumers have no account to measure from
        elif scope == "account":
            accounts, origin = frozenset((own.id,)), own.id
        elif scope == "account_tree":
            accounts, origin = self.account_tree(own), own.id
        elif scope == "partner_customers":
            accounts, origin = self.partner_customers(own), own.id
        elif scope == "self":
            accounts, origin = frozenset((own.id,)) | acts, own.id
        elif scope in ("partner_contact", "partner_account"):
            # the case's partner contact is the principal / its partner is the principal's
            # account: run-time fields, so conditional on the partner customers, nowhere else
            accounts, origin = self.partner_customers(own), own.id
        else:
            return []
        if not accounts and sold_product is None:
            return []
        return [
            Grant(
                entry.table,
                level,
                rule,
                source,
                scope,
                conditional,
                accounts=accounts,
                sold_product=sold_product,
                sold_product_owner=held_on.account.id if sold_product is not None else None,
                via=via,
                origin=origin,
                when=entry.when,
                held=held,
            )
            for level in expand_levels(entry.levels)
        ]

    # -- questions ---------------------------------------------------------------------------

    def owner(self, target: Entity) -> Account | None:
        if isinstance(target, SoldProduct):
            return target.account
        return None

    def decide(
        self,
        principal: Entity,
        level: str,
        table: str,
        target: Entity,
        explain: bool = False,
        grants: list[Grant] | None = None,
    ) -> Decision:
        """THE decision function: every question (check, who-can, what-can, diff, test, the
        review CSVs) is answered from it or from `effective`, which a test keeps equal to it.
        `grants`: the principal's grants when the caller computed them (uncached)."""
        best = DENIED
        granting: list[Grant] = []
        if _target_open(target, table):
            owner = self.owner(target)
            if isinstance(target, Account) and not target.active:
                pass  # no path reaches an inactive account's records
            elif isinstance(target, SoldProduct) and (owner is None or not owner.active):
                pass
            else:
                for g in self.grants(principal) if grants is None else grants:
                    if g.table != table or g.level != level:
                        continue
                    d = g.decision_on(target, owner)
                    if d != DENIED:
                        granting.append((d, g))
                        if _RANK[d] > _RANK[best]:
                            best = d
        result = Decision(node_id(principal), level, table, node_id(target), best)
        # best decisions first, then in the order the paths were found
        granting.sort(key=lambda item: -_RANK[item[0]])
        result.grants = [g for _d, g in granting]
        result.grant_decisions = [d for d, _g in granting]
        if explain:
            result.paths = [self.path(principal, g, target) for g in result.grants]
        return result

    def path(self, principal: Entity, grant: Grant, target: Entity) -> list[Hop]:
        """The hops of one grant, from the principal to the target record."""
        hops = list(grant.via)
        pnode = node_id(principal)
        if (
            grant.origin is not None
            and grant.rule in ("role", "responsibility")
            and grant.scope != "holder"
        ):
            own = principal.account
            hops.append(Hop(pnode, "member of", node_id(own), principal.place("account")))
            goal = target if isinstance(target, Account) else self.owner(target)
            if goal is not None and goal.id != own.id:
                if grant.scope == "self":
                    hops.extend(
                        h
                        for _r, on, through, hold in self.holdings(principal)
                        for h in hold[:1]
                        if on is goal and through == "contact_relationship"
                    )
                else:
                    hops.extend(self._account_path(own, goal, grant))
        elif grant.sold_product is not None and isinstance(target, Account):
            sp = self.config.sold_products[grant.sold_product]
            hops.append(Hop(node_id(target), "owns", node_id(sp), sp.place("account")))
        elif (
            grant.origin is not None
            and isinstance(target, SoldProduct)
            and target.account is not None
        ):
            hops.append(
                Hop(node_id(target.account), "owns", node_id(target), target.place("account"))
            )
        if (
            isinstance(target, SoldProduct)
            and grant.accounts
            and target.account is not None
            and grant.scope != "holder"
            and grant.rule in ("role", "responsibility")
        ):
            hops.append(
                Hop(node_id(target.account), "owns", node_id(target), target.place("account"))
            )
        return hops

    def _account_path(self, own: Account, goal: Account, grant: Grant) -> list[Hop]:
        g = self.graph
        if grant.scope == "account_tree":
            chain = []
            node = goal
            while (
                node is not None and node.id != own.id and len(chain) <= len(self.config.accounts)
            ):
                parent = node.parent
                if parent is None:
                    return []
                chain.append(Hop(node_id(parent), "parent of", node_id(node), node.place("parent")))
                node = parent
            return list(reversed(chain))
        if grant.scope in ("partner_customers", "partner_contact", "partner_account"):
            for _u, v, data in g.out_edges(node_id(own), data=True):
                if (
                    data["rel"] == RELATED_TO
                    and v == node_id(goal)
                    and data["type"].partner_access
                    and data["type"].active
                ):
                    return [Hop(node_id(own), data["type"].id, v, data["place"])]
        return []

    def effective(
        self, principal: Entity, grants: list[Grant] | None = None
    ) -> dict[tuple[str, str, str], tuple[str, Grant]]:
        """Every non-denied (level, table, target ref) of a principal on declared targets.

        Driven by the principal's grants (each names the accounts or the sold
        product it reaches), so the work is proportional to what is granted,
        never to principals x targets. Equal to `decide` on every target (a test).
        """
        out: dict[tuple[str, str, str], tuple[str, Grant]] = {}

        def put(key, decision, grant):
            prior = out.get(key)
            if prior is None or _RANK[decision] > _RANK[prior[0]]:
                out[key] = (decision, grant)

        owned = self._owned_sold_products()
        accounts = self.config.accounts
        for g in self.grants(principal) if grants is None else grants:
            decision = CONDITIONAL if g.conditional else ALLOWED
            for account_id in g.accounts:
                account = accounts.get(account_id)
                if account is None or not account.active:
                    continue
                put((g.level, g.table, f"account:{account_id}"), decision, g)
                if g.table in ("case", "sold_product"):
                    for sp_id in owned.get(account_id, ()):
                        put((g.level, g.table, f"sold_product:{sp_id}"), decision, g)
            for account_id in g.account_records:
                put((g.level, g.table, f"account:{account_id}"), CONDITIONAL, g)
            if g.sold_product is not None and g.table in ("case", "sold_product"):
                put((g.level, g.table, f"sold_product:{g.sold_product}"), decision, g)
                put((g.level, g.table, f"account:{g.sold_product_owner}"), CONDITIONAL, g)
        return out

    def _owned_sold_products(self) -> dict[str, list[str]]:
        cached = self._owned
        if cached is None:
            cached = {}
            for sp in self.config.sold_products.values():
                if sp.account is not None:
                    cached.setdefault(sp.account.id, []).append(sp.id)
            self._owned = cached
        return cached

    def principals(self) -> list[Entity]:
        return self.config.principals

    def targets(self) -> list[Entity]:
        return [*self.config.accounts.values(), *self.config.sold_products.values()]

    def candidates(self, target: Entity) -> list[Entity]:
        """Every principal that any path could connect to `target`, found walking backwards.

        A grant reaches an account only from the account itself, an ancestor
        (account_tree), an account related to it (partner scopes), or a holding
        on it or on one of its sold products; so only their principals are asked.
        """
        account = target if isinstance(target, Account) else self.owner(target)
        if account is None:
            return []
        accounts = {account.id}
        node = account
        while node.parent is not None and node.parent.id not in accounts:
            node = node.parent
            accounts.add(node.id)
        pred = self.graph.pred
        anode = node_id(account)
        for u, keyed in pred[anode].items():
            if any(d["rel"] == RELATED_TO for d in keyed.values()):
                accounts.add(self.obj(u).id)
        records = [
            anode,
            *(f"sold_product:{sp}" for sp in self._owned_sold_products().get(account.id, ())),
        ]
        found: dict[str, Entity] = {}
        holders = [h for r in records for h in self._held_on.get(r, ())]
        member_accounts = {f"account:{a}" for a in accounts}
        for h in holders:
            if h.startswith("account:"):
                member_accounts.add(h)
            else:
                found[h] = self.obj(h)
        for a in member_accounts:
            for u, keyed in pred[a].items():
                if any(d["rel"] == MEMBER_OF for d in keyed.values()):
                    found[u] = self.obj(u)
        return [
            found[k] for k in sorted(found, key=lambda n: (n.split(":", 1)[0], n.split(":", 1)[1]))
        ]

    def who_can(
        self, level: str, table: str, target: Entity, explain: bool = False
    ) -> list[Decision]:
        out = []
        for p in self.candidates(target):
            d = self.decide(p, level, table, target, explain=explain)
            if d.decision != DENIED:
                out.append(d)
        return out

    def what_can(self, principal: Entity, cache: bool = True) -> list[Decision]:
        """Every declared target x table x level not denied, from the principal's grants.

        With `cache=False` the principal's grants are computed for this call and then
        dropped, so asking for every principal in turn holds one principal's grants at a time.
        """
        grants = self.grants(principal, cache=cache)
        found = self.effective(principal, grants)
        keys = sorted(
            found,
            key=lambda k: (
                k[2].split(":", 1)[0],
                k[2].split(":", 1)[1],
                TABLES.index(k[1]),
                LEVELS.index(k[0]),
            ),
        )
        # each question reads only the grants of its (level, table): the same answer as
        # passing them all (decide skips the others), without rescanning them per target
        by_kind: dict[tuple[str, str], list[Grant]] = {}
        for g in grants:
            by_kind.setdefault((g.level, g.table), []).append(g)
        return [
            self.decide(
                principal, level, table, self.config.lookup(ref), grants=by_kind[(level, table)]
            )
            for level, table, ref in keys
        ]


def entry_conditional(entry) -> bool:
    """Whether an access entry grants only at run time: a run-time scope (a field of the
    record decides) or a `when` filter. Shared by decisions and the grant-path review."""
    return entry.when is not None or entry.scope in vocabulary.RUNTIME_SCOPES


def _has_required(resp: Responsibility, roles) -> bool:
    return all(r is None or r.id in roles for r in resp.roles_required)


def _target_open(target: Entity, table: str) -> bool:
    if isinstance(target, SoldProduct):
        return table in ("sold_product", "case")
    return isinstance(target, Account)
