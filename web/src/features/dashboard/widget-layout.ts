import { useState } from 'react';
import { useSession } from '../../app/session.tsx';

export type WidgetId = 'new' | 'open' | 'queues' | 'stats';
const ALL: WidgetId[] = ['new', 'open', 'queues', 'stats'];

interface Layout {
  order: WidgetId[];
  hidden: WidgetId[];
}

/** Which widgets the agent shows, in which order; saved per agent in this browser. */
export function useWidgetLayout() {
  const { me } = useSession();
  const key = `sportello.dashboard.${me.id}`;
  const [layout, setLayout] = useState<Layout>(() => load(key));
  const save = (next: Layout) => {
    localStorage.setItem(key, JSON.stringify(next));
    setLayout(next);
  };
  const shown = layout.order.filter((id) => !layout.hidden.includes(id));
  return {
    shown,
    hidden: layout.hidden,
    hide: (id: WidgetId) => save({ ...layout, hidden: [...layout.hidden, id] }),
    show: (id: WidgetId) => save({ ...layout, hidden: layout.hidden.filter((other) => other !== id) }),
    move: (id: WidgetId, by: -1 | 1) => {
      const target = shown[shown.indexOf(id) + by];
      if (!target) return;
      const order = [...layout.order];
      const from = order.indexOf(id);
      const to = order.indexOf(target);
      [order[from], order[to]] = [target, id];
      save({ ...layout, order });
    },
  };
}

function load(key: string): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Layout | null;
    if (saved && ALL.every((id) => saved.order.includes(id))) return saved;
  } catch {
    // an unreadable saved layout falls back to the default
  }
  return { order: ALL, hidden: [] };
}
