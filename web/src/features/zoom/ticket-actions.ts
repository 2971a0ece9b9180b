import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAgents, useConfigList } from '../../api/queries.ts';
import type { Ticket } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import type { FileAttachment } from '../../components/FileDrop.tsx';
import { useFormat, zonedToUtc } from '../../components/format.ts';
import { useNames } from '../../components/names.ts';
import type { Field, Values } from './ActionDialog.tsx';

export type ActionId =
  | 'note'
  | 'phoneOutbound'
  | 'phoneInbound'
  | 'move'
  | 'pending'
  | 'closeSuccessful'
  | 'closeUnsuccessful'
  | 'priority'
  | 'owner'
  | 'responsible'
  | 'time'
  | 'merge'
  | 'link';

export interface ActionSpec {
  title: string;
  fields: Field[];
  submit: (values: Values, files: FileAttachment[]) => Promise<unknown>;
}

const text = (values: Values, name: string) => String(values[name] ?? '').trim();
const minutes = (values: Values) => (values.timeMinutes === '' ? undefined : Number(values.timeMinutes) || undefined);

/** Each dialog's fields and the API call it makes; the server decides what is allowed. */
export function useTicketActions(ticket: Ticket): Record<ActionId, ActionSpec> {
  const { t } = useTranslation();
  const { me } = useSession();
  const format = useFormat();
  const name = useNames();
  const queryClient = useQueryClient();
  const queues = useConfigList('queues').data ?? [];
  const states = useConfigList<{ id: number; name: string; type: string }>('states').data ?? [];
  const priorities = useConfigList('priorities').data ?? [];
  const agents = useAgents().data ?? [];

  const post = (path: string, body?: unknown) =>
    api('POST', `/tickets/${ticket.id}/${path}`, body).then(async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      return result;
    });
  const options = (rows: Array<{ id: number; name: string }>) =>
    rows.map((r) => ({ value: String(r.id), label: name(r.name) }));
  const agentOptions = agents.map((a) => ({ value: String(a.id), label: `${a.firstName} ${a.lastName} (${a.login})` }));
  const pendingStates = states.filter((s) => s.type.startsWith('pending'));
  // OTRS's default next state when pending: a reminder to the agent
  const reminder = pendingStates.find((s) => s.type === 'pending_reminder') ?? pendingStates[0];
  const subject = (initial = '') => ({
    name: 'subject',
    kind: 'text' as const,
    label: t('action.subject'),
    required: true,
    initial,
  });
  const body = { name: 'body', kind: 'textarea' as const, label: t('action.body'), required: true };
  const time = { name: 'timeMinutes', kind: 'number' as const, label: t('action.timeMinutes'), min: 0 };
  const article = (values: Values, files: FileAttachment[]) => ({
    subject: text(values, 'subject'),
    body: text(values, 'body'),
    bodyHtml: text(values, 'bodyHtml') || undefined,
    timeMinutes: minutes(values),
    attachments: files.length > 0 ? files : undefined,
  });
  const files = { name: 'attachments', kind: 'files' as const, label: t('zoom.attachments') };
  const phone = (direction: 'outbound' | 'inbound'): ActionSpec => ({
    title: direction === 'outbound' ? t('zoom.phoneOutbound') : t('zoom.phoneInbound'),
    fields: [subject(), body, time, files],
    submit: (values, attached) => post('phone-calls', { direction, ...article(values, attached) }),
  });
  const close = (successful: boolean): ActionSpec => ({
    title: successful ? t('zoom.closeSuccessful') : t('zoom.closeUnsuccessful'),
    fields: [subject(), { ...body, required: false }],
    submit: (values) => {
      const note = text(values, 'body') ? { subject: text(values, 'subject'), body: text(values, 'body') } : undefined;
      return post('close', { successful, note });
    },
  });

  return {
    note: {
      title: t('zoom.note'),
      fields: [
        subject(),
        body,
        { name: 'visibleToCustomer', kind: 'checkbox', label: t('action.visibleToCustomer') },
        time,
        files,
      ],
      submit: (values, attached) =>
        post('notes', { ...article(values, attached), visibleToCustomer: Boolean(values.visibleToCustomer) }),
    },
    phoneOutbound: phone('outbound'),
    phoneInbound: phone('inbound'),
    move: {
      title: t('zoom.move'),
      fields: [
        {
          name: 'queueId',
          kind: 'select',
          label: t('action.queue'),
          required: true,
          options: options(queues.filter((q) => q.id !== ticket.queue.id)),
        },
      ],
      submit: (values) => post('move', { queueId: Number(values.queueId) }),
    },
    pending: {
      title: t('zoom.pending'),
      fields: [
        {
          name: 'stateId',
          kind: 'select',
          label: t('action.state'),
          required: true,
          options: options(pendingStates),
          initial: reminder ? String(reminder.id) : undefined,
        },
        {
          name: 'pendingUntil',
          kind: 'datetime',
          label: `${t('action.pendingUntil')} (${format.timeZone})`,
          required: true,
        },
        subject(),
        { ...body, required: false },
      ],
      submit: (values) => {
        const note = text(values, 'body')
          ? { subject: text(values, 'subject'), body: text(values, 'body') }
          : undefined;
        return post('state', {
          stateId: Number(values.stateId),
          pendingUntil: zonedToUtc(text(values, 'pendingUntil'), format.timeZone),
          note,
        });
      },
    },
    closeSuccessful: close(true),
    closeUnsuccessful: close(false),
    priority: {
      title: t('zoom.priority'),
      fields: [
        {
          name: 'priorityId',
          kind: 'select',
          label: t('action.priority'),
          required: true,
          options: options(priorities),
          initial: String(ticket.priority.id),
        },
      ],
      submit: (values) => post('priority', { priorityId: Number(values.priorityId) }),
    },
    owner: {
      title: t('ticket.owner'),
      fields: [
        {
          name: 'ownerId',
          kind: 'select',
          label: t('action.owner'),
          required: true,
          options: agentOptions,
          initial: ticket.owner ? String(ticket.owner.id) : undefined,
        },
      ],
      submit: (values) => post('owner', { ownerId: Number(values.ownerId) }),
    },
    responsible: {
      title: t('ticket.responsible'),
      fields: [
        {
          name: 'responsibleId',
          kind: 'select',
          label: t('action.responsible'),
          required: true,
          options: agentOptions,
          initial: String(ticket.responsible?.id ?? me.id),
        },
      ],
      submit: (values) => post('responsible', { responsibleId: Number(values.responsibleId) }),
    },
    time: {
      title: t('zoom.timeAccounting'),
      fields: [{ name: 'minutes', kind: 'number', label: t('action.minutes'), required: true, min: 1 }],
      submit: (values) => post('time', { minutes: Number(values.minutes) }),
    },
    merge: {
      title: t('zoom.merge'),
      fields: [{ name: 'target', kind: 'text', label: t('action.targetTicket'), required: true }],
      submit: async (values) => post('merge', { targetTicketId: await ticketIdOf(text(values, 'target')) }),
    },
    link: {
      title: t('zoom.link'),
      fields: [
        { name: 'target', kind: 'text', label: t('action.targetTicket'), required: true },
        {
          name: 'type',
          kind: 'select',
          label: t('action.linkType'),
          required: true,
          initial: 'normal',
          options: [
            { value: 'normal', label: t('action.linkNormal') },
            { value: 'parent_child', label: t('action.linkParentChild') },
          ],
        },
      ],
      submit: async (values) =>
        post('links', { targetTicketId: await ticketIdOf(text(values, 'target')), type: values.type }),
    },
  };
}

/** The agent types a ticket number; the API wants the ticket's id. */
async function ticketIdOf(tn: string): Promise<number> {
  const page = await api<{ items: Ticket[] }>('GET', `/tickets?q=${encodeURIComponent(tn)}&pageSize=5`);
  const ticket = page.items.find((item) => item.tn === tn);
  if (!ticket) throw Object.assign(new Error(`${tn}?`), { field: 'target' });
  return ticket.id;
}
