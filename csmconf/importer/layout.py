"""Which file each imported row goes to: one file per section, accounts split by tree.

Small imports get `accounts.yaml`; above `SPLIT_ACCOUNTS` accounts, every
account tree with more than one account gets `accounts/<root id>.yaml` and
the accounts that stand alone share `accounts/_single.yaml` (no id begins
with `_`, so the name never collides with a root). Rows are sorted by id, or
by natural key for rows without one: the export's order never matters.
"""

from __future__ import annotations

import uuid

from ..resolve.objects import DEFAULT_NAMESPACE
from .records import Row
from .writer import render_file

SPLIT_ACCOUNTS = 500
#: section -> file, in the language's order; accounts handled apart
FILES = {
    "roles": "roles.yaml",
    "relationship_types": "relationship_types.yaml",
    "responsibilities": "responsibilities.yaml",
    "related_party_configs": "related_party_configs.yaml",
    "contacts": "contacts.yaml",
    "consumers": "consumers.yaml",
    "users": "users.yaml",
    "account_relationships": "account_relationships.yaml",
    "contact_relationships": "contact_relationships.yaml",
    "team_members": "team_members.yaml",
    "sold_products": "sold_products.yaml",
}
_LINK_KEYS = {
    "account_relationships": ("from", "type", "to"),
    "contact_relationships": ("contact", "account", "responsibility"),
    "team_members": ("user", "account", "responsibility"),
}


def _key(section: str, row: Row) -> tuple:
    fields = _LINK_KEYS.get(section, ("id",))
    return tuple(str(row.data.get(f, "")).encode() for f in fields)


def _roots(rows: list[Row]) -> dict[str, str]:
    """account id -> id of the root of its tree (a cycle, which validate reports, is cut)."""
    parent = {r.data["id"]: r.data.get("parent") for r in rows}
    root: dict[str, str] = {}
    for start in parent:
        path: list[str] = []
        node = start
        while node not in root:
            path.append(node)
            up = parent.get(node)
            if up is None or up not in parent or up in path:
                root[node] = node
                break
            node = up
        top = root[node]
        for n in path:
            root[n] = top
    return root


def layout(rows: dict[str, list[Row]], namespace: uuid.UUID | None) -> dict[str, bytes]:
    files: dict[str, dict[str, list]] = {}

    def put(file: str, section: str, row: Row) -> None:
        files.setdefault(file, {}).setdefault(section, []).append((row.comment, row.data))

    if namespace is not None and namespace != DEFAULT_NAMESPACE:
        files["settings.yaml"] = {"settings": [("", {"sys_id_namespace": str(namespace)})]}
    accounts = sorted(rows.get("accounts", []), key=lambda r: _key("accounts", r))
    if len(accounts) <= SPLIT_ACCOUNTS:
        for row in accounts:
            put("accounts.yaml", "accounts", row)
    else:
        root = _roots(accounts)
        size: dict[str, int] = {}
        for row in accounts:
            size[root[row.data["id"]]] = size.get(root[row.data["id"]], 0) + 1
        for row in accounts:
            top = root[row.data["id"]]
            put(
                f"accounts/{top}.yaml" if size[top] > 1 else "accounts/_single.yaml",
                "accounts",
                row,
            )
    for section, file in FILES.items():
        for row in sorted(rows.get(section, []), key=lambda r: _key(section, r)):
            put(file, section, row)
    return {path: render_file(sections).encode("utf-8") for path, sections in sorted(files.items())}
