import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely (camelCase; the CamelCasePlugin maps them to the snake_case columns). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Changed = ColumnType<Date, Date | string | undefined, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;
/** numeric columns arrive as strings from both drivers; writes accept numbers */
type Numeric = ColumnType<string, number | string | undefined, number | string>;

export type Permission = 'ro' | 'move_into' | 'create' | 'note' | 'owner' | 'priority' | 'rw';
export type StateType =
  | 'new'
  | 'open'
  | 'pending_reminder'
  | 'pending_auto_close_success'
  | 'pending_auto_close_failure'
  | 'closed_successful'
  | 'closed_unsuccessful'
  | 'merged'
  | 'removed';
export type SenderType = 'agent' | 'system' | 'customer';
export type Channel = 'email' | 'phone' | 'internal';
export type LinkType = 'normal' | 'parent_child';
export type FollowUpPolicy = 'reopen' | 'reject' | 'new_ticket';
export type SendStatus = 'queued' | 'sent' | 'failed' | 'bounced';

interface ConfigRow {
  id: Generated<number>;
  valid: Generated<boolean>;
  createdAt: Created;
  changedAt: Changed;
}

export interface GroupsTable extends ConfigRow {
  name: string;
  comments: Generated<string>;
}

export interface AgentsTable extends ConfigRow {
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  passwordHash: string | null;
  language: Generated<string>;
  timeZone: string | null;
}

export interface RolesTable extends ConfigRow {
  name: string;
  comments: Generated<string>;
}

export interface RoleAgentsTable {
  roleId: number;
  agentId: number;
}

export interface GroupAgentPermissionsTable {
  groupId: number;
  agentId: number;
  permission: Permission;
}

export interface GroupRolePermissionsTable {
  groupId: number;
  roleId: number;
  permission: Permission;
}

export interface SystemAddressesTable extends ConfigRow {
  email: string;
  displayName: string;
  queueId: number | null;
  comments: Generated<string>;
}

export interface QueuesTable extends ConfigRow {
  name: string;
  groupId: number;
  systemAddressId: number | null;
  followUpPolicy: Generated<FollowUpPolicy>;
  followUpLock: Generated<boolean>;
  unlockTimeoutMinutes: Generated<number>;
  firstResponseMinutes: Generated<number>;
  updateMinutes: Generated<number>;
  solutionMinutes: Generated<number>;
  calendar: Generated<string>;
  comments: Generated<string>;
  salutationId: Generated<number | null>;
  signatureId: Generated<number | null>;
}

export interface AgentQueuesTable {
  agentId: number;
  queueId: number;
}

export interface CustomersTable extends ConfigRow {
  customerKey: string;
  name: string;
  street: Generated<string>;
  zip: Generated<string>;
  city: Generated<string>;
  country: Generated<string>;
  url: Generated<string>;
  comments: Generated<string>;
}

export interface CustomerUsersTable extends ConfigRow {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: Generated<string>;
  mobile: Generated<string>;
  passwordHash: string | null;
  language: Generated<string>;
  timeZone: string | null;
  comments: Generated<string>;
}

export interface CustomerUserCustomersTable {
  customerUserId: number;
  customerId: number;
  isPrimary: Generated<boolean>;
  canSeeAll: Generated<boolean>;
}

export interface StatesTable extends ConfigRow {
  name: string;
  type: StateType;
  comments: Generated<string>;
}

export interface NamedConfigTable extends ConfigRow {
  name: string;
}

export interface TicketTypesTable extends ConfigRow {
  name: string;
  comments: Generated<string>;
  /** billable unless a valid contract of the customer includes it (see customer contracts) */
  billableWithoutContract: Generated<boolean>;
}

export interface ServicesTable extends ConfigRow {
  name: string;
  parentId: number | null;
  comments: Generated<string>;
}

export interface SlasTable extends ConfigRow {
  name: string;
  firstResponseMinutes: Generated<number>;
  updateMinutes: Generated<number>;
  solutionMinutes: Generated<number>;
  calendar: Generated<string>;
  comments: Generated<string>;
}

export interface SlaServicesTable {
  slaId: number;
  serviceId: number;
}

export interface TicketNumberCountersTable {
  scope: string;
  counter: number;
}

export interface TicketsTable {
  id: Generated<number>;
  tn: string;
  title: string;
  queueId: number;
  stateId: number;
  priorityId: number;
  typeId: number | null;
  serviceId: number | null;
  slaId: number | null;
  lock: Generated<'unlock' | 'lock'>;
  ownerId: number;
  responsibleId: number;
  customerId: number | null;
  customerUserId: number | null;
  customerContact: Generated<string>;
  pendingUntil: Timestamp | null;
  lockChangedAt: Timestamp | null;
  mergedIntoId: number | null;
  accountedMinutes: Numeric;
  createdBy: number;
  changedBy: number;
  createdAt: Created;
  changedAt: Changed;
}

export interface ArticlesTable {
  id: Generated<number>;
  ticketId: number;
  senderType: SenderType;
  channel: Channel;
  visibleToCustomer: boolean;
  fromAddress: Generated<string>;
  toAddress: Generated<string>;
  ccAddress: Generated<string>;
  subject: Generated<string>;
  bodyText: Generated<string>;
  bodyHtml: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  sendStatus: SendStatus | null;
  /** the SMTP server's answer to the last failed attempt */
  sendError: string | null;
  sendAttempts: Generated<number>;
  sentAt: Date | null;
  createdByAgentId: number | null;
  createdByCustomerUserId: number | null;
  createdAt: Created;
  /** the received message this article was made from */
  mailMessageId: number | null;
  /** what email intake noticed: subject_empty, subject_generic, phone_missing, bounce, loop */
  flags: ColumnType<string[], string[] | undefined, string[]>;
}

export interface AttachmentContentsTable {
  sha256: string;
  size: number;
  content: Uint8Array;
}

export interface AttachmentsTable {
  id: Generated<number>;
  articleId: number;
  filename: string;
  contentType: string;
  contentId: string | null;
  inline: Generated<boolean>;
  size: number;
  sha256: string;
  createdAt: Created;
}

export interface TicketHistoryTable {
  id: Generated<number>;
  ticketId: number;
  articleId: number | null;
  type: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  queueId: number;
  ownerId: number;
  priorityId: number;
  stateId: number;
  typeId: number | null;
  createdBy: number;
  createdByCustomerUserId: number | null;
  createdAt: Created;
}

export interface TicketLinksTable {
  sourceTicketId: number;
  targetTicketId: number;
  type: LinkType;
  createdBy: number;
  createdAt: Created;
}

export interface TimeAccountingTable {
  id: Generated<number>;
  ticketId: number;
  articleId: number | null;
  minutes: Numeric;
  createdBy: number;
  createdAt: Created;
}

export interface TicketEventsTable {
  id: Generated<string | number>;
  type: string;
  ticketId: number;
  actorAgentId: number | null;
  actorCustomerUserId: number | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  createdAt: Created;
  processedAt: Timestamp | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  tokenHash: string;
  agentId: number | null;
  customerUserId: number | null;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
  createdAt: Created;
}

export interface SessionsTable {
  id: Generated<number>;
  tokenHash: string;
  csrfToken: string;
  agentId: number | null;
  customerUserId: number | null;
  createdAt: Created;
  lastSeenAt: Changed;
  expiresAt: Timestamp;
}

/** Failed logins counted per login name (agent or customer namespace) for throttling. */
export interface LoginFailuresTable {
  namespace: 'agent' | 'customer';
  login: string;
  failures: number;
  windowStart: Timestamp;
}

export type MailProtocol = 'imap' | 'imaps' | 'pop3' | 'pop3s';
export type MailSource = 'imap' | 'pop3' | 'smtp' | 'pipe' | 'api';
export type MailStatus = 'queued' | 'processed' | 'rejected' | 'ignored' | 'failed';
export type IntakeAction = 'off' | 'flag' | 'reject';
export type AutoResponseKind = 'new_ticket' | 'follow_up' | 'reject' | 'new_ticket_for_closed' | 'intake_reject';

export interface MailAccountsTable extends ConfigRow {
  name: string;
  protocol: MailProtocol;
  host: string;
  port: number;
  login: string;
  password: string;
  folder: Generated<string>;
  tlsVerify: Generated<boolean>;
  dispatch: Generated<'address' | 'queue'>;
  queueId: number | null;
  trusted: Generated<boolean>;
  pollSeconds: Generated<number>;
  lastFetchAt: Date | null;
  lastError: string | null;
  comments: Generated<string>;
}

export interface MailMessagesTable {
  id: Generated<number>;
  dedupeKey: string;
  messageId: string | null;
  source: MailSource;
  accountId: number | null;
  envelopeFrom: string | null;
  envelopeTo: Generated<string>;
  raw: Uint8Array;
  size: number;
  status: Generated<MailStatus>;
  outcome: string | null;
  error: string | null;
  ticketId: number | null;
  articleId: number | null;
  attempts: Generated<number>;
  receivedAt: Created;
  processedAt: Date | null;
}

/** One condition of a postmaster filter: a header (or "body") matched by text or regular expression. */
export interface FilterCondition {
  header: string;
  value: string;
  regex?: boolean;
  negate?: boolean;
}

export interface PostmasterFiltersTable extends ConfigRow {
  name: string;
  position: Generated<number>;
  stop: Generated<boolean>;
  conditions: ColumnType<FilterCondition[], string | undefined, string>;
  setQueueId: number | null;
  setPriorityId: number | null;
  setTypeId: number | null;
  setCustomerId: number | null;
  titlePrefix: Generated<string>;
  disposition: Generated<'normal' | 'junk' | 'ignore'>;
  comments: Generated<string>;
}

export interface IntakeRulesTable extends ConfigRow {
  queueId: number | null;
  systemAddressId: number | null;
  emptySubject: Generated<IntakeAction>;
  genericSubject: Generated<IntakeAction>;
  genericSubjects: ColumnType<string[], string[] | undefined, string[]>;
  missingPhone: Generated<IntakeAction>;
}

export interface AutoResponsesTable extends ConfigRow {
  queueId: number | null;
  kind: AutoResponseKind;
  language: 'it' | 'en';
  subject: string;
  body: string;
}

export interface AutoResponseCountsTable {
  address: string;
  day: ColumnType<Date, string, string>;
  sent: number;
}

/** A salutation or a signature: a text with variables that a queue puts around an answer. */
export interface ComposeTextTable extends ConfigRow {
  name: string;
  text: string;
  comments: Generated<string>;
}

/** The queues a response template (a ComposeTextTable row) is offered in; none = every queue. */
export interface QueueResponseTemplatesTable {
  templateId: number;
  queueId: number;
}

/**
 * A calendar day (date column), written as 'YYYY-MM-DD'. Read it as text (to_char): the two drivers
 * turn a date into a Date at different midnights (PGlite UTC, pg the process's time zone).
 */
type CalendarDay = ColumnType<Date | null, string | null | undefined, string | null>;

export interface CustomerContractsTable extends ConfigRow {
  customerId: number;
  name: string;
  validFrom: CalendarDay;
  validUntil: CalendarDay;
  comments: Generated<string>;
}

export interface CustomerContractTicketTypesTable {
  contractId: number;
  ticketTypeId: number;
}

export type NotificationEvent =
  | 'new_ticket'
  | 'follow_up'
  | 'lock_changed'
  | 'moved'
  | 'owner_changed'
  | 'responsible_changed'
  | 'note_added'
  | 'pending_reminder'
  | 'send_failed';

export interface AgentNotificationPreferencesTable {
  agentId: number;
  event: NotificationEvent;
  email: boolean;
}

export interface NotificationDeliveriesTable {
  id: Generated<number>;
  eventId: number;
  ticketId: number;
  kind: string;
  agentId: number | null;
  customerUserId: number | null;
  address: string;
  language: 'it' | 'en';
  subject: string;
  bodyText: string;
  messageId: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Created;
  sentAt: Date | null;
}

export interface IntakeRepliesTable {
  id: Generated<number>;
  mailMessageId: number;
  queueId: number;
  address: string;
  language: 'it' | 'en';
  subject: string;
  bodyText: string;
  messageId: string;
  inReplyTo: string | null;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Created;
  sentAt: Date | null;
}

/** A link to choose a new password, and the outbox row of the email that carries it. */
export interface PasswordResetsTable {
  id: Generated<number>;
  requestId: string;
  agentId: number | null;
  customerUserId: number | null;
  tokenHash: string;
  /** the token in clear, only while its email waits to be sent */
  mailToken: string | null;
  expiresAt: Timestamp;
  usedAt: Date | null;
  address: string;
  language: 'it' | 'en';
  messageId: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Created;
  sentAt: Date | null;
}

export interface TicketViewersTable {
  ticketId: number;
  agentId: number;
  seenAt: Date;
}

export interface TicketRatingsTable {
  ticketId: number;
  customerUserId: number;
  rating: number;
  comment: Generated<string>;
  ratedAt: Date;
}

/** one entry of the admin change log (see server/domain/admin-log) */
export interface AdminChangesTable {
  id: Generated<number>;
  changedAt: Created;
  /** null: the system (command line) */
  agentId: number | null;
  /** the table name: 'queues', 'agents'… */
  objectType: string;
  objectId: number | null;
  objectName: string | null;
  /** 'create' | 'update' | 'delete' or a specific verb ('grant', 'revoke'…) */
  action: string;
  /** {"field": {"from": x, "to": y}} for updates, the written fields otherwise; secrets as "***" */
  changes: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** a system setting an admin saved (see server/domain/system/settings); the environment gives the rest */
export interface SystemSettingsTable {
  key: string;
  /** the value as JSON: a string for every setting so far, a list for the former ticket hooks */
  value: ColumnType<unknown, string, string>;
  changedAt: Changed;
  changedBy: number | null;
}

export interface DB {
  groups: GroupsTable;
  agents: AgentsTable;
  roles: RolesTable;
  roleAgents: RoleAgentsTable;
  groupAgentPermissions: GroupAgentPermissionsTable;
  groupRolePermissions: GroupRolePermissionsTable;
  systemAddresses: SystemAddressesTable;
  queues: QueuesTable;
  agentQueues: AgentQueuesTable;
  customers: CustomersTable;
  customerUsers: CustomerUsersTable;
  customerUserCustomers: CustomerUserCustomersTable;
  states: StatesTable;
  priorities: NamedConfigTable;
  ticketTypes: TicketTypesTable;
  services: ServicesTable;
  slas: SlasTable;
  slaServices: SlaServicesTable;
  ticketNumberCounters: TicketNumberCountersTable;
  tickets: TicketsTable;
  articles: ArticlesTable;
  attachmentContents: AttachmentContentsTable;
  attachments: AttachmentsTable;
  ticketHistory: TicketHistoryTable;
  ticketLinks: TicketLinksTable;
  timeAccounting: TimeAccountingTable;
  ticketEvents: TicketEventsTable;
  apiTokens: ApiTokensTable;
  sessions: SessionsTable;
  loginFailures: LoginFailuresTable;
  mailAccounts: MailAccountsTable;
  mailMessages: MailMessagesTable;
  postmasterFilters: PostmasterFiltersTable;
  intakeRules: IntakeRulesTable;
  autoResponses: AutoResponsesTable;
  autoResponseCounts: AutoResponseCountsTable;
  intakeReplies: IntakeRepliesTable;
  salutations: ComposeTextTable;
  signatures: ComposeTextTable;
  responseTemplates: ComposeTextTable;
  queueResponseTemplates: QueueResponseTemplatesTable;
  customerContracts: CustomerContractsTable;
  customerContractTicketTypes: CustomerContractTicketTypesTable;
  agentNotificationPreferences: AgentNotificationPreferencesTable;
  notificationDeliveries: NotificationDeliveriesTable;
  passwordResets: PasswordResetsTable;
  ticketViewers: TicketViewersTable;
  ticketRatings: TicketRatingsTable;
  adminChanges: AdminChangesTable;
  systemSettings: SystemSettingsTable;
}
