import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';
import type { AgentRow, Article, ConfigRow, HistoryEntry, Link, Page, Ticket } from './types.ts';

export interface TicketFilter {
  queueId?: number[];
  stateType?: string[];
  stateId?: number[];
  ownerId?: number;
  responsibleId?: number;
  lock?: 'lock' | 'unlock';
  customerId?: number;
  customerUserId?: number;
  createdFrom?: string;
  createdBefore?: string;
  myQueues?: boolean;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (filter: TicketFilter) => ['tickets', 'list', filter] as const,
  one: (id: number) => ['tickets', 'one', id] as const,
};

export function useTickets(filter: TicketFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ticketKeys.list(filter),
    queryFn: () => api<Page<Ticket>>('GET', withQuery('/tickets', { ...filter })),
    placeholderData: (previous) => previous,
  });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: ticketKeys.one(id), queryFn: () => api<Ticket>('GET', `/tickets/${id}`) });
}
export function useArticles(id: number) {
  return useQuery({
    queryKey: [...ticketKeys.one(id), 'articles'],
    queryFn: () => api<Article[]>('GET', `/tickets/${id}/articles`),
  });
}
export function useHistory(id: number) {
  return useQuery({
    queryKey: [...ticketKeys.one(id), 'history'],
    queryFn: () => api<HistoryEntry[]>('GET', `/tickets/${id}/history`),
  });
}
export function useLinks(id: number) {
  return useQuery({
    queryKey: [...ticketKeys.one(id), 'links'],
    queryFn: () => api<Link[]>('GET', `/tickets/${id}/links`),
  });
}

/** A configuration list (states, priorities, queues, agents …): small, read once per session. */
export function useConfigList<T = ConfigRow>(objects: string) {
  return useQuery({
    queryKey: ['config', objects],
    queryFn: () => api<Page<T>>('GET', withQuery(`/${objects}`, { valid: true, pageSize: 200 })).then((p) => p.items),
    staleTime: 5 * 60_000,
  });
}

export const useAgents = () => useConfigList<AgentRow>('agents');
