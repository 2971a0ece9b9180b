/**
 * npm run bench:mail [-- --db pglite|postgres|both --messages 2000 --time-limit 10]
 *
 * Email intake at volume on an empty desk: messages of about 20 KB received, parsed, routed,
 * turned into tickets or follow-ups with their attachments and queued auto-responses: one at a time
 * and 8 at a time (as SMTP connections hand them over, which the intake groups into batches), and
 * 50 a call (as a mail account's fetch does) by one and by two accounts at once; and, where Dovecot
 * is installed, the time from a message arriving in an IMAP
 * mailbox (IDLE) to its confirmation reaching an SMTP server. Writes bench/mail-results.json.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatWithBiome } from './format-files.ts';
import { measureImapLatency } from './mail/imap-latency.ts';
import { type IntakeRun, measureIntake, setUpMailDesk } from './mail/intake-throughput.ts';
import { round } from './progress.ts';
import { dropLeftover, openTarget, type TargetKind } from './targets.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    messages: { type: 'string', default: '2000' },
    'imap-messages': { type: 'string', default: '30' },
    'time-limit': { type: 'string', default: '10' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/test' },
    'no-write': { type: 'boolean', default: false },
  },
});

const kinds: TargetKind[] = args.db === 'both' ? ['pglite', 'postgres'] : [args.db as TargetKind];
if (!kinds.every((kind) => kind === 'pglite' || kind === 'postgres'))
  throw new Error('--db must be pglite, postgres or both');
const messages = Number(args.messages);
const imapMessages = Number(args['imap-messages']);
const timeLimitMinutes = Number(args['time-limit']);
for (const [name, value] of Object.entries({
  messages,
  'imap-messages': imapMessages,
  'time-limit': timeLimitMinutes,
})) {
  if (!Number.isInteger(value) || value < 1 || value > 100_000) throw new Error(`--${name} must be 1 to 100000`);
}
const adminUrl = args['pg-url'];
const hardLimit = setTimeout(async () => {
  console.error(`\nbench:mail: time limit of ${timeLimitMinutes} min reached, stopping`);
  await dropLeftover(adminUrl).catch(() => {});
  process.exit(2);
}, timeLimitMinutes * 60_000);
hardLimit.unref();

const after = (seconds: number) => Date.now() + seconds * 1000;

/** One message a call by 1 and by 8 callers (SMTP, HTTP), and a fetch's batches by 1 and 2 accounts. */
const INTAKE_RUNS = [
  { concurrency: 1, batch: 1 },
  { concurrency: 8, batch: 1 },
  { concurrency: 1, batch: 50 },
  { concurrency: 2, batch: 50 },
];
const results: Record<string, unknown>[] = [];

for (const kind of kinds) {
  const log = (text: string) => console.log(`[${kind}] ${text}`);
  const target = await openTarget(kind, { adminUrl, pgliteDisk: false });
  try {
    await setUpMailDesk(target.ctx);
    await measureIntake(target.ctx, { count: 20, concurrency: 1, deadline: after(30), offset: 0 });
    const runs: IntakeRun[] = [];
    for (const [step, { concurrency, batch }] of INTAKE_RUNS.entries()) {
      const run = await measureIntake(target.ctx, {
        count: messages,
        concurrency,
        batch,
        deadline: after(120),
        offset: 100_000 * (step + 1),
      });
      const how = batch === 1 ? `${concurrency} at a time` : `${batch} a call by ${concurrency} at once`;
      log(
        `${run.messages} messages of ${run.averageKb} KB, ${how}: ${run.perSecond}/s ` +
          `(median ${run.latencyMs.median} ms, p95 ${run.latencyMs.p95} ms; ${run.newTickets} new, ${run.followUps} follow-ups, ${run.failed} other)`,
      );
      runs.push(run);
    }
    const imap = await measureImapLatency(target.ctx, { messages: imapMessages, deadline: after(120) });
    if (imap)
      log(`IMAP arrival to confirmation sent: median ${imap.median} ms, p95 ${imap.p95} ms (${imap.runs} messages)`);
    else log('IMAP latency skipped: Dovecot is not installed (apt-get install dovecot-imapd)');
    results.push({ database: kind, intake: runs, imapArrivalToConfirmationMs: imap });
  } finally {
    await target.close();
  }
}

clearTimeout(hardLimit);
const cpus = os.cpus();
const output = {
  date: new Date().toISOString(),
  machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', node: process.version },
  loadAverage: os.loadavg().map((n) => round(n, 2)),
  results,
};
if (!args['no-write']) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mail-results.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  formatWithBiome([file]);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}
