import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The real command, as users run it: node bin/sportello.js … */
export const BIN = path.resolve('bin/sportello.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export type Env = Record<string, string | undefined>;

/**
 * The child's environment: the test's own, minus what would change how node or Sportello runs.
 * The locale is set to C, so the command speaks English whatever the machine's locale; a test
 * that wants Italian passes LANG (or LC_ALL) among the overrides.
 */
export function cliEnv(overrides: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', LANG: 'C' };
  for (const name of ['NODE_OPTIONS', 'DATABASE_URL', 'PUBLIC_URL', 'SYSTEM_ID', 'LC_ALL', 'LC_MESSAGES']) {
    delete env[name];
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs one command to its end (killed after `timeoutMs`), in `cwd` when given. */
export function runCli(args: string[], env: Env, options: { input?: string; timeoutMs?: number; cwd?: string } = {}) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: 'pipe', cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A `sportello start` running in the background. */
export class ServerProcess {
  stdout = '';
  stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    exited: Promise<number | null>,
  ) {
    this.exited = exited;
  }

  static start(args: string[], env: Env, timeoutMs = 60_000): Promise<ServerProcess> {
    const child = spawn(process.execPath, [BIN, 'start', ...args], { env: cliEnv(env), stdio: 'pipe' });
    const output = { stdout: '', stderr: '' };
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server did not start in ${timeoutMs} ms:\n${output.stdout}\n${output.stderr}`));
      }, timeoutMs);
      let server: ServerProcess | undefined;
      child.stdout?.on('data', (chunk) => {
        output.stdout += String(chunk);
        if (server) server.stdout = output.stdout;
        // the banner's first line, in either language: "Sportello is running at http://…"
        const match = /^Sportello .*?(http:\/\/\S+)\n/m.exec(output.stdout);
        if (match?.[1] && !server) {
          clearTimeout(timer);
          server = new ServerProcess(child, match[1], exited);
          server.stdout = output.stdout;
          server.stderr = output.stderr;
          resolve(server);
        }
      });
      child.stderr?.on('data', (chunk) => {
        output.stderr += String(chunk);
        if (server) server.stderr = output.stderr;
      });
      void exited.then((code) => {
        clearTimeout(timer);
        if (!server) reject(new Error(`server exited with ${code}:\n${output.stdout}\n${output.stderr}`));
      });
    });
  }

  /** Sends the signal and waits for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** For afterAll: whatever state the test left it in, it goes. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** A short path under the system's temp directory: Unix socket paths are limited to ~104 bytes. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sportello-cli-'));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
