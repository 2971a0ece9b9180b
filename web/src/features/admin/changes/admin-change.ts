import { adminPath } from '../admin-path.ts';
/** One entry of GET /api/v1/admin-changes. */
export interface AdminChange {
  id: number;
  changedAt: string;
  /** null: the system (command line, demo loader) */
  agent: { id: number; login: string; name: string } | null;
  /** the table changed: 'queues', 'agents', 'system_settings'… */
  objectType: string;
  objectId: number | null;
  objectName: string | null;
  /** 'create', 'update', 'delete' or a verb of its own: 'grant', 'revoke', 'settings'… */
  action: string;
  /** {field: {from, to}} for a change, {field: value} for what was created or deleted; secrets "***" */
  changes: Record<string, unknown>;
}

/**
 * The administration screen of each object type the log names (its title names the type): a
 * resource screen opens the object from ?id=. Types without a screen are named by
 * admin.changeLog.objectTypes.<type>.
 */
export const OBJECT_SCREENS: Record<string, string> = {
  agents: 'agents',
  groups: 'groups',
  roles: 'roles',
  queues: 'queues',
  states: 'states',
  ticket_types: 'ticketTypes',
  priorities: 'priorities',
  services: 'services',
  slas: 'slas',
  system_addresses: 'systemAddresses',
  mail_accounts: 'mailAccounts',
  postmaster_filters: 'postmasterFilters',
  intake_rules: 'intakeRules',
  auto_responses: 'autoResponses',
  mail_messages: 'mail-messages',
  salutations: 'salutations',
  signatures: 'signatures',
  response_templates: 'responseTemplates',
  customers: 'customers',
  customer_users: 'customerUsers',
  customer_contracts: 'customerContracts',
  system_settings: 'settings',
};

/** Logged types with no screen of their own (yet). */
const OTHER_TYPES = ['api_tokens'];

/** Screens listing rows by id (ResourcePage): the others are one page for the whole type. */
const SINGLE_PAGE_SCREENS = new Set(['mail-messages', 'settings']);

export const OBJECT_TYPES = [...Object.keys(OBJECT_SCREENS), ...OTHER_TYPES];

/** Where the object of an entry is administered now; none once it is deleted or has no screen. */
export function objectLink(change: AdminChange): string | null {
  const screen = OBJECT_SCREENS[change.objectType];
  if (!screen || change.action === 'delete') return null;
  if (SINGLE_PAGE_SCREENS.has(screen)) return adminPath(screen);
  return change.objectId === null ? null : `${adminPath(screen)}?id=${change.objectId}`;
}

/** A field's value as {from, to}, as an update logs it; a created or deleted row logs plain values. */
export function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}
