"""ServiceNow records: one builder per configuration table, with named columns.

A builder returns `SnRecord`s whose values are keyed by the csmconf *source*
of each column in `servicenow_names` (`servicenow_name`, `levels`, ...);
`columns()` turns them into ServiceNow column names through that one mapping
table, so correcting a column name there corrects every output (and the
importer, which reads the same table).
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import servicenow_names as sn
from ...model.encoded_query import parse
from ...vocabulary import HOLDER_SCOPES, expand_levels
from .xml import Ref

TABLE_MAPS = {**sn.CONFIGURATION_TABLES, **sn.PLATFORM_TABLES}
GLOBAL = Ref(sn.GLOBAL_SCOPE, sn.GLOBAL_SCOPE_NAME)


# not frozen: 200k are made per compile at benchmark scale 1, and a frozen
# dataclass sets each field through object.__setattr__ (3x slower); never changed
@dataclass(slots=True)
class SnRecord:
    key: str  # the mapping key: servicenow_names.CONFIGURATION_TABLES / PLATFORM_TABLES / DATA_TABLES
    sys_id: str
    values: dict  # csmconf source -> value (str, bool, int, None or Ref)
    target_name: str  # what the record is called (its display value)

    @property
    def table(self) -> str:
        return table_map(self.key).table

    @property
    def update_name(self) -> str:
        """`sys_update_name`: `<table>_<sys_id>`."""
        return f"{self.table}_{self.sys_id}"


def table_map(key: str) -> sn.TableMap:
    return TABLE_MAPS.get(key) or sn.DATA_TABLES[key]


def columns(rec: SnRecord, metadata: bool) -> dict[str, object]:
    """The record's ServiceNow columns; `metadata`: also those of a configuration record."""
    out = {c.name: rec.values[c.source] for c in table_map(rec.key).columns}
    out["sys_id"] = rec.sys_id
    if metadata:
        out["sys_class_name"] = rec.table
        out["sys_name"] = rec.target_name
        out["sys_scope"] = GLOBAL
        out["sys_update_name"] = rec.update_name
    return out


# -- roles ------------------------------------------------------------------------------------


def role_name(role) -> str:
    """A role's `sys_user_role.name`: the one place that reads it (built-in or declared)."""
    return getattr(role, "servicenow_name", None) or (
        sn.BUILTIN_ROLE_NAMES[role.id] if role.builtin else sn.default_role_name(role.id)
    )


def role_ref(role, ids) -> Ref:
    """A reference to a role: out-of-box roles by name alone, declared ones by their record."""
    name = role_name(role)
    return Ref("" if role.builtin else ids.of(role), name, name)


def roles_ref(roles, ids) -> Ref | None:
    """A list of roles (`roles_required`): the role references joined by commas."""
    if not roles:
        return None
    names = ",".join(role_name(r) for r in roles)
    tokens = ",".join(role_name(r) if r.builtin else ids.of(r) for r in roles)
    return Ref(tokens, names, names)


def _sorted(index: dict):
    return [index[k] for k in sorted(index)]


def declared_roles(config) -> list:
    return [r for r in _sorted(config.roles) if not r.builtin and r.role_kind is not None]


def role_records(config, ids) -> list[SnRecord]:
    return [
        SnRecord(
            "role",
            ids.of(role),
            {"servicenow_name": role_name(role), "name": role.name},
            role_name(role),
        )
        for role in declared_roles(config)
    ]


def role_contains_records(config, ids) -> list[SnRecord]:
    """Containment of the declared roles (a built-in's containment is out of box)."""
    out = []
    for role in declared_roles(config):
        seen: set[str] = set()
        for inner in role.contains:
            if inner is None or inner is role or inner.id in seen or inner.role_kind is None:
                continue
            seen.add(inner.id)
            out.append(
                SnRecord(
                    "role_contains",
                    ids("role_contains", f"{role.id}|{inner.id}"),
                    {"role": role_ref(role, ids), "contains": role_ref(inner, ids)},
                    f"{role_name(role)} contains {role_name(inner)}",
                )
            )
    return sorted(out, key=lambda r: (r.target_name, r.sys_id))


# -- relationship types, responsibilities, related-party configurations ------------------------


def relationship_type_records(config, ids) -> list[SnRecord]:
    """Declared types; the built-in `partner_account` is out of box (docs/servicenow.md)."""
    return [
        SnRecord(
            "relationship_type",
            ids.of(rt),
            {
                "name": rt.name,
                "from": rt.from_end,
                "to": rt.to_end,
                "label": rt.label,
                "reverse_label": rt.reverse_label,
                "active": bool(rt.active),
            },
            rt.name,
        )
        for rt in _sorted(config.relationship_types)
        if not rt.builtin and rt.from_end is not None and rt.to_end is not None
    ]


def responsibility_ref(resp, ids) -> Ref | None:
    return None if resp is None else Ref(ids.of(resp), resp.name)


def responsibility_records(config, ids) -> list[SnRecord]:
    """Every responsibility, built-ins too: their access configurations are csmconf's."""
    return [
        SnRecord(
            "responsibility",
            ids.of(resp),
            {
                "name": resp.name,
                "type": ",".join(t.capitalize() for t in resp.holder_types) or "None",
                "unique": bool(resp.unique),
                "description": None,
            },
            resp.name,
        )
        for resp in _sorted(config.responsibilities)
    ]


def _holdings(config, resp) -> list[str]:
    """How `resp` can be held: through contact relationships, team members, related parties."""
    out = []
    if "contact" in resp.holder_types:
        out.append("contact_relationship")
    if "user" in resp.holder_types:
        out.append("team_member")
    for cfg in config.related_party_configs.values():
        if cfg.applies_to == "sold_product" and resp in cfg.allowed:
            out.append("related_party")
            break
    return out


def _chains(resp):
    """(responsibility owning the entries, roles required along the `includes` chain) from `resp`."""
    found: dict[tuple[str, tuple[str, ...]], tuple] = {}

    def walk(current, roles: dict, path: set[str]):
        roles = dict(roles)
        for role in current.roles_required:
            if role is not None:
                roles.setdefault(role.id, role)
        key = (current.id, tuple(sorted(roles)))
        if key not in found:
            found[key] = (current, [roles[r] for r in sorted(roles)])
        for inner in current.includes:
            if inner is not None and inner.id not in path:
                walk(inner, roles, path | {inner.id})

    walk(resp, {}, {resp.id})
    return [found[k] for k in sorted(found)]


def responsibility_access_records(config, ids) -> list[SnRecord]:
    """One row per access entry a responsibility gives (its own and those it includes) and per
    way of holding it; `holder` and `holder_cases` as the simple association through the
    relationship table (`servicenow_names.access_config_for`)."""
    out = []
    for resp in _sorted(config.responsibilities):
        holdings = _holdings(config, resp)
        for owner, roles in _chains(resp):
            for pos, entry in enumerate(owner.access):
                if entry is None or entry.scope not in HOLDER_SCOPES:
                    continue  # principal-measured scopes in a responsibility: not emitted yet
                for holding in holdings:
                    relation = sn.access_config_for(entry.scope, holding, entry.table)
                    if relation is None:
                        continue
                    levels = expand_levels(entry.levels)
                    key = "|".join(
                        (resp.id, owner.id, str(pos), holding, ",".join(r.id for r in roles))
                    )
                    out.append(
                        SnRecord(
                            "responsibility_access",
                            ids.once("responsibility_access_config", key),
                            {
                                "responsibility": responsibility_ref(resp, ids),
                                "active": True,
                                "roles_required": roles_ref(roles, ids),
                                "levels": sn.access_level(levels),
                                "table": sn.RECORD_TABLES[entry.table],
                                "when": parse(entry.when).encoded() if entry.when else None,
                                **relation,
                            },
                            f"{resp.name}: {entry.table} {'/'.join(levels)} on {entry.scope}"
                            f" ({holding.replace('_', ' ')}"
                            + (f", from {owner.name}" if owner is not resp else "")
                            + ")",
                        )
                    )
    return sorted(out, key=lambda r: (r.target_name, r.sys_id))


def related_party_config_records(config, ids) -> list[SnRecord]:
    return [
        SnRecord(
            "related_party_config",
            ids.of(cfg),
            {
                "name": cfg.name,
                "applies_to": sn.RECORD_TABLES[cfg.applies_to],
                "entity_type": sn.DATA_TABLES[cfg.entity_type].table,
                "reference_condition": None,
                "default_responsibility": responsibility_ref(cfg.default_responsibility, ids),
                "order": cfg.order,
            },
            cfg.name,
        )
        for cfg in _sorted(config.related_party_configs)
        if cfg.applies_to is not None and cfg.entity_type is not None
    ]
