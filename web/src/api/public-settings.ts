import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

/** What the desk's admins set that every screen may show (GET /api/v1/system/public-settings). */
export interface PublicSettings {
  defaultLanguage: 'it' | 'en';
  ticketHook: string;
  ticketHookDivider: string;
}

export const PUBLIC_SETTINGS_KEY = ['public-settings'] as const;

export function usePublicSettings() {
  return useQuery({
    queryKey: PUBLIC_SETTINGS_KEY,
    queryFn: () => api<PublicSettings>('GET', '/system/public-settings'),
    staleTime: 60_000,
  });
}

/**
 * How ticket numbers are named on this desk: the ticket hook ("Ticket#" unless an admin changed it)
 * as a column's heading, and hook + divider before a number, as mail subjects carry it.
 */
export function useTicketHook() {
  const settings = usePublicSettings().data;
  const hook = settings?.ticketHook ?? 'Ticket#';
  return { hook, prefix: hook + (settings?.ticketHookDivider ?? '') };
}
