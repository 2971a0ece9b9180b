/**
 * The names of the demo loader's own steps, as its progress callback (and the NDJSON stream of
 * POST /api/v1/system/demo) reports them. The command line shows them translated (progress.ts);
 * the other steps are the demo tickets' titles, which are Italian data and are shown as they are.
 */
export const DEMO_STEP = {
  config: 'groups, queues, agents and customers',
  done: 'done',
} as const;
