"""`acl/rules.json`: the access the engine found, as neutral ACL rules.

A rule is one (table, operation, grant path). The grant path is what the
engine's grants share once the individual principal is taken out: the
rule kind (role, responsibility, account sold products, named contact), the
role or responsibility whose access entry grants, its scope and `when`
filter, the records reached (a set of accounts, or one sold product) and
who it is for (members of an account holding the role, holders of a
responsibility on a record, the named contact of a sold product). Principals
that share all of it share one rule, so rules grow with accounts and
holdings, never with contacts x accounts.

The record condition is a ServiceNow encoded query on fields of the record
(`account.sys_idIN...`, `sold_product=...`, `contact=javascript:gs.getUserID()`
for the run-time scopes, then the entry's `when`). The principal side goes
into `principals` (structured). The ServiceNow update set is
`emit/servicenow/` (its ACLs are per table, operation and scope).
"""

from __future__ import annotations

import json

from .rows import _Ids

SERVICENOW_TABLES = {
    "case": "sn_customerservice_case",
    "sold_product": "sn_install_base_sold_product",
    "account": "customer_account",
    "contact": "customer_contact",
    "install_base": "sn_install_base_item",
}
LEVEL_ORDER = {"read": 0, "write": 1, "create": 2}
RULE_FORMAT_VERSION = 1


def place_text(place) -> str:
    if place.is_builtin or not place.line:
        return place.file
    return f"{place.file}:{place.line}"


def _held(grant):
    """(held responsibility id, held-on ref, through, holder node) of a responsibility grant."""
    if grant.held is None:
        return None
    resp, on, through, holder = grant.held
    return resp, on, through.replace("_", " "), holder


def _principal_condition(principal, grant) -> tuple:
    """Who the rule is for, as a hashable tuple of (key, value) pairs."""
    own = getattr(principal, "account", None)
    if grant.rule == "named_contact":
        if grant.account_records:  # rule 4 at run time: the record's contact is the principal
            return (("member_of", f"account:{grant.origin}"),)
        return (("named_contact_of", f"sold_product:{grant.sold_product}"),)
    if grant.rule == "account_sold_products":
        return (("member_of", f"account:{grant.origin}"),)
    if grant.rule == "role":
        cond = [("member_of", f"account:{own.id}")]
        extra = sorted(a for a in grant.accounts if a != own.id) if grant.scope == "self" else []
        if extra:
            cond.append(("acts_for", tuple(f"account:{a}" for a in extra)))
        return tuple(cond)
    held = _held(grant)
    cond = []
    if held is not None:
        resp, on, through, holder = held
        cond += [("holds", f"responsibility:{resp}"), ("on", on)]
        if through:
            cond.append(("through", through))
        if holder.startswith("account:"):
            cond.append(("member_of", holder))
    else:
        cond.append(("holds", f"responsibility:{grant.source}"))
    if grant.scope not in ("holder", "holder_cases") and own is not None:
        if ("member_of", f"account:{own.id}") not in cond:
            cond.append(("member_of", f"account:{own.id}"))
        if grant.scope == "self":
            extra = sorted(a for a in grant.accounts if a != own.id)
            if extra:
                cond.append(("acts_for", tuple(f"account:{a}" for a in extra)))
    return tuple(cond)


def _source_places(grant, config) -> set[str]:
    places = set()
    for hop in grant.via:
        if hop.label in ("holds role", "member of"):
            continue  # one principal's own row: not part of the shared path
        places.add(place_text(hop.place))
    if grant.rule == "account_sold_products" and grant.origin in config.accounts:
        account = config.accounts[grant.origin]
        places.add(place_text(account.place()))
    return places


class _Rule:
    __slots__ = ("accounts", "grant", "key", "principals", "sources")

    def __init__(self, key, grant, principals):
        self.key = key
        self.grant = grant
        self.principals = principals
        self.sources: set[str] = set()


def collect_rules(config, engine) -> list[_Rule]:
    rules: dict[tuple, _Rule] = {}
    for p in sorted(config.principals, key=lambda e: (e.kind, e.id)):
        for g in engine.grants(p):
            principals = _principal_condition(p, g)
            key = (
                g.table,
                LEVEL_ORDER.get(g.level, 9),
                g.level,
                g.rule,
                g.source,
                g.scope,
                g.conditional,
                g.when or "",
                g.accounts,
                g.sold_product or "",
                principals,
            )
            rule = rules.get(key)
            if rule is None:
                rule = rules[key] = _Rule(key, g, principals)
                rule.accounts = tuple(sorted(g.accounts or g.account_records))
            if len(rule.sources) < 64:
                rule.sources |= _source_places(g, config)
    return sorted(rules.values(), key=_sort_key)


def _sort_key(rule: _Rule):
    table, level_rank, _level, kind, source, scope, cond, when, _accounts, sp, principals = rule.key
    return (
        table,
        level_rank,
        kind,
        source,
        scope,
        int(cond),
        when,
        rule.accounts,
        sp,
        repr(principals),
    )


def _rule_dict(config, rule: _Rule, ids: _Ids) -> dict:
    table, _rank, level, kind, source, scope, cond, when, _set, sp, principals = rule.key
    accounts = rule.accounts
    parts: list[dict] = []
    encoded: list[str] = []
    field = "sys_id" if table == "account" else "account"
    if accounts:
        account_ids = [ids("account", a) for a in accounts]
        parts.append(
            {"field": field, "operator": "IN", "values": [f"account:{a}" for a in accounts]}
        )
        encoded.append(
            ("sys_idIN" if table == "account" else "account.sys_idIN") + ",".join(account_ids)
        )
    if sp:
        sp_id = ids("sold_product", sp)
        sp_field = "sys_id" if table == "sold_product" else "sold_product"
        parts.append({"field": sp_field, "operator": "=", "value": f"sold_product:{sp}"})
        encoded.append(f"{sp_field}={sp_id}")
    if (scope in ("self", "partner_contact") and kind in ("role", "responsibility")) or (
        kind == "named_contact" and scope == "self"
    ):
        who = "partner_contact" if scope == "partner_contact" else "contact"
        parts.append({"field": who, "operator": "=", "value": "current_user"})
        encoded.append(f"{who}=javascript:gs.getUserID()")
    if scope == "partner_account":  # the case's partner is the principal's account
        parts.append({"field": "partner", "operator": "=", "value": "current_user.account"})
        encoded.append("partner=javascript:gs.getUser().getCompanyID()")
    if when:
        parts.append({"encoded_query": when, "from": "when"})
        encoded.append(when)
    if kind == "role":
        roles = [source]
        source_ref = f"role:{source}"
    elif kind == "responsibility":
        resp = config.responsibilities.get(source)
        roles = sorted({r.id for r in (resp.roles_required if resp else ()) if r is not None})
        source_ref = f"responsibility:{source}"
    else:
        roles = []
        source_ref = kind
    who = {k: (list(v) if isinstance(v, tuple) else v) for k, v in principals}
    reach = (
        f"{len(accounts)} account{'s' if len(accounts) != 1 else ''}"
        if accounts
        else f"sold_product:{sp}"
    )
    name = f"{table}.{level} {source_ref} {scope} [{_who_text(who)}] -> {reach}"
    key_text = "|".join(
        (
            table,
            level,
            kind,
            source or "",
            scope,
            str(int(cond)),
            ",".join(accounts),
            sp,
            repr(principals),
            when,
        )
    )
    return {
        "name": name,
        "sys_id": ids.once("acl_rule", key_text),
        "table": table,
        "servicenow_table": SERVICENOW_TABLES.get(table, table),
        "operation": level,
        "decision": "conditional" if cond else "allowed",
        "rule": kind,
        "source": source_ref,
        "scope": scope,
        "roles": roles,
        "principals": who,
        "condition": {"all": parts},
        "encoded_query": "^".join(encoded),
        "sources": sorted(rule.sources, key=lambda s: (s.encode(), len(s))),
    }


_WHO_ORDER = ("holds", "on", "through", "member_of", "acts_for", "named_contact_of")


def _who_items(who: dict):
    """The principal condition's items in one fixed order (however the dict was built or parsed)."""
    rank = {k: i for i, k in enumerate(_WHO_ORDER)}
    return sorted(who.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _who_text(who: dict) -> str:
    out = []
    for k, v in _who_items(who):
        out.append(f"{k} {','.join(v) if isinstance(v, list) else v}")
    return "; ".join(out)


def render_rules(config, engine) -> tuple[list[dict], bytes]:
    """The rules, and rules.json: a JSON document with one rule per line (diffs show rules)."""
    ids = _Ids(config.namespace)  # one cache for every rule: account ids repeat across rules
    rules = [_rule_dict(config, r, ids) for r in collect_rules(config, engine)]
    head = {
        "format_version": RULE_FORMAT_VERSION,
        "namespace": str(config.namespace),
        "servicenow_tables": SERVICENOW_TABLES,
    }
    lines = ["{"]
    for key in sorted(head):
        lines.append(
            f"  {json.dumps(key)}: {json.dumps(head[key], sort_keys=True, ensure_ascii=False)},"
        )
    lines.append('  "rules": [')
    body = [f"    {json.dumps(rule, sort_keys=True, ensure_ascii=False)}" for rule in rules]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(line for line in lines if line) + "\n"
    return rules, text.encode("utf-8")
