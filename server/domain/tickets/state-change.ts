import { DomainError } from '../../platform/errors.ts';
import { stateById } from './lookups.ts';
import { schedulePendingCheck } from './pending-check.ts';
import { FINAL_STATE_TYPES, isClosed, isPending } from './rules/states.ts';
import type { TicketTransaction } from './ticket-transaction.ts';

/**
 * Sets a state inside a command. Pending states need a future time (and get a job due then);
 * leaving pending clears the time; closing releases the lock, as OTRS's close screen does.
 * Merged and removed are reached only by merging and removal.
 */
export async function changeState(tx: TicketTransaction, stateId: number, pendingUntil?: Date | null) {
  const state = await stateById(tx.trx, stateId);
  if (FINAL_STATE_TYPES.includes(state.type)) {
    throw new DomainError('validation', 'error.state_not_settable', { state: state.name, hint: 'merge' }, 'stateId');
  }
  const pending = isPending(state.type);
  if (pending && !(pendingUntil && pendingUntil > tx.ctx.now())) {
    throw new DomainError('validation', 'error.pending_needs_time', {}, 'pendingUntil');
  }
  const from = tx.ticket.stateName;
  const stateChanged = state.id !== tx.ticket.stateId;
  const previousPending = tx.ticket.pendingUntil;
  if (!stateChanged && (!pending || previousPending?.getTime() === pendingUntil?.getTime())) return;
  await tx.update({ stateId: state.id, pendingUntil: pending ? (pendingUntil ?? null) : null });
  if (stateChanged) {
    await tx.history('StateUpdate', { from, to: state.name });
    await tx.event('ticket.state_changed', { from, to: state.name });
  }
  if (pending && pendingUntil) {
    await tx.history('SetPendingTime', { pendingUntil: pendingUntil.toISOString() });
    // only a new time in the same pending state: no state event tells of it
    if (!stateChanged) {
      await tx.event('ticket.pending_time_changed', {
        from: previousPending?.toISOString() ?? null,
        to: pendingUntil.toISOString(),
      });
    }
    await schedulePendingCheck(tx.ctx, tx.trx, tx.ticket.id, pendingUntil);
  }
  if (isClosed(state.type)) await tx.setLock('unlock');
}
