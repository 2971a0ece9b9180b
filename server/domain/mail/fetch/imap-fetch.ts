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
import { closeImap, openFolder, openImap } from './imap-session.ts';
import type { MailServerSettings } from './mail-server.ts';

/**
 * Fetches an IMAP folder in batches: the batch's sources are downloaded, received together (stored,
 * processed and committed), and only then flagged \Deleted and expunged. Killed at any moment, a
 * message is either still in the folder (and stored at most once, thanks to the dedupe) or stored
 * and gone. `result` is filled as batches are received, so a run that fails half-way still tells
 * what it stored.
 */
export async function fetchImap(
  settings: MailServerSettings,
  receive: Receive,
  limits: FetchLimits,
  result: FetchResult = emptyResult(),
) {
  /** messages the store refused stay in the folder: not tried again in this run */
  const refused = new Set<number>();
  let handled = 0;
  for (let session = 0; session < limits.maxMessages && handled < limits.maxMessages; session++) {
    const client = await openImap(settings);
    let finished = false;
    try {
      const lock = await openFolder(client, settings);
      try {
        const uids = ((await client.search({ all: true }, { uid: true })) || []).filter((uid) => !refused.has(uid));
        const batch = uids.slice(0, Math.min(limits.reconnectEvery, limits.maxMessages - handled));
        const sizes = new Map<number, number | undefined>();
        if (batch.length > 0 && limits.maxBytes !== undefined) {
          for await (const message of client.fetch(batch.join(','), { size: true }, { uid: true })) {
            sizes.set(message.uid, message.size);
          }
        }
        handled += batch.length;
        const wanted = batch.filter((uid) => {
          if (!tooLarge(sizes.get(uid), limits, result, `UID ${uid}`)) return true;
          refused.add(uid);
          return false;
        });
        for (const part of bySize(wanted, (uid) => sizes.get(uid) ?? 0, BATCH_BYTES)) {
          if (limits.signal?.aborted) break;
          const sources = new Map<number, Buffer>();
          for await (const message of client.fetch(part.join(','), { source: true }, { uid: true })) {
            if (message.source) sources.set(message.uid, message.source);
          }
          // gone meanwhile: another client took it
          const present = part.filter((uid) => sources.has(uid));
          const { stored, failure } = await receiveBatch(
            receive,
            present.map((uid) => sources.get(uid) as Buffer),
            present.map((uid) => `UID ${uid}`),
            result,
          );
          const done = present.filter((_, i) => stored[i]);
          for (const uid of present) if (!done.includes(uid)) refused.add(uid);
          if (done.length > 0) await client.messageDelete(done.join(','), { uid: true });
          if (failure) throw failure;
        }
        finished = uids.length <= batch.length;
      } finally {
        lock.release();
      }
    } finally {
      await closeImap(client);
    }
    if (finished || limits.signal?.aborted) break;
  }
  return result;
}

/** Messages in the folder: what "test connection" reports once everything worked. */
export async function countImap(settings: MailServerSettings): Promise<number> {
  const client = await openImap(settings);
  try {
    const lock = await openFolder(client, settings);
    try {
      return client.mailbox ? client.mailbox.exists : 0;
    } finally {
      lock.release();
    }
  } finally {
    await closeImap(client);
  }
}
