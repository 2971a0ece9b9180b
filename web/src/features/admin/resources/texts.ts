import type { ResourceDef, Row } from '../resource/types.ts';

const comments = { name: 'comments', kind: 'textarea' } as const;
const byName = (row: Row) => String(row.name);

const textObject = (key: string, path: string): ResourceDef => ({
  key,
  path,
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'text', kind: 'textarea', required: true },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'comments' }],
  title: byName,
  withHint: true,
});

export const salutations = textObject('salutations', 'salutations');
export const signatures = textObject('signatures', 'signatures');

export const responseTemplates: ResourceDef = {
  key: 'responseTemplates',
  path: 'response-templates',
  fields: [
    { name: 'name', kind: 'text', required: true },
    { name: 'text', kind: 'textarea', required: true },
    { name: 'queueIds', kind: 'refs', ref: 'queues' },
    comments,
  ],
  columns: [{ name: 'name' }, { name: 'comments' }],
  title: byName,
  withHint: true,
};

/** Auto-responses: one per queue, kind and language; subject and body take the template variables. */
export const autoResponses: ResourceDef = {
  key: 'autoResponses',
  path: 'auto-responses',
  fields: [
    { name: 'queueId', kind: 'ref', ref: 'queues' },
    {
      name: 'kind',
      kind: 'choice',
      required: true,
      options: ['new_ticket', 'follow_up', 'reject', 'new_ticket_for_closed', 'intake_reject'],
    },
    { name: 'language', kind: 'choice', options: ['it', 'en'], required: true, initial: 'it' },
    { name: 'subject', kind: 'text', required: true },
    { name: 'body', kind: 'textarea', required: true },
  ],
  columns: [{ name: 'queueId' }, { name: 'kind' }, { name: 'language' }, { name: 'subject' }],
  title: (row) => String(row.subject),
  withHint: true,
};
