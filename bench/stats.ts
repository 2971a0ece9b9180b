import { round } from './progress.ts';

/** Milliseconds. */
export interface Latency {
  runs: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    runs: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export interface RunLimits {
  warmup: number;
  runs: number;
  /** Date.now() after which no new run starts */
  deadline: number;
}

/** Runs `fn` warm-up times unmeasured, then up to `runs` times measured; stops at the deadline. */
export async function timeRuns(limits: RunLimits, fn: (index: number) => Promise<void>): Promise<Latency> {
  for (let i = 0; i < limits.warmup && Date.now() < limits.deadline; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < limits.runs && Date.now() < limits.deadline; i++) {
    const started = performance.now();
    await fn(limits.warmup + i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** A small seeded PRNG (mulberry32): the same choices on every run. */
export function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickFrom<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}
