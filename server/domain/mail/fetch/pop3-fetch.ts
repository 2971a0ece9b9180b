import {
  BATCH_BYTES,
  bySize,
  emptyResult,
  type FetchLimits,
  type FetchResult,
  type Receive,
  receiveBatch,
  tooLarge,
} from './fetch-run.ts';
import type { MailServerSettings } from './mail-server.ts';
import { Pop3Client } from './pop3-client.ts';

/**
 * Fetches a POP3 mailbox in batches: RETR each message of the batch, receive them together (stored,
 * processed and committed), DELE them; the server removes the messages at QUIT, after every one
 * of them was stored. Killed before QUIT, everything is still on
 * the server, and fetching it again stores nothing twice (the dedupe key). `result` is filled as
 * messages are received, so a run that fails half-way still tells what it stored.
 */
export async function fetchPop3(
  settings: MailServerSettings,
  receive: Receive,
  limits: FetchLimits,
  result: FetchResult = emptyResult(),
) {
  /** unique ids of messages the store refused: they stay on the server */
  const refused = new Set<string>();
  let handled = 0;
  for (let session = 0; session < limits.maxMessages && handled < limits.maxMessages; session++) {
    const client = await Pop3Client.open(settings);
    let finished = false;
    try {
      const listed = (await client.uidl()).filter((entry) => !refused.has(entry.uid));
      const batch = listed.slice(0, Math.min(limits.reconnectEvery, limits.maxMessages - handled));
      const sizes = limits.maxBytes === undefined ? new Map<number, number>() : await client.list();
      handled += batch.length;
      const wanted = batch.filter((entry) => {
        if (!tooLarge(sizes.get(entry.number), limits, result, `UIDL ${entry.uid}`)) return true;
        refused.add(entry.uid);
        return false;
      });
      for (const part of bySize(wanted, (entry) => sizes.get(entry.number) ?? 0, BATCH_BYTES)) {
        if (limits.signal?.aborted) break;
        const raws: Uint8Array[] = [];
        for (const entry of part) raws.push(await client.retr(entry.number));
        const { stored, failure } = await receiveBatch(
          receive,
          raws,
          part.map((entry) => `UIDL ${entry.uid}`),
          result,
        );
        for (const [i, entry] of part.entries()) {
          if (stored[i]) await client.dele(entry.number);
          else refused.add(entry.uid);
        }
        if (failure) throw failure;
      }
      finished = listed.length <= batch.length;
      await client.quit();
    } finally {
      client.close();
    }
    if (finished || limits.signal?.aborted) break;
  }
  return result;
}

export async function countPop3(settings: MailServerSettings): Promise<number> {
  const client = await Pop3Client.open(settings);
  try {
    const { count } = await client.stat();
    await client.quit();
    return count;
  } finally {
    client.close();
  }
}
