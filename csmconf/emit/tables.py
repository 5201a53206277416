"""The relational model of a compiled configuration, independent of any SQL dialect.

One `Table` per entity and link of the language, plus the neutral ACL rules
(`csm_acl_rule`), which are evaluated over the other tables. Tables are listed in an
order where every foreign key points at a table created earlier, except
`csm_account.primary_contact` (accounts and contacts point at each other),
whose constraint is added after `csm_contact` exists.

Constraints mirror the language's rules so that the database refuses what
the compiler refuses; `docs/database.md` lists which rule each one mirrors
and which rules only the compiler enforces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import vocabulary
from .rules import PATHS

SYS_ID_PATTERN = "^[0-9a-f]{32}$"
# The same tests as GLOB patterns for SQLite, which has no REGEXP built in.
ID_GLOBS = ("[a-z0-9]*", "!*[^a-z0-9_.-]*")
SYS_ID_GLOBS = ("!*[^0-9a-f]*",)

# The enums are the language's own: taken from the vocabulary, never typed again.
TABLES_ENUM = vocabulary.TABLES
LEVELS_ENUM = vocabulary.LEVELS
SCOPES_ENUM = vocabulary.SCOPES
ROLE_SCOPES_ENUM = vocabulary.ROLE_SCOPES
ROLE_KINDS = vocabulary.ROLE_KINDS
END_KINDS = vocabulary.END_KINDS
APPLIES_TO = vocabulary.APPLIES_TO
ENTITY_TYPES = vocabulary.ENTITY_TYPES
PRINCIPAL_KINDS = vocabulary.PRINCIPAL_KINDS
RULE_PATHS = PATHS
RULE_DECISIONS = (vocabulary.ALLOWED, vocabulary.CONDITIONAL)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # sys_id | id | text | bool | int | enum
    nullable: bool = False
    references: str | None = None  # table whose sys_id this column holds
    enum: tuple[str, ...] | None = None
    fixed: object = None  # a column that must hold this one value (for composite FKs)
    comment: str = ""


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    ref_columns: tuple[str, ...]
    name: str
    deferred: bool = False  # added by ALTER TABLE after the referenced table exists


@dataclass(frozen=True)
class Unique:
    columns: tuple[str, ...]
    name: str
    # columns holding free text of any length: PostgreSQL and MySQL compare an MD5 of them
    hashed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    name: str
    # `{column}` placeholders are replaced by quoted identifiers, `{'text'}` never used:
    # literals are passed as `literals` and spliced in as `{0}`, `{1}`...
    expr: str
    literals: tuple = ()


@dataclass(frozen=True)
class Table:
    name: str
    kind: str  # the sys_id KIND of its rows
    columns: tuple[Column, ...]
    uniques: tuple[Unique, ...] = ()
    checks: tuple[Check, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    comment: str = ""
    # columns the seed leaves alone on conflict and sets afterwards with UPDATE
    late_columns: tuple[str, ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _sys_id() -> Column:
    return Column(
        "sys_id", "sys_id", comment="UUIDv5 of KIND/KEY under the configuration's namespace"
    )


def _id() -> Column:
    return Column("id", "id")


def _bool(name: str) -> Column:
    return Column(name, "bool")


def _ref(name: str, table: str, nullable: bool = False) -> Column:
    return Column(name, "sys_id", nullable=nullable, references=table)


def _enum(name: str, values: tuple[str, ...], nullable: bool = False) -> Column:
    return Column(name, "enum", nullable=nullable, enum=values)


def _text(name: str, nullable: bool = True) -> Column:
    return Column(name, "text", nullable=nullable)


def _int(name: str) -> Column:
    return Column(name, "int")


def _exactly_one(kind_column: str, options: dict[str, str]) -> Check:
    """`kind_column` names which of the columns in `options` (kind -> column) is set; the rest are NULL."""
    literals = tuple(options)
    parts = []
    for i, (_kind, column) in enumerate(options.items()):
        conds = [f"{{{kind_column}}} = {{{i}}}"]
        for other in options.values():
            conds.append(f"{{{other}}} IS {'NOT ' if other == column else ''}NULL")
        parts.append("(" + " AND ".join(conds) + ")")
    return Check(f"{kind_column}_matches", " OR ".join(parts), literals)


def build_tables(one_responsibility_per_contact_and_account: bool = True) -> tuple[Table, ...]:
    """Every table, in creation (and seeding) order."""
    principal_cols = (
        _ref("contact", "csm_contact", nullable=True),
        _ref("consumer", "csm_consumer", nullable=True),
        _ref("csm_user", "csm_user", nullable=True),
    )
    principal_options = {"contact": "contact", "consumer": "consumer", "user": "csm_user"}
    contact_rel_uniques = [
        Unique(("contact", "account", "responsibility"), "uq_contact_relationship_key")
    ]
    if one_responsibility_per_contact_and_account:
        contact_rel_uniques.append(
            Unique(("contact", "account"), "uq_contact_relationship_one_per_account")
        )

    return (
        Table(
            "csm_relationship_type",
            "relationship_type",
            (
                _sys_id(),
                _id(),
                _text("name", nullable=False),
                _enum("from_end", END_KINDS),
                _enum("to_end", END_KINDS),
                _text("label"),
                _text("reverse_label"),
                _bool("partner_access"),
                _bool("active"),
                _bool("builtin"),
            ),
            uniques=(
                Unique(("id",), "uq_relationship_type_id"),
                Unique(("name",), "uq_relationship_type_name", hashed=("name",)),
            ),
            comment="account-to-account relationship types (built-in partner_account included)",
        ),
        Table(
            "csm_role",
            "role",
            (
                _sys_id(),
                _id(),
                _text("name", nullable=False),
                _enum("kind", ROLE_KINDS),
                _bool("builtin"),
            ),
            uniques=(Unique(("id",), "uq_role_id"),),
            comment="roles (the built-in catalogue included)",
        ),
        Table(
            "csm_role_contains",
            "role_contains",
            (
                _sys_id(),
                _ref("role", "csm_role"),
                _ref("contained_role", "csm_role"),
                _int("position"),
            ),
            uniques=(Unique(("role", "contained_role"), "uq_role_contains_key"),),
            checks=(Check("role_contains_not_itself", "{role} <> {contained_role}"),),
            comment="role containment (KEY role|contained_role)",
        ),
        Table(
            "csm_role_access",
            "role_access",
            (
                _sys_id(),
                _ref("role", "csm_role"),
                _int("position"),
                _enum("table_name", TABLES_ENUM),
                _enum("level", LEVELS_ENUM),
                _enum("scope", ROLE_SCOPES_ENUM),
                _text("when_filter"),
            ),
            uniques=(Unique(("role", "position", "level"), "uq_role_access_key"),),
            comment="access entries of roles, one row per granted level (KEY role|position|level)",
        ),
        Table(
            "csm_responsibility",
            "responsibility",
            (
                _sys_id(),
                _id(),
                _text("name", nullable=False),
                _bool("holder_contact"),
                _bool("holder_consumer"),
                _bool("holder_user"),
                _bool("holder_account"),
                _bool("is_unique"),
                _bool("builtin"),
            ),
            uniques=(
                Unique(("id",), "uq_responsibility_id"),
                Unique(("sys_id", "holder_contact"), "uq_responsibility_holder_contact"),
                Unique(("sys_id", "holder_user"), "uq_responsibility_holder_user"),
            ),
            checks=(
                Check(
                    "responsibility_has_holder_type",
                    "{holder_contact} = {0} OR {holder_consumer} = {0} OR {holder_user} = {0}"
                    " OR {holder_account} = {0}",
                    (True,),
                ),
            ),
            comment="responsibility definitions (the built-ins included)",
        ),
        Table(
            "csm_responsibility_includes",
            "responsibility_includes",
            (
                _sys_id(),
                _ref("responsibility", "csm_responsibility"),
                _ref("included_responsibility", "csm_responsibility"),
                _int("position"),
            ),
            uniques=(
                Unique(
                    ("responsibility", "included_responsibility"), "uq_responsibility_includes_key"
                ),
            ),
            checks=(
                Check(
                    "responsibility_includes_not_itself",
                    "{responsibility} <> {included_responsibility}",
                ),
            ),
            comment="responsibility includes (KEY responsibility|included)",
        ),
        Table(
            "csm_responsibility_role_required",
            "responsibility_role_required",
            (
                _sys_id(),
                _ref("responsibility", "csm_responsibility"),
                _ref("role", "csm_role"),
                _int("position"),
            ),
            uniques=(Unique(("responsibility", "role"), "uq_responsibility_role_required_key"),),
            comment="roles a holder needs for the responsibility's own entries to count",
        ),
        Table(
            "csm_responsibility_access",
            "responsibility_access",
            (
                _sys_id(),
                _ref("responsibility", "csm_responsibility"),
                _int("position"),
                _enum("table_name", TABLES_ENUM),
                _enum("level", LEVELS_ENUM),
                _enum("scope", SCOPES_ENUM),
                _text("when_filter"),
            ),
            uniques=(
                Unique(("responsibility", "position", "level"), "uq_responsibility_access_key"),
            ),
            comment="responsibility access configuration, one row per granted level",
        ),
        Table(
            "csm_account",
            "account",
            (
                _sys_id(),
                _id(),
                _text("name", nullable=False),
                _bool("customer"),
                _bool("partner"),
                _ref("parent", "csm_account", nullable=True),
                _text("code"),
                Column("primary_contact", "sys_id", nullable=True),
                _bool("restrict_contact_access"),
                _bool("active"),
            ),
            uniques=(
                Unique(("id",), "uq_account_id"),
                Unique(("code",), "uq_account_code", hashed=("code",)),
            ),
            checks=(Check("account_not_own_parent", "{parent} <> {sys_id}"),),
            foreign_keys=(
                # CSM504: the primary contact is a contact of this very account
                ForeignKey(
                    ("primary_contact", "sys_id"),
                    "csm_contact",
                    ("sys_id", "account"),
                    "fk_account_primary_contact",
                    deferred=True,
                ),
            ),
            late_columns=("primary_contact",),
            comment="accounts; parent rows are seeded before their children",
        ),
        Table(
            "csm_contact",
            "contact",
            (
                _sys_id(),
                _id(),
                _text("name"),
                _text("email"),
                _text("phone"),
                _ref("account", "csm_account"),
                _bool("active"),
            ),
            uniques=(
                Unique(("id",), "uq_contact_id"),
                Unique(("sys_id", "account"), "uq_contact_account"),
            ),
            comment="contacts (B2B people), each of exactly one account",
        ),
        Table(
            "csm_consumer",
            "consumer",
            (_sys_id(), _id(), _text("name"), _text("email"), _text("phone"), _bool("active")),
            uniques=(Unique(("id",), "uq_consumer_id"),),
            comment="consumers (B2C people)",
        ),
        Table(
            "csm_user",
            "user",
            (_sys_id(), _id(), _text("name"), _text("email"), _bool("active")),
            uniques=(Unique(("id",), "uq_user_id"),),
            comment="internal users (agents)",
        ),
        Table(
            "csm_principal_role",
            "principal_role",
            (
                _sys_id(),
                _enum("principal_kind", PRINCIPAL_KINDS),
                *principal_cols,
                _ref("role", "csm_role"),
                _int("position"),
            ),
            uniques=(
                Unique(("contact", "role"), "uq_principal_role_contact"),
                Unique(("consumer", "role"), "uq_principal_role_consumer"),
                Unique(("csm_user", "role"), "uq_principal_role_user"),
            ),
            checks=(_exactly_one("principal_kind", principal_options),),
            comment="roles held directly by contacts, consumers and users (KEY kind:id|role)",
        ),
        Table(
            "csm_account_relationship",
            "account_relationship",
            (
                _sys_id(),
                _ref("from_account", "csm_account"),
                _ref("relationship_type", "csm_relationship_type"),
                _ref("to_account", "csm_account"),
                _int("sort_order"),
            ),
            uniques=(
                Unique(
                    ("from_account", "relationship_type", "to_account"),
                    "uq_account_relationship_key",
                ),
            ),
            checks=(Check("account_relationship_not_itself", "{from_account} <> {to_account}"),),
            comment="account relationships (KEY from|type|to); the reverse is implied",
        ),
        Table(
            "csm_contact_relationship",
            "contact_relationship",
            (
                _sys_id(),
                _ref("contact", "csm_contact"),
                _ref("account", "csm_account"),
                Column("responsibility", "sys_id"),
                _int("sort_order"),
                Column("holder_contact", "bool", fixed=True),
            ),
            uniques=tuple(contact_rel_uniques),
            checks=(
                Check("contact_relationship_holder_contact", "{holder_contact} = {0}", (True,)),
            ),
            foreign_keys=(
                # CSM506: the responsibility's type includes `contact`
                ForeignKey(
                    ("responsibility", "holder_contact"),
                    "csm_responsibility",
                    ("sys_id", "holder_contact"),
                    "fk_contact_relationship_responsibility",
                ),
            ),
            comment="contact relationships (KEY contact|account|responsibility)",
        ),
        Table(
            "csm_team_member",
            "team_member",
            (
                _sys_id(),
                _ref("csm_user", "csm_user"),
                _ref("account", "csm_account"),
                Column("responsibility", "sys_id"),
                Column("holder_user", "bool", fixed=True),
            ),
            uniques=(Unique(("csm_user", "account", "responsibility"), "uq_team_member_key"),),
            checks=(Check("team_member_holder_user", "{holder_user} = {0}", (True,)),),
            foreign_keys=(
                # CSM506: the responsibility's type includes `user`
                ForeignKey(
                    ("responsibility", "holder_user"),
                    "csm_responsibility",
                    ("sys_id", "holder_user"),
                    "fk_team_member_responsibility",
                ),
            ),
            comment="team members (KEY user|account|responsibility)",
        ),
        Table(
            "csm_related_party_config",
            "related_party_config",
            (
                _sys_id(),
                _id(),
                _text("name", nullable=False),
                _enum("applies_to", APPLIES_TO),
                _enum("entity_type", ENTITY_TYPES),
                _ref("default_responsibility", "csm_responsibility", nullable=True),
                _int("sort_order"),
            ),
            uniques=(
                Unique(("id",), "uq_related_party_config_id"),
                Unique(("applies_to", "name"), "uq_related_party_config_name", hashed=("name",)),
                Unique(("sys_id", "applies_to", "entity_type"), "uq_related_party_config_fit"),
            ),
            comment="related-party types",
        ),
        Table(
            "csm_related_party_config_allowed",
            "related_party_config_allowed",
            (
                _sys_id(),
                _ref("related_party_config", "csm_related_party_config"),
                _ref("responsibility", "csm_responsibility"),
                _int("position"),
            ),
            uniques=(
                Unique(
                    ("related_party_config", "responsibility"),
                    "uq_related_party_config_allowed_key",
                ),
            ),
            comment="responsibilities a party of the type may hold (the default first)",
        ),
        Table(
            "csm_sold_product",
            "sold_product",
            (
                _sys_id(),
                _id(),
                _text("name"),
                _ref("account", "csm_account"),
                _ref("contact", "csm_contact", nullable=True),
            ),
            uniques=(Unique(("id",), "uq_sold_product_id"),),
            comment="sold products",
        ),
        Table(
            "csm_related_party",
            "related_party",
            (
                _sys_id(),
                _ref("sold_product", "csm_sold_product"),
                _enum("party_kind", ENTITY_TYPES),
                _ref("party_contact", "csm_contact", nullable=True),
                _ref("party_consumer", "csm_consumer", nullable=True),
                _ref("party_account", "csm_account", nullable=True),
                _ref("party_user", "csm_user", nullable=True),
                Column("related_party_config", "sys_id"),
                Column("applies_to", "enum", enum=("sold_product",), fixed="sold_product"),
                _ref("responsibility", "csm_responsibility", nullable=True),
                _int("position"),
            ),
            uniques=(
                Unique(
                    ("sold_product", "party_contact", "related_party_config"),
                    "uq_related_party_contact",
                ),
                Unique(
                    ("sold_product", "party_consumer", "related_party_config"),
                    "uq_related_party_consumer",
                ),
                Unique(
                    ("sold_product", "party_account", "related_party_config"),
                    "uq_related_party_account",
                ),
                Unique(
                    ("sold_product", "party_user", "related_party_config"), "uq_related_party_user"
                ),
            ),
            checks=(
                _exactly_one(
                    "party_kind",
                    {
                        "contact": "party_contact",
                        "consumer": "party_consumer",
                        "account": "party_account",
                        "user": "party_user",
                    },
                ),
            ),
            foreign_keys=(
                # CSM511: the type applies to sold products and lists parties of this kind
                ForeignKey(
                    ("related_party_config", "applies_to", "party_kind"),
                    "csm_related_party_config",
                    ("sys_id", "applies_to", "entity_type"),
                    "fk_related_party_type_fits",
                ),
            ),
            comment="related parties of sold products (KEY sold_product|kind:id|type);"
            " responsibility is the item's override (NULL: the type's default)",
        ),
        Table(
            "csm_acl_rule",
            "acl_rule",
            (
                _sys_id(),
                _text("name", nullable=False),
                _enum("table_name", TABLES_ENUM),
                _enum("operation", LEVELS_ENUM),
                _enum("grant_path", RULE_PATHS),
                _enum("scope", SCOPES_ENUM, nullable=True),
                _text("when_filter"),
                _enum("decision", RULE_DECISIONS),
            ),
            uniques=(Unique(("name",), "uq_acl_rule_name", hashed=("name",)),),
            comment="the neutral ACL rules of acl/rules.json (KEY name): one per table, operation,"
            " grant path, scope and when filter; docs/database.md evaluates them over the tables above",
        ),
    )
