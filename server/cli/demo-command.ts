import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { demoLogins } from '../demo/demo-logins.ts';
import { connectSystem } from './connect-system.ts';
import { progressBar } from './progress.ts';
import { describeVia } from './via.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo data: an Italian help desk with queues (FEN Energia, Cityware - Tributi, …), agents, ' +
        'customers and a few tickets in various states. Does nothing if it is already there.',
    )
    .addHelpText('after', '\nWorks whether or not the server runs; `start --demo` does the same on the first start.')
    .action(async () => {
      const system = await connectSystem(loadConfig(), 'demo');
      try {
        const progress = progressBar('Loading demo data');
        const result = await system
          .loadDemo((done, total, step) => {
            progress.total(total);
            progress.update(done, step);
          })
          .finally(() => progress.stop());
        process.stderr.write(
          result.loaded
            ? `Loaded the demo data with ${result.tickets} tickets ${describeVia(system.via)}.\n`
            : `The demo data is already loaded ${describeVia(system.via)}; nothing to do.\n`,
        );
        process.stderr.write('Demo logins:\n');
        for (const login of demoLogins()) {
          process.stderr.write(`  ${login.kind.padEnd(9)}${login.login.padEnd(16)}${login.password}\n`);
        }
      } finally {
        await system.close();
      }
    });
}
