import type { DomainContext } from '../domain/context.ts';
import { demoConfigured, insertDemoConfig } from './demo-config.ts';
import { DemoDesk } from './demo-desk.ts';
import { DEMO_STEP } from './demo-steps.ts';
import { DEMO_STORIES } from './demo-tickets.ts';

export type DemoProgress = (done: number, total: number, step: string) => void;

export interface DemoResult {
  /** false when the demo data was already there and nothing was written */
  loaded: boolean;
  tickets: number;
}

export const DEMO_STEPS = 1 + DEMO_STORIES.length;

export { demoConfigured };

/**
 * Loads the demo desk: its configuration in one transaction, then each demo ticket through the
 * domain commands. Idempotent: the configuration's marker agent says the demo is there already.
 */
export async function loadDemoData(ctx: DomainContext, onProgress: DemoProgress = () => {}): Promise<DemoResult> {
  onProgress(0, DEMO_STEPS, DEMO_STEP.config);
  if (!(await insertDemoConfig(ctx))) return { loaded: false, tickets: 0 };
  const desk = await DemoDesk.open(ctx);
  for (const [index, story] of DEMO_STORIES.entries()) {
    onProgress(1 + index, DEMO_STEPS, story.title);
    await story.run(desk);
  }
  onProgress(DEMO_STEPS, DEMO_STEPS, DEMO_STEP.done);
  return { loaded: true, tickets: DEMO_STORIES.length };
}
