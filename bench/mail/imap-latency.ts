import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import type { DomainContext } from '../../server/domain/context.ts';
import { MailFetcher } from '../../server/domain/mail/fetch/mail-fetcher.ts';
import { startDovecot } from '../../test/support/dovecot.ts';
import { type Latency, summarize } from '../stats.ts';
import { benchMessage } from './bench-messages.ts';
import { BENCH_ADDRESS } from './intake-throughput.ts';
import { smtpSink } from './smtp-sink.ts';

const WAIT_PER_MESSAGE_MS = 15_000;

/**
 * The time from a message landing in an IMAP mailbox (written into the maildir, as an MDA does)
 * to its confirmation reaching the SMTP server, with everything as `sportello start` runs it: the
 * IDLE watcher, the intake, the job worker polling every second, the SMTP send. Null without Dovecot.
 */
export async function measureImapLatency(
  ctx: DomainContext,
  options: { messages: number; deadline: number },
): Promise<Latency | null> {
  if (!existsSync('/usr/sbin/dovecot')) return null;
  const arrivals = new Map<string, number>();
  const sink = await smtpSink((raw, at) => {
    const token = /bench-imap-(\d+)/.exec(raw)?.[1];
    if (token) arrivals.set(token, at);
  });
  const dovecot = await startDovecot();
  // the job handlers read the configuration when they run: point the outgoing mail at the sink
  const previousSmtp = ctx.config.smtpUrl;
  ctx.config.smtpUrl = sink.url;
  const fetcher = new MailFetcher(ctx, { idle: true, tickMs: 5_000 });
  try {
    await dovecot.addUser('desk', 'bench-password');
    await ctx.db
      .insertInto('mailAccounts')
      .values({
        name: 'bench IMAP',
        protocol: 'imap',
        host: dovecot.host,
        port: dovecot.ports.imap,
        login: 'desk',
        password: 'bench-password',
        pollSeconds: 3600,
        // the tests' Dovecot offers STARTTLS with a self-signed certificate
        tlsVerify: false,
      })
      .execute();
    // the throughput runs left thousands of jobs (their auto-responses to nobody, their events):
    // a desk's worker would be past them; the latency is measured without that backlog
    await sql`DELETE FROM pgboss.job WHERE state IN ('created', 'retry')`.execute(ctx.db);
    // and used up the day's auto-responses (AUTO_RESPONSE_MAX_PER_DAY) of the senders written as here
    await sql`DELETE FROM auto_response_counts`.execute(ctx.db);
    ctx.jobs.work();
    fetcher.start();
    const samples: number[] = [];
    // message 0 warms up (the IDLE connection opens after the first look at the accounts)
    for (let i = 0; i <= options.messages && Date.now() < options.deadline; i++) {
      const raw = Buffer.from(benchMessage({ index: 900_000 + i, from: `utente${i}@comune.test`, to: BENCH_ADDRESS }))
        .toString('utf8')
        .replace(/^Subject: (.*)$/m, `Subject: $1 bench-imap-${i}`);
      const sent = performance.now();
      await dovecot.deliver('desk', [raw]);
      const until = Date.now() + WAIT_PER_MESSAGE_MS;
      while (!arrivals.has(String(i)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
      const arrived = arrivals.get(String(i));
      if (arrived !== undefined && i > 0) samples.push(arrived - sent);
    }
    return summarize(samples);
  } finally {
    await fetcher.stop();
    ctx.config.smtpUrl = previousSmtp;
    await dovecot.stop();
    await sink.close();
  }
}
