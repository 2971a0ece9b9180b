/**
 * `npm run dev`: the server on the embedded demo database (PORT, default 3000) and Vite's dev server
 * with hot reload on 5173, which passes /api to it. Stop both with Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.PORT ?? '3000';
process.env.SPORTELLO_API_PORT = apiPort;
const server = spawn(process.execPath, ['bin/sportello.js', 'start', '--demo'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort },
});
const vite = await createServer({ configFile: new URL('./vite.config.ts', import.meta.url).pathname });
await vite.listen(5173);
vite.printUrls();

const stop = async () => {
  server.kill('SIGTERM');
  await vite.close();
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.on('exit', (code) => {
  void vite.close().then(() => process.exit(code ?? 0));
});
