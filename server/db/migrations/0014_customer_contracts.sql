-- Customer contracts: which kinds of request a customer's contract includes. Some kinds are billable
-- unless a contract includes them (the vendor's rules: operational support is billable without the
-- technical assistance service, training and consultancy without the extraordinary assistance
-- service); others (a fault) never are.
ALTER TABLE ticket_types ADD COLUMN billable_without_contract boolean NOT NULL DEFAULT false;

-- A contract covers the days from valid_from to valid_until, both included; null leaves that end
-- open. Deactivated (valid = false), it covers nothing. A customer may have several.
CREATE TABLE customer_contracts (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id),
  name text NOT NULL,
  valid_from date,
  valid_until date,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= valid_from)
);
CREATE INDEX customer_contracts_customer ON customer_contracts (customer_id);

-- The kinds of request (ticket types) a contract includes. The rows go with their contract; a ticket
-- type that a contract still includes cannot be deleted (deactivate it instead).
CREATE TABLE customer_contract_ticket_types (
  contract_id integer NOT NULL REFERENCES customer_contracts(id),
  ticket_type_id integer NOT NULL REFERENCES ticket_types(id),
  PRIMARY KEY (contract_id, ticket_type_id)
);
CREATE INDEX customer_contract_ticket_types_type ON customer_contract_ticket_types (ticket_type_id);
