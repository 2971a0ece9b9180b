import { type Progress, phaseTimer } from './progress.ts';
import { type SqlRunner, scalar } from './sql-runner.ts';
import { prng } from './stats.ts';
import { GROUP_NAMES, QUEUE_SUFFIXES, TITLES, vocabulary } from './words.ts';

export interface DataSize {
  tickets: number;
  agents: number;
  customers: number;
  /** per customer */
  usersPerCustomer: number;
  /** the pool of sentences article bodies are made of */
  sentences: number;
}

export const FULL_SIZE: DataSize = {
  tickets: 100_000,
  agents: 200,
  customers: 500,
  usersPerCustomer: 10,
  sentences: 20_000,
};

/** Fixed shape of the desk: 10 groups of 5 queues. */
const GROUPS = GROUP_NAMES.length;
const QUEUES_PER_GROUP = QUEUE_SUFFIXES.length;
const TICKETS_PER_STATEMENT = 10_000;
/** ≈ 4 articles and 6 history rows per ticket: ≈ 10k articles per statement */
const TICKETS_PER_ARTICLE_STATEMENT = 2_500;
/** the share of tickets from the last weeks, of which most are still open */
const RECENT_SHARE = 0.03;

/** State ids of 0002_default_data.sql. */
const STATE = { new: 1, closedSuccessful: 2, closedUnsuccessful: 3, open: 4, pendingReminder: 6, pendingAuto: 7 };

/** Who and what the measurements need to know about the generated desk. */
export interface GeneratedDesk {
  groupIds: number[];
  queueIds: number[];
  /** an agent with rw on 5 of the 10 groups (and on "users"), with my queues: the reader */
  reader: { agentId: number; login: string; groupIds: number[]; queueIds: number[] };
  /** an agent with rw on every generated group: creates tickets through the API */
  writer: { agentId: number; login: string };
  customerUserIds: { first: number; count: number };
  counts: Record<string, number>;
  phases: Record<string, number>;
  seconds: number;
}

/**
 * A deterministic hash of an integer expression, 0 … 2^32-1, in SQL: every "random" choice of the
 * generator is one, so a data set is the same on every run and on both databases.
 */
const h = (expr: string, salt: number) => `(hashint4(((${expr}) * 64 + ${salt})::integer)::bigint + 2147483648)`;

/** Sentences of 7–14 words, 70% Italian; common words skewed towards the head of the list. */
export function makeSentences(count: number, seed = 42): string[] {
  const random = prng(seed);
  const pick = (words: string[], skew: number) => words[Math.floor(words.length * random() ** skew)] ?? 'e';
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = random() < 0.7 ? vocabulary.italian : vocabulary.english;
    const length = 7 + Math.floor(random() * 8);
    const sentence: string[] = [];
    for (let w = 0; w < length; w++) sentence.push(pick(words, 1.7));
    if (random() < 0.12) {
      const term = pick(vocabulary.rare, 1.5);
      sentence.splice(1 + Math.floor(random() * (length - 1)), 0, term.charAt(0).toUpperCase() + term.slice(1));
    }
    const text = sentence.join(' ');
    sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }
  return sentences;
}

async function maxId(sql: SqlRunner, table: string): Promise<number> {
  return scalar(sql, `SELECT coalesce(max(id), 0) FROM ${table}`);
}

/** Secondary indexes of the big tables: dropped for the load and built again after it. */
async function secondaryIndexes(sql: SqlRunner, tables: string[]) {
  const rows = await sql.run(
    `SELECT c2.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_class c2 ON c2.oid = i.indexrelid
      WHERE c.relname = ANY($1::text[]) AND c.relnamespace = 'public'::regnamespace
        AND NOT i.indisprimary AND NOT i.indisunique
      ORDER BY c2.relname`,
    [tables],
  );
  return rows.map((row) => ({ name: String(row.name), def: String(row.def) }));
}

/** Runs the tasks on the sessions, each session taking the next task when it is free. */
async function inParallel<T>(sessions: SqlRunner[], tasks: T[], run: (session: SqlRunner, task: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    sessions.map(async (session) => {
      for (let task = tasks[next++]; task !== undefined; task = tasks[next++]) await run(session, task);
    }),
  );
}

/**
 * The load runs without foreign key triggers; this finds any row whose reference has no target,
 * with one anti-join per foreign key.
 */
async function checkForeignKeys(sessions: SqlRunner[], tables: string[]) {
  const [sql] = sessions;
  if (!sql) return;
  const keys = await sql.run(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, a.attname AS column,
            c.confrelid::regclass::text AS parent, pa.attname AS parent_column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.conrelid::regclass::text = ANY($1::text[])`,
    [tables],
  );
  const broken: string[] = [];
  await inParallel(sessions, keys, async (session, key) => {
    const orphans = await scalar(
      session,
      `SELECT count(*) FROM ${key.child} x
        WHERE x.${key.column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p.${key.parent_column} = x.${key.column})`,
    );
    if (orphans > 0) broken.push(`${key.name}: ${orphans} rows`);
  });
  if (broken.length > 0) throw new Error(`generated rows break foreign keys: ${broken.join(', ')}`);
}

/**
 * Fills a freshly migrated database with a realistic desk, set-based (INSERT … SELECT
 * generate_series), in statements of about 10k rows so that PGlite, which runs on the main
 * thread, lets the progress line through.
 */
export async function generateData(
  sessions: SqlRunner[],
  size: DataSize,
  progress: Progress,
  now = new Date(),
): Promise<GeneratedDesk> {
  const timer = phaseTimer();
  const [sql] = sessions;
  if (!sql) throw new Error('no database session');
  if ((await scalar(sql, 'SELECT count(*) FROM tickets')) > 0) throw new Error('the bench needs an empty database');
  for (const session of sessions) {
    await session.run("SET maintenance_work_mem = '256MB'");
    await session.run("SET work_mem = '64MB'");
    // the estimates of generate_series joins are far off, and JIT costs seconds per statement
    await session.run('SET jit = off');
    // as pg_restore --disable-triggers: no foreign key checks row by row; checked set-based after the load
    await session.run('SET session_replication_role = replica');
  }

  const gBase = await maxId(sql, 'groups');
  const qBase = await maxId(sql, 'queues');
  const aBase = await maxId(sql, 'agents');
  const cBase = await maxId(sql, 'customers');
  const uBase = await maxId(sql, 'customer_users');
  const users = size.customers * size.usersPerCustomer;
  const agents = size.agents;
  const queues = GROUPS * QUEUES_PER_GROUP;

  // groups, queues
  await sql.run(
    `INSERT INTO groups (id, name, comments)
     SELECT $1::int + g, name, 'bench' FROM unnest($2::text[]) WITH ORDINALITY AS x(name, g)`,
    [gBase, GROUP_NAMES],
  );
  await sql.run(
    `INSERT INTO queues (id, name, group_id, system_address_id, first_response_minutes, solution_minutes)
     SELECT $1::int + (g - 1) * ${QUEUES_PER_GROUP} + s, gname || '::' || sname, $2::int + g, 1, 240, 2880
       FROM unnest($3::text[]) WITH ORDINALITY AS g(gname, g),
            unnest($4::text[]) WITH ORDINALITY AS s(sname, s)`,
    [qBase, gBase, GROUP_NAMES, QUEUE_SUFFIXES],
  );

  // agents: agent a has rw on 3–6 consecutive groups from group a mod 10, ro on one more for a third
  // of them, rw on "users" as every OTRS agent; my queues: 3 of the 5 queues of each rw group
  await sql.run(
    `INSERT INTO agents (id, login, first_name, last_name, email, language)
     SELECT $1::int + 1 + a, 'agente' || lpad((a + 1)::text, 3, '0'),
            ($2::text[])[1 + ${h('a', 1)} % cardinality($2::text[])],
            ($3::text[])[1 + ${h('a', 2)} % cardinality($3::text[])],
            'agente' || lpad((a + 1)::text, 3, '0') || '@comune.example.it',
            CASE WHEN a % 7 = 0 THEN 'en' ELSE 'it' END
       FROM generate_series(0, ${agents - 1}) AS a`,
    [aBase, vocabulary.firstNames, vocabulary.lastNames],
  );
  const writerId = aBase + agents + 1;
  await sql.run(
    `INSERT INTO agents (id, login, first_name, last_name, email)
     VALUES ($1, 'bench.api', 'Bench', 'Integrazione', 'bench.api@comune.example.it')`,
    [writerId],
  );
  await sql.run(
    `INSERT INTO group_agent_permissions (group_id, agent_id, permission)
     SELECT $1::int + 1 + ((a % ${GROUPS} + j) % ${GROUPS}), $2::int + 1 + a, 'rw'
       FROM generate_series(0, ${agents - 1}) AS a, generate_series(0, 5) AS j
      WHERE j < 3 + a % 4
     UNION ALL
     SELECT $1::int + 1 + ((a % ${GROUPS} + 3 + a % 4) % ${GROUPS}), $2::int + 1 + a, 'ro'
       FROM generate_series(0, ${agents - 1}) AS a WHERE a % 3 = 0
     UNION ALL
     SELECT 1, $2::int + 1 + a, 'rw' FROM generate_series(0, ${agents - 1}) AS a
     UNION ALL
     SELECT $1::int + g, $3::int, 'rw' FROM generate_series(1, ${GROUPS}) AS g
     UNION ALL
     SELECT 1, $3::int, 'rw'`,
    [gBase, aBase, writerId],
  );
  await sql.run(
    `INSERT INTO agent_queues (agent_id, queue_id)
     SELECT $1::int + 1 + a, $2::int + 1 + ((a % ${GROUPS} + j) % ${GROUPS}) * ${QUEUES_PER_GROUP} + s
       FROM generate_series(0, ${agents - 1}) AS a, generate_series(0, 5) AS j,
            generate_series(0, ${QUEUES_PER_GROUP - 1}) AS s
      WHERE j < 3 + a % 4 AND (s + a) % ${QUEUES_PER_GROUP} < 3`,
    [aBase, qBase],
  );

  // customers (municipalities) and their customer users; one in ten sees all of its customer's tickets
  const towns = vocabulary.rare.slice(0, 150);
  await sql.run(
    `INSERT INTO customers (id, customer_key, name, city, country)
     SELECT $1::int + c, 'C' || lpad(c::text, 4, '0'),
            'Comune di ' || initcap(($2::text[])[1 + (c - 1) % cardinality($2::text[])])
              || CASE WHEN c > cardinality($2::text[]) THEN ' ' || ((c - 1) / cardinality($2::text[]) + 1) ELSE '' END,
            initcap(($2::text[])[1 + (c - 1) % cardinality($2::text[])]), 'IT'
       FROM generate_series(1, ${size.customers}) AS c`,
    [cBase, towns],
  );
  await sql.run(
    `INSERT INTO customer_users (id, login, email, first_name, last_name, phone)
     SELECT $1::int + u, 'cu' || lpad(u::text, 5, '0'), f || '.' || l || u || '@comune' || ((u - 1) / $4::int + 1) || '.example.it',
            f, l, '+39 0' || (100000000 + ${h('u', 5)} % 899999999)
       FROM (SELECT u, ($2::text[])[1 + ${h('u', 3)} % cardinality($2::text[])] AS f,
                    ($3::text[])[1 + ${h('u', 4)} % cardinality($3::text[])] AS l
               FROM generate_series(1, ${users}) AS u) AS x`,
    [uBase, vocabulary.firstNames, vocabulary.lastNames, size.usersPerCustomer],
  );
  await sql.run(
    `INSERT INTO customer_user_customers (customer_user_id, customer_id, is_primary, can_see_all)
     SELECT $1::int + u, $2::int + (u - 1) / $3::int + 1, true, u % 10 = 1
       FROM generate_series(1, ${users}) AS u`,
    [uBase, cBase, size.usersPerCustomer],
  );
  timer.mark('desk');

  // the pool of sentences and titles (helper tables, dropped at the end)
  await sql.run('DROP TABLE IF EXISTS bench_sentences, bench_titles');
  await sql.run('CREATE TABLE bench_sentences (id integer PRIMARY KEY, body text NOT NULL)');
  await sql.run('CREATE TABLE bench_titles (id integer PRIMARY KEY, title text NOT NULL)');
  const sentences = makeSentences(size.sentences);
  for (let from = 0; from < sentences.length; from += 5_000) {
    const part = sentences.slice(from, from + 5_000);
    await sql.run(
      'INSERT INTO bench_sentences (id, body) SELECT $1::int + i, body FROM unnest($2::text[]) WITH ORDINALITY AS x(body, i)',
      [from, part],
    );
  }
  await sql.run(
    'INSERT INTO bench_titles (id, title) SELECT i, title FROM unnest($1::text[]) WITH ORDINALITY AS x(title, i)',
    [TITLES],
  );

  const indexes = await secondaryIndexes(sql, ['tickets', 'articles', 'ticket_history']);
  for (const index of indexes) await sql.run(`DROP INDEX ${index.name}`);
  timer.mark('prepare');

  // tickets: ids follow creation time over two years up to yesterday; old ones mostly closed
  const n = size.tickets;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const spanSeconds = 730 * 86_400;
  const startSeconds = nowSeconds - spanSeconds - 86_400;
  const step = Math.floor(spanSeconds / n);
  const recentFrom = Math.floor(n * (1 - RECENT_SHARE));
  const S = STATE;
  const ticketSql = (lo: number, hi: number) => `
    WITH draw AS (
      SELECT g.id,
             ${h('g.id', 1)} % 1000 AS r_state,
             floor(${queues} * power((${h('g.id', 2)} % 10000)::float8 / 10000, 1.3))::int AS qi,
             ${h('g.id', 3)} % 20 AS r_owner,
             ${h('g.id', 4)} % 100 AS r_resp,
             ${h('g.id', 5)} % 100 AS r_lock,
             ${h('g.id', 6)} % 100 AS r_prio,
             ${h('g.id', 7)} % 1000 AS r_user,
             ${h('g.id', 8)} AS r_title,
             ${h('g.id', 9)} % 10 < 6 AS email_intake,
             ${h('g.id', 14)} % 240 AS r_pending,
             ${h('g.id', 15)} % 480 AS r_age,
             to_timestamp(${startSeconds} + (g.id - 1)::bigint * ${step} + ${h('g.id', 16)} % ${Math.max(1, step - 1)})
               AS created_at
        FROM generate_series(${lo}, ${hi}) AS g(id)
    ), shaped AS (
      SELECT d.*,
             CASE WHEN d.id > ${recentFrom} THEN
                    CASE WHEN r_state < 150 THEN ${S.new} WHEN r_state < 450 THEN ${S.open}
                         WHEN r_state < 550 THEN ${S.pendingReminder} WHEN r_state < 600 THEN ${S.pendingAuto}
                         WHEN r_state < 930 THEN ${S.closedSuccessful} ELSE ${S.closedUnsuccessful} END
                  ELSE
                    CASE WHEN r_state < 5 THEN ${S.new} WHEN r_state < 30 THEN ${S.open}
                         WHEN r_state < 40 THEN ${S.pendingReminder} WHEN r_state < 45 THEN ${S.pendingAuto}
                         WHEN r_state < 880 THEN ${S.closedSuccessful} ELSE ${S.closedUnsuccessful} END
             END AS state_id,
             ${aBase} + 1 + qi / ${QUEUES_PER_GROUP} + ${GROUPS} * r_owner AS agent_id,
             ${aBase} + 1 + qi / ${QUEUES_PER_GROUP} + ${GROUPS} * ((r_owner + 1 + r_resp % 19) % 20) AS other_agent_id,
             CASE WHEN r_user < 950 THEN ${uBase} + 1 + (r_user * 7919 + d.id) % ${users} END AS customer_user_id
        FROM draw d
    ), final AS (
      SELECT s.*,
             CASE WHEN state_id = ${S.new} AND email_intake THEN 1 ELSE agent_id END AS owner_id,
             CASE WHEN state_id = ${S.new} AND email_intake THEN 1
                  WHEN r_resp < 85 THEN agent_id ELSE other_agent_id END AS responsible_id,
             state_id IN (${S.open}, ${S.pendingReminder}, ${S.pendingAuto}) AND r_lock < 50 AS locked,
             least(CASE WHEN state_id IN (${S.closedSuccessful}, ${S.closedUnsuccessful})
                        THEN created_at + make_interval(hours => (1 + r_age)::integer)
                        ELSE created_at + make_interval(hours => (r_age / 8)::integer) END,
                   to_timestamp(${nowSeconds - 60})) AS changed_at
        FROM shaped s
    )
    INSERT INTO tickets (id, tn, title, queue_id, state_id, priority_id, type_id, lock, owner_id, responsible_id,
                         customer_id, customer_user_id, customer_contact, pending_until, lock_changed_at,
                         created_by, changed_by, created_at, changed_at)
    SELECT f.id,
           to_char(f.created_at AT TIME ZONE 'UTC', 'YYYYMMDD') || '10' || lpad(f.id::text, 6, '0'),
           bt.title, ${qBase} + 1 + qi, state_id,
           CASE WHEN r_prio < 5 THEN 1 WHEN r_prio < 15 THEN 2 WHEN r_prio < 85 THEN 3 WHEN r_prio < 97 THEN 4 ELSE 5 END,
           1, CASE WHEN locked THEN 'lock' ELSE 'unlock' END, owner_id, responsible_id,
           CASE WHEN customer_user_id IS NOT NULL THEN ${cBase} + 1 + (customer_user_id - ${uBase} - 1) / ${size.usersPerCustomer} END,
           customer_user_id,
           CASE WHEN customer_user_id IS NULL THEN 'mittente' || f.id || '@example.org' ELSE '' END,
           CASE WHEN state_id IN (${S.pendingReminder}, ${S.pendingAuto})
                THEN to_timestamp(${nowSeconds}) + make_interval(hours => r_pending::integer - 48) END,
           CASE WHEN locked THEN changed_at END,
           CASE WHEN email_intake THEN 1 ELSE agent_id END, owner_id, created_at, changed_at
      FROM final f
      JOIN bench_titles bt ON bt.id = 1 + r_title % ${TITLES.length}`;
  const ticketSlices: [number, number][] = [];
  for (let lo = 1; lo <= n; lo += TICKETS_PER_STATEMENT)
    ticketSlices.push([lo, Math.min(n, lo + TICKETS_PER_STATEMENT - 1)]);
  let ticketsDone = 0;
  await inParallel(sessions, ticketSlices, async (session, [lo, hi]) => {
    await session.run(ticketSql(lo, hi));
    ticketsDone += hi - lo + 1;
    progress.update('tickets', ticketsDone, n);
  });
  progress.done();
  timer.mark('tickets');

  // articles and all history rows, ticket by ticket in creation order, in one statement per slice
  const sentenceSlots = [1, 2, 3, 4, 5, 6];
  const articleSql = (lo: number, hi: number) => `
    WITH src AS (
      SELECT t.id AS ticket_id, k.k, k.n, t.created_at, t.changed_at, t.owner_id, t.customer_user_id, t.title,
             coalesce(cu.first_name || ' ' || cu.last_name || ' <' || cu.email || '>', t.customer_contact) AS customer_address,
             ${h('t.id', 9)} % 10 < 6 AS email_intake,
             ${h('t.id * 8 + k.k', 11)} % 10 AS r_kind,
             3 + ${h('t.id * 8 + k.k', 12)} % 4 AS sentence_count,
             ${sentenceSlots.map((slot) => `1 + ${h('t.id * 8 + k.k', 20 + slot)} % ${size.sentences} AS s${slot}`).join(', ')}
        FROM tickets t
        LEFT JOIN customer_users cu ON cu.id = t.customer_user_id
        CROSS JOIN LATERAL (
          SELECT k, c.n FROM (SELECT CASE WHEN t.state_id = ${S.new} THEN 1
                                         ELSE 2 + ${h('t.id', 10)} % 5 + CASE WHEN ${h('t.id', 13)} % 100 < 7 THEN 1 ELSE 0 END
                                    END AS n) AS c,
                             generate_series(1, c.n) AS k
        ) AS k
       WHERE t.id BETWEEN ${lo} AND ${hi}
    ), kinds AS (
      SELECT src.*,
             CASE WHEN k = 1 THEN CASE WHEN email_intake THEN 'customer_email' ELSE 'customer_phone' END
                  WHEN k % 2 = 0 THEN CASE WHEN r_kind < 8 THEN 'agent_email' ELSE 'agent_phone' END
                  ELSE CASE WHEN r_kind < 4 THEN 'note' ELSE 'follow_up' END END AS kind,
             created_at + (changed_at - created_at) * ((k - 1)::float8 / n) AS at
        FROM src
    ), ins AS (
      INSERT INTO articles (ticket_id, sender_type, channel, visible_to_customer, from_address, to_address, subject,
                            body_text, message_id, send_status, created_by_agent_id, created_by_customer_user_id,
                            created_at)
      SELECT ticket_id,
             CASE WHEN kind IN ('customer_email', 'customer_phone', 'follow_up') THEN 'customer' ELSE 'agent' END,
             CASE WHEN kind IN ('customer_phone', 'agent_phone') THEN 'phone' WHEN kind = 'note' THEN 'internal'
                  ELSE 'email' END,
             kind <> 'note',
             CASE WHEN kind IN ('customer_email', 'follow_up') THEN customer_address
                  WHEN kind = 'agent_email' THEN 'Sportello <sportello@localhost>' ELSE '' END,
             CASE WHEN kind IN ('customer_email', 'follow_up') THEN 'Sportello <sportello@localhost>'
                  WHEN kind = 'agent_email' THEN customer_address ELSE '' END,
             CASE WHEN k = 1 THEN title WHEN kind = 'note' THEN 'Nota interna' ELSE 'Re: ' || title END,
             concat_ws(' ', ${sentenceSlots
               .map((slot) =>
                 slot <= 3 ? `b${slot}.body` : `CASE WHEN sentence_count >= ${slot} THEN b${slot}.body END`,
               )
               .join(', ')}),
             CASE WHEN kind IN ('customer_email', 'follow_up', 'agent_email')
                  THEN '<' || ticket_id || '.' || k || '@bench.sportello.example>' END,
             CASE WHEN kind = 'agent_email' THEN 'sent' END,
             CASE WHEN kind IN ('customer_email', 'follow_up') THEN NULL ELSE owner_id END,
             CASE WHEN kind IN ('customer_email', 'follow_up') THEN customer_user_id END,
             at
        FROM kinds
        ${sentenceSlots.map((slot) => `JOIN bench_sentences b${slot} ON b${slot}.id = kinds.s${slot}`).join('\n        ')}
       ORDER BY ticket_id, k
      RETURNING id, ticket_id, sender_type, channel, created_by_agent_id, created_by_customer_user_id, created_at
    )
    INSERT INTO ticket_history (ticket_id, article_id, type, data, queue_id, owner_id, priority_id, state_id, type_id,
                                created_by, created_by_customer_user_id, created_at)
    SELECT ticket_id, article_id, type, data, queue_id, owner_id, priority_id, state_id, type_id, created_by,
           created_by_customer_user_id, created_at
      FROM (
        SELECT t.id AS ticket_id, NULL::integer AS article_id, 'NewTicket' AS type,
               jsonb_build_object('tn', t.tn, 'queue', q.name, 'state', 'new') AS data,
               t.queue_id, t.owner_id, t.priority_id, ${S.new} AS state_id, t.type_id, t.created_by,
               NULL::integer AS created_by_customer_user_id, t.created_at, 0 AS ord
          FROM tickets t JOIN queues q ON q.id = t.queue_id
         WHERE t.id BETWEEN ${lo} AND ${hi}
        UNION ALL
        SELECT i.ticket_id, i.id,
               CASE WHEN i.sender_type = 'customer' THEN
                      CASE WHEN i.created_at > t.created_at THEN 'FollowUp'
                           WHEN i.channel = 'email' THEN 'EmailCustomer' ELSE 'PhoneCallCustomer' END
                    WHEN i.channel = 'email' THEN 'EmailAgent' WHEN i.channel = 'phone' THEN 'PhoneCallAgent'
                    ELSE 'AddNote' END,
               '{}'::jsonb, t.queue_id, t.owner_id, t.priority_id,
               CASE WHEN i.created_at > t.created_at THEN ${S.open} ELSE ${S.new} END, t.type_id,
               coalesce(i.created_by_agent_id, 1), i.created_by_customer_user_id, i.created_at, 1
          FROM ins i JOIN tickets t ON t.id = i.ticket_id
        UNION ALL
        SELECT t.id, NULL, 'StateUpdate', jsonb_build_object('oldState', 'new', 'newState', s.name),
               t.queue_id, t.owner_id, t.priority_id, t.state_id, t.type_id, t.changed_by, NULL, t.changed_at, 2
          FROM tickets t JOIN states s ON s.id = t.state_id
         WHERE t.id BETWEEN ${lo} AND ${hi} AND t.state_id <> ${S.new}
        UNION ALL
        SELECT t.id, NULL, 'Lock', jsonb_build_object('lock', 'lock'),
               t.queue_id, t.owner_id, t.priority_id, t.state_id, t.type_id, t.owner_id, NULL, t.lock_changed_at, 3
          FROM tickets t
         WHERE t.id BETWEEN ${lo} AND ${hi} AND t.lock = 'lock'
      ) AS x
     ORDER BY ticket_id, created_at, ord`;
  // PostgreSQL: one statement per session at a time (two cores, two backends); PGlite has one session
  const articleSlices: [number, number][] = [];
  for (let lo = 1; lo <= n; lo += TICKETS_PER_ARTICLE_STATEMENT) {
    articleSlices.push([lo, Math.min(n, lo + TICKETS_PER_ARTICLE_STATEMENT - 1)]);
  }
  let articlesDone = 0;
  await inParallel(sessions, articleSlices, async (session, [lo, hi]) => {
    await session.run(articleSql(lo, hi));
    articlesDone += hi - lo + 1;
    progress.update('articles and history', articlesDone, n);
  });
  progress.done();
  timer.mark('articles');

  // the full-text index takes longest: start it first
  indexes.sort((a, b) => Number(b.def.includes('USING gin')) - Number(a.def.includes('USING gin')));
  let built = 0;
  await inParallel(sessions, indexes, async (session, index) => {
    await session.run(index.def);
    built += 1;
    progress.update('indexes', built, indexes.length);
  });
  progress.done();
  timer.mark('indexes');

  for (const table of ['groups', 'queues', 'agents', 'customers', 'customer_users', 'tickets']) {
    await sql.run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await sql.run('DROP TABLE bench_sentences, bench_titles');
  await checkForeignKeys(sessions, [
    'queues',
    'group_agent_permissions',
    'agent_queues',
    'customer_user_customers',
    'tickets',
    'articles',
    'ticket_history',
  ]);
  timer.mark('checks');
  progress.update('vacuum analyze', 0, 1);
  await sql.run('VACUUM ANALYZE');
  progress.done();
  timer.mark('vacuum');

  const counts: Record<string, number> = {};
  for (const table of [
    'groups',
    'queues',
    'agents',
    'group_agent_permissions',
    'agent_queues',
    'customers',
    'customer_users',
    'tickets',
    'articles',
    'ticket_history',
  ]) {
    counts[table] = await scalar(sql, `SELECT count(*) FROM ${table}`);
  }
  counts.openTickets = await scalar(sql, `SELECT count(*) FROM tickets WHERE state_id IN (1, 4, 6, 7)`);

  // the reader: agente003 (index 2) has rw on groups 3–7 of the 10, and "users"
  const readerIndex = 2;
  const readerGroups = Array.from({ length: 5 }, (_, j) => gBase + 1 + ((readerIndex + j) % GROUPS));
  const readerQueues = readerGroups.flatMap((groupId) =>
    Array.from({ length: QUEUES_PER_GROUP }, (_, s) => qBase + 1 + (groupId - gBase - 1) * QUEUES_PER_GROUP + s),
  );
  return {
    groupIds: Array.from({ length: GROUPS }, (_, g) => gBase + 1 + g),
    queueIds: Array.from({ length: queues }, (_, q) => qBase + 1 + q),
    reader: { agentId: aBase + 1 + readerIndex, login: 'agente003', groupIds: readerGroups, queueIds: readerQueues },
    writer: { agentId: writerId, login: 'bench.api' },
    customerUserIds: { first: uBase + 1, count: users },
    counts,
    phases: timer.phases,
    seconds: timer.total(),
  };
}
