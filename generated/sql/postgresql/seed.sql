-- csmconf 0.1.0: seed data for PostgreSQL.
-- Generated file, do not edit. Idempotent: every row is an upsert keyed on sys_id,
-- all in one transaction (psql -v ON_ERROR_STOP=1 -f seed.sql).
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
BEGIN;

-- csm_relationship_type: 1 row
INSERT INTO "csm_relationship_type" ("sys_id", "id", "name", "from_end", "to_end", "label", "reverse_label", "partner_access", "active", "builtin") VALUES
('dfbdd80ff0335d42935e16d1ea0dff1d', 'partner_account', 'Partner Account', 'partner', 'account', 'Partner for', 'Customer of', TRUE, TRUE, TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "from_end" = EXCLUDED."from_end", "to_end" = EXCLUDED."to_end", "label" = EXCLUDED."label", "reverse_label" = EXCLUDED."reverse_label", "partner_access" = EXCLUDED."partner_access", "active" = EXCLUDED."active", "builtin" = EXCLUDED."builtin" WHERE ("csm_relationship_type"."id", "csm_relationship_type"."name", "csm_relationship_type"."from_end", "csm_relationship_type"."to_end", "csm_relationship_type"."label", "csm_relationship_type"."reverse_label", "csm_relationship_type"."partner_access", "csm_relationship_type"."active", "csm_relationship_type"."builtin") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."from_end", EXCLUDED."to_end", EXCLUDED."label", EXCLUDED."reverse_label", EXCLUDED."partner_access", EXCLUDED."active", EXCLUDED."builtin");

-- csm_role: 12 rows
INSERT INTO "csm_role" ("sys_id", "id", "name", "kind", "builtin") VALUES
('e816342492d45f748651a97f72cdd797', 'case_create_granular', 'Case Create Granular', 'either', TRUE),
('2951d0eeaff35a04a32ca9c48902dabd', 'case_read_granular', 'Case Read Granular', 'either', TRUE),
('a330c78647b0549b8db1b6edd9849ccc', 'case_write_granular', 'Case Write Granular', 'either', TRUE),
('413657b414cd5de3962cb9b3ca3309d9', 'consumer', 'Consumer', 'external', TRUE),
('548fe7fca0cb54b78bf72d3522e54688', 'customer', 'Customer', 'external', TRUE),
('7953979709745a66a4d8b02cbfd37841', 'customer_admin', 'Customer Admin', 'external', TRUE),
('02f5793a08055b79bc6e64405a3e491b', 'customer_case_manager', 'Customer Case Manager', 'external', TRUE),
('6617443d46f55291aca7be5974444f8e', 'install_base_viewer', 'Install Base Viewer', 'external', FALSE),
('b7bb5f6b583d5cb2b2349b7f67b0956a', 'partner', 'Partner', 'external', TRUE),
('9ddcf4ee0514597ab79d9d8d5a1e488a', 'partner_admin', 'Partner Admin', 'external', TRUE),
('7ab049297c3d540699fc540025a5276e', 'relationship_agent', 'Relationship Agent', 'internal', TRUE),
('cdee087aa415560c943d1819205aec40', 'sold_product_read_granular', 'Sold Product Read Granular', 'either', TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "kind" = EXCLUDED."kind", "builtin" = EXCLUDED."builtin" WHERE ("csm_role"."id", "csm_role"."name", "csm_role"."kind", "csm_role"."builtin") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."kind", EXCLUDED."builtin");

-- csm_role_contains: 7 rows
INSERT INTO "csm_role_contains" ("sys_id", "role", "contained_role", "position") VALUES
('fb9706c2837e52348c9076282604ca6f', 'e816342492d45f748651a97f72cdd797', '2951d0eeaff35a04a32ca9c48902dabd', 0),
('d866a8dd276b5976ab58c7166bcb1a31', 'a330c78647b0549b8db1b6edd9849ccc', 'e816342492d45f748651a97f72cdd797', 0),
('52d5025925c950b8a5d1f644d0c4fc02', '7953979709745a66a4d8b02cbfd37841', '548fe7fca0cb54b78bf72d3522e54688', 0),
('7f22bf532eaa5f25af6c4520b9c783a2', '02f5793a08055b79bc6e64405a3e491b', '548fe7fca0cb54b78bf72d3522e54688', 0),
('0f052e722a4a590db153e92527afbfdc', 'b7bb5f6b583d5cb2b2349b7f67b0956a', '548fe7fca0cb54b78bf72d3522e54688', 0),
('110d43579ddb585ebf3ab07498d60075', '9ddcf4ee0514597ab79d9d8d5a1e488a', '7953979709745a66a4d8b02cbfd37841', 1),
('c0956fdfb617560ba1598355d5b6cffe', '9ddcf4ee0514597ab79d9d8d5a1e488a', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0)
ON CONFLICT ("sys_id") DO UPDATE SET "role" = EXCLUDED."role", "contained_role" = EXCLUDED."contained_role", "position" = EXCLUDED."position" WHERE ("csm_role_contains"."role", "csm_role_contains"."contained_role", "csm_role_contains"."position") IS DISTINCT FROM (EXCLUDED."role", EXCLUDED."contained_role", EXCLUDED."position");

-- csm_role_access: 26 rows
INSERT INTO "csm_role_access" ("sys_id", "role", "position", "table_name", "level", "scope", "when_filter") VALUES
('ddfa82e1466c56cf96cd574a26c4ef40', '413657b414cd5de3962cb9b3ca3309d9', 0, 'case', 'read', 'self', NULL),
('ecf2eddf646e546ea4e86e99ca353ebb', '413657b414cd5de3962cb9b3ca3309d9', 0, 'case', 'write', 'self', NULL),
('499b48492ff45bc89b5c4abecef827e3', '413657b414cd5de3962cb9b3ca3309d9', 0, 'case', 'create', 'self', NULL),
('586f1ceb99415d2f94f9c3a76f866b60', '548fe7fca0cb54b78bf72d3522e54688', 0, 'case', 'read', 'self', NULL),
('124c4e5fbc52577ca4b2277ae20476a8', '548fe7fca0cb54b78bf72d3522e54688', 0, 'case', 'write', 'self', NULL),
('7cef698b7e3957a4b3ee4346c9e60726', '548fe7fca0cb54b78bf72d3522e54688', 0, 'case', 'create', 'self', NULL),
('ac263336290a586e821c6f6c24f154a6', '7953979709745a66a4d8b02cbfd37841', 0, 'case', 'read', 'account', NULL),
('05cae29abed1535a805340c1b949d4c3', '7953979709745a66a4d8b02cbfd37841', 0, 'case', 'write', 'account', NULL),
('b47bc8cb582759adad2197c51bfbe235', '7953979709745a66a4d8b02cbfd37841', 0, 'case', 'create', 'account', NULL),
('3ce4c516d4cd5a869e5dc8baa995dff5', '7953979709745a66a4d8b02cbfd37841', 1, 'contact', 'read', 'account', NULL),
('07a6a9b541ae5c63819be12b07bde4cd', '7953979709745a66a4d8b02cbfd37841', 1, 'contact', 'write', 'account', NULL),
('e7dc4324320e5de1b5a18783d79ce186', '02f5793a08055b79bc6e64405a3e491b', 0, 'case', 'read', 'account_tree', NULL),
('66f420f504df559baa4cbb8cfc333fcc', '02f5793a08055b79bc6e64405a3e491b', 0, 'case', 'write', 'account_tree', NULL),
('8ef43582b7ff52a59c1286bb1898b0e6', '02f5793a08055b79bc6e64405a3e491b', 0, 'case', 'create', 'account_tree', NULL),
('626c90bec23958f79b3750036fd972e2', '6617443d46f55291aca7be5974444f8e', 0, 'install_base', 'read', 'account', 'active=true'),
('a1e55c72d2d85e4f87130333624653bc', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0, 'case', 'read', 'self', NULL),
('bb30b2ebe36d55fe9d85b148957f92e3', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0, 'case', 'write', 'self', NULL),
('f6f45be554ba5548a981039a1965235d', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0, 'case', 'create', 'self', NULL),
('cd796ce70dad536d867f3f197d4eda22', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 1, 'case', 'read', 'partner_contact', NULL),
('e55b616b18af58b4bc2954b3b28076e5', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 1, 'case', 'write', 'partner_contact', NULL),
('b542767c85e451ef88043090cdacc0c6', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 1, 'case', 'create', 'partner_contact', NULL),
('a1fc4f9b5e355650b98f0bd836a2fdb4', '9ddcf4ee0514597ab79d9d8d5a1e488a', 0, 'case', 'read', 'partner_account', NULL),
('d2f1b385ba0c5c7fa4637b4b5e4654c5', '9ddcf4ee0514597ab79d9d8d5a1e488a', 0, 'case', 'write', 'partner_account', NULL),
('cb847ac016e6521fab1c07ec67428018', '9ddcf4ee0514597ab79d9d8d5a1e488a', 0, 'case', 'create', 'partner_account', NULL),
('bc0b9a0ae9215701b9ab1dca64c48b0b', '9ddcf4ee0514597ab79d9d8d5a1e488a', 1, 'contact', 'read', 'partner_customers', NULL),
('615fe2b1ca635901ae011e7da4f53e04', '9ddcf4ee0514597ab79d9d8d5a1e488a', 1, 'contact', 'write', 'partner_customers', NULL)
ON CONFLICT ("sys_id") DO UPDATE SET "role" = EXCLUDED."role", "position" = EXCLUDED."position", "table_name" = EXCLUDED."table_name", "level" = EXCLUDED."level", "scope" = EXCLUDED."scope", "when_filter" = EXCLUDED."when_filter" WHERE ("csm_role_access"."role", "csm_role_access"."position", "csm_role_access"."table_name", "csm_role_access"."level", "csm_role_access"."scope", "csm_role_access"."when_filter") IS DISTINCT FROM (EXCLUDED."role", EXCLUDED."position", EXCLUDED."table_name", EXCLUDED."level", EXCLUDED."scope", EXCLUDED."when_filter");

-- csm_responsibility: 6 rows
INSERT INTO "csm_responsibility" ("sys_id", "id", "name", "holder_contact", "holder_consumer", "holder_user", "holder_account", "is_unique", "builtin") VALUES
('2ac611df6e5054668eb52815877b806f', 'account_manager', 'Account Manager', FALSE, FALSE, TRUE, FALSE, FALSE, TRUE),
('e83d050201505ecfa7a946a2d1223305', 'attorney', 'Attorney', TRUE, FALSE, FALSE, FALSE, TRUE, FALSE),
('34ba4813da32592f8ebfd0e20a2b9c10', 'authorized_account', 'Authorized Account', FALSE, FALSE, FALSE, TRUE, FALSE, TRUE),
('044a40856487504d916b1874cde2fb04', 'authorized_representative', 'Authorized Representative', TRUE, TRUE, FALSE, FALSE, FALSE, TRUE),
('9375e3d6ad615964bd0341030d0b56f0', 'co_borrower', 'Co-borrower', TRUE, TRUE, FALSE, FALSE, FALSE, FALSE),
('7ed1ab30872d586a8a108feb721afa80', 'guarantor', 'Guarantor', TRUE, TRUE, FALSE, FALSE, FALSE, FALSE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "holder_contact" = EXCLUDED."holder_contact", "holder_consumer" = EXCLUDED."holder_consumer", "holder_user" = EXCLUDED."holder_user", "holder_account" = EXCLUDED."holder_account", "is_unique" = EXCLUDED."is_unique", "builtin" = EXCLUDED."builtin" WHERE ("csm_responsibility"."id", "csm_responsibility"."name", "csm_responsibility"."holder_contact", "csm_responsibility"."holder_consumer", "csm_responsibility"."holder_user", "csm_responsibility"."holder_account", "csm_responsibility"."is_unique", "csm_responsibility"."builtin") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."holder_contact", EXCLUDED."holder_consumer", EXCLUDED."holder_user", EXCLUDED."holder_account", EXCLUDED."is_unique", EXCLUDED."builtin");

-- csm_responsibility_includes: 1 row
INSERT INTO "csm_responsibility_includes" ("sys_id", "responsibility", "included_responsibility", "position") VALUES
('a059a569f54f5519bb81d05c70cb0ab0', '9375e3d6ad615964bd0341030d0b56f0', '7ed1ab30872d586a8a108feb721afa80', 0)
ON CONFLICT ("sys_id") DO UPDATE SET "responsibility" = EXCLUDED."responsibility", "included_responsibility" = EXCLUDED."included_responsibility", "position" = EXCLUDED."position" WHERE ("csm_responsibility_includes"."responsibility", "csm_responsibility_includes"."included_responsibility", "csm_responsibility_includes"."position") IS DISTINCT FROM (EXCLUDED."responsibility", EXCLUDED."included_responsibility", EXCLUDED."position");

-- csm_responsibility_role_required: 2 rows
INSERT INTO "csm_responsibility_role_required" ("sys_id", "responsibility", "role", "position") VALUES
('54fcfc4831925731a7b4d9b1842871b3', 'e83d050201505ecfa7a946a2d1223305', '2951d0eeaff35a04a32ca9c48902dabd', 0),
('1eced095be1751fa908b02e1b845a56b', '9375e3d6ad615964bd0341030d0b56f0', 'a330c78647b0549b8db1b6edd9849ccc', 0)
ON CONFLICT ("sys_id") DO UPDATE SET "responsibility" = EXCLUDED."responsibility", "role" = EXCLUDED."role", "position" = EXCLUDED."position" WHERE ("csm_responsibility_role_required"."responsibility", "csm_responsibility_role_required"."role", "csm_responsibility_role_required"."position") IS DISTINCT FROM (EXCLUDED."responsibility", EXCLUDED."role", EXCLUDED."position");

-- csm_responsibility_access: 18 rows
INSERT INTO "csm_responsibility_access" ("sys_id", "responsibility", "position", "table_name", "level", "scope", "when_filter") VALUES
('b7b5f67fab34527d83667e10b4de2409', '2ac611df6e5054668eb52815877b806f', 0, 'case', 'read', 'holder', NULL),
('cff358d7f34a59b194ae5e8796acc9b0', '2ac611df6e5054668eb52815877b806f', 0, 'case', 'write', 'holder', NULL),
('cb332dd579ce525b97bbfe6575e276a1', '2ac611df6e5054668eb52815877b806f', 1, 'account', 'read', 'holder', NULL),
('fc7715fcd2175efdb43c820775c71b5a', 'e83d050201505ecfa7a946a2d1223305', 0, 'case', 'read', 'holder_cases', NULL),
('b789fd202d3256cead174da6ea178754', '34ba4813da32592f8ebfd0e20a2b9c10', 0, 'case', 'read', 'holder', NULL),
('e2f46fc28cd85595b514aa629b024cb4', '34ba4813da32592f8ebfd0e20a2b9c10', 0, 'case', 'write', 'holder', NULL),
('3f8219231a0e5d5f9b243ec49a536c75', '34ba4813da32592f8ebfd0e20a2b9c10', 1, 'sold_product', 'read', 'holder', NULL),
('2fe73e3efec355b78c7f8222465791a6', '34ba4813da32592f8ebfd0e20a2b9c10', 2, 'case', 'read', 'holder_cases', NULL),
('82f68426d0915a2b950025b462fb68e2', '34ba4813da32592f8ebfd0e20a2b9c10', 2, 'case', 'write', 'holder_cases', NULL),
('9edab9c2bc8157b28a2005fdfbea24b6', '044a40856487504d916b1874cde2fb04', 0, 'case', 'read', 'holder', NULL),
('f8532a3f835d5ed09b8f74f6ab8186f2', '044a40856487504d916b1874cde2fb04', 0, 'case', 'write', 'holder', NULL),
('7db791a0475856688c2bc48850546287', '044a40856487504d916b1874cde2fb04', 1, 'sold_product', 'read', 'holder', NULL),
('b161e67433f45db182dd9ccfc2e72654', '044a40856487504d916b1874cde2fb04', 2, 'case', 'read', 'holder_cases', NULL),
('c36926bd422b51f0be77e3cf68cbe0ca', '044a40856487504d916b1874cde2fb04', 2, 'case', 'write', 'holder_cases', NULL),
('9f56ba3fd3ba580bb599c85297abc2b6', '9375e3d6ad615964bd0341030d0b56f0', 0, 'case', 'read', 'holder_cases', NULL),
('b0ecd1e7af555dc3a8ed188edc28f5d9', '9375e3d6ad615964bd0341030d0b56f0', 0, 'case', 'write', 'holder_cases', NULL),
('4e038c8d572d596b9c33820415cf234b', '7ed1ab30872d586a8a108feb721afa80', 0, 'sold_product', 'read', 'holder', NULL),
('912181cfb69956f5b28ae6478eb02a5c', '7ed1ab30872d586a8a108feb721afa80', 1, 'case', 'read', 'holder_cases', NULL)
ON CONFLICT ("sys_id") DO UPDATE SET "responsibility" = EXCLUDED."responsibility", "position" = EXCLUDED."position", "table_name" = EXCLUDED."table_name", "level" = EXCLUDED."level", "scope" = EXCLUDED."scope", "when_filter" = EXCLUDED."when_filter" WHERE ("csm_responsibility_access"."responsibility", "csm_responsibility_access"."position", "csm_responsibility_access"."table_name", "csm_responsibility_access"."level", "csm_responsibility_access"."scope", "csm_responsibility_access"."when_filter") IS DISTINCT FROM (EXCLUDED."responsibility", EXCLUDED."position", EXCLUDED."table_name", EXCLUDED."level", EXCLUDED."scope", EXCLUDED."when_filter");

-- csm_account: 12 rows
INSERT INTO "csm_account" ("sys_id", "id", "name", "customer", "partner", "parent", "code", "primary_contact", "restrict_contact_access", "active") VALUES
('f90b310d44dc50458fe9887eb12da945', 'abc-corp', 'ABC Corp', TRUE, FALSE, NULL, 'ABC', NULL, FALSE, TRUE),
('9d47ad4c3c47512db77d23d64376295d', 'gsi-tech', 'GSI Tech', TRUE, TRUE, NULL, 'GSI', NULL, FALSE, TRUE),
('a7ac5f020b0159ad8995ad20e774f58d', 'hill-household', 'Hill Household', TRUE, FALSE, NULL, 'HILL', NULL, FALSE, TRUE),
('fcd32562b9105cff8402619860cc6347', 'orion-industries', 'Orion Industries', TRUE, FALSE, NULL, 'ORION', NULL, TRUE, TRUE),
('b5cdde57ca675d5da44f8f948419afd3', 'ortiz-law', 'Ortiz & Partners LLP', TRUE, FALSE, NULL, 'ORTIZ', NULL, FALSE, TRUE),
('b3db34c536e254668d6cf45dd03f4a2f', 'xyz-ltd', 'XYZ Ltd', TRUE, FALSE, NULL, 'XYZ', NULL, FALSE, TRUE),
('b4191b86d8f35eacbd28b06e20f3a44e', 'abc-asia', 'ABC Asia (closed)', TRUE, FALSE, 'f90b310d44dc50458fe9887eb12da945', 'ABC-AS', NULL, FALSE, FALSE),
('2016901418845c069981ac61f9a31b68', 'abc-europe', 'ABC Europe', TRUE, FALSE, 'f90b310d44dc50458fe9887eb12da945', 'ABC-EU', NULL, FALSE, TRUE),
('607cc412e8be57ab898d7eee846bc88c', 'orion-finance', 'Orion Industries - Finance', TRUE, FALSE, 'fcd32562b9105cff8402619860cc6347', 'ORION-FIN', NULL, FALSE, TRUE),
('ed08e63a302a57eb89c10032dcc02ec4', 'orion-operations', 'Orion Industries - Operations', TRUE, FALSE, 'fcd32562b9105cff8402619860cc6347', 'ORION-OPS', NULL, FALSE, TRUE),
('c04845e7a8475264bcf36187b738e82d', 'abc-germany', 'ABC Germany GmbH', TRUE, FALSE, '2016901418845c069981ac61f9a31b68', 'ABC-DE', NULL, FALSE, TRUE),
('6759f1b8f6045096a6d30cc71638342b', 'abc-japan', 'ABC Japan KK', TRUE, FALSE, 'b4191b86d8f35eacbd28b06e20f3a44e', 'ABC-JP', NULL, FALSE, TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "customer" = EXCLUDED."customer", "partner" = EXCLUDED."partner", "parent" = EXCLUDED."parent", "code" = EXCLUDED."code", "restrict_contact_access" = EXCLUDED."restrict_contact_access", "active" = EXCLUDED."active" WHERE ("csm_account"."id", "csm_account"."name", "csm_account"."customer", "csm_account"."partner", "csm_account"."parent", "csm_account"."code", "csm_account"."restrict_contact_access", "csm_account"."active") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."customer", EXCLUDED."partner", EXCLUDED."parent", EXCLUDED."code", EXCLUDED."restrict_contact_access", EXCLUDED."active");

-- csm_contact: 16 rows
INSERT INTO "csm_contact" ("sys_id", "id", "name", "email", "phone", "account", "active") VALUES
('15f8396a1280595ea8c3ce69f03caf3d', 'ann-abc-admin', 'Ann Abbott', 'ann.abbott@abc.example.com', NULL, 'f90b310d44dc50458fe9887eb12da945', TRUE),
('e7b460ce28f15cf69b21799b32f305b5', 'ann-abc-user', 'Ann Baker', 'ann.baker@abc.example.com', NULL, 'f90b310d44dc50458fe9887eb12da945', TRUE),
('2903cec2e18451c1bd7ab1c1d37eb038', 'carlos-abc-cases', 'Carlos Ruiz', 'carlos.ruiz@abc.example.com', NULL, 'f90b310d44dc50458fe9887eb12da945', TRUE),
('1889a4ccd3b054878c9598f7e5f4f818', 'eva-abc-europe', 'Eva Novak', 'eva.novak@abc.example.com', NULL, '2016901418845c069981ac61f9a31b68', TRUE),
('d4c79f389c955219b40bf9034368a6d9', 'fiona-orion-finance', 'Fiona Flores', 'fiona.flores@orion.example.com', NULL, '607cc412e8be57ab898d7eee846bc88c', TRUE),
('4cfcc98941bd53b7b8220939b8be7327', 'jonas-abc-germany', 'Jonas Weber', 'jonas.weber@abc.example.com', NULL, 'c04845e7a8475264bcf36187b738e82d', TRUE),
('a2efadcebdde54cfa5c6305a76e68a08', 'kenji-abc-japan', 'Kenji Sato', 'kenji.sato@abc.example.com', NULL, '6759f1b8f6045096a6d30cc71638342b', TRUE),
('00c76673cf7b5f749aac130bb077c3c2', 'lena-ortiz', 'Lena Ortiz', 'lena.ortiz@ortiz-law.example.com', NULL, 'b5cdde57ca675d5da44f8f948419afd3', TRUE),
('d1e392a1fdab5a77aa516e1ef4f05ec3', 'lin-abc-asia', 'Lin Chen', 'lin.chen@abc.example.com', NULL, 'b4191b86d8f35eacbd28b06e20f3a44e', TRUE),
('c5fe505c65e0568aa317152c456f9d7b', 'mia-xyz', 'Mia Jones', 'mia.jones@xyz.example.com', NULL, 'b3db34c536e254668d6cf45dd03f4a2f', TRUE),
('d591ace3bd395d97815eca70435b0220', 'olga-orion', 'Olga Ivanova', 'olga.ivanova@orion.example.com', NULL, 'fcd32562b9105cff8402619860cc6347', TRUE),
('e3dd8b7487345078ac7cb19d110b1957', 'oscar-orion', 'Oscar Olsen', 'oscar.olsen@orion.example.com', NULL, 'fcd32562b9105cff8402619860cc6347', TRUE),
('8421abdb6c6c5c1d970a5383e88e4cbe', 'otto-orion-ops', 'Otto Schmidt', 'otto.schmidt@orion.example.com', NULL, 'ed08e63a302a57eb89c10032dcc02ec4', TRUE),
('07cd4e1a022d5c6f9eb26677bdbf7f69', 'peter-robinson', 'Peter Robinson', 'peter.robinson@gsi-tech.example.com', '+44 20 7946 0101', '9d47ad4c3c47512db77d23d64376295d', TRUE),
('7d653ed403d557818aa622f9afcbf3e4', 'priya-gsi', 'Priya Shah', 'priya.shah@gsi-tech.example.com', NULL, '9d47ad4c3c47512db77d23d64376295d', TRUE),
('a71764c141b65af88293e25f3351eabd', 'sam-hill', 'Sam Hill', 'sam.hill@hill-family.example.com', NULL, 'a7ac5f020b0159ad8995ad20e774f58d', TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "email" = EXCLUDED."email", "phone" = EXCLUDED."phone", "account" = EXCLUDED."account", "active" = EXCLUDED."active" WHERE ("csm_contact"."id", "csm_contact"."name", "csm_contact"."email", "csm_contact"."phone", "csm_contact"."account", "csm_contact"."active") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."email", EXCLUDED."phone", EXCLUDED."account", EXCLUDED."active");

-- csm_account.primary_contact, now that the contacts exist
UPDATE "csm_account" SET "primary_contact" = '15f8396a1280595ea8c3ce69f03caf3d' WHERE "sys_id" = 'f90b310d44dc50458fe9887eb12da945' AND "primary_contact" IS DISTINCT FROM '15f8396a1280595ea8c3ce69f03caf3d';
UPDATE "csm_account" SET "primary_contact" = '07cd4e1a022d5c6f9eb26677bdbf7f69' WHERE "sys_id" = '9d47ad4c3c47512db77d23d64376295d' AND "primary_contact" IS DISTINCT FROM '07cd4e1a022d5c6f9eb26677bdbf7f69';
UPDATE "csm_account" SET "primary_contact" = 'a71764c141b65af88293e25f3351eabd' WHERE "sys_id" = 'a7ac5f020b0159ad8995ad20e774f58d' AND "primary_contact" IS DISTINCT FROM 'a71764c141b65af88293e25f3351eabd';
UPDATE "csm_account" SET "primary_contact" = 'e3dd8b7487345078ac7cb19d110b1957' WHERE "sys_id" = 'fcd32562b9105cff8402619860cc6347' AND "primary_contact" IS DISTINCT FROM 'e3dd8b7487345078ac7cb19d110b1957';
UPDATE "csm_account" SET "primary_contact" = NULL WHERE "sys_id" = 'b5cdde57ca675d5da44f8f948419afd3' AND "primary_contact" IS DISTINCT FROM NULL;
UPDATE "csm_account" SET "primary_contact" = 'c5fe505c65e0568aa317152c456f9d7b' WHERE "sys_id" = 'b3db34c536e254668d6cf45dd03f4a2f' AND "primary_contact" IS DISTINCT FROM 'c5fe505c65e0568aa317152c456f9d7b';
UPDATE "csm_account" SET "primary_contact" = NULL WHERE "sys_id" = 'b4191b86d8f35eacbd28b06e20f3a44e' AND "primary_contact" IS DISTINCT FROM NULL;
UPDATE "csm_account" SET "primary_contact" = '1889a4ccd3b054878c9598f7e5f4f818' WHERE "sys_id" = '2016901418845c069981ac61f9a31b68' AND "primary_contact" IS DISTINCT FROM '1889a4ccd3b054878c9598f7e5f4f818';
UPDATE "csm_account" SET "primary_contact" = 'd4c79f389c955219b40bf9034368a6d9' WHERE "sys_id" = '607cc412e8be57ab898d7eee846bc88c' AND "primary_contact" IS DISTINCT FROM 'd4c79f389c955219b40bf9034368a6d9';
UPDATE "csm_account" SET "primary_contact" = '8421abdb6c6c5c1d970a5383e88e4cbe' WHERE "sys_id" = 'ed08e63a302a57eb89c10032dcc02ec4' AND "primary_contact" IS DISTINCT FROM '8421abdb6c6c5c1d970a5383e88e4cbe';
UPDATE "csm_account" SET "primary_contact" = '4cfcc98941bd53b7b8220939b8be7327' WHERE "sys_id" = 'c04845e7a8475264bcf36187b738e82d' AND "primary_contact" IS DISTINCT FROM '4cfcc98941bd53b7b8220939b8be7327';
UPDATE "csm_account" SET "primary_contact" = 'a2efadcebdde54cfa5c6305a76e68a08' WHERE "sys_id" = '6759f1b8f6045096a6d30cc71638342b' AND "primary_contact" IS DISTINCT FROM 'a2efadcebdde54cfa5c6305a76e68a08';

-- csm_consumer: 2 rows
INSERT INTO "csm_consumer" ("sys_id", "id", "name", "email", "phone", "active") VALUES
('9d86ce7474e258ebb3fe0474e6d3ff7d', 'nora-hill', 'Nora Hill', 'nora.hill@mail.example.com', NULL, TRUE),
('8bea4562112958cb971d2857fb573a7a', 'ravi-patel', 'Ravi Patel', 'ravi.patel@mail.example.com', NULL, TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "email" = EXCLUDED."email", "phone" = EXCLUDED."phone", "active" = EXCLUDED."active" WHERE ("csm_consumer"."id", "csm_consumer"."name", "csm_consumer"."email", "csm_consumer"."phone", "csm_consumer"."active") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."email", EXCLUDED."phone", EXCLUDED."active");

-- csm_user: 2 rows
INSERT INTO "csm_user" ("sys_id", "id", "name", "email", "active") VALUES
('3dc9bb6ccae454cebb2f663e70ef6aa8', 'omar-former', 'Omar Haddad', 'omar.haddad@northwind.example.com', FALSE),
('2c82e6e1168f56b6a4326f5f3d17c7aa', 'rita-agent', 'Rita Gomez', 'rita.gomez@northwind.example.com', TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "email" = EXCLUDED."email", "active" = EXCLUDED."active" WHERE ("csm_user"."id", "csm_user"."name", "csm_user"."email", "csm_user"."active") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."email", EXCLUDED."active");

-- csm_principal_role: 24 rows
INSERT INTO "csm_principal_role" ("sys_id", "principal_kind", "contact", "consumer", "csm_user", "role", "position") VALUES
('9a28509fd6aa545794394d08d42fdebe', 'contact', '15f8396a1280595ea8c3ce69f03caf3d', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('ef0df7803ee25c2c87acae92c3c0a55a', 'contact', 'e7b460ce28f15cf69b21799b32f305b5', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('c5c0ebfea0ff5e569b703d1ef236be2a', 'contact', '2903cec2e18451c1bd7ab1c1d37eb038', NULL, NULL, '02f5793a08055b79bc6e64405a3e491b', 0),
('f8962c85950f5b778271cb15741e9da6', 'contact', '1889a4ccd3b054878c9598f7e5f4f818', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('2d3e8381834059599a2c58da89a356ab', 'contact', 'd4c79f389c955219b40bf9034368a6d9', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('cedd1510eb845c92a4faa2b1257591d2', 'contact', '4cfcc98941bd53b7b8220939b8be7327', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('62513d3bfadb5b80b6fbd9817403837b', 'contact', 'a2efadcebdde54cfa5c6305a76e68a08', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('4b45de745567590f869355a6fbbc68e3', 'contact', '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('7c2cb83df6cc59cfbc9949dab46a5603', 'contact', '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, '2951d0eeaff35a04a32ca9c48902dabd', 1),
('7f4e15d2cab75299b6321ec40c9999bc', 'contact', 'd1e392a1fdab5a77aa516e1ef4f05ec3', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('d73e3d4ef39355b99222df83e3aac755', 'contact', 'c5fe505c65e0568aa317152c456f9d7b', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('513c7696cec4502db91d07baf6c24f1d', 'contact', 'd591ace3bd395d97815eca70435b0220', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('303fdbd452b45e76876d0ebc5de80f40', 'contact', 'e3dd8b7487345078ac7cb19d110b1957', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('38fc6ff6397356d0a8bff52e1970c685', 'contact', 'e3dd8b7487345078ac7cb19d110b1957', NULL, NULL, '02f5793a08055b79bc6e64405a3e491b', 1),
('63f02f449f205b60bb94f178bc7ee527', 'contact', 'e3dd8b7487345078ac7cb19d110b1957', NULL, NULL, '6617443d46f55291aca7be5974444f8e', 2),
('f11478ae31d4510da92d820857576608', 'contact', '8421abdb6c6c5c1d970a5383e88e4cbe', NULL, NULL, '548fe7fca0cb54b78bf72d3522e54688', 0),
('45fc3e85be355549a0088c917e2864db', 'contact', '07cd4e1a022d5c6f9eb26677bdbf7f69', NULL, NULL, '9ddcf4ee0514597ab79d9d8d5a1e488a', 0),
('571abe76e55d59a092a8c2f0736a79b7', 'contact', '7d653ed403d557818aa622f9afcbf3e4', NULL, NULL, 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0),
('48b3034682ee5500b51f8e33e459e00a', 'contact', 'a71764c141b65af88293e25f3351eabd', NULL, NULL, '7953979709745a66a4d8b02cbfd37841', 0),
('11e45541daa05108836c5db55dbc2291', 'consumer', NULL, '9d86ce7474e258ebb3fe0474e6d3ff7d', NULL, '413657b414cd5de3962cb9b3ca3309d9', 0),
('aa7ce00de0f556879710bccaafc0d4af', 'consumer', NULL, '8bea4562112958cb971d2857fb573a7a', NULL, '413657b414cd5de3962cb9b3ca3309d9', 0),
('a04caf20dfd75f8686d795ef9322ae6a', 'consumer', NULL, '8bea4562112958cb971d2857fb573a7a', NULL, 'a330c78647b0549b8db1b6edd9849ccc', 1),
('8694c68afd7855e6bfd221aee69a0138', 'user', NULL, NULL, '3dc9bb6ccae454cebb2f663e70ef6aa8', '7ab049297c3d540699fc540025a5276e', 0),
('d0f02ece72f4559c986b456e61601f16', 'user', NULL, NULL, '2c82e6e1168f56b6a4326f5f3d17c7aa', '7ab049297c3d540699fc540025a5276e', 0)
ON CONFLICT ("sys_id") DO UPDATE SET "principal_kind" = EXCLUDED."principal_kind", "contact" = EXCLUDED."contact", "consumer" = EXCLUDED."consumer", "csm_user" = EXCLUDED."csm_user", "role" = EXCLUDED."role", "position" = EXCLUDED."position" WHERE ("csm_principal_role"."principal_kind", "csm_principal_role"."contact", "csm_principal_role"."consumer", "csm_principal_role"."csm_user", "csm_principal_role"."role", "csm_principal_role"."position") IS DISTINCT FROM (EXCLUDED."principal_kind", EXCLUDED."contact", EXCLUDED."consumer", EXCLUDED."csm_user", EXCLUDED."role", EXCLUDED."position");

-- csm_account_relationship: 1 row
INSERT INTO "csm_account_relationship" ("sys_id", "from_account", "relationship_type", "to_account", "sort_order") VALUES
('31117b6bf8885f7bb0679e29a97b0faf', '9d47ad4c3c47512db77d23d64376295d', 'dfbdd80ff0335d42935e16d1ea0dff1d', 'f90b310d44dc50458fe9887eb12da945', 100)
ON CONFLICT ("sys_id") DO UPDATE SET "from_account" = EXCLUDED."from_account", "relationship_type" = EXCLUDED."relationship_type", "to_account" = EXCLUDED."to_account", "sort_order" = EXCLUDED."sort_order" WHERE ("csm_account_relationship"."from_account", "csm_account_relationship"."relationship_type", "csm_account_relationship"."to_account", "csm_account_relationship"."sort_order") IS DISTINCT FROM (EXCLUDED."from_account", EXCLUDED."relationship_type", EXCLUDED."to_account", EXCLUDED."sort_order");

-- csm_contact_relationship: 1 row
INSERT INTO "csm_contact_relationship" ("sys_id", "contact", "account", "responsibility", "sort_order", "holder_contact") VALUES
('46b2e4cbf0d357989c266764e3d4e2c5', '1889a4ccd3b054878c9598f7e5f4f818', 'c04845e7a8475264bcf36187b738e82d', '044a40856487504d916b1874cde2fb04', 100, TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "contact" = EXCLUDED."contact", "account" = EXCLUDED."account", "responsibility" = EXCLUDED."responsibility", "sort_order" = EXCLUDED."sort_order", "holder_contact" = EXCLUDED."holder_contact" WHERE ("csm_contact_relationship"."contact", "csm_contact_relationship"."account", "csm_contact_relationship"."responsibility", "csm_contact_relationship"."sort_order", "csm_contact_relationship"."holder_contact") IS DISTINCT FROM (EXCLUDED."contact", EXCLUDED."account", EXCLUDED."responsibility", EXCLUDED."sort_order", EXCLUDED."holder_contact");

-- csm_team_member: 2 rows
INSERT INTO "csm_team_member" ("sys_id", "csm_user", "account", "responsibility", "holder_user") VALUES
('3c71a719efc3533fabac760a85d2184c', '3dc9bb6ccae454cebb2f663e70ef6aa8', 'f90b310d44dc50458fe9887eb12da945', '2ac611df6e5054668eb52815877b806f', TRUE),
('bff55aa70dce5e1782ddd31b14238e02', '2c82e6e1168f56b6a4326f5f3d17c7aa', 'fcd32562b9105cff8402619860cc6347', '2ac611df6e5054668eb52815877b806f', TRUE)
ON CONFLICT ("sys_id") DO UPDATE SET "csm_user" = EXCLUDED."csm_user", "account" = EXCLUDED."account", "responsibility" = EXCLUDED."responsibility", "holder_user" = EXCLUDED."holder_user" WHERE ("csm_team_member"."csm_user", "csm_team_member"."account", "csm_team_member"."responsibility", "csm_team_member"."holder_user") IS DISTINCT FROM (EXCLUDED."csm_user", EXCLUDED."account", EXCLUDED."responsibility", EXCLUDED."holder_user");

-- csm_related_party_config: 4 rows
INSERT INTO "csm_related_party_config" ("sys_id", "id", "name", "applies_to", "entity_type", "default_responsibility", "sort_order") VALUES
('6cb1c9098e635eb98afe99c8d0a05a18', 'loan-attorney', 'Attorney', 'sold_product', 'contact', 'e83d050201505ecfa7a946a2d1223305', 30),
('66fb4d8dbe4e52309efde8d39a7c54d0', 'loan-co-borrower', 'Co-borrower', 'sold_product', 'consumer', '9375e3d6ad615964bd0341030d0b56f0', 10),
('28f147f0eb575f8d9638d5549252bce8', 'loan-guarantor', 'Guarantor', 'sold_product', 'consumer', '7ed1ab30872d586a8a108feb721afa80', 20),
('582b52dcab5c5a4483ebc5723770052c', 'tracking-department', 'Tracking department', 'sold_product', 'account', '34ba4813da32592f8ebfd0e20a2b9c10', 40)
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "applies_to" = EXCLUDED."applies_to", "entity_type" = EXCLUDED."entity_type", "default_responsibility" = EXCLUDED."default_responsibility", "sort_order" = EXCLUDED."sort_order" WHERE ("csm_related_party_config"."id", "csm_related_party_config"."name", "csm_related_party_config"."applies_to", "csm_related_party_config"."entity_type", "csm_related_party_config"."default_responsibility", "csm_related_party_config"."sort_order") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."applies_to", EXCLUDED."entity_type", EXCLUDED."default_responsibility", EXCLUDED."sort_order");

-- csm_related_party_config_allowed: 5 rows
INSERT INTO "csm_related_party_config_allowed" ("sys_id", "related_party_config", "responsibility", "position") VALUES
('babc96374c1f5f5bb609536a41d2c653', '6cb1c9098e635eb98afe99c8d0a05a18', 'e83d050201505ecfa7a946a2d1223305', 0),
('4004a236fade5100b555a787af56f16e', '66fb4d8dbe4e52309efde8d39a7c54d0', '9375e3d6ad615964bd0341030d0b56f0', 0),
('7292b2e671bc5a318295d7bba1aad150', '66fb4d8dbe4e52309efde8d39a7c54d0', '7ed1ab30872d586a8a108feb721afa80', 1),
('90025fa576a159adaa5756016cf6d28c', '28f147f0eb575f8d9638d5549252bce8', '7ed1ab30872d586a8a108feb721afa80', 0),
('89e4019570cd5291ba8806ba4fed0df5', '582b52dcab5c5a4483ebc5723770052c', '34ba4813da32592f8ebfd0e20a2b9c10', 0)
ON CONFLICT ("sys_id") DO UPDATE SET "related_party_config" = EXCLUDED."related_party_config", "responsibility" = EXCLUDED."responsibility", "position" = EXCLUDED."position" WHERE ("csm_related_party_config_allowed"."related_party_config", "csm_related_party_config_allowed"."responsibility", "csm_related_party_config_allowed"."position") IS DISTINCT FROM (EXCLUDED."related_party_config", EXCLUDED."responsibility", EXCLUDED."position");

-- csm_sold_product: 3 rows
INSERT INTO "csm_sold_product" ("sys_id", "id", "name", "account", "contact") VALUES
('7a51aa242b9552a78554a02f1a2fba9f', 'abc-treasury-platform', 'ABC Corp Treasury Platform', 'f90b310d44dc50458fe9887eb12da945', '15f8396a1280595ea8c3ce69f03caf3d'),
('919f418fecf05ce39127bd1de05e71ac', 'housing-loan-hill-2024', 'Housing loan - 12 Elm Street', 'a7ac5f020b0159ad8995ad20e774f58d', 'a71764c141b65af88293e25f3351eabd'),
('37bef5ebecfc5745b611195fe5c0ee04', 'orion-fleet-lease', 'Orion Industries fleet lease', 'fcd32562b9105cff8402619860cc6347', 'd591ace3bd395d97815eca70435b0220')
ON CONFLICT ("sys_id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name", "account" = EXCLUDED."account", "contact" = EXCLUDED."contact" WHERE ("csm_sold_product"."id", "csm_sold_product"."name", "csm_sold_product"."account", "csm_sold_product"."contact") IS DISTINCT FROM (EXCLUDED."id", EXCLUDED."name", EXCLUDED."account", EXCLUDED."contact");

-- csm_related_party: 5 rows
INSERT INTO "csm_related_party" ("sys_id", "sold_product", "party_kind", "party_contact", "party_consumer", "party_account", "party_user", "related_party_config", "applies_to", "responsibility", "position") VALUES
('f89aa2d6a9935a79ad1144c5a29c657b', '919f418fecf05ce39127bd1de05e71ac', 'consumer', NULL, '9d86ce7474e258ebb3fe0474e6d3ff7d', NULL, NULL, '28f147f0eb575f8d9638d5549252bce8', 'sold_product', NULL, 1),
('73257935594d550a9ed7fbfcdc36b516', '919f418fecf05ce39127bd1de05e71ac', 'consumer', NULL, '8bea4562112958cb971d2857fb573a7a', NULL, NULL, '66fb4d8dbe4e52309efde8d39a7c54d0', 'sold_product', NULL, 0),
('090faa553bf35b92ba0a6be6abde566e', '919f418fecf05ce39127bd1de05e71ac', 'contact', '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, NULL, '6cb1c9098e635eb98afe99c8d0a05a18', 'sold_product', NULL, 2),
('87a1d57f23a9579696967585f6ffd509', '37bef5ebecfc5745b611195fe5c0ee04', 'account', NULL, NULL, '607cc412e8be57ab898d7eee846bc88c', NULL, '582b52dcab5c5a4483ebc5723770052c', 'sold_product', NULL, 0),
('33a770c5704a5fbaaedb03468fa39347', '37bef5ebecfc5745b611195fe5c0ee04', 'account', NULL, NULL, 'ed08e63a302a57eb89c10032dcc02ec4', NULL, '582b52dcab5c5a4483ebc5723770052c', 'sold_product', NULL, 1)
ON CONFLICT ("sys_id") DO UPDATE SET "sold_product" = EXCLUDED."sold_product", "party_kind" = EXCLUDED."party_kind", "party_contact" = EXCLUDED."party_contact", "party_consumer" = EXCLUDED."party_consumer", "party_account" = EXCLUDED."party_account", "party_user" = EXCLUDED."party_user", "related_party_config" = EXCLUDED."related_party_config", "applies_to" = EXCLUDED."applies_to", "responsibility" = EXCLUDED."responsibility", "position" = EXCLUDED."position" WHERE ("csm_related_party"."sold_product", "csm_related_party"."party_kind", "csm_related_party"."party_contact", "csm_related_party"."party_consumer", "csm_related_party"."party_account", "csm_related_party"."party_user", "csm_related_party"."related_party_config", "csm_related_party"."applies_to", "csm_related_party"."responsibility", "csm_related_party"."position") IS DISTINCT FROM (EXCLUDED."sold_product", EXCLUDED."party_kind", EXCLUDED."party_contact", EXCLUDED."party_consumer", EXCLUDED."party_account", EXCLUDED."party_user", EXCLUDED."related_party_config", EXCLUDED."applies_to", EXCLUDED."responsibility", EXCLUDED."position");

-- csm_acl_rule: 35 rows
INSERT INTO "csm_acl_rule" ("sys_id", "name", "table_name", "operation", "grant_path", "scope", "when_filter", "decision") VALUES
('5d2eaac417a25b6f9cf1bd6c9662bf99', 'case.read role self', 'case', 'read', 'role', 'self', NULL, 'conditional'),
('a748bc2995175b38960b1e88637f9612', 'case.read role partner_contact', 'case', 'read', 'role', 'partner_contact', NULL, 'conditional'),
('3a0e0d14d3b258a084e18378cc6b8d55', 'case.read role partner_account', 'case', 'read', 'role', 'partner_account', NULL, 'conditional'),
('7695fff5a3eb5caf94edec507269ee85', 'case.read role account', 'case', 'read', 'role', 'account', NULL, 'allowed'),
('4ae4be842d5c52edb2812b28883dc1b4', 'case.read role account_tree', 'case', 'read', 'role', 'account_tree', NULL, 'allowed'),
('3ab09c615f0a55c68e454f76346f02fb', 'case.read contact_relationship holder', 'case', 'read', 'contact_relationship', 'holder', NULL, 'allowed'),
('267ae97a8e2755f6ad4da3d45e71ad73', 'case.read team_member holder', 'case', 'read', 'team_member', 'holder', NULL, 'allowed'),
('6c4f20c2d8f45a53ad93c7d372b192a6', 'case.read related_party holder_cases', 'case', 'read', 'related_party', 'holder_cases', NULL, 'allowed'),
('1a7c83a6ed845ccca30de22424463e13', 'case.read account_related_party holder_cases', 'case', 'read', 'account_related_party', 'holder_cases', NULL, 'allowed'),
('e67307a82a355634b7424741b7ade0cf', 'case.write role self', 'case', 'write', 'role', 'self', NULL, 'conditional'),
('0cbbf738f952554fbdef79b7039c2864', 'case.write role partner_contact', 'case', 'write', 'role', 'partner_contact', NULL, 'conditional'),
('d29399a812d25306862c5ebd44f54908', 'case.write role partner_account', 'case', 'write', 'role', 'partner_account', NULL, 'conditional'),
('4e62f964edb157918b691ead3efd054a', 'case.write role account', 'case', 'write', 'role', 'account', NULL, 'allowed'),
('d2f86b0cfdf459ba96b8693632679c4a', 'case.write role account_tree', 'case', 'write', 'role', 'account_tree', NULL, 'allowed'),
('7faa40a70fef5c83946d71f45438b4a7', 'case.write contact_relationship holder', 'case', 'write', 'contact_relationship', 'holder', NULL, 'allowed'),
('70a88928b32959ecb769b912c4a56deb', 'case.write team_member holder', 'case', 'write', 'team_member', 'holder', NULL, 'allowed'),
('ddec33f81ed35b21a45936009edea7f2', 'case.write related_party holder_cases', 'case', 'write', 'related_party', 'holder_cases', NULL, 'allowed'),
('6370afdcfcf75b78bd73a341ae9e67ab', 'case.write account_related_party holder_cases', 'case', 'write', 'account_related_party', 'holder_cases', NULL, 'allowed'),
('af595f5c559350f483c3f3f918dc1506', 'case.create role self', 'case', 'create', 'role', 'self', NULL, 'conditional'),
('831a825ce4c95a7eac98959b6f02016b', 'case.create role partner_contact', 'case', 'create', 'role', 'partner_contact', NULL, 'conditional'),
('79debd627fd85c64848873baffa58ac9', 'case.create role partner_account', 'case', 'create', 'role', 'partner_account', NULL, 'conditional'),
('dcbdaea4cf3256f08aa8092ff5276b23', 'case.create role account', 'case', 'create', 'role', 'account', NULL, 'allowed'),
('a5bcfc906bc85e55ae7b7d5634fc0b66', 'case.create role account_tree', 'case', 'create', 'role', 'account_tree', NULL, 'allowed'),
('2dbd1ff8b7105c2e931321eb7bf353d5', 'sold_product.read contact_relationship holder', 'sold_product', 'read', 'contact_relationship', 'holder', NULL, 'allowed'),
('362c638cff04503381df8a365f5435f8', 'sold_product.read related_party holder', 'sold_product', 'read', 'related_party', 'holder', NULL, 'allowed'),
('d364ab08238655ab8bdcdfc3c0b088f3', 'sold_product.read account_related_party holder', 'sold_product', 'read', 'account_related_party', 'holder', NULL, 'allowed'),
('12b74f2a2c6c5c25928ab67c31dc8ead', 'sold_product.read account_sold_products account', 'sold_product', 'read', 'account_sold_products', 'account', NULL, 'allowed'),
('fd6645355cb55e6ca33747279490fa4b', 'sold_product.read named_contact', 'sold_product', 'read', 'named_contact', NULL, NULL, 'allowed'),
('34194256479e5385b683b6429d391012', 'account.read team_member holder', 'account', 'read', 'team_member', 'holder', NULL, 'allowed'),
('47e3fb7e3e7959b68308dd4205ff3272', 'contact.read role account', 'contact', 'read', 'role', 'account', NULL, 'allowed'),
('e84c90327916522586e1f202a05a75a7', 'contact.read role partner_customers', 'contact', 'read', 'role', 'partner_customers', NULL, 'allowed'),
('4558b688dfd35684b7ad58df1e516690', 'contact.write role account', 'contact', 'write', 'role', 'account', NULL, 'allowed'),
('d102a39e961b5fd3a239353c78bff669', 'contact.write role partner_customers', 'contact', 'write', 'role', 'partner_customers', NULL, 'allowed'),
('183e730d5c6d5a12a17290a44077f0b8', 'install_base.read role account when active=true', 'install_base', 'read', 'role', 'account', 'active=true', 'conditional'),
('7c20edccae835eca8654ab2510cc48d4', 'install_base.read account_sold_products account', 'install_base', 'read', 'account_sold_products', 'account', NULL, 'allowed')
ON CONFLICT ("sys_id") DO UPDATE SET "name" = EXCLUDED."name", "table_name" = EXCLUDED."table_name", "operation" = EXCLUDED."operation", "grant_path" = EXCLUDED."grant_path", "scope" = EXCLUDED."scope", "when_filter" = EXCLUDED."when_filter", "decision" = EXCLUDED."decision" WHERE ("csm_acl_rule"."name", "csm_acl_rule"."table_name", "csm_acl_rule"."operation", "csm_acl_rule"."grant_path", "csm_acl_rule"."scope", "csm_acl_rule"."when_filter", "csm_acl_rule"."decision") IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."table_name", EXCLUDED."operation", EXCLUDED."grant_path", EXCLUDED."scope", EXCLUDED."when_filter", EXCLUDED."decision");
COMMIT;
