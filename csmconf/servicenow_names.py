"""The one mapping table between csmconf's words and ServiceNow's tables, columns and roles.

Facts from `shared/reference/servicenow.md` (ServiceNow's product
documentation and real instance exports). A column whose name the
documentation gives only as a label is marked `verified=False`; it is listed
as unverified in `docs/servicenow.md`, and correcting it means changing this
file alone. The emitters (`emit/servicenow/`) and the importer read it; no
other module spells a ServiceNow name.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- roles ---------------------------------------------------------------------------------

#: built-in role id -> `sys_user_role.name` on an instance (out of box: never emitted as records)
BUILTIN_ROLE_NAMES = {
    "customer": "sn_customerservice.customer",
    "customer_admin": "sn_customerservice.customer_admin",
    "customer_case_manager": "sn_customerservice.customer_case_manager",
    "partner": "sn_customerservice.partner",
    "partner_admin": "sn_customerservice.partner_admin",
    "consumer": "sn_customerservice.consumer",
    "relationship_agent": "sn_customerservice.relationship_agent",
    "case_read_granular": "sn_customerservice.case_read_granular",
    "case_create_granular": "sn_customerservice.case_create_granular",
    "case_write_granular": "sn_customerservice.case_write_granular",
    "sold_product_read_granular": "sn_install_base.sold_product_read_granular",
}
#: every external user needs this role on an instance; every internal user `snc_internal`
EXTERNAL_USER_ROLE = "snc_external"
INTERNAL_USER_ROLE = "snc_internal"
#: prefixes reserved for ServiceNow's own roles: a declared role's servicenow_name may not use them
RESERVED_ROLE_PREFIXES = ("sn_", "snc_")
SERVICENOW_ROLE_NAME_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$"


def default_role_name(role_id: str) -> str:
    """A declared role's default `servicenow_name`: `u_` and the id, `.` and `-` written `_`."""
    return "u_" + role_id.replace(".", "_").replace("-", "_")


# -- record tables (what access entries and ACLs are about) -----------------------------------

#: csmconf table word -> ServiceNow table
RECORD_TABLES = {
    "case": "sn_customerservice_case",
    "sold_product": "sn_install_base_sold_product",
    "account": "customer_account",
    "contact": "customer_contact",
    "install_base": "sn_install_base_item",
}
#: fields of a case record that the run-time scopes read (~: the sold product field)
CASE_FIELDS = {
    "account": "account",
    "contact": "contact",
    "consumer": "consumer",
    "partner": "partner",
    "partner_contact": "partner_contact",
    "sold_product": "sold_product",
}
#: per record table: the field that holds the record's account, contact, consumer, partner and
#: partner contact (`sys_id`: the record itself); a scope whose field a table lacks reaches none
#: of its records. Only the case fields are documented; the others follow the data tables below.
RECORD_FIELDS = {
    "case": CASE_FIELDS,
    "sold_product": {"account": "account", "contact": "contact", "consumer": "consumer"},
    "account": {"account": "sys_id", "contact": "primary_contact"},
    "contact": {"account": "account", "contact": "sys_id"},
    "install_base": {"account": "account", "contact": "contact", "consumer": "consumer"},
}

# -- configuration tables (update set) and data tables (Import XML) ---------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One ServiceNow column: its name, what it holds, and whether the name is documented."""

    name: str
    source: str  # the csmconf field (or a derived value) it is written from
    reference: str | None = None  # table a reference column points at
    verified: bool = True


def _c(name: str, source: str, reference: str | None = None, verified: bool = True) -> Column:
    return Column(name, source, reference, verified)


@dataclass(frozen=True, slots=True)
class TableMap:
    table: str  # ServiceNow table
    section: str  # csmconf section (or derived rows)
    columns: tuple[Column, ...]
    update_type: str | None = None  # sys_update_xml `type` for configuration records


CONFIGURATION_TABLES = {
    "role": TableMap(
        "sys_user_role",
        "roles",
        (_c("name", "servicenow_name"), _c("description", "name")),
        "Role",
    ),
    "role_contains": TableMap(
        "sys_user_role_contains",
        "roles.contains",
        (_c("role", "role", "sys_user_role"), _c("contains", "contains", "sys_user_role")),
        "Contained Role",
    ),
    "relationship_type": TableMap(
        "sn_customerservice_account_relationship_type",
        "relationship_types",
        (
            _c("name", "name", verified=False),
            _c("from", "from", verified=False),
            _c("to", "to", verified=False),
            _c("relationship_label", "label", verified=False),
            _c("reverse_relationship_label", "reverse_label", verified=False),
            _c("active", "active", verified=False),
        ),
        "Account Relationship Type",
    ),
    "responsibility": TableMap(
        "sn_customerservice_responsibility_def",
        "responsibilities",
        (
            _c("name", "name"),
            _c("type", "type"),
            _c("unique", "unique"),
            _c("description", "description", verified=False),
        ),
        "Responsibility Definition",
    ),
    "responsibility_access": TableMap(
        "sn_customerservice_responsibility_access_config",
        "responsibilities.access",
        (
            _c("responsibility", "responsibility", "sn_customerservice_responsibility_def"),
            _c("active", "active"),
            _c("roles_required", "roles_required", "sys_user_role", verified=False),
            _c("access_level", "levels", verified=False),
            _c("accessible_table", "table", verified=False),
            _c("accessible_table_filter", "when", verified=False),
            _c("applies_to_relationship", "relationship_table"),
            _c("relationship_filter", "relationship_filter", verified=False),
            _c("type", "type"),
            _c("relationship_field", "relationship_field", verified=False),
            _c("accessible_table_field", "accessible_table_field", verified=False),
        ),
        "Responsibility Access Configuration",
    ),
    "related_party_config": TableMap(
        "sn_customerservice_related_party_configuration",
        "related_party_configs",
        (
            _c("name", "name"),
            _c("applies_to", "applies_to"),
            _c("entity_type", "entity_type"),
            _c("reference_condition", "reference_condition", verified=False),
            _c(
                "default_responsibility",
                "default_responsibility",
                "sn_customerservice_responsibility_def",
                verified=False,
            ),
            _c("default_order", "order", verified=False),
        ),
        "Related Party Configuration",
    ),
}

DATA_TABLES = {
    "account": TableMap(
        "customer_account",
        "accounts",
        (
            _c("name", "name"),
            _c("account_parent", "parent", "customer_account"),
            _c("partner", "partner"),
            _c("customer", "customer"),
            _c("primary_contact", "primary_contact", "customer_contact"),
            _c("active", "active", verified=False),
        ),
    ),
    "account_access": TableMap(
        "sn_csm_account_access",
        "accounts.restrict_contact_access",
        (
            _c("account", "account", "customer_account"),
            _c("restrict_contact_access", "restrict_contact_access", verified=False),
        ),
    ),
    "contact": TableMap(
        "customer_contact",
        "contacts",
        (
            _c("account", "account", "customer_account"),
            _c("first_name", "first_name"),
            _c("last_name", "last_name"),
            _c("name", "name"),
            _c("email", "email"),
            _c("phone", "phone"),
            _c("active", "active"),
            _c("user_name", "user_name"),
        ),
    ),
    "user_role": TableMap(
        "sys_user_has_role",
        "contacts.roles, consumers.roles, users.roles",
        (_c("user", "user", "sys_user"), _c("role", "role", "sys_user_role")),
    ),
    "consumer": TableMap(
        "csm_consumer",
        "consumers",
        (
            _c("first_name", "first_name"),
            _c("last_name", "last_name"),
            _c("name", "name"),
            _c("email", "email"),
            _c("business_phone", "phone"),
            _c("active", "active"),
            _c("user", "user", "sys_user"),
        ),
    ),
    "user": TableMap(
        "sys_user",
        "users",
        (
            _c("user_name", "user_name"),
            _c("first_name", "first_name"),
            _c("last_name", "last_name"),
            _c("name", "name"),
            _c("email", "email"),
            _c("active", "active"),
        ),
    ),
    "account_relationship": TableMap(
        "account_relationship",
        "account_relationships",
        (
            _c("from_company", "from", "customer_account"),
            _c("to_company", "to", "customer_account"),
            _c(
                "relationship_type",
                "type",
                "sn_customerservice_account_relationship_type",
            ),
            _c("order", "order", verified=False),
        ),
    ),
    "contact_relationship": TableMap(
        "sn_customerservice_contact_relationship",
        "contact_relationships",
        (
            _c("company", "account", "customer_account", verified=False),
            _c("contact", "contact", "customer_contact"),
            _c("responsibility", "responsibility", "sn_customerservice_responsibility_def"),
            _c("order", "order"),
        ),
    ),
    "team_member": TableMap(
        "sn_customerservice_team_member",
        "team_members",
        (
            _c("account", "account", "customer_account"),
            _c("user", "user", "sys_user"),
            _c("responsibility", "responsibility", "sn_customerservice_responsibility_def"),
        ),
    ),
    "sold_product": TableMap(
        "sn_install_base_sold_product",
        "sold_products",
        (
            _c("name", "name"),
            _c("account", "account", "customer_account"),
            _c("contact", "contact", "customer_contact"),
        ),
    ),
    "related_party": TableMap(
        "sn_install_base_sold_product_related_party",
        "sold_products.related_parties",
        (
            _c("sold_product", "sold_product", "sn_install_base_sold_product", verified=False),
            _c(
                "type",
                "type",
                "sn_customerservice_related_party_configuration",
                verified=False,
            ),
            _c(
                "responsibility",
                "responsibility",
                "sn_customerservice_responsibility_def",
                verified=False,
            ),
            _c("contact", "contact", "customer_contact", verified=False),
            _c("consumer", "consumer", "csm_consumer", verified=False),
            _c("account", "account", "customer_account", verified=False),
            _c("user", "user", "sys_user", verified=False),
        ),
    ),
}

#: Import XML list exports hold at most this many records a file (ServiceNow's default cap)
MAX_RECORDS_PER_FILE = 10_000

# -- the platform records of an update set and of ACLs -----------------------------------------

#: metadata columns every configuration record of an update set carries
METADATA_COLUMNS = ("sys_class_name", "sys_id", "sys_name", "sys_scope", "sys_update_name")
#: the application scope of everything csmconf emits (one update set per scope)
GLOBAL_SCOPE = "global"
GLOBAL_SCOPE_NAME = "Global"

PLATFORM_TABLES = {
    "acl": TableMap(
        "sys_security_acl",
        "roles.access (derived: one per table, operation, scope and `when`)",
        (
            _c("active", "active"),
            _c("admin_overrides", "admin_overrides"),
            _c("advanced", "advanced"),
            _c("condition", "condition"),
            _c("decision_type", "decision_type"),
            _c("description", "description"),
            _c("name", "name"),
            _c("operation", "operation", "sys_security_operation"),
            _c("script", "script"),
            _c("type", "type", "sys_security_type"),
        ),
        "Access Control",
    ),
    "acl_role": TableMap(
        "sys_security_acl_role",
        "roles.access (derived)",
        (
            _c("sys_security_acl", "acl", "sys_security_acl"),
            _c("sys_user_role", "role", "sys_user_role"),
        ),
        "Access Roles",
    ),
    "script_include": TableMap(
        "sys_script_include",
        "(derived: the run-time scopes of the ACLs)",
        (
            _c("access", "access"),
            _c("active", "active"),
            _c("api_name", "api_name"),
            _c("client_callable", "client_callable"),
            _c("description", "description"),
            _c("name", "name"),
            _c("script", "script"),
        ),
        "Script Include",
    ),
    "update_set": TableMap(
        "sys_remote_update_set",
        "(the update set header)",
        (
            _c("application_name", "application_name"),
            _c("application_scope", "application_scope"),
            _c("description", "description"),
            _c("name", "name"),
            _c("remote_sys_id", "remote_sys_id"),
            _c("state", "state"),
            _c("sys_class_name", "sys_class_name"),
        ),
    ),
    "update_xml": TableMap(
        "sys_update_xml",
        "(one per configuration record)",
        (
            _c("action", "action"),
            _c("application", "application"),
            _c("category", "category"),
            _c("name", "name"),
            _c("payload", "payload"),
            _c("remote_update_set", "remote_update_set", "sys_remote_update_set"),
            _c("replace_on_upgrade", "replace_on_upgrade"),
            _c("table", "table"),
            _c("target_name", "target_name"),
            _c("type", "type"),
            _c("update_domain", "update_domain"),
        ),
    ),
}

# -- responsibility access configurations ---------------------------------------------------------

#: ServiceNow's access level is cumulative: read < write (read and write) < full (and create)
ACCESS_LEVELS = {"read": ("read",), "write": ("read", "write"), "full": ("read", "write", "create")}


def access_level(levels) -> str:
    """The smallest ServiceNow access level that covers csmconf `levels` (read, write, create)."""
    wanted = set(levels)
    if "full" in wanted or "create" in wanted:
        return "full"
    return "write" if "write" in wanted else "read"


#: how a responsibility comes to be held (csmconf holding kind) -> the relationship table and
#: its column that names what the responsibility is held on
HOLDING_RELATIONSHIPS = {
    "contact_relationship": ("contact_relationship", "account"),
    "team_member": ("team_member", "account"),
    "related_party": ("related_party", "sold_product"),
}
ACCESS_CONFIG_TYPE = "simple"


def _column_of(key: str, source: str) -> str:
    for column in DATA_TABLES[key].columns:
        if column.source == source:
            return column.name
    raise KeyError(f"{key}.{source}")


def access_config_for(scope: str, holding: str, table: str) -> dict[str, str] | None:
    """The relationship columns of an access configuration row: `holder` / `holder_cases` of
    a responsibility held through `holding`, on csmconf `table`; None when that holding gives
    the entry nothing (LANGUAGE.md, *Access semantics*: held on a sold product, `holder`
    reaches the sold product itself only; `holder_cases` reaches nothing from an account)."""
    key, source = HOLDING_RELATIONSHIPS[holding]
    on_sold_product = holding == "related_party"
    if scope == "holder":
        if on_sold_product:
            if table != "sold_product":
                return None
            field = "sys_id"
        else:
            field = RECORD_FIELDS[table].get("account")
            if field is None:
                return None
    elif scope == "holder_cases":
        if not on_sold_product or table != "case":
            return None
        field = CASE_FIELDS["sold_product"]
    else:
        return None
    return {
        "type": ACCESS_CONFIG_TYPE,
        "relationship_table": DATA_TABLES[key].table,
        "relationship_field": _column_of(key, source),
        "accessible_table_field": field,
        "relationship_filter": "",
    }


def scope_from_access_config(encoded: dict[str, str]) -> str | None:
    """The csmconf scope an access configuration row encodes (the inverse of `access_config_for`)."""
    if encoded.get("type", ACCESS_CONFIG_TYPE) not in ("", ACCESS_CONFIG_TYPE):
        return None
    relationship = encoded.get("relationship_table", "")
    if relationship in (
        DATA_TABLES["contact_relationship"].table,
        DATA_TABLES["team_member"].table,
    ):
        return "holder"
    if relationship == DATA_TABLES["related_party"].table:
        field = encoded.get("accessible_table_field", "")
        return "holder_cases" if field == CASE_FIELDS["sold_product"] else "holder"
    return None


# -- reading exports back (csmconf import servicenow) -------------------------------------------

#: platform columns every exported row may carry that the importer neither reads nor reports
#: (`sys_*` columns are skipped by prefix); generated ones (`account_code`, `account_path`,
#: `number`) are never written either
IMPORT_IGNORED_COLUMNS = (
    "number",
    "account_code",
    "account_path",
    "inherited",
    "inherited_from",
    "granted_by",
    "included_in_role",
    "included_in_role_instance",
    "state",
    "mobile_phone",
    "household",
    "title",
    "notification",
    "locked_out",
    "password_needs_reset",
    "web_service_access_only",
    "internal_integration_user",
    "source",
)
#: the column naming the table a row really belongs to (a contact exported from sys_user)
CLASS_COLUMN = "sys_class_name"
#: `sys_user_has_role.inherited`: the role comes from containment, not from its own row
INHERITED_COLUMN = "inherited"
#: the column that is a record's display value on the tables csmconf reads
DISPLAY_COLUMN = "name"
#: Import XML / update set framing: the root element, and the payload's root
UNLOAD_ELEMENT = "unload"
RECORD_UPDATE_ELEMENT = "record_update"
#: csmconf's own script include and ACL script, as `emit/servicenow/acls.py` writes them
ACL_SCRIPT_INCLUDE = "CsmconfAccess"
