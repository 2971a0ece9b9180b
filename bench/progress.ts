/** One progress line: rewritten in place on a terminal, a line per tenth otherwise. */
export interface Progress {
  update(label: string, done: number, total: number): void;
  done(): void;
}

export function progressLine(prefix: string): Progress {
  const tty = process.stdout.isTTY === true;
  let lastTenth = -1;
  let lastLabel = '';
  let open = false;
  return {
    update(label, done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      const text = `${prefix} ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%)`;
      if (tty) {
        process.stdout.write(`\r\x1b[2K${text}`);
        open = true;
        return;
      }
      const tenth = Math.floor(percent / 10);
      if (label !== lastLabel || tenth !== lastTenth) console.log(text);
      lastLabel = label;
      lastTenth = tenth;
    },
    done() {
      if (open) process.stdout.write('\n');
      open = false;
      lastLabel = '';
      lastTenth = -1;
    },
  };
}

/** Seconds per phase, measured from one mark to the next. */
export function phaseTimer() {
  const started = performance.now();
  let last = started;
  const phases: Record<string, number> = {};
  return {
    phases,
    mark(name: string) {
      const now = performance.now();
      phases[name] = round((now - last) / 1000, 2);
      last = now;
    },
    total: () => round((performance.now() - started) / 1000, 2),
  };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
