import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, ServerProcess, tempDataDir } from './cli-process.ts';

const ITALIAN = { LANG: 'it_IT.UTF-8' };

// The command in Italian, by the locale. Spawned on the embedded database only: once is enough.
describe.skipIf(process.env.TEST_DB === 'postgres')('sportello speaks the language of the locale', () => {
  let dataDir = '';
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    dataDir = await tempDataDir();
  });
  afterAll(async () => {
    server?.kill();
    await removeDir(dataDir);
  });

  it('refuses a bad PORT with an Italian sentence under LANG=it_IT.UTF-8', async () => {
    const result = await runCli(['start'], { ...ITALIAN, DATA_DIR: dataDir, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('sportello: PORT deve essere un numero intero da 0 a 65535, non "eighty".');
  });

  it('speaks English under LANG=C, and LC_ALL comes before LANG', async () => {
    const english = 'sportello: PORT must be a whole number from 0 to 65535, not "eighty".';
    const c = await runCli(['start'], { LANG: 'C', DATA_DIR: dataDir, PORT: 'eighty' });
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe(english);
    const overridden = await runCli(['start'], { ...ITALIAN, LC_ALL: 'C', DATA_DIR: dataDir, PORT: 'eighty' });
    expect(overridden.stderr.trim()).toBe(english);
    const messages = await runCli(['start'], { LANG: 'C', LC_MESSAGES: 'it_IT.UTF-8', DATA_DIR: dataDir, PORT: 'x' });
    expect(messages.stderr.trim()).toBe('sportello: PORT deve essere un numero intero da 0 a 65535, non "x".');
  });

  it('shows a command’s --help in Italian', async () => {
    const result = await runCli(['token', 'create', '--help'], { ...ITALIAN, DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Uso: sportello token create [options]');
    expect(result.stdout).toContain('Crea un token API per un operatore');
    expect(result.stdout).toMatch(/Opzioni:\n {2}--agent <login> +l'operatore per cui agisce il token/);
    expect(result.stdout).toMatch(/-h, --help +mostra l'aiuto di un comando/);
    expect(result.stdout).toContain('Esempio:');
    expect(result.stdout).not.toContain('Options:');
  });

  it('translates commander’s errors and the option parsers’ reasons', async () => {
    const port = await runCli(['start', '--port', '70000'], { ...ITALIAN, DATA_DIR: dataDir });
    expect(port.code).toBe(2);
    expect(port.stderr).toBe(
      "errore: il valore '70000' dell'opzione '--port <port>' non è valido. deve essere un numero intero da 0 a 65535.\n" +
        "(usa --help per l'uso)\n",
    );
    const missing = await runCli(['agent', 'add', 'x'], { ...ITALIAN, DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("errore: l'opzione obbligatoria '--first-name <name>' non è stata indicata");
    const unknown = await runCli(['strat'], { ...ITALIAN, DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("errore: comando sconosciuto 'strat'\n(Forse intendevi start?)");
  });

  it('starts with an Italian banner; refusals over the socket and from the database come back in Italian', async () => {
    const env = { ...ITALIAN, DATA_DIR: dataDir };
    server = await ServerProcess.start([], env);
    expect(server.stdout.split('\n')[0]).toBe(`Sportello è in funzione su ${server.url}`);
    expect(server.stdout).toContain(`PGlite integrato in ${path.join(dataDir, 'pglite')}`);
    expect(server.stdout).toContain('Ferma con Ctrl-C.');

    const agent = ['agent', 'add', 'ida.rossi', '--first-name', 'Ida', '--last-name', 'Rossi', '--email', 'ida@x.test'];
    const added = await runCli(agent, env);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(`Creato l'operatore ida.rossi (id ${added.stdout.trim()})`);
    expect(added.stderr).toContain(`tramite il server in funzione (pid ${server.child.pid})`);

    const taken = await runCli(agent, env);
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe('sportello: login "ida.rossi" esiste già.');
    const noAgent = await runCli(['token', 'create', '--agent', 'nessuno', '--name', 'x'], env);
    expect(noAgent.code).toBe(1);
    expect(noAgent.stderr.trim()).toBe("sportello: L'operatore nessuno non esiste.");

    // the same refusal in English from the same server, asked in English
    const english = await runCli(['token', 'create', '--agent', 'nessuno', '--name', 'x'], { DATA_DIR: dataDir });
    expect(english.stderr.trim()).toBe('sportello: Agent nessuno does not exist.');

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.stderr).toContain('Sportello arrestato.');

    // no server: the DomainError comes from the database directly, translated in the CLI
    const direct = await runCli(['token', 'create', '--agent', 'nessuno', '--name', 'x'], env);
    expect(direct.code).toBe(1);
    expect(direct.stderr.trim()).toBe("sportello: L'operatore nessuno non esiste.");
  }, 90_000);
});
