import { sql } from 'kysely';
import type { Database } from '../../db/connect.ts';

/** One committed ticket change, as the web app's live views need it: which ticket, seen by whom. */
export interface LiveChange {
  eventId: number;
  type: string;
  ticketId: number;
  groupId: number;
  ownerId: number;
  responsibleId: number | null;
}

type Listener = (changes: LiveChange[]) => void;

/**
 * Reads the ticket-event outbox every `intervalMs` and hands new events to the connected web apps.
 * Reading the table (rather than an in-process emitter) is what makes it work across several
 * server processes on one PostgreSQL. Event ids are taken from a sequence before their transaction
 * commits, so a later-committed lower id can appear behind a higher one already seen: each poll
 * looks back `LOOK_BACK` ids and skips the ids it has already sent.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private lastId: number | undefined;
  private sent = new Set<number>();
  private polling = false;

  constructor(
    private readonly db: Database,
    private readonly intervalMs = 400,
  ) {}

  /** Resolves once the feed knows where the outbox stands: every event committed later reaches the listener. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.intervalMs);
      await this.poll();
    }
    // the database may be restarting: ask again at the feed's pace until it answers
    while (this.lastId === undefined && this.listeners.has(listener)) {
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
      await this.poll();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.lastId = undefined;
    this.sent.clear();
  }

  private async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.lastId === undefined) {
        const { max } = await this.db
          .selectFrom('ticketEvents')
          .select(sql<number>`coalesce(max(id), 0)::int`.as('max'))
          .executeTakeFirstOrThrow();
        this.lastId = Number(max);
        return;
      }
      const rows = await this.db
        .selectFrom('ticketEvents as e')
        .innerJoin('tickets as t', 't.id', 'e.ticketId')
        .innerJoin('queues as q', 'q.id', 't.queueId')
        .select([
          sql<number>`e.id::int`.as('eventId'),
          'e.type',
          'e.ticketId',
          'q.groupId',
          't.ownerId',
          't.responsibleId',
        ])
        .where('e.id', '>', this.lastId - LOOK_BACK)
        .orderBy('e.id')
        .limit(1000)
        .execute();
      const fresh = rows.filter((row) => !this.sent.has(row.eventId));
      for (const row of fresh) this.sent.add(row.eventId);
      const newest = rows.at(-1)?.eventId ?? this.lastId;
      this.lastId = Math.max(this.lastId, newest);
      for (const id of this.sent) if (id <= this.lastId - LOOK_BACK) this.sent.delete(id);
      if (fresh.length > 0) for (const listener of this.listeners) listener(fresh);
    } catch {
      // a failed poll (database restarting) is retried at the next tick; the views just update later
    } finally {
      this.polling = false;
    }
  }
}

const LOOK_BACK = 200;
