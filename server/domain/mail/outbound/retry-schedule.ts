/**
 * How often and when a message that could not be handed to the SMTP server is tried again.
 * The send jobs schedule the next attempt themselves (a new job with startAfter, written in the
 * same transaction as the failed attempt), so the attempt counter on the row and the schedule can
 * never disagree, and pg-boss's own retries are left for crashes and database errors.
 * Ten attempts over about eight hours: a mail server down for a night's maintenance loses nothing.
 */
export const SEND_MAX_ATTEMPTS = 10;
const DELAYS_MINUTES = [1, 2, 5, 10, 20, 40, 60, 120, 240];

/** When to try again after `attempts` failed attempts; undefined once they are used up. */
export function nextAttemptAt(now: Date, attempts: number): Date | undefined {
  if (attempts >= SEND_MAX_ATTEMPTS) return undefined;
  const minutes = DELAYS_MINUTES[Math.min(attempts, DELAYS_MINUTES.length) - 1] ?? 1;
  return new Date(now.getTime() + minutes * 60_000);
}
