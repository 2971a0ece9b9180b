/** What an agent can be notified of by email (server/domain/notifications/preferences.ts), in its order. */
export const NOTIFICATION_EVENTS = [
  'new_ticket',
  'follow_up',
  'lock_changed',
  'moved',
  'owner_changed',
  'responsible_changed',
  'note_added',
  'pending_reminder',
  'send_failed',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationPreferences = Record<NotificationEvent, boolean>;
