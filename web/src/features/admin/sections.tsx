import type { ReactNode } from 'react';
import { ChangeLogPage } from './changes/ChangeLogPage.tsx';
import { CustomerImportPage } from './import/CustomerImportPage.tsx';
import { MailMessagesPage } from './mail-messages/MailMessagesPage.tsx';
import { NotificationsPage } from './notifications/NotificationsPage.tsx';
import { PermissionsPage } from './permissions/PermissionsPage.tsx';
import type { ResourceDef } from './resource/types.ts';
import { customerContracts, customers, customerUsers } from './resources/customers.tsx';
import { intakeRules, mailAccounts, postmasterFilters, systemAddresses } from './resources/mail.tsx';
import { agents, groups, roles } from './resources/people.ts';
import { autoResponses, responseTemplates, salutations, signatures } from './resources/texts.ts';
import { priorities, queues, services, slas, states, ticketTypes } from './resources/ticket-settings.ts';
import { SettingsPage } from './settings/SettingsPage.tsx';

/** A screen of its own (not a plain list of one collection), at /admin/<key>. */
export interface Screen {
  key: string;
  element: ReactNode;
}

export type Entry = { resource: ResourceDef } | { screen: Screen };

/** The administration area's menu, in the order an admin sets a desk up. */
export const SECTIONS: { key: string; entries: Entry[] }[] = [
  {
    key: 'people',
    entries: [
      ...[agents, groups, roles].map((resource) => ({ resource })),
      { screen: { key: 'permissions', element: <PermissionsPage /> } },
      { screen: { key: 'notifications', element: <NotificationsPage /> } },
    ],
  },
  {
    key: 'tickets',
    entries: [queues, states, ticketTypes, priorities, services, slas].map((resource) => ({ resource })),
  },
  {
    key: 'email',
    entries: [
      ...[systemAddresses, mailAccounts, postmasterFilters, intakeRules, autoResponses].map((resource) => ({
        resource,
      })),
      { screen: { key: 'mail-messages', element: <MailMessagesPage /> } },
    ],
  },
  {
    key: 'texts',
    entries: [salutations, signatures, responseTemplates].map((resource) => ({ resource })),
  },
  {
    key: 'customers',
    entries: [
      ...[customers, customerUsers, customerContracts].map((resource) => ({ resource })),
      { screen: { key: 'import', element: <CustomerImportPage /> } },
    ],
  },
  {
    key: 'system',
    entries: [
      { screen: { key: 'settings', element: <SettingsPage /> } },
      { screen: { key: 'changes', element: <ChangeLogPage /> } },
    ],
  },
];

export const entryKey = (entry: Entry) => ('resource' in entry ? entry.resource.key : entry.screen.key);
