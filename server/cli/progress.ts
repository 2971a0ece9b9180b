import cliProgress from 'cli-progress';
import { DEMO_STEP } from '../demo/demo-steps.ts';
import { t } from './cli-messages.ts';

/** Steps of a long task: migrations, demo loading. */
export interface Progress {
  /** sets the number of steps; may grow as the task learns more */
  total(steps: number): void;
  /** one more step is done; `step` names the next thing being worked on */
  advance(step: string): void;
  /** `done` of the total steps are finished */
  update(done: number, step: string): void;
  stop(): void;
}

/** Quick tasks should not flash a bar: it appears only once the task has run this long. */
const SHOW_AFTER_MS = 1000;

/**
 * A progress bar on stderr (so stdout stays clean for scripts), drawn only on a terminal and only
 * for tasks that take longer than a second. Off a terminal it prints nothing; the commands print
 * a summary line when the task is done.
 */
export function progressBar(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let steps = 1;
  let done = 0;
  let current = '';
  let stopped = false;
  let bar: cliProgress.SingleBar | undefined;
  const show = () => {
    if (bar || stopped || !stream.isTTY) return;
    bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {value}/{total} {step}`,
        stream,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 24,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(steps, done, { step: current });
  };
  // PGlite answers through promises alone, so a task on it may never let a timer run: every
  // update checks the clock too, and the timer covers steps that wait on the network
  const timer = stream.isTTY ? setTimeout(show, SHOW_AFTER_MS) : undefined;
  timer?.unref();
  const render = () => {
    if (!bar && Date.now() - started >= SHOW_AFTER_MS) show();
    bar?.setTotal(steps);
    bar?.update(done, { step: current });
  };
  return {
    total(count) {
      steps = Math.max(count, 1);
      render();
    },
    advance(step) {
      done = Math.min(done + 1, steps);
      current = step;
      render();
    },
    update(value, step) {
      done = Math.min(value, steps);
      current = step;
      render();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
      bar = undefined;
    },
  };
}

/**
 * A step of the demo loader, for the bar: its own steps translated, a demo ticket's title (Italian
 * data, the same in both languages) as it is.
 */
export function demoStepLabel(step: string): string {
  if (step === DEMO_STEP.config) return t('progress.demo_config');
  if (step === DEMO_STEP.done) return t('progress.done');
  return step;
}

/** For callers that report progress to nobody (tests, the server's own start on a socket). */
export const silentProgress: Progress = {
  total() {},
  advance() {},
  update() {},
  stop() {},
};
