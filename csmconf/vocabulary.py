"""The language's own words, written once.

Models (`model/sections.py` builds its `Literal` types from these tuples), CLI
choices, the access engine and the emitters all derive from this module, so a
new table, level or scope is added here and nowhere else. It imports nothing,
so the command line can read it without loading pydantic or networkx.
"""

from __future__ import annotations

#: tables an access entry may name, in the order outputs list them
TABLES = ("case", "sold_product", "account", "contact", "install_base")
#: levels a principal is granted; `full` is the short form of all three
LEVELS = ("read", "write", "create")
FULL = "full"
LEVEL_WORDS = (*LEVELS, FULL)

#: scopes of an access entry (LANGUAGE.md, *Access entries*)
SCOPES = (
    "self",
    "partner_contact",
    "partner_account",
    "account",
    "account_tree",
    "partner_customers",
    "holder",
    "holder_cases",
)
#: scopes measured from where a responsibility is held; not allowed in a role
HOLDER_SCOPES = ("holder", "holder_cases")
ROLE_SCOPES = tuple(s for s in SCOPES if s not in HOLDER_SCOPES)
#: scopes decided by run-time fields of the record: at most `conditional`
RUNTIME_SCOPES = ("self", "partner_contact", "partner_account")
#: scopes that only make sense on one table (the record field they read)
SCOPE_TABLES = {"partner_account": ("case",)}

#: decisions, weakest first
ALLOWED, CONDITIONAL, DENIED = "allowed", "conditional", "denied"
DECISIONS = (DENIED, CONDITIONAL, ALLOWED)
DECISION_RANK = {d: i for i, d in enumerate(DECISIONS)}

PRINCIPAL_KINDS = ("contact", "consumer", "user")
TARGET_KINDS = ("account", "sold_product")
HOLDER_TYPES = ("contact", "consumer", "user", "account")
ROLE_KINDS = ("internal", "external", "either")
END_KINDS = ("account", "partner")
APPLIES_TO = ("case", "sold_product", "install_base")
ENTITY_TYPES = ("contact", "consumer", "account", "user")
DIALECTS = ("sqlite", "postgresql", "mysql")

#: how a principal comes to hold a responsibility
HOLDING_KINDS = ("contact_relationship", "team_member", "related_party")
#: grant kinds: what kind of path gives a grant (rules are per table, operation and kind)
GRANT_RULES = ("role", "responsibility", "account_sold_products", "named_contact")

#: the singular kinds used in sys_ids (LANGUAGE.md, *Files*)
SYS_ID_KINDS = (
    "account",
    "contact",
    "consumer",
    "user",
    "role",
    "relationship_type",
    "responsibility",
    "related_party_config",
    "sold_product",
    "account_relationship",
    "contact_relationship",
    "team_member",
    "related_party",
)

#: the configuration directory the commands read when none is given
DEFAULT_CONFIG = "configs"
#: diagnostic output formats
FORMATS = ("text", "json", "sarif", "github")
#: formats of the streamed per-principal expansion (`what-can --all`)
STREAM_FORMATS = ("csv", "json", "text")


def expand_levels(levels) -> tuple[str, ...]:
    """`[full]` -> `(read, write, create)`; order kept, duplicates dropped."""
    out: list[str] = []
    for level in levels:
        for one in LEVELS if level == FULL else (level,):
            if one not in out:
                out.append(one)
    return tuple(out)
