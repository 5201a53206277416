-- csmconf 0.1.0: seed data for MySQL / MariaDB.
-- Generated file, do not edit. Idempotent: every row is an upsert keyed on sys_id,
-- all in one transaction (mysql --default-character-set=utf8mb4 DB < seed.sql).
SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
SET SESSION foreign_key_checks = 1;
START TRANSACTION;

-- csm_relationship_type: 1 row
INSERT INTO `csm_relationship_type` (`sys_id`, `id`, `name`, `from_end`, `to_end`, `label`, `reverse_label`, `partner_access`, `active`, `builtin`) VALUES
('dfbdd80ff0335d42935e16d1ea0dff1d', 'partner_account', 'Partner Account', 'partner', 'account', 'Partner for', 'Customer of', TRUE, TRUE, TRUE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `from_end` = VALUES(`from_end`), `to_end` = VALUES(`to_end`), `label` = VALUES(`label`), `reverse_label` = VALUES(`reverse_label`), `partner_access` = VALUES(`partner_access`), `active` = VALUES(`active`), `builtin` = VALUES(`builtin`);

-- csm_role: 12 rows
INSERT INTO `csm_role` (`sys_id`, `id`, `name`, `kind`, `builtin`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `kind` = VALUES(`kind`), `builtin` = VALUES(`builtin`);

-- csm_role_contains: 7 rows
INSERT INTO `csm_role_contains` (`sys_id`, `role`, `contained_role`, `position`) VALUES
('fb9706c2837e52348c9076282604ca6f', 'e816342492d45f748651a97f72cdd797', '2951d0eeaff35a04a32ca9c48902dabd', 0),
('d866a8dd276b5976ab58c7166bcb1a31', 'a330c78647b0549b8db1b6edd9849ccc', 'e816342492d45f748651a97f72cdd797', 0),
('52d5025925c950b8a5d1f644d0c4fc02', '7953979709745a66a4d8b02cbfd37841', '548fe7fca0cb54b78bf72d3522e54688', 0),
('7f22bf532eaa5f25af6c4520b9c783a2', '02f5793a08055b79bc6e64405a3e491b', '548fe7fca0cb54b78bf72d3522e54688', 0),
('0f052e722a4a590db153e92527afbfdc', 'b7bb5f6b583d5cb2b2349b7f67b0956a', '548fe7fca0cb54b78bf72d3522e54688', 0),
('110d43579ddb585ebf3ab07498d60075', '9ddcf4ee0514597ab79d9d8d5a1e488a', '7953979709745a66a4d8b02cbfd37841', 1),
('c0956fdfb617560ba1598355d5b6cffe', '9ddcf4ee0514597ab79d9d8d5a1e488a', 'b7bb5f6b583d5cb2b2349b7f67b0956a', 0)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `role` = VALUES(`role`), `contained_role` = VALUES(`contained_role`), `position` = VALUES(`position`);

-- csm_role_access: 26 rows
INSERT INTO `csm_role_access` (`sys_id`, `role`, `position`, `table_name`, `level`, `scope`, `when_filter`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `role` = VALUES(`role`), `position` = VALUES(`position`), `table_name` = VALUES(`table_name`), `level` = VALUES(`level`), `scope` = VALUES(`scope`), `when_filter` = VALUES(`when_filter`);

-- csm_responsibility: 6 rows
INSERT INTO `csm_responsibility` (`sys_id`, `id`, `name`, `holder_contact`, `holder_consumer`, `holder_user`, `holder_account`, `is_unique`, `builtin`) VALUES
('2ac611df6e5054668eb52815877b806f', 'account_manager', 'Account Manager', FALSE, FALSE, TRUE, FALSE, FALSE, TRUE),
('e83d050201505ecfa7a946a2d1223305', 'attorney', 'Attorney', TRUE, FALSE, FALSE, FALSE, TRUE, FALSE),
('34ba4813da32592f8ebfd0e20a2b9c10', 'authorized_account', 'Authorized Account', FALSE, FALSE, FALSE, TRUE, FALSE, TRUE),
('044a40856487504d916b1874cde2fb04', 'authorized_representative', 'Authorized Representative', TRUE, TRUE, FALSE, FALSE, FALSE, TRUE),
('9375e3d6ad615964bd0341030d0b56f0', 'co_borrower', 'Co-borrower', TRUE, TRUE, FALSE, FALSE, FALSE, FALSE),
('7ed1ab30872d586a8a108feb721afa80', 'guarantor', 'Guarantor', TRUE, TRUE, FALSE, FALSE, FALSE, FALSE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `holder_contact` = VALUES(`holder_contact`), `holder_consumer` = VALUES(`holder_consumer`), `holder_user` = VALUES(`holder_user`), `holder_account` = VALUES(`holder_account`), `is_unique` = VALUES(`is_unique`), `builtin` = VALUES(`builtin`);

-- csm_responsibility_includes: 1 row
INSERT INTO `csm_responsibility_includes` (`sys_id`, `responsibility`, `included_responsibility`, `position`) VALUES
('a059a569f54f5519bb81d05c70cb0ab0', '9375e3d6ad615964bd0341030d0b56f0', '7ed1ab30872d586a8a108feb721afa80', 0)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `responsibility` = VALUES(`responsibility`), `included_responsibility` = VALUES(`included_responsibility`), `position` = VALUES(`position`);

-- csm_responsibility_role_required: 2 rows
INSERT INTO `csm_responsibility_role_required` (`sys_id`, `responsibility`, `role`, `position`) VALUES
('54fcfc4831925731a7b4d9b1842871b3', 'e83d050201505ecfa7a946a2d1223305', '2951d0eeaff35a04a32ca9c48902dabd', 0),
('1eced095be1751fa908b02e1b845a56b', '9375e3d6ad615964bd0341030d0b56f0', 'a330c78647b0549b8db1b6edd9849ccc', 0)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `responsibility` = VALUES(`responsibility`), `role` = VALUES(`role`), `position` = VALUES(`position`);

-- csm_responsibility_access: 18 rows
INSERT INTO `csm_responsibility_access` (`sys_id`, `responsibility`, `position`, `table_name`, `level`, `scope`, `when_filter`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `responsibility` = VALUES(`responsibility`), `position` = VALUES(`position`), `table_name` = VALUES(`table_name`), `level` = VALUES(`level`), `scope` = VALUES(`scope`), `when_filter` = VALUES(`when_filter`);

-- csm_account: 12 rows
INSERT INTO `csm_account` (`sys_id`, `id`, `name`, `customer`, `partner`, `parent`, `code`, `primary_contact`, `restrict_contact_access`, `active`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `customer` = VALUES(`customer`), `partner` = VALUES(`partner`), `parent` = VALUES(`parent`), `code` = VALUES(`code`), `restrict_contact_access` = VALUES(`restrict_contact_access`), `active` = VALUES(`active`);

-- csm_contact: 16 rows
INSERT INTO `csm_contact` (`sys_id`, `id`, `name`, `email`, `phone`, `account`, `active`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `email` = VALUES(`email`), `phone` = VALUES(`phone`), `account` = VALUES(`account`), `active` = VALUES(`active`);

-- csm_account.primary_contact, now that the contacts exist
UPDATE `csm_account` SET `primary_contact` = '15f8396a1280595ea8c3ce69f03caf3d' WHERE `sys_id` = 'f90b310d44dc50458fe9887eb12da945' AND NOT (`primary_contact` <=> '15f8396a1280595ea8c3ce69f03caf3d');
UPDATE `csm_account` SET `primary_contact` = '07cd4e1a022d5c6f9eb26677bdbf7f69' WHERE `sys_id` = '9d47ad4c3c47512db77d23d64376295d' AND NOT (`primary_contact` <=> '07cd4e1a022d5c6f9eb26677bdbf7f69');
UPDATE `csm_account` SET `primary_contact` = 'a71764c141b65af88293e25f3351eabd' WHERE `sys_id` = 'a7ac5f020b0159ad8995ad20e774f58d' AND NOT (`primary_contact` <=> 'a71764c141b65af88293e25f3351eabd');
UPDATE `csm_account` SET `primary_contact` = 'e3dd8b7487345078ac7cb19d110b1957' WHERE `sys_id` = 'fcd32562b9105cff8402619860cc6347' AND NOT (`primary_contact` <=> 'e3dd8b7487345078ac7cb19d110b1957');
UPDATE `csm_account` SET `primary_contact` = NULL WHERE `sys_id` = 'b5cdde57ca675d5da44f8f948419afd3' AND NOT (`primary_contact` <=> NULL);
UPDATE `csm_account` SET `primary_contact` = 'c5fe505c65e0568aa317152c456f9d7b' WHERE `sys_id` = 'b3db34c536e254668d6cf45dd03f4a2f' AND NOT (`primary_contact` <=> 'c5fe505c65e0568aa317152c456f9d7b');
UPDATE `csm_account` SET `primary_contact` = NULL WHERE `sys_id` = 'b4191b86d8f35eacbd28b06e20f3a44e' AND NOT (`primary_contact` <=> NULL);
UPDATE `csm_account` SET `primary_contact` = '1889a4ccd3b054878c9598f7e5f4f818' WHERE `sys_id` = '2016901418845c069981ac61f9a31b68' AND NOT (`primary_contact` <=> '1889a4ccd3b054878c9598f7e5f4f818');
UPDATE `csm_account` SET `primary_contact` = 'd4c79f389c955219b40bf9034368a6d9' WHERE `sys_id` = '607cc412e8be57ab898d7eee846bc88c' AND NOT (`primary_contact` <=> 'd4c79f389c955219b40bf9034368a6d9');
UPDATE `csm_account` SET `primary_contact` = '8421abdb6c6c5c1d970a5383e88e4cbe' WHERE `sys_id` = 'ed08e63a302a57eb89c10032dcc02ec4' AND NOT (`primary_contact` <=> '8421abdb6c6c5c1d970a5383e88e4cbe');
UPDATE `csm_account` SET `primary_contact` = '4cfcc98941bd53b7b8220939b8be7327' WHERE `sys_id` = 'c04845e7a8475264bcf36187b738e82d' AND NOT (`primary_contact` <=> '4cfcc98941bd53b7b8220939b8be7327');
UPDATE `csm_account` SET `primary_contact` = 'a2efadcebdde54cfa5c6305a76e68a08' WHERE `sys_id` = '6759f1b8f6045096a6d30cc71638342b' AND NOT (`primary_contact` <=> 'a2efadcebdde54cfa5c6305a76e68a08');

-- csm_consumer: 2 rows
INSERT INTO `csm_consumer` (`sys_id`, `id`, `name`, `email`, `phone`, `active`) VALUES
('9d86ce7474e258ebb3fe0474e6d3ff7d', 'nora-hill', 'Nora Hill', 'nora.hill@mail.example.com', NULL, TRUE),
('8bea4562112958cb971d2857fb573a7a', 'ravi-patel', 'Ravi Patel', 'ravi.patel@mail.example.com', NULL, TRUE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `email` = VALUES(`email`), `phone` = VALUES(`phone`), `active` = VALUES(`active`);

-- csm_user: 2 rows
INSERT INTO `csm_user` (`sys_id`, `id`, `name`, `email`, `active`) VALUES
('3dc9bb6ccae454cebb2f663e70ef6aa8', 'omar-former', 'Omar Haddad', 'omar.haddad@northwind.example.com', FALSE),
('2c82e6e1168f56b6a4326f5f3d17c7aa', 'rita-agent', 'Rita Gomez', 'rita.gomez@northwind.example.com', TRUE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `email` = VALUES(`email`), `active` = VALUES(`active`);

-- csm_principal_role: 24 rows
INSERT INTO `csm_principal_role` (`sys_id`, `principal_kind`, `contact`, `consumer`, `csm_user`, `role`, `position`) VALUES
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
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `principal_kind` = VALUES(`principal_kind`), `contact` = VALUES(`contact`), `consumer` = VALUES(`consumer`), `csm_user` = VALUES(`csm_user`), `role` = VALUES(`role`), `position` = VALUES(`position`);

-- csm_account_relationship: 1 row
INSERT INTO `csm_account_relationship` (`sys_id`, `from_account`, `relationship_type`, `to_account`, `sort_order`) VALUES
('31117b6bf8885f7bb0679e29a97b0faf', '9d47ad4c3c47512db77d23d64376295d', 'dfbdd80ff0335d42935e16d1ea0dff1d', 'f90b310d44dc50458fe9887eb12da945', 100)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `from_account` = VALUES(`from_account`), `relationship_type` = VALUES(`relationship_type`), `to_account` = VALUES(`to_account`), `sort_order` = VALUES(`sort_order`);

-- csm_contact_relationship: 1 row
INSERT INTO `csm_contact_relationship` (`sys_id`, `contact`, `account`, `responsibility`, `sort_order`, `holder_contact`) VALUES
('46b2e4cbf0d357989c266764e3d4e2c5', '1889a4ccd3b054878c9598f7e5f4f818', 'c04845e7a8475264bcf36187b738e82d', '044a40856487504d916b1874cde2fb04', 100, TRUE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `contact` = VALUES(`contact`), `account` = VALUES(`account`), `responsibility` = VALUES(`responsibility`), `sort_order` = VALUES(`sort_order`), `holder_contact` = VALUES(`holder_contact`);

-- csm_team_member: 2 rows
INSERT INTO `csm_team_member` (`sys_id`, `csm_user`, `account`, `responsibility`, `holder_user`) VALUES
('3c71a719efc3533fabac760a85d2184c', '3dc9bb6ccae454cebb2f663e70ef6aa8', 'f90b310d44dc50458fe9887eb12da945', '2ac611df6e5054668eb52815877b806f', TRUE),
('bff55aa70dce5e1782ddd31b14238e02', '2c82e6e1168f56b6a4326f5f3d17c7aa', 'fcd32562b9105cff8402619860cc6347', '2ac611df6e5054668eb52815877b806f', TRUE)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `csm_user` = VALUES(`csm_user`), `account` = VALUES(`account`), `responsibility` = VALUES(`responsibility`), `holder_user` = VALUES(`holder_user`);

-- csm_related_party_config: 4 rows
INSERT INTO `csm_related_party_config` (`sys_id`, `id`, `name`, `applies_to`, `entity_type`, `default_responsibility`, `sort_order`) VALUES
('6cb1c9098e635eb98afe99c8d0a05a18', 'loan-attorney', 'Attorney', 'sold_product', 'contact', 'e83d050201505ecfa7a946a2d1223305', 30),
('66fb4d8dbe4e52309efde8d39a7c54d0', 'loan-co-borrower', 'Co-borrower', 'sold_product', 'consumer', '9375e3d6ad615964bd0341030d0b56f0', 10),
('28f147f0eb575f8d9638d5549252bce8', 'loan-guarantor', 'Guarantor', 'sold_product', 'consumer', '7ed1ab30872d586a8a108feb721afa80', 20),
('582b52dcab5c5a4483ebc5723770052c', 'tracking-department', 'Tracking department', 'sold_product', 'account', '34ba4813da32592f8ebfd0e20a2b9c10', 40)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `applies_to` = VALUES(`applies_to`), `entity_type` = VALUES(`entity_type`), `default_responsibility` = VALUES(`default_responsibility`), `sort_order` = VALUES(`sort_order`);

-- csm_related_party_config_allowed: 5 rows
INSERT INTO `csm_related_party_config_allowed` (`sys_id`, `related_party_config`, `responsibility`, `position`) VALUES
('babc96374c1f5f5bb609536a41d2c653', '6cb1c9098e635eb98afe99c8d0a05a18', 'e83d050201505ecfa7a946a2d1223305', 0),
('4004a236fade5100b555a787af56f16e', '66fb4d8dbe4e52309efde8d39a7c54d0', '9375e3d6ad615964bd0341030d0b56f0', 0),
('7292b2e671bc5a318295d7bba1aad150', '66fb4d8dbe4e52309efde8d39a7c54d0', '7ed1ab30872d586a8a108feb721afa80', 1),
('90025fa576a159adaa5756016cf6d28c', '28f147f0eb575f8d9638d5549252bce8', '7ed1ab30872d586a8a108feb721afa80', 0),
('89e4019570cd5291ba8806ba4fed0df5', '582b52dcab5c5a4483ebc5723770052c', '34ba4813da32592f8ebfd0e20a2b9c10', 0)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `related_party_config` = VALUES(`related_party_config`), `responsibility` = VALUES(`responsibility`), `position` = VALUES(`position`);

-- csm_sold_product: 3 rows
INSERT INTO `csm_sold_product` (`sys_id`, `id`, `name`, `account`, `contact`) VALUES
('7a51aa242b9552a78554a02f1a2fba9f', 'abc-treasury-platform', 'ABC Corp Treasury Platform', 'f90b310d44dc50458fe9887eb12da945', '15f8396a1280595ea8c3ce69f03caf3d'),
('919f418fecf05ce39127bd1de05e71ac', 'housing-loan-hill-2024', 'Housing loan - 12 Elm Street', 'a7ac5f020b0159ad8995ad20e774f58d', 'a71764c141b65af88293e25f3351eabd'),
('37bef5ebecfc5745b611195fe5c0ee04', 'orion-fleet-lease', 'Orion Industries fleet lease', 'fcd32562b9105cff8402619860cc6347', 'd591ace3bd395d97815eca70435b0220')
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `id` = VALUES(`id`), `name` = VALUES(`name`), `account` = VALUES(`account`), `contact` = VALUES(`contact`);

-- csm_related_party: 5 rows
INSERT INTO `csm_related_party` (`sys_id`, `sold_product`, `party_kind`, `party_contact`, `party_consumer`, `party_account`, `party_user`, `related_party_config`, `applies_to`, `responsibility`, `position`) VALUES
('f89aa2d6a9935a79ad1144c5a29c657b', '919f418fecf05ce39127bd1de05e71ac', 'consumer', NULL, '9d86ce7474e258ebb3fe0474e6d3ff7d', NULL, NULL, '28f147f0eb575f8d9638d5549252bce8', 'sold_product', NULL, 1),
('73257935594d550a9ed7fbfcdc36b516', '919f418fecf05ce39127bd1de05e71ac', 'consumer', NULL, '8bea4562112958cb971d2857fb573a7a', NULL, NULL, '66fb4d8dbe4e52309efde8d39a7c54d0', 'sold_product', NULL, 0),
('090faa553bf35b92ba0a6be6abde566e', '919f418fecf05ce39127bd1de05e71ac', 'contact', '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, NULL, '6cb1c9098e635eb98afe99c8d0a05a18', 'sold_product', NULL, 2),
('87a1d57f23a9579696967585f6ffd509', '37bef5ebecfc5745b611195fe5c0ee04', 'account', NULL, NULL, '607cc412e8be57ab898d7eee846bc88c', NULL, '582b52dcab5c5a4483ebc5723770052c', 'sold_product', NULL, 0),
('33a770c5704a5fbaaedb03468fa39347', '37bef5ebecfc5745b611195fe5c0ee04', 'account', NULL, NULL, 'ed08e63a302a57eb89c10032dcc02ec4', NULL, '582b52dcab5c5a4483ebc5723770052c', 'sold_product', NULL, 1)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `sold_product` = VALUES(`sold_product`), `party_kind` = VALUES(`party_kind`), `party_contact` = VALUES(`party_contact`), `party_consumer` = VALUES(`party_consumer`), `party_account` = VALUES(`party_account`), `party_user` = VALUES(`party_user`), `related_party_config` = VALUES(`related_party_config`), `applies_to` = VALUES(`applies_to`), `responsibility` = VALUES(`responsibility`), `position` = VALUES(`position`);

-- csm_account_reach: 29 rows
INSERT INTO `csm_account_reach` (`sys_id`, `origin_account`, `reach`, `account`) VALUES
('df3ddf0cc30a57ec8f297a5e92effbca', 'b4191b86d8f35eacbd28b06e20f3a44e', 'account', 'b4191b86d8f35eacbd28b06e20f3a44e'),
('6f917b3adf455a96902edf9d8cc248fb', 'f90b310d44dc50458fe9887eb12da945', 'account', 'f90b310d44dc50458fe9887eb12da945'),
('56c2f8e92789591ea01d18d03455c12c', 'f90b310d44dc50458fe9887eb12da945', 'account_tree', 'f90b310d44dc50458fe9887eb12da945'),
('f1c39c576a2a58178b62ccb0e7a58b42', 'f90b310d44dc50458fe9887eb12da945', 'account_tree', '2016901418845c069981ac61f9a31b68'),
('637c63fa277e53dcb50850c1303113fb', 'f90b310d44dc50458fe9887eb12da945', 'account_tree', 'c04845e7a8475264bcf36187b738e82d'),
('3133a5e08a94594690dfcf44748a7cdc', '2016901418845c069981ac61f9a31b68', 'account', '2016901418845c069981ac61f9a31b68'),
('75c34c5cd2cc54aaa5967c7b9c0b0119', '2016901418845c069981ac61f9a31b68', 'account_tree', '2016901418845c069981ac61f9a31b68'),
('dcc3a4c580f557aeac4c2b448da777b4', '2016901418845c069981ac61f9a31b68', 'account_tree', 'c04845e7a8475264bcf36187b738e82d'),
('2a20612b9f3156b6acf289f197439905', 'c04845e7a8475264bcf36187b738e82d', 'account', 'c04845e7a8475264bcf36187b738e82d'),
('3bde09c8430a50ba9d734f528f481034', 'c04845e7a8475264bcf36187b738e82d', 'account_tree', 'c04845e7a8475264bcf36187b738e82d'),
('20ab3dfd5a0b5d47ab8ca45bb8000950', '6759f1b8f6045096a6d30cc71638342b', 'account', '6759f1b8f6045096a6d30cc71638342b'),
('f708cdca707a5cd7a2554852a2cbe21d', '6759f1b8f6045096a6d30cc71638342b', 'account_tree', '6759f1b8f6045096a6d30cc71638342b'),
('d893a0aeb0d15d3fb28e8096264ec654', '9d47ad4c3c47512db77d23d64376295d', 'account', '9d47ad4c3c47512db77d23d64376295d'),
('e73a6697e902507baf50f7107340bd10', '9d47ad4c3c47512db77d23d64376295d', 'account_tree', '9d47ad4c3c47512db77d23d64376295d'),
('15e1321e33815e90bf1c60ff0c39ff15', '9d47ad4c3c47512db77d23d64376295d', 'partner_customers', 'f90b310d44dc50458fe9887eb12da945'),
('84c16d9d99335fe9bc550f9cabd3eb73', 'a7ac5f020b0159ad8995ad20e774f58d', 'account', 'a7ac5f020b0159ad8995ad20e774f58d'),
('e17ba0f45d595720af40b603e55b61c9', 'a7ac5f020b0159ad8995ad20e774f58d', 'account_tree', 'a7ac5f020b0159ad8995ad20e774f58d'),
('b42d85d4a7645aafa6311e6558418001', '607cc412e8be57ab898d7eee846bc88c', 'account', '607cc412e8be57ab898d7eee846bc88c'),
('72b29cbde9d15ae28b6a4ff0b2d52a83', '607cc412e8be57ab898d7eee846bc88c', 'account_tree', '607cc412e8be57ab898d7eee846bc88c'),
('4bfcdf0fb29450d6bdf5fe232d981ac4', 'fcd32562b9105cff8402619860cc6347', 'account', 'fcd32562b9105cff8402619860cc6347'),
('139c0f00bd5257ceafdace8b94e2be92', 'fcd32562b9105cff8402619860cc6347', 'account_tree', '607cc412e8be57ab898d7eee846bc88c'),
('ea36b7dc0ad656f092ee8c8a934f22d9', 'fcd32562b9105cff8402619860cc6347', 'account_tree', 'fcd32562b9105cff8402619860cc6347'),
('125f6023e0c95722990e9121307d594a', 'fcd32562b9105cff8402619860cc6347', 'account_tree', 'ed08e63a302a57eb89c10032dcc02ec4'),
('4f1ae908a65f5e24befaf923ca0a9639', 'ed08e63a302a57eb89c10032dcc02ec4', 'account', 'ed08e63a302a57eb89c10032dcc02ec4'),
('da6acaaa978d5bd8896c6d807a4207c1', 'ed08e63a302a57eb89c10032dcc02ec4', 'account_tree', 'ed08e63a302a57eb89c10032dcc02ec4'),
('7da186e90e9b5958ad2c6f76129c7bcc', 'b5cdde57ca675d5da44f8f948419afd3', 'account', 'b5cdde57ca675d5da44f8f948419afd3'),
('899c9a888fad51b6b3b572383baf072c', 'b5cdde57ca675d5da44f8f948419afd3', 'account_tree', 'b5cdde57ca675d5da44f8f948419afd3'),
('3cf45ea410ea5cd7add165401a4f8744', 'b3db34c536e254668d6cf45dd03f4a2f', 'account', 'b3db34c536e254668d6cf45dd03f4a2f'),
('1cc89ffb18505c6bbab86e90f093a609', 'b3db34c536e254668d6cf45dd03f4a2f', 'account_tree', 'b3db34c536e254668d6cf45dd03f4a2f')
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `origin_account` = VALUES(`origin_account`), `reach` = VALUES(`reach`), `account` = VALUES(`account`);

-- csm_access_grant: 108 rows
INSERT INTO `csm_access_grant` (`sys_id`, `grantee_kind`, `grantee_role`, `grantee_account`, `contact`, `consumer`, `csm_user`, `rule`, `source_role`, `source_responsibility`, `table_name`, `level`, `scope`, `is_conditional`, `when_filter`, `origin_account`, `reach`, `sold_product`) VALUES
('cd6009a64a5b58e7b4c351ef504f4b9b', 'account', NULL, 'b4191b86d8f35eacbd28b06e20f3a44e', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'b4191b86d8f35eacbd28b06e20f3a44e', 'account', NULL),
('d5bb39366a6157f1bba8fc6091924d45', 'account', NULL, 'b4191b86d8f35eacbd28b06e20f3a44e', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'b4191b86d8f35eacbd28b06e20f3a44e', 'account', NULL),
('0622102dbd7b5ef1a2b5263a441bf3d2', 'account', NULL, 'f90b310d44dc50458fe9887eb12da945', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'f90b310d44dc50458fe9887eb12da945', 'account', NULL),
('ab0b53b7bf61535787412da3a819dcb7', 'account', NULL, 'f90b310d44dc50458fe9887eb12da945', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'f90b310d44dc50458fe9887eb12da945', 'account', NULL),
('6ad786fc49b151f5bff905616a552f5b', 'account', NULL, '2016901418845c069981ac61f9a31b68', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, '2016901418845c069981ac61f9a31b68', 'account', NULL),
('757678f4d8bc59d7a642df56316fe2d5', 'account', NULL, '2016901418845c069981ac61f9a31b68', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, '2016901418845c069981ac61f9a31b68', 'account', NULL),
('cd93485ebba25ebb8c994f50c0746551', 'account', NULL, 'c04845e7a8475264bcf36187b738e82d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('96ef6f658efa5cee9cb88677b1dc51b5', 'account', NULL, 'c04845e7a8475264bcf36187b738e82d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('1d2c6c63008f56c4b58e434048c45b48', 'account', NULL, '6759f1b8f6045096a6d30cc71638342b', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, '6759f1b8f6045096a6d30cc71638342b', 'account', NULL),
('1cdf17daba335d6fa010b751cec62fb5', 'account', NULL, '6759f1b8f6045096a6d30cc71638342b', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, '6759f1b8f6045096a6d30cc71638342b', 'account', NULL),
('063c3b074b4b5871ae65d07ed7ef0a63', 'account', NULL, '9d47ad4c3c47512db77d23d64376295d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, '9d47ad4c3c47512db77d23d64376295d', 'account', NULL),
('e1db2cc57baf5c2696cfdab75a01b57c', 'account', NULL, '9d47ad4c3c47512db77d23d64376295d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, '9d47ad4c3c47512db77d23d64376295d', 'account', NULL),
('2faa3dac8910527797b77c5617efd0f0', 'account', NULL, 'a7ac5f020b0159ad8995ad20e774f58d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'a7ac5f020b0159ad8995ad20e774f58d', 'account', NULL),
('34d75a699835505ea18f5318b5d8a657', 'account', NULL, 'a7ac5f020b0159ad8995ad20e774f58d', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'a7ac5f020b0159ad8995ad20e774f58d', 'account', NULL),
('1ff6599dd618500e8d828094209dae4c', 'account', NULL, '607cc412e8be57ab898d7eee846bc88c', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, '607cc412e8be57ab898d7eee846bc88c', 'account', NULL),
('a622e7c0a4155935bb227fb50e8a0489', 'account', NULL, '607cc412e8be57ab898d7eee846bc88c', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, '607cc412e8be57ab898d7eee846bc88c', 'account', NULL),
('22b4f1bd39c45a359c09cf332554e7a6', 'account', NULL, 'ed08e63a302a57eb89c10032dcc02ec4', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'ed08e63a302a57eb89c10032dcc02ec4', 'account', NULL),
('800c7f37fda45a6996e9be2f5394c4c2', 'account', NULL, 'ed08e63a302a57eb89c10032dcc02ec4', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'ed08e63a302a57eb89c10032dcc02ec4', 'account', NULL),
('41e44de04c2d5d3d897461c4e8f60372', 'account', NULL, 'b5cdde57ca675d5da44f8f948419afd3', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'b5cdde57ca675d5da44f8f948419afd3', 'account', NULL),
('82dd9ca46e3c5251a1862fe31d861b6f', 'account', NULL, 'b5cdde57ca675d5da44f8f948419afd3', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'b5cdde57ca675d5da44f8f948419afd3', 'account', NULL),
('d7e96f4eca19559a94fca41fc6f4c0e6', 'account', NULL, 'b3db34c536e254668d6cf45dd03f4a2f', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'install_base', 'read', 'account', FALSE, NULL, 'b3db34c536e254668d6cf45dd03f4a2f', 'account', NULL),
('9c6de9592ede5e46868b757aade9f117', 'account', NULL, 'b3db34c536e254668d6cf45dd03f4a2f', NULL, NULL, NULL, 'account_sold_products', NULL, NULL, 'sold_product', 'read', 'account', FALSE, NULL, 'b3db34c536e254668d6cf45dd03f4a2f', 'account', NULL),
('0531236ef1695e9fb4474cd5c6114e3b', 'consumer', NULL, NULL, NULL, '9d86ce7474e258ebb3fe0474e6d3ff7d', NULL, 'responsibility', NULL, '7ed1ab30872d586a8a108feb721afa80', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('8403d111bf9c5a739a4a990b62bf7510', 'consumer', NULL, NULL, NULL, '9d86ce7474e258ebb3fe0474e6d3ff7d', NULL, 'responsibility', NULL, '7ed1ab30872d586a8a108feb721afa80', 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('bbe357a36409560fa942ff2911acadc9', 'consumer', NULL, NULL, NULL, '8bea4562112958cb971d2857fb573a7a', NULL, 'responsibility', NULL, '9375e3d6ad615964bd0341030d0b56f0', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('04d8ae7bb04a5802999b6243402bdc14', 'consumer', NULL, NULL, NULL, '8bea4562112958cb971d2857fb573a7a', NULL, 'responsibility', NULL, '9375e3d6ad615964bd0341030d0b56f0', 'case', 'write', 'holder_cases', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('5bb6275213d95ecf8e927cef22d2862c', 'consumer', NULL, NULL, NULL, '8bea4562112958cb971d2857fb573a7a', NULL, 'responsibility', NULL, '7ed1ab30872d586a8a108feb721afa80', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('06110d088de15ed6aa2605d52cd67562', 'consumer', NULL, NULL, NULL, '8bea4562112958cb971d2857fb573a7a', NULL, 'responsibility', NULL, '7ed1ab30872d586a8a108feb721afa80', 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('eff1007a1fdf5fcc9de6d61f046a19b4', 'contact', NULL, NULL, '15f8396a1280595ea8c3ce69f03caf3d', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '7a51aa242b9552a78554a02f1a2fba9f'),
('e52ea828ead75ed3a156bcc9a969c7ea', 'contact', NULL, NULL, '15f8396a1280595ea8c3ce69f03caf3d', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'f90b310d44dc50458fe9887eb12da945', 'account', NULL),
('c740fa855bf2554e8be0f788a6cfa647', 'contact', NULL, NULL, 'e7b460ce28f15cf69b21799b32f305b5', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'f90b310d44dc50458fe9887eb12da945', 'account', NULL),
('70618073b0bc5d729f6d3be68b6f615d', 'contact', NULL, NULL, '2903cec2e18451c1bd7ab1c1d37eb038', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'f90b310d44dc50458fe9887eb12da945', 'account', NULL),
('4e4e928934745646adebb2c60d0ad43b', 'contact', NULL, NULL, '1889a4ccd3b054878c9598f7e5f4f818', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, '2016901418845c069981ac61f9a31b68', 'account', NULL),
('b944591890ab50d4902c7e8d22545b1a', 'contact', NULL, NULL, '1889a4ccd3b054878c9598f7e5f4f818', NULL, NULL, 'responsibility', NULL, '044a40856487504d916b1874cde2fb04', 'case', 'read', 'holder', FALSE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('c3c034595106576aa73fd7a80f1ccfe4', 'contact', NULL, NULL, '1889a4ccd3b054878c9598f7e5f4f818', NULL, NULL, 'responsibility', NULL, '044a40856487504d916b1874cde2fb04', 'case', 'write', 'holder', FALSE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('89c32b0361e85fa1addcacf61f8d1b3d', 'contact', NULL, NULL, '1889a4ccd3b054878c9598f7e5f4f818', NULL, NULL, 'responsibility', NULL, '044a40856487504d916b1874cde2fb04', 'sold_product', 'read', 'holder', FALSE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('ad3942ff9f395193b56dbe75cc941b5b', 'contact', NULL, NULL, 'd4c79f389c955219b40bf9034368a6d9', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, '607cc412e8be57ab898d7eee846bc88c', 'account', NULL),
('204df6fc1b4d5b13a7a70b4dd2de611d', 'contact', NULL, NULL, 'd4c79f389c955219b40bf9034368a6d9', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('75b46d7f5e3c5f36bde0b2e619bbca33', 'contact', NULL, NULL, 'd4c79f389c955219b40bf9034368a6d9', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'case', 'write', 'holder_cases', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('e3cd745c7d9d56ec9ae0c148220b40d2', 'contact', NULL, NULL, 'd4c79f389c955219b40bf9034368a6d9', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('4d01d7fb8ba95af4b094ce20e7b8d934', 'contact', NULL, NULL, '4cfcc98941bd53b7b8220939b8be7327', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'c04845e7a8475264bcf36187b738e82d', 'account', NULL),
('1679d5ed33e150fdb67a0d03eb5dcdf1', 'contact', NULL, NULL, 'a2efadcebdde54cfa5c6305a76e68a08', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, '6759f1b8f6045096a6d30cc71638342b', 'account', NULL),
('d4ad57bb025052efbfb18ce3bda7869e', 'contact', NULL, NULL, '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'b5cdde57ca675d5da44f8f948419afd3', 'account', NULL),
('bf3e11f48ace57a18ad751391c1ba1e9', 'contact', NULL, NULL, '00c76673cf7b5f749aac130bb077c3c2', NULL, NULL, 'responsibility', NULL, 'e83d050201505ecfa7a946a2d1223305', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('7f408764ef8a5fcc8e24656ee5c2be1e', 'contact', NULL, NULL, 'c5fe505c65e0568aa317152c456f9d7b', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'b3db34c536e254668d6cf45dd03f4a2f', 'account', NULL),
('d4dfe104176c5b97a2a1273d69435413', 'contact', NULL, NULL, 'd591ace3bd395d97815eca70435b0220', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('f98e9c92e88c5886abcd0369eedeea74', 'contact', NULL, NULL, 'd591ace3bd395d97815eca70435b0220', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'fcd32562b9105cff8402619860cc6347', 'account', NULL),
('9464914838bb55a2b7b34f140f5df276', 'contact', NULL, NULL, 'e3dd8b7487345078ac7cb19d110b1957', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'fcd32562b9105cff8402619860cc6347', 'account', NULL),
('30b5677d0f9a55aab167656194e285a7', 'contact', NULL, NULL, '8421abdb6c6c5c1d970a5383e88e4cbe', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'ed08e63a302a57eb89c10032dcc02ec4', 'account', NULL),
('20cd92ab184c5e618bc709e999ddb73f', 'contact', NULL, NULL, '8421abdb6c6c5c1d970a5383e88e4cbe', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'case', 'read', 'holder_cases', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('00b5ae3fd01158b99d0aba2f8ba8ffa8', 'contact', NULL, NULL, '8421abdb6c6c5c1d970a5383e88e4cbe', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'case', 'write', 'holder_cases', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('9912749272655ff48185e9dd932a6c86', 'contact', NULL, NULL, '8421abdb6c6c5c1d970a5383e88e4cbe', NULL, NULL, 'responsibility', NULL, '34ba4813da32592f8ebfd0e20a2b9c10', 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '37bef5ebecfc5745b611195fe5c0ee04'),
('2a7ae6f5960257f7a1bfd0f64d59bbe3', 'contact', NULL, NULL, '07cd4e1a022d5c6f9eb26677bdbf7f69', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, '9d47ad4c3c47512db77d23d64376295d', 'account', NULL),
('ae671cfc32315a4e9bdc15edb15ba2e4', 'contact', NULL, NULL, '7d653ed403d557818aa622f9afcbf3e4', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, '9d47ad4c3c47512db77d23d64376295d', 'account', NULL),
('ce259ee322285a22816b06f73d689784', 'contact', NULL, NULL, 'a71764c141b65af88293e25f3351eabd', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'holder', FALSE, NULL, NULL, NULL, '919f418fecf05ce39127bd1de05e71ac'),
('191ebe30f853590782737f33ec3c3be8', 'contact', NULL, NULL, 'a71764c141b65af88293e25f3351eabd', NULL, NULL, 'named_contact', NULL, NULL, 'sold_product', 'read', 'self', TRUE, NULL, 'a7ac5f020b0159ad8995ad20e774f58d', 'account', NULL),
('66a6b213aec153ceada07793cd702607', 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, NULL, NULL, NULL, 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('f11ac19bd5c750e595553757b31fc0dd', 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, NULL, NULL, NULL, 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('eb90c1b8e2f25f829232b762202707de', 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, NULL, NULL, NULL, 'role', '413657b414cd5de3962cb9b3ca3309d9', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('667b09d062a55cb59a93aa610491fa0c', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'create', 'account', FALSE, NULL, NULL, NULL, NULL),
('a00273b93323513ab9941923fe2f1d2f', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'read', 'account', FALSE, NULL, NULL, NULL, NULL),
('e782715babab54ed8ffcd4055280df79', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'write', 'account', FALSE, NULL, NULL, NULL, NULL),
('14c3275d32265a1484373cab51b21c1f', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'contact', 'read', 'account', FALSE, NULL, NULL, NULL, NULL),
('dfc2d0a8c9135a00b88ff4914cec5e10', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'contact', 'write', 'account', FALSE, NULL, NULL, NULL, NULL),
('f58740ad146a5c148f08b9bd9e8cf037', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('6169b7896a1256f7be4e50c0e013abe0', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('a52f4ed435fc5230b6f4a2b02d861f7c', 'role', '7953979709745a66a4d8b02cbfd37841', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('2937781fb3b758958971a7a4ee44daf3', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, 'case', 'create', 'account_tree', FALSE, NULL, NULL, NULL, NULL),
('b34f8d0d83945363ac47e233faa7564a', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, 'case', 'read', 'account_tree', FALSE, NULL, NULL, NULL, NULL),
('ba072ce64acf5d3e95d2fa2f720f7382', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, 'case', 'write', 'account_tree', FALSE, NULL, NULL, NULL, NULL),
('ccddb2c057f45979aff14fe233ed9e4e', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('bbdbee15bb035b7f97ad036c2edb98b8', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('e0e48980e5be5c6d8a3c537985569d09', 'role', '02f5793a08055b79bc6e64405a3e491b', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('2fce0ae2d0df5971a3a4b0534b5b4cc2', 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('5655239eabdf59a68a1a19cfdeeba060', 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('ea352420d34d5059af999e3eb5177188', 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('66c3cc4b3dc359d3a69b8dda4daa0660', 'role', '6617443d46f55291aca7be5974444f8e', NULL, NULL, NULL, NULL, 'role', '6617443d46f55291aca7be5974444f8e', NULL, 'install_base', 'read', 'account', TRUE, 'active=true', NULL, NULL, NULL),
('5ba1c74fb7705629abdfd430400efadd', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'create', 'account', FALSE, NULL, NULL, NULL, NULL),
('f7a3c2d102d15c06a06fa6d8d715b6d8', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'read', 'account', FALSE, NULL, NULL, NULL, NULL),
('42dc9dc80a74555583b5c69f14a4460e', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'case', 'write', 'account', FALSE, NULL, NULL, NULL, NULL),
('4c1a98119c335c9fa353ab67114b9855', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'contact', 'read', 'account', FALSE, NULL, NULL, NULL, NULL),
('fa914beeb71a5eb6a86b4823d0925d0d', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '7953979709745a66a4d8b02cbfd37841', NULL, 'contact', 'write', 'account', FALSE, NULL, NULL, NULL, NULL),
('7fdbba923bcc5864ac3678bee069f39a', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('267224722c9f55f1ba88a2952f13f5fe', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('c4a6719349e15d438b0c36635e51350d', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('063c5abf8f1d5b7d887bb616e0ad692d', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, 'case', 'create', 'partner_account', TRUE, NULL, NULL, NULL, NULL),
('2ee0ad88168d58a096fe3a79057d3671', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, 'case', 'read', 'partner_account', TRUE, NULL, NULL, NULL, NULL),
('2d69fbbc2237555f89388278b9175264', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, 'case', 'write', 'partner_account', TRUE, NULL, NULL, NULL, NULL),
('d66756593dce5789825f42d8e7647537', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, 'contact', 'read', 'partner_customers', FALSE, NULL, NULL, NULL, NULL),
('7715829587df576782f0da401b51e6b9', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, 'contact', 'write', 'partner_customers', FALSE, NULL, NULL, NULL, NULL),
('c54066b4f79857d7a7b9d5cdcb8c126a', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'create', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('5b64d4fc0e7c5de6b9d5df3ab4369fef', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('f174856c635f58cba86f608b2747a613', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'read', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('ef351fdbf23055e28f9afd039ba47094', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('6d2a42f44f5f5465bebf074e6b9305ff', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'write', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('bf67d02e947f5cc5a57063acba76a601', 'role', '9ddcf4ee0514597ab79d9d8d5a1e488a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('e14e0d353c8c515eb6483a058f4d54ca', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('c6938adaa74d5e599088632e0140ebc3', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('0e399e84efa05b9295dc294b68f489e6', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', '548fe7fca0cb54b78bf72d3522e54688', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('b005af2258685e298a340007ccadf822', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'create', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('e9bc10d052b85b3dbae2b73bf00b4afc', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'create', 'self', TRUE, NULL, NULL, NULL, NULL),
('f2a8bc5908db55e8870f2751f38fe261', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'read', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('e27e284c505d5f70813c1b2d63d52e36', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'read', 'self', TRUE, NULL, NULL, NULL, NULL),
('c27d2d0d3a7e5844b308017642d88a6f', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'write', 'partner_contact', TRUE, NULL, NULL, NULL, NULL),
('82a92de59e9c57babf42d3234609b807', 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, NULL, NULL, NULL, 'role', 'b7bb5f6b583d5cb2b2349b7f67b0956a', NULL, 'case', 'write', 'self', TRUE, NULL, NULL, NULL, NULL),
('26f47e6d7deb515b99d197311fc2901f', 'user', NULL, NULL, NULL, NULL, '2c82e6e1168f56b6a4326f5f3d17c7aa', 'responsibility', NULL, '2ac611df6e5054668eb52815877b806f', 'account', 'read', 'holder', FALSE, NULL, 'fcd32562b9105cff8402619860cc6347', 'account', NULL),
('513e0f8e75345fffa0237060371ac76d', 'user', NULL, NULL, NULL, NULL, '2c82e6e1168f56b6a4326f5f3d17c7aa', 'responsibility', NULL, '2ac611df6e5054668eb52815877b806f', 'case', 'read', 'holder', FALSE, NULL, 'fcd32562b9105cff8402619860cc6347', 'account', NULL),
('500a0eec0a125d228354799dbc256462', 'user', NULL, NULL, NULL, NULL, '2c82e6e1168f56b6a4326f5f3d17c7aa', 'responsibility', NULL, '2ac611df6e5054668eb52815877b806f', 'case', 'write', 'holder', FALSE, NULL, 'fcd32562b9105cff8402619860cc6347', 'account', NULL)
ON DUPLICATE KEY UPDATE `sys_id` = IF(`sys_id` = VALUES(`sys_id`), `sys_id`, NULL), `grantee_kind` = VALUES(`grantee_kind`), `grantee_role` = VALUES(`grantee_role`), `grantee_account` = VALUES(`grantee_account`), `contact` = VALUES(`contact`), `consumer` = VALUES(`consumer`), `csm_user` = VALUES(`csm_user`), `rule` = VALUES(`rule`), `source_role` = VALUES(`source_role`), `source_responsibility` = VALUES(`source_responsibility`), `table_name` = VALUES(`table_name`), `level` = VALUES(`level`), `scope` = VALUES(`scope`), `is_conditional` = VALUES(`is_conditional`), `when_filter` = VALUES(`when_filter`), `origin_account` = VALUES(`origin_account`), `reach` = VALUES(`reach`), `sold_product` = VALUES(`sold_product`);
COMMIT;
