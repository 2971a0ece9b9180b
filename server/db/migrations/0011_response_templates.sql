-- OTRS standard templates ("response templates"): standard answers an agent picks when writing a
-- note or an email. The text takes the variables of salutations ({customerFirstName},
-- {agentLastName}, {ticketNumber} …), filled in for the ticket and the agent writing.
CREATE TABLE response_templates (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  text text NOT NULL,
  comments text NOT NULL DEFAULT '',
  valid boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The queues a template is offered in (OTRS queue_standard_template). A template without rows here
-- is offered in every queue. The rows go with their template; a queue that still offers templates
-- cannot be deleted (deactivate it, or take it off the templates first).
CREATE TABLE queue_response_templates (
  template_id integer NOT NULL REFERENCES response_templates(id),
  queue_id integer NOT NULL REFERENCES queues(id),
  PRIMARY KEY (template_id, queue_id)
);
CREATE INDEX queue_response_templates_queue ON queue_response_templates (queue_id);
