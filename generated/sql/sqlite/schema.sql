-- csmconf 0.1.0: database schema for SQLite.
-- Generated file, do not edit. Load it into an empty database
-- (sqlite3 app.db < schema.sql), then seed.sql.
-- Tables and constraints: docs/database.md.
PRAGMA foreign_keys = ON;
BEGIN;

-- account-to-account relationship types (built-in partner_account included)
CREATE TABLE "csm_relationship_type" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "from_end" TEXT NOT NULL,
  "to_end" TEXT NOT NULL,
  "label" TEXT,
  "reverse_label" TEXT,
  "partner_access" INTEGER NOT NULL,
  "active" INTEGER NOT NULL,
  "builtin" INTEGER NOT NULL,
  CONSTRAINT "pk_relationship_type" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_relationship_type_id" UNIQUE ("id"),
  CONSTRAINT "uq_relationship_type_name" UNIQUE ("name"),
  CONSTRAINT "ck_relationship_type_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_relationship_type_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_relationship_type_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_relationship_type_from_end_enum" CHECK ("from_end" IN ('account', 'partner')),
  CONSTRAINT "ck_relationship_type_to_end_enum" CHECK ("to_end" IN ('account', 'partner')),
  CONSTRAINT "ck_relationship_type_partner_access_bool" CHECK ("partner_access" IN (0, 1)),
  CONSTRAINT "ck_relationship_type_active_bool" CHECK ("active" IN (0, 1)),
  CONSTRAINT "ck_relationship_type_builtin_bool" CHECK ("builtin" IN (0, 1))
);

-- roles (the built-in catalogue included)
CREATE TABLE "csm_role" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "builtin" INTEGER NOT NULL,
  CONSTRAINT "pk_role" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_id" UNIQUE ("id"),
  CONSTRAINT "ck_role_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_role_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_role_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_role_kind_enum" CHECK ("kind" IN ('internal', 'external', 'either')),
  CONSTRAINT "ck_role_builtin_bool" CHECK ("builtin" IN (0, 1))
);

-- role containment (KEY role|contained_role)
CREATE TABLE "csm_role_contains" (
  "sys_id" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "contained_role" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_role_contains" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_contains_key" UNIQUE ("role", "contained_role"),
  CONSTRAINT "fk_role_contains_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "fk_role_contains_contained_role" FOREIGN KEY ("contained_role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_role_contains_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_role_contains_role_contains_not_itself" CHECK ("role" <> "contained_role")
);

-- access entries of roles, one row per granted level (KEY role|position|level)
CREATE TABLE "csm_role_access" (
  "sys_id" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "table_name" TEXT NOT NULL,
  "level" TEXT NOT NULL,
  "scope" TEXT NOT NULL,
  "when_filter" TEXT,
  CONSTRAINT "pk_role_access" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_access_key" UNIQUE ("role", "position", "level"),
  CONSTRAINT "fk_role_access_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_role_access_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_role_access_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_role_access_level_enum" CHECK ("level" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_role_access_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers'))
);

-- responsibility definitions (the built-ins included)
CREATE TABLE "csm_responsibility" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "holder_contact" INTEGER NOT NULL,
  "holder_consumer" INTEGER NOT NULL,
  "holder_user" INTEGER NOT NULL,
  "holder_account" INTEGER NOT NULL,
  "is_unique" INTEGER NOT NULL,
  "builtin" INTEGER NOT NULL,
  CONSTRAINT "pk_responsibility" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_id" UNIQUE ("id"),
  CONSTRAINT "uq_responsibility_holder_contact" UNIQUE ("sys_id", "holder_contact"),
  CONSTRAINT "uq_responsibility_holder_user" UNIQUE ("sys_id", "holder_user"),
  CONSTRAINT "ck_responsibility_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_responsibility_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_responsibility_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_responsibility_holder_contact_bool" CHECK ("holder_contact" IN (0, 1)),
  CONSTRAINT "ck_responsibility_holder_consumer_bool" CHECK ("holder_consumer" IN (0, 1)),
  CONSTRAINT "ck_responsibility_holder_user_bool" CHECK ("holder_user" IN (0, 1)),
  CONSTRAINT "ck_responsibility_holder_account_bool" CHECK ("holder_account" IN (0, 1)),
  CONSTRAINT "ck_responsibility_is_unique_bool" CHECK ("is_unique" IN (0, 1)),
  CONSTRAINT "ck_responsibility_builtin_bool" CHECK ("builtin" IN (0, 1)),
  CONSTRAINT "ck_responsibility_responsibility_has_holder_type" CHECK ("holder_contact" = 1 OR "holder_consumer" = 1 OR "holder_user" = 1 OR "holder_account" = 1)
);

-- responsibility includes (KEY responsibility|included)
CREATE TABLE "csm_responsibility_includes" (
  "sys_id" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "included_responsibility" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_responsibility_includes" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_includes_key" UNIQUE ("responsibility", "included_responsibility"),
  CONSTRAINT "fk_responsibility_includes_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_responsibility_includes_included_responsibility" FOREIGN KEY ("included_responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_responsibility_includes_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_responsibility_includes_responsibility_includes__ed9c941c" CHECK ("responsibility" <> "included_responsibility")
);

-- roles a holder needs for the responsibility's own entries to count
CREATE TABLE "csm_responsibility_role_required" (
  "sys_id" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_responsibility_role_required" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_role_required_key" UNIQUE ("responsibility", "role"),
  CONSTRAINT "fk_responsibility_role_required_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_responsibility_role_required_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_responsibility_role_required_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*')
);

-- responsibility access configuration, one row per granted level
CREATE TABLE "csm_responsibility_access" (
  "sys_id" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "table_name" TEXT NOT NULL,
  "level" TEXT NOT NULL,
  "scope" TEXT NOT NULL,
  "when_filter" TEXT,
  CONSTRAINT "pk_responsibility_access" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_access_key" UNIQUE ("responsibility", "position", "level"),
  CONSTRAINT "fk_responsibility_access_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_responsibility_access_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_responsibility_access_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_responsibility_access_level_enum" CHECK ("level" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_responsibility_access_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers', 'holder', 'holder_cases'))
);

-- accounts; parent rows are seeded before their children
CREATE TABLE "csm_account" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "customer" INTEGER NOT NULL,
  "partner" INTEGER NOT NULL,
  "parent" TEXT,
  "code" TEXT,
  "primary_contact" TEXT,
  "restrict_contact_access" INTEGER NOT NULL,
  "active" INTEGER NOT NULL,
  CONSTRAINT "pk_account" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_account_id" UNIQUE ("id"),
  CONSTRAINT "uq_account_code" UNIQUE ("code"),
  CONSTRAINT "fk_account_parent" FOREIGN KEY ("parent") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_account_primary_contact" FOREIGN KEY ("primary_contact", "sys_id") REFERENCES "csm_contact" ("sys_id", "account"),
  CONSTRAINT "ck_account_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_account_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_account_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_account_customer_bool" CHECK ("customer" IN (0, 1)),
  CONSTRAINT "ck_account_partner_bool" CHECK ("partner" IN (0, 1)),
  CONSTRAINT "ck_account_restrict_contact_access_bool" CHECK ("restrict_contact_access" IN (0, 1)),
  CONSTRAINT "ck_account_active_bool" CHECK ("active" IN (0, 1)),
  CONSTRAINT "ck_account_account_not_own_parent" CHECK ("parent" <> "sys_id")
);

-- contacts (B2B people), each of exactly one account
CREATE TABLE "csm_contact" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "phone" TEXT,
  "account" TEXT NOT NULL,
  "active" INTEGER NOT NULL,
  CONSTRAINT "pk_contact" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_contact_id" UNIQUE ("id"),
  CONSTRAINT "uq_contact_account" UNIQUE ("sys_id", "account"),
  CONSTRAINT "fk_contact_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "ck_contact_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_contact_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_contact_active_bool" CHECK ("active" IN (0, 1))
);

-- consumers (B2C people)
CREATE TABLE "csm_consumer" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "phone" TEXT,
  "active" INTEGER NOT NULL,
  CONSTRAINT "pk_consumer" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_consumer_id" UNIQUE ("id"),
  CONSTRAINT "ck_consumer_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_consumer_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_consumer_active_bool" CHECK ("active" IN (0, 1))
);

-- internal users (agents)
CREATE TABLE "csm_user" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "active" INTEGER NOT NULL,
  CONSTRAINT "pk_user" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_user_id" UNIQUE ("id"),
  CONSTRAINT "ck_user_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_user_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_user_active_bool" CHECK ("active" IN (0, 1))
);

-- roles held directly by contacts, consumers and users (KEY kind:id|role)
CREATE TABLE "csm_principal_role" (
  "sys_id" TEXT NOT NULL,
  "principal_kind" TEXT NOT NULL,
  "contact" TEXT,
  "consumer" TEXT,
  "csm_user" TEXT,
  "role" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_principal_role" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_principal_role_contact" UNIQUE ("contact", "role"),
  CONSTRAINT "uq_principal_role_consumer" UNIQUE ("consumer", "role"),
  CONSTRAINT "uq_principal_role_user" UNIQUE ("csm_user", "role"),
  CONSTRAINT "fk_principal_role_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_principal_role_consumer" FOREIGN KEY ("consumer") REFERENCES "csm_consumer" ("sys_id"),
  CONSTRAINT "fk_principal_role_user" FOREIGN KEY ("csm_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_principal_role_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_principal_role_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_principal_role_principal_kind_enum" CHECK ("principal_kind" IN ('contact', 'consumer', 'user')),
  CONSTRAINT "ck_principal_role_principal_kind_matches" CHECK (("principal_kind" = 'contact' AND "contact" IS NOT NULL AND "consumer" IS NULL AND "csm_user" IS NULL) OR ("principal_kind" = 'consumer' AND "contact" IS NULL AND "consumer" IS NOT NULL AND "csm_user" IS NULL) OR ("principal_kind" = 'user' AND "contact" IS NULL AND "consumer" IS NULL AND "csm_user" IS NOT NULL))
);

-- account relationships (KEY from|type|to); the reverse is implied
CREATE TABLE "csm_account_relationship" (
  "sys_id" TEXT NOT NULL,
  "from_account" TEXT NOT NULL,
  "relationship_type" TEXT NOT NULL,
  "to_account" TEXT NOT NULL,
  "sort_order" INTEGER NOT NULL,
  CONSTRAINT "pk_account_relationship" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_account_relationship_key" UNIQUE ("from_account", "relationship_type", "to_account"),
  CONSTRAINT "fk_account_relationship_from_account" FOREIGN KEY ("from_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_account_relationship_relationship_type" FOREIGN KEY ("relationship_type") REFERENCES "csm_relationship_type" ("sys_id"),
  CONSTRAINT "fk_account_relationship_to_account" FOREIGN KEY ("to_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "ck_account_relationship_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_account_relationship_account_relationship_not_itself" CHECK ("from_account" <> "to_account")
);

-- contact relationships (KEY contact|account|responsibility)
CREATE TABLE "csm_contact_relationship" (
  "sys_id" TEXT NOT NULL,
  "contact" TEXT NOT NULL,
  "account" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "sort_order" INTEGER NOT NULL,
  "holder_contact" INTEGER NOT NULL,
  CONSTRAINT "pk_contact_relationship" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_contact_relationship_key" UNIQUE ("contact", "account", "responsibility"),
  CONSTRAINT "uq_contact_relationship_one_per_account" UNIQUE ("contact", "account"),
  CONSTRAINT "fk_contact_relationship_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_contact_relationship_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_contact_relationship_responsibility" FOREIGN KEY ("responsibility", "holder_contact") REFERENCES "csm_responsibility" ("sys_id", "holder_contact"),
  CONSTRAINT "ck_contact_relationship_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_contact_relationship_holder_contact_bool" CHECK ("holder_contact" IN (0, 1)),
  CONSTRAINT "ck_contact_relationship_contact_relationship_holder_contact" CHECK ("holder_contact" = 1)
);

-- team members (KEY user|account|responsibility)
CREATE TABLE "csm_team_member" (
  "sys_id" TEXT NOT NULL,
  "csm_user" TEXT NOT NULL,
  "account" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "holder_user" INTEGER NOT NULL,
  CONSTRAINT "pk_team_member" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_team_member_key" UNIQUE ("csm_user", "account", "responsibility"),
  CONSTRAINT "fk_team_member_user" FOREIGN KEY ("csm_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_team_member_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_team_member_responsibility" FOREIGN KEY ("responsibility", "holder_user") REFERENCES "csm_responsibility" ("sys_id", "holder_user"),
  CONSTRAINT "ck_team_member_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_team_member_holder_user_bool" CHECK ("holder_user" IN (0, 1)),
  CONSTRAINT "ck_team_member_team_member_holder_user" CHECK ("holder_user" = 1)
);

-- related-party types
CREATE TABLE "csm_related_party_config" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "applies_to" TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "default_responsibility" TEXT,
  "sort_order" INTEGER NOT NULL,
  CONSTRAINT "pk_related_party_config" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_config_id" UNIQUE ("id"),
  CONSTRAINT "uq_related_party_config_name" UNIQUE ("applies_to", "name"),
  CONSTRAINT "uq_related_party_config_fit" UNIQUE ("sys_id", "applies_to", "entity_type"),
  CONSTRAINT "fk_related_party_config_default_responsibility" FOREIGN KEY ("default_responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_related_party_config_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_related_party_config_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*'),
  CONSTRAINT "ck_related_party_config_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_related_party_config_applies_to_enum" CHECK ("applies_to" IN ('case', 'sold_product', 'install_base')),
  CONSTRAINT "ck_related_party_config_entity_type_enum" CHECK ("entity_type" IN ('contact', 'consumer', 'account', 'user'))
);

-- responsibilities a party of the type may hold (the default first)
CREATE TABLE "csm_related_party_config_allowed" (
  "sys_id" TEXT NOT NULL,
  "related_party_config" TEXT NOT NULL,
  "responsibility" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_related_party_config_allowed" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_config_allowed_key" UNIQUE ("related_party_config", "responsibility"),
  CONSTRAINT "fk_related_party_config_allowed_related_party_config" FOREIGN KEY ("related_party_config") REFERENCES "csm_related_party_config" ("sys_id"),
  CONSTRAINT "fk_related_party_config_allowed_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_related_party_config_allowed_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*')
);

-- sold products
CREATE TABLE "csm_sold_product" (
  "sys_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  "name" TEXT,
  "account" TEXT NOT NULL,
  "contact" TEXT,
  CONSTRAINT "pk_sold_product" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_sold_product_id" UNIQUE ("id"),
  CONSTRAINT "fk_sold_product_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_sold_product_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "ck_sold_product_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_sold_product_id_format" CHECK (length("id") BETWEEN 1 AND 100 AND "id" GLOB '[a-z0-9]*' AND "id" NOT GLOB '*[^a-z0-9_.-]*')
);

-- related parties of sold products (KEY sold_product|kind:id|type); responsibility is the item's override (NULL: the type's default)
CREATE TABLE "csm_related_party" (
  "sys_id" TEXT NOT NULL,
  "sold_product" TEXT NOT NULL,
  "party_kind" TEXT NOT NULL,
  "party_contact" TEXT,
  "party_consumer" TEXT,
  "party_account" TEXT,
  "party_user" TEXT,
  "related_party_config" TEXT NOT NULL,
  "applies_to" TEXT NOT NULL,
  "responsibility" TEXT,
  "position" INTEGER NOT NULL,
  CONSTRAINT "pk_related_party" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_contact" UNIQUE ("sold_product", "party_contact", "related_party_config"),
  CONSTRAINT "uq_related_party_consumer" UNIQUE ("sold_product", "party_consumer", "related_party_config"),
  CONSTRAINT "uq_related_party_account" UNIQUE ("sold_product", "party_account", "related_party_config"),
  CONSTRAINT "uq_related_party_user" UNIQUE ("sold_product", "party_user", "related_party_config"),
  CONSTRAINT "fk_related_party_sold_product" FOREIGN KEY ("sold_product") REFERENCES "csm_sold_product" ("sys_id"),
  CONSTRAINT "fk_related_party_party_contact" FOREIGN KEY ("party_contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_related_party_party_consumer" FOREIGN KEY ("party_consumer") REFERENCES "csm_consumer" ("sys_id"),
  CONSTRAINT "fk_related_party_party_account" FOREIGN KEY ("party_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_related_party_party_user" FOREIGN KEY ("party_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_related_party_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_related_party_type_fits" FOREIGN KEY ("related_party_config", "applies_to", "party_kind") REFERENCES "csm_related_party_config" ("sys_id", "applies_to", "entity_type"),
  CONSTRAINT "ck_related_party_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_related_party_party_kind_enum" CHECK ("party_kind" IN ('contact', 'consumer', 'account', 'user')),
  CONSTRAINT "ck_related_party_applies_to_enum" CHECK ("applies_to" IN ('sold_product')),
  CONSTRAINT "ck_related_party_party_kind_matches" CHECK (("party_kind" = 'contact' AND "party_contact" IS NOT NULL AND "party_consumer" IS NULL AND "party_account" IS NULL AND "party_user" IS NULL) OR ("party_kind" = 'consumer' AND "party_contact" IS NULL AND "party_consumer" IS NOT NULL AND "party_account" IS NULL AND "party_user" IS NULL) OR ("party_kind" = 'account' AND "party_contact" IS NULL AND "party_consumer" IS NULL AND "party_account" IS NOT NULL AND "party_user" IS NULL) OR ("party_kind" = 'user' AND "party_contact" IS NULL AND "party_consumer" IS NULL AND "party_account" IS NULL AND "party_user" IS NOT NULL))
);

-- the neutral ACL rules of acl/rules.json (KEY name): one per table, operation, grant path, scope and when filter; docs/database.md evaluates them over the tables above
CREATE TABLE "csm_acl_rule" (
  "sys_id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "table_name" TEXT NOT NULL,
  "operation" TEXT NOT NULL,
  "grant_path" TEXT NOT NULL,
  "scope" TEXT,
  "when_filter" TEXT,
  "decision" TEXT NOT NULL,
  CONSTRAINT "pk_acl_rule" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_acl_rule_name" UNIQUE ("name"),
  CONSTRAINT "ck_acl_rule_sys_id_format" CHECK (length("sys_id") = 32 AND "sys_id" NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT "ck_acl_rule_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_acl_rule_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_acl_rule_operation_enum" CHECK ("operation" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_acl_rule_grant_path_enum" CHECK ("grant_path" IN ('role', 'contact_relationship', 'team_member', 'related_party', 'account_related_party', 'account_sold_products', 'named_contact')),
  CONSTRAINT "ck_acl_rule_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers', 'holder', 'holder_cases')),
  CONSTRAINT "ck_acl_rule_decision_enum" CHECK ("decision" IN ('allowed', 'conditional'))
);
COMMIT;
