-- Default data, as OTRS ships it (DOMAIN.md §2). Agent 1 is the system user: it owns tickets
-- created by email and never receives notifications; it has no password until one is set.
INSERT INTO groups (id, name, comments) VALUES
  (1, 'users', 'Group for default access.'),
  (2, 'admin', 'Group of all administrators.'),
  (3, 'stats', 'Group for statistics access.');
SELECT setval('groups_id_seq', 3);

INSERT INTO agents (id, login, first_name, last_name, email) VALUES
  (1, 'root@localhost', 'Admin', 'Sportello', 'root@localhost');
SELECT setval('agents_id_seq', 1);
INSERT INTO group_agent_permissions (group_id, agent_id, permission) VALUES (1, 1, 'rw'), (2, 1, 'rw'), (3, 1, 'rw');

INSERT INTO states (id, name, type, comments) VALUES
  (1, 'new', 'new', 'New ticket created by customer.'),
  (2, 'closed successful', 'closed_successful', 'Ticket is closed successful.'),
  (3, 'closed unsuccessful', 'closed_unsuccessful', 'Ticket is closed unsuccessful.'),
  (4, 'open', 'open', 'Open tickets.'),
  (5, 'removed', 'removed', 'Customer removed ticket.'),
  (6, 'pending reminder', 'pending_reminder', 'Ticket is pending for agent reminder.'),
  (7, 'pending auto close+', 'pending_auto_close_success', 'Ticket is pending for automatic close.'),
  (8, 'pending auto close-', 'pending_auto_close_failure', 'Ticket is pending for automatic close.'),
  (9, 'merged', 'merged', 'State for merged tickets.');
SELECT setval('states_id_seq', 9);

INSERT INTO priorities (id, name) VALUES
  (1, '1 very low'), (2, '2 low'), (3, '3 normal'), (4, '4 high'), (5, '5 very high');
SELECT setval('priorities_id_seq', 5);

INSERT INTO ticket_types (id, name) VALUES (1, 'Unclassified');
SELECT setval('ticket_types_id_seq', 1);

INSERT INTO system_addresses (id, email, display_name) VALUES (1, 'sportello@localhost', 'Sportello');
SELECT setval('system_addresses_id_seq', 1);

INSERT INTO queues (id, name, group_id, system_address_id, comments) VALUES
  (1, 'Postmaster', 1, 1, 'Postmaster queue.'),
  (2, 'Raw', 1, 1, 'All default incoming tickets.'),
  (3, 'Junk', 1, 1, 'All junk tickets.'),
  (4, 'Misc', 1, 1, 'All misc tickets.');
SELECT setval('queues_id_seq', 4);
UPDATE system_addresses SET queue_id = 1 WHERE id = 1;
