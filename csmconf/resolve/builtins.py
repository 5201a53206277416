"""The built-in catalogue: roles, the `partner_account` relationship type and responsibilities.

They exist in every configuration without being declared, have ids like any
entity, and are never reported unused.
"""

from __future__ import annotations

from ..model.sections import AccessEntry
from ..servicenow_names import BUILTIN_ROLE_NAMES
from .objects import RelationshipType, Responsibility, Role

FULL = ("read", "write", "create")


def _entry(table: str, levels, scope: str) -> AccessEntry:
    return AccessEntry(table=table, levels=list(levels), scope=scope)


def title(identifier: str) -> str:
    """`partner_admin` -> "Partner Admin"."""
    return " ".join(part.capitalize() for part in identifier.replace("-", "_").split("_") if part)


# id -> (kind, contains, access entries): LANGUAGE.md, *roles*; each is ServiceNow's own role
# (docs/access-model.md sets each beside what ServiceNow documents for it)
_ROLES: dict[str, tuple[str, tuple[str, ...], tuple[AccessEntry, ...]]] = {
    "customer": ("external", (), (_entry("case", FULL, "self"),)),
    "customer_admin": (
        "external",
        ("customer",),
        (
            _entry("case", FULL, "account"),
            _entry("contact", ("read", "write"), "account"),
        ),
    ),
    "customer_case_manager": (
        "external",
        ("customer",),
        (_entry("case", FULL, "account_tree"),),
    ),
    "partner": (
        "external",
        ("customer",),
        (_entry("case", FULL, "self"), _entry("case", FULL, "partner_contact")),
    ),
    "partner_admin": (
        "external",
        ("partner", "customer_admin"),
        (
            _entry("case", FULL, "partner_account"),
            _entry("contact", ("read", "write"), "partner_customers"),
        ),
    ),
    "consumer": ("external", (), (_entry("case", FULL, "self"),)),
    "relationship_agent": ("internal", (), ()),
    "case_read_granular": ("either", (), ()),
    "case_create_granular": ("either", ("case_read_granular",), ()),
    "case_write_granular": ("either", ("case_create_granular",), ()),
    "sold_product_read_granular": ("either", (), ()),
}

_REPRESENTATIVE_ACCESS = (
    _entry("case", ("read", "write"), "holder"),
    _entry("sold_product", ("read",), "holder"),
    _entry("case", ("read", "write"), "holder_cases"),
)

# id -> (name, holder types, access)
_RESPONSIBILITIES = {
    "authorized_representative": (
        "Authorized Representative",
        ("contact", "consumer"),
        _REPRESENTATIVE_ACCESS,
    ),
    "authorized_account": ("Authorized Account", ("account",), _REPRESENTATIVE_ACCESS),
    "account_manager": (
        "Account Manager",
        ("user",),
        (_entry("case", ("read", "write"), "holder"), _entry("account", ("read",), "holder")),
    ),
}

BUILTIN_ROLE_IDS = tuple(_ROLES)
BUILTIN_RESPONSIBILITY_IDS = tuple(_RESPONSIBILITIES)
BUILTIN_RELATIONSHIP_TYPE_IDS = ("partner_account",)


def builtin_roles() -> dict[str, Role]:
    roles = {
        rid: Role(
            "role",
            rid,
            None,
            name=title(rid),
            role_kind=kind,
            access=list(access),
            servicenow_name=BUILTIN_ROLE_NAMES[rid],
        )
        for rid, (kind, _contains, access) in _ROLES.items()
    }
    for rid, (_kind, contains, _access) in _ROLES.items():
        roles[rid].contains = [roles[c] for c in contains]
    return roles


def builtin_responsibilities() -> dict[str, Responsibility]:
    return {
        rid: Responsibility(
            "responsibility", rid, None, name=name, holder_types=types, access=list(access)
        )
        for rid, (name, types, access) in _RESPONSIBILITIES.items()
    }


def builtin_relationship_types() -> dict[str, RelationshipType]:
    return {
        "partner_account": RelationshipType(
            "relationship_type",
            "partner_account",
            None,
            name="Partner Account",
            from_end="partner",
            to_end="account",
            label="Partner for",
            reverse_label="Customer of",
            partner_access=True,
            active=True,
        )
    }
