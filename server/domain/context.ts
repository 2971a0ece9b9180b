import type { Config } from '../config/config.ts';
import type { Database } from '../db/connect.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** What every command and query is given: the database, settings, the job queue and a clock. */
export interface DomainContext {
  db: Database;
  config: Config;
  jobs: JobQueue;
  now: () => Date;
}
