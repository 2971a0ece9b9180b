import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Listens to the server's ticket events and refreshes what shows tickets: lists, counts, the open
 * ticket. Bursts (an email batch) are gathered into one refresh every 250 ms.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let timer: number | undefined;
    const changed = new Set<number>();
    source.addEventListener('ticket', (event) => {
      const { ticketId } = JSON.parse((event as MessageEvent<string>).data) as { ticketId: number };
      changed.add(ticketId);
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
        void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
        for (const id of changed) void queryClient.invalidateQueries({ queryKey: ['tickets', 'one', id] });
        changed.clear();
      }, 250);
    });
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [queryClient]);
}
