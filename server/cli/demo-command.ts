import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { demoLogins } from '../demo/demo-logins.ts';
import { cliLanguage, t } from './cli-messages.ts';
import { connectSystem } from './connect-system.ts';
import { demoStepLabel, progressBar } from './progress.ts';
import { describeVia } from './via.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(t('demo.description'))
    .addHelpText('after', `\n${t('demo.after')}`)
    .action(async () => {
      const system = await connectSystem(loadConfig(), 'demo');
      try {
        const progress = progressBar(t('progress.loading_demo'));
        const result = await system
          .loadDemo((done, total, step) => {
            progress.total(total);
            progress.update(done, demoStepLabel(step));
          })
          .finally(() => progress.stop());
        const via = describeVia(system.via);
        process.stderr.write(
          `${result.loaded ? t('demo.loaded', { tickets: result.tickets, via }) : t('demo.already_loaded', { via })}\n`,
        );
        process.stderr.write(`${t('demo.logins')}\n`);
        const logins = demoLogins(cliLanguage());
        const kinds = { agent: t('demo.kind.agent'), customer: t('demo.kind.customer') };
        const width = Math.max(...Object.values(kinds).map((kind) => kind.length)) + 1;
        for (const login of logins) {
          process.stderr.write(`  ${kinds[login.kind].padEnd(width)}${login.login.padEnd(16)}${login.password}\n`);
        }
      } finally {
        await system.close();
      }
    });
}
