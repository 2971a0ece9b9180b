import { emptyResult, type FetchLimits, type FetchResult, type Receive, receiveOne, tooLarge } from './fetch-run.ts';
import { closeImap, openFolder, openImap } from './imap-session.ts';
import type { MailServerSettings } from './mail-server.ts';

/**
 * Fetches an IMAP folder: each message's full source is received (stored and committed) and only
 * then flagged \Deleted and expunged, one by one. Killed at any moment, a message is either still
 * in the folder (and stored at most once, thanks to the dedupe) or stored and gone. `result` is
 * filled as messages are received, so a run that fails half-way still tells what it stored.
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
        for (const uid of batch) {
          if (limits.signal?.aborted) break;
          handled += 1;
          if (tooLarge(sizes.get(uid), limits, result, `UID ${uid}`)) {
            refused.add(uid);
            continue;
          }
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          // gone meanwhile: another client took it
          const source = message ? message.source : undefined;
          if (!source) continue;
          if (await receiveOne(receive, source, result, `UID ${uid}`)) {
            await client.messageDelete(String(uid), { uid: true });
          } else {
            refused.add(uid);
          }
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
