import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The written files as the repository's formatter wants them (`npm test` checks them too). */
export function formatWithBiome(files: string[]) {
  try {
    const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
    execFileSync(process.execPath, [biome, 'format', '--write', ...files], { stdio: 'ignore', timeout: 60_000 });
  } catch {
    console.log('(biome is not installed: the written files are not formatted)');
  }
}
