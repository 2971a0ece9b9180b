import type { ResourceDef, Row } from '../resource/types.ts';
import { ConditionsInput } from './ConditionsInput.tsx';
import { MailAccountTest } from './MailAccountTest.tsx';

const comments = { name: 'comments', kind: 'textarea' } as const;
const byName = (row: Row) => String(row.name);
const RULE_ACTIONS = ['off', 'flag', 'reject'] as const;

export const systemAddresses: ResourceDef = {
  key: 'systemAddresses',
  path: 'system-addresses',
  fields: [
    { name: 'email', kind: 'email', required: true },
    { name: 'displayName', kind: 'text', required: true },
    { name: 'queueId', kind: 'ref', ref: 'queues' },
    comments,
  ],
  columns: [{ name: 'email' }, { name: 'displayName' }, { name: 'queueId' }],
  title: (row) => String(row.email),
  withHint: true,
};

export const mailAccounts: ResourceDef = {
  key: 'mailAccounts',
  path: 'mail-accounts',
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'protocol', kind: 'choice', options: ['imaps', 'imap', 'pop3s', 'pop3'], required: true, initial: 'imaps' },
    { name: 'host', kind: 'text', required: true },
    { name: 'port', kind: 'number' },
    { name: 'login', kind: 'text', required: true },
    { name: 'password', kind: 'password', required: true, keepWhenEmpty: true },
    { name: 'folder', kind: 'text', when: (values) => String(values.protocol).startsWith('imap') },
    { name: 'tlsVerify', kind: 'boolean', initial: true },
    { name: 'dispatch', kind: 'choice', options: ['address', 'queue'], initial: 'address' },
    { name: 'queueId', kind: 'ref', ref: 'queues', when: (values) => values.dispatch === 'queue' },
    { name: 'trusted', kind: 'boolean' },
    { name: 'pollSeconds', kind: 'number' },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'protocol' }, { name: 'host' }, { name: 'login' }, { name: 'lastError' }],
  title: byName,
  actions: (props) => <MailAccountTest {...props} />,
  withHint: true,
};

export const postmasterFilters: ResourceDef = {
  key: 'postmasterFilters',
  path: 'postmaster-filters',
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'position', kind: 'number' },
    {
      name: 'conditions',
      kind: 'custom',
      required: true,
      initial: [{ header: 'Subject', value: '', regex: false, negate: false }],
      render: (props) => <ConditionsInput {...props} />,
    },
    { name: 'setQueueId', kind: 'ref', ref: 'queues' },
    { name: 'setPriorityId', kind: 'ref', ref: 'priorities' },
    { name: 'setTypeId', kind: 'ref', ref: 'ticket-types' },
    { name: 'setCustomerId', kind: 'ref', ref: 'customers' },
    { name: 'titlePrefix', kind: 'text' },
    { name: 'disposition', kind: 'choice', options: ['normal', 'junk', 'ignore'], initial: 'normal' },
    { name: 'stop', kind: 'boolean' },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'position' }, { name: 'setQueueId' }, { name: 'disposition' }],
  title: byName,
  withHint: true,
};

export const intakeRules: ResourceDef = {
  key: 'intakeRules',
  path: 'intake-rules',
  fields: [
    { name: 'queueId', kind: 'ref', ref: 'queues' },
    { name: 'systemAddressId', kind: 'ref', ref: 'system-addresses' },
    { name: 'emptySubject', kind: 'choice', options: RULE_ACTIONS, initial: 'flag' },
    { name: 'genericSubject', kind: 'choice', options: RULE_ACTIONS, initial: 'flag' },
    { name: 'genericSubjects', kind: 'lines' },
    { name: 'missingPhone', kind: 'choice', options: RULE_ACTIONS, initial: 'flag' },
  ],
  columns: [
    { name: 'queueId' },
    { name: 'systemAddressId' },
    { name: 'emptySubject' },
    { name: 'genericSubject' },
    { name: 'missingPhone' },
  ],
  title: (row) => `#${row.id}`,
  withHint: true,
};
