"""The neutral ACL rules: one per (table, operation, grant kind), computed from the configuration.

A grant kind is the kind of path that grants, never the account, contact or
sold product it runs through: a role's access entry of one scope; a
responsibility's entry of one scope held in one way (contact relationship,
team member, related party, or the principal's account as related party);
the blanket read of an account's sold products and install bases (rule 3);
the named contact of a sold product (rule 4). Who holds what, where, lives in
the seeded tables (docs/database.md); a rule's condition joins them at run
time. So the rule set grows with the vocabulary and the distinct `when`
filters, never with accounts, contacts, sold products or relationships, and
a second entry of an already-used (table, operation, scope, when) adds no rule.

Only kinds that can grant something are rules: a responsibility entry counts
for the holding ways its holder types allow (through any responsibility that
includes it), `holder` on a sold product reaches only the sold product
itself, `holder_cases` only cases, and scopes measured from the principal's
own account need a contact.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocabulary
from ..graph.build import entry_place
from ..model import encoded_query

#: the principal's account is the related party (`authorized_account`): each contact of it holds
ACCOUNT_RELATED_PARTY = "account_related_party"
#: grant paths, in the order rules are listed
PATHS = (
    "role",
    *vocabulary.HOLDING_KINDS,
    ACCOUNT_RELATED_PARTY,
    "account_sold_products",
    "named_contact",
)
RESPONSIBILITY_PATHS = (*vocabulary.HOLDING_KINDS, ACCOUNT_RELATED_PARTY)
#: what a responsibility is held on, per holding path
HELD_ON = {
    "contact_relationship": "account",
    "team_member": "account",
    "related_party": "sold_product",
    ACCOUNT_RELATED_PARTY: "sold_product",
}
#: the seeded table each holding path reads
HELD_IN = {
    "contact_relationship": "csm_contact_relationship",
    "team_member": "csm_team_member",
    "related_party": "csm_related_party",
    ACCOUNT_RELATED_PARTY: "csm_related_party",
}
#: the principal kinds that can hold a responsibility of each holder type, per path
_PATHS_OF_HOLDER_TYPE = {
    "contact": (("contact_relationship", "contact"), ("related_party", "contact")),
    "consumer": (("related_party", "consumer"),),
    "user": (("team_member", "user"), ("related_party", "user")),
    "account": ((ACCOUNT_RELATED_PARTY, "contact"),),
}
#: rule 3 covers these tables of the principal's own account
ACCOUNT_MEMBER_TABLES = ("sold_product", "install_base")
#: the record field a run-time scope compares with the principal (or its account)
RUNTIME_FIELD = {
    "self": ("contact", "principal"),
    "partner_contact": ("partner_contact", "principal"),
    "partner_account": ("partner", "principal.account"),
}
#: the accounts a scope measured from the principal reaches (symbols of docs/database.md)
PRINCIPAL_REACH = {
    "account": "principal.account",
    "account_tree": "account_tree(principal.account)",
    "partner_customers": "partner_customers(principal.account)",
    "partner_contact": "partner_customers(principal.account)",
    "partner_account": "partner_customers(principal.account)",
    "self": "principal.account+acts_for(principal)",
}


def place_text(place) -> str:
    if place.is_builtin or not place.line:
        return place.file
    return f"{place.file}:{place.line}"


def _place_key(text: str):
    return (text.encode(), len(text))


@dataclass(frozen=True, slots=True)
class NeutralRule:
    table: str
    operation: str
    path: str
    scope: str | None
    when: str | None
    principal_kinds: tuple[str, ...]
    roles: tuple[str, ...] = ()
    responsibilities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def decision(self) -> str:
        """`allowed` when the rule can reach every record of a target; run-time: `conditional`."""
        if self.when is not None or self.scope in vocabulary.RUNTIME_SCOPES:
            return vocabulary.CONDITIONAL
        return vocabulary.ALLOWED

    @property
    def name(self) -> str:
        words = [f"{self.table}.{self.operation}", self.path]
        if self.scope is not None:
            words.append(self.scope)
        if self.when is not None:
            words += ["when", self.when]
        return " ".join(words)

    @property
    def sort_key(self) -> tuple:
        return (
            vocabulary.TABLES.index(self.table),
            vocabulary.LEVELS.index(self.operation),
            PATHS.index(self.path),
            vocabulary.SCOPES.index(self.scope) if self.scope else -1,
            (self.when or "").encode(),
        )

    def condition(self) -> dict:
        """The rule's condition, structured: who, what grant, which records (docs/database.md)."""
        record_id_field = {"account": "sys_id"}.get(self.table, "account")
        principal = {"kinds": list(self.principal_kinds), "active": True}
        if "contact" in self.principal_kinds:
            principal["contact_account_active"] = True
        entry = {
            "table_name": self.table,
            "level": self.operation,
            "scope": self.scope,
            "when_filter": self.when,
        }
        if self.path == "role":
            grant = {
                "holds": "role",
                "held_in": "csm_principal_role",
                "closed_over": "csm_role_contains",
                "entry_in": "csm_role_access",
                "entry": entry,
            }
        elif self.path in RESPONSIBILITY_PATHS:
            grant = {
                "holds": "responsibility",
                "held_in": HELD_IN[self.path],
                "held_by": "principal.account"
                if self.path == ACCOUNT_RELATED_PARTY
                else "principal",
                "held_on": HELD_ON[self.path],
                "held_on_active": True,
                "closed_over": "csm_responsibility_includes",
                "roles_required": "csm_responsibility_role_required",
                "entry_in": "csm_responsibility_access",
                "entry": entry,
            }
        elif self.path == "account_sold_products":
            grant = {"member_of": "principal.account", "unless": "restrict_contact_access"}
        else:
            grant = {"named_contact": "csm_sold_product.contact"}
        record: list[dict] = []
        alternatives = None
        if self.scope == "holder" and HELD_ON.get(self.path) == "account":
            record.append({"field": record_id_field, "operator": "=", "value": "holding.account"})
        elif self.scope == "holder":
            record.append({"field": "sys_id", "operator": "=", "value": "holding.sold_product"})
        elif self.scope == "holder_cases":
            record.append(
                {"field": "sold_product", "operator": "=", "value": "holding.sold_product"}
            )
        elif self.path in ("account_sold_products", "named_contact"):
            record.append({"field": "account", "operator": "=", "value": "principal.account"})
            if self.path == "named_contact":
                record.append({"field": "contact", "operator": "=", "value": "principal"})
        else:
            operator = "=" if self.scope == "account" else "IN"
            record.append(
                {
                    "field": record_id_field,
                    "operator": operator,
                    "value": PRINCIPAL_REACH[self.scope],
                }
            )
            if self.scope in RUNTIME_FIELD:
                field, value = RUNTIME_FIELD[self.scope]
                record.append({"field": field, "operator": "=", "value": value})
            if self.scope == "self" and "consumer" in self.principal_kinds:
                # a consumer has no account: its `self` is the records naming it, nothing more
                alternatives = [
                    {"principal_kind": "contact", "all": record},
                    {
                        "principal_kind": "consumer",
                        "all": [{"field": "consumer", "operator": "=", "value": "principal"}],
                    },
                ]
        out = {"principal": principal, "grant": grant}
        out["record"] = {"any": alternatives} if alternatives else {"all": record}
        out["when"] = encoded_query.parse(self.when).to_list() if self.when else []
        return out


def _role_holders(config) -> dict[str, set[str]]:
    """role id -> the roles whose holders have it (itself and every role containing it)."""
    holders: dict[str, set[str]] = {}
    for role in config.roles.values():
        seen = {role.id}
        stack = [role]
        while stack:
            current = stack.pop()
            holders.setdefault(current.id, set()).add(role.id)
            for inner in current.contains:
                if inner is not None and inner.id not in seen:
                    seen.add(inner.id)
                    stack.append(inner)
    return holders


def _holding_kinds(config) -> dict[str, set[tuple[str, str]]]:
    """responsibility id -> (path, principal kind) ways its entries can count.

    Its own holder types, and those of every responsibility that includes it
    (transitively): an included responsibility's entries count for whoever
    holds the including one.
    """
    ways: dict[str, set[tuple[str, str]]] = {}
    for resp in config.responsibilities.values():
        own = {w for t in resp.holder_types for w in _PATHS_OF_HOLDER_TYPE.get(t, ())}
        seen = {resp.id}
        stack = [resp]
        while stack:
            current = stack.pop()
            ways.setdefault(current.id, set()).update(own)
            for inner in current.includes:
                if inner is not None and inner.id not in seen:
                    seen.add(inner.id)
                    stack.append(inner)
    return ways


def _reaches(path: str, scope: str, table: str, kinds: set[str]) -> set[str]:
    """The principal kinds for which an entry of this scope and table, held this way, grants."""
    on = HELD_ON.get(path)
    if scope == "holder":
        return kinds if on == "account" or table == "sold_product" else set()
    if scope == "holder_cases":
        return kinds if on == "sold_product" and table == "case" else set()
    if scope == "self":
        return kinds & {"contact", "consumer"}
    return kinds & {"contact"}  # measured from the principal's own account


def collect_rules(config) -> list[NeutralRule]:
    """Every neutral rule of the configuration, in a stable order."""
    found: dict[tuple, dict] = {}

    def add(table, level, path, scope, when, kinds, role=None, resp=None, place=None):
        key = (table, level, path, scope, when)
        item = found.setdefault(key, {"kinds": set(), "roles": set(), "resps": set(), "at": set()})
        item["kinds"] |= kinds
        if role is not None:
            item["roles"] |= role
        if resp is not None:
            item["resps"].add(resp)
        if place is not None:
            item["at"].add(place)

    holders = _role_holders(config)
    for role in config.roles.values():
        for i, entry in enumerate(role.access):
            if entry.scope in vocabulary.HOLDER_SCOPES:
                continue  # CSM202: never in a compiled configuration
            kinds = {"contact", "consumer"} if entry.scope == "self" else {"contact"}
            for level in vocabulary.expand_levels(entry.levels):
                add(
                    entry.table,
                    level,
                    "role",
                    entry.scope,
                    entry.when,
                    kinds,
                    role=holders.get(role.id, {role.id}),
                    place=place_text(entry_place(role, i)),
                )
    ways = _holding_kinds(config)
    for resp in config.responsibilities.values():
        for i, entry in enumerate(resp.access):
            for path in RESPONSIBILITY_PATHS:
                kinds = {kind for p, kind in ways.get(resp.id, ()) if p == path}
                kinds = _reaches(path, entry.scope, entry.table, kinds)
                if not kinds:
                    continue
                for level in vocabulary.expand_levels(entry.levels):
                    add(
                        entry.table,
                        level,
                        path,
                        entry.scope,
                        entry.when,
                        kinds,
                        resp=resp.id,
                        place=place_text(entry_place(resp, i)),
                    )
    for table in ACCOUNT_MEMBER_TABLES:
        add(table, "read", "account_sold_products", "account", None, {"contact"}, place="<builtin>")
    add("sold_product", "read", "named_contact", None, None, {"contact"}, place="<builtin>")
    rules = [
        NeutralRule(
            table,
            level,
            path,
            scope,
            when,
            tuple(k for k in vocabulary.PRINCIPAL_KINDS if k in item["kinds"]),
            tuple(sorted(item["roles"])),
            tuple(sorted(item["resps"])),
            tuple(sorted(item["at"], key=_place_key)),
        )
        for (table, level, path, scope, when), item in found.items()
    ]
    return sorted(rules, key=lambda r: r.sort_key)


__all__ = ["PATHS", "NeutralRule", "collect_rules"]
