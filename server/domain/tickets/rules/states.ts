import type { StateType } from '../../../db/schema.ts';

/** OTRS Ticket::ViewableStateType: these count as open, all others as closed. */
export const OPEN_STATE_TYPES: readonly StateType[] = [
  'new',
  'open',
  'pending_reminder',
  'pending_auto_close_success',
  'pending_auto_close_failure',
];
export const CLOSED_STATE_TYPES: readonly StateType[] = ['closed_successful', 'closed_unsuccessful'];
export const PENDING_STATE_TYPES: readonly StateType[] = [
  'pending_reminder',
  'pending_auto_close_success',
  'pending_auto_close_failure',
];
/** Final states that only merge and removal reach; no command acts on such a ticket. */
export const FINAL_STATE_TYPES: readonly StateType[] = ['merged', 'removed'];

export const isPending = (type: StateType) => PENDING_STATE_TYPES.includes(type);
export const isClosed = (type: StateType) => CLOSED_STATE_TYPES.includes(type);

/** OTRS Ticket::StateAfterPending: where a pending auto close lands when its time comes. */
export function stateAfterPending(type: StateType): StateType | undefined {
  if (type === 'pending_auto_close_success') return 'closed_successful';
  if (type === 'pending_auto_close_failure') return 'closed_unsuccessful';
  return undefined;
}

export type ArticleKind = { channel: 'email' | 'phone' | 'internal'; senderType: 'agent' | 'system' | 'customer' };

/** The OTRS history type that records a new article of this channel and sender. */
export function articleHistoryType(kind: ArticleKind, followUp: boolean): string {
  if (kind.senderType === 'customer') {
    if (followUp) return 'FollowUp';
    if (kind.channel === 'email') return 'EmailCustomer';
    if (kind.channel === 'phone') return 'PhoneCallCustomer';
    return 'WebRequestCustomer';
  }
  if (kind.channel === 'email') return 'EmailAgent';
  if (kind.channel === 'phone') return 'PhoneCallAgent';
  return kind.senderType === 'system' ? 'SystemRequest' : 'AddNote';
}
