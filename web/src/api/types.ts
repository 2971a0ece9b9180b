/** The API's shapes as the app uses them (see /api/docs for the whole). */

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

export interface Named {
  id: number;
  name: string;
}
export interface Person {
  id: number;
  login: string;
  name: string;
}

export interface Me {
  kind: 'agent' | 'customer';
  id: number;
  login: string;
  name: string;
  email: string;
  language: string;
  isAdmin: boolean;
  timeZone: string;
  csrfToken?: string;
}

export interface Ticket {
  id: number;
  tn: string;
  title: string;
  queue: Named;
  state: Named & { type: StateType };
  priority: Named;
  type: Named | null;
  service: Named | null;
  sla: Named | null;
  customer: { id: number; customerKey: string; name: string } | null;
  customerUser: { id: number; login: string; name: string; email: string } | null;
  pendingUntil: string | null;
  mergedIntoId: number | null;
  createdAt: string;
  changedAt: string;
  lock?: 'lock' | 'unlock';
  owner?: Person;
  responsible?: Person;
  customerContact?: string;
  accountedMinutes?: number;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface Attachment {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
}

export interface Article {
  id: number;
  number: number;
  senderType: string;
  channel: string;
  visibleToCustomer: boolean;
  from: string;
  to: string;
  cc: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  sendStatus: string | null;
  sendError: string | null;
  createdAt: string;
  attachments: Attachment[];
}

export interface HistoryEntry {
  id: number;
  type: string;
  data: Record<string, unknown>;
  articleId: number | null;
  by: string;
  createdAt: string;
}

export interface Link {
  ticketId: number;
  tn: string;
  title: string;
  state: { name: string; type: string };
  relation: 'normal' | 'parent' | 'child';
}

export interface QueueOverviewRow {
  queue: Named;
  new: number;
  open: number;
  pendingReminder: number;
  total: number;
}

export interface TicketStats {
  timeZone: string;
  days: Array<{ date: string; created: number; closed: number }>;
}

export interface ConfigRow {
  id: number;
  name: string;
  valid: boolean;
}

export interface AgentRow {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  valid: boolean;
}

export interface CustomerUserRow {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  customers: Array<{ customerId: number; customerKey: string; name: string; isPrimary: boolean; canSeeAll: boolean }>;
}
