import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

interface Viewer {
  agentId: number;
  name: string;
}

/** Tells the server this agent has the ticket open (every 10 s) and answers who else has. */
export function usePresence(ticketId: number): Viewer[] {
  const [others, setOthers] = useState<Viewer[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = () =>
      api<{ others: Viewer[] }>('PUT', `/tickets/${ticketId}/viewers/me`)
        .then((answer) => !stopped && setOthers(answer.others))
        .catch(() => !stopped && setOthers([]));
    void beat();
    const timer = window.setInterval(beat, 10_000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      void api('DELETE', `/tickets/${ticketId}/viewers/me`).catch(() => undefined);
    };
  }, [ticketId]);
  return others;
}
