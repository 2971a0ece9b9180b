import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DomainContext } from '../context.ts';
import { systemActor } from '../permissions/load-actor.ts';
import { stateOfType } from './lookups.ts';
import { stateAfterPending } from './rules/states.ts';
import { withTicket } from './ticket-transaction.ts';

export const PENDING_CHECK_JOB = 'ticket-pending-time';

/**
 * A job due at the pending time, instead of OTRS's two-hourly sweep: it fires on time.
 * The pending time is part of the job, so a job left over from an earlier pending time does nothing.
 */
export async function schedulePendingCheck(ctx: DomainContext, trx: Transaction<DB>, ticketId: number, at: Date) {
  await ctx.jobs.enqueue(trx, PENDING_CHECK_JOB, { ticketId, pendingUntil: at.toISOString() }, { startAfter: at });
}

/**
 * When the time comes: pending auto close becomes closed successful / unsuccessful and is unlocked
 * (StateUpdate, then Unlock if it was locked; no notification, as in OTRS); pending reminder raises
 * an event for the reminder notifications.
 */
export async function runPendingCheck(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const ticketId = Number(data.ticketId);
  const due = new Date(String(data.pendingUntil));
  await withTicket(ctx, systemActor(), ticketId, async (tx) => {
    const { ticket } = tx;
    if (!ticket.pendingUntil || ticket.pendingUntil.getTime() !== due.getTime()) return;
    // pg-boss found the job due by the database's clock, but ours is behind: fail, so that the job
    // is retried later instead of being completed (and the close lost)
    if (due > ctx.now()) throw new Error(`ticket ${ticketId}: pending time ${due.toISOString()} not reached yet`);
    const after = stateAfterPending(ticket.stateType);
    if (after) {
      const closed = await stateOfType(tx.trx, after);
      const from = ticket.stateName;
      await tx.update({ stateId: closed.id, pendingUntil: null });
      await tx.history('StateUpdate', { from, to: closed.name, automatic: true });
      await tx.event('ticket.state_changed', { from, to: closed.name, automatic: true });
      // as every close: the lock is released with its own Unlock row and event
      await tx.setLock('unlock');
    } else if (ticket.stateType === 'pending_reminder') {
      await tx.event('ticket.pending_reminder_reached', { pendingUntil: due.toISOString() });
    }
  });
}
