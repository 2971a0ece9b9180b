import { once } from 'node:events';
import { chmod, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { App } from '../api/app.ts';
import { markLocalRequest } from '../api/local-requests.ts';
import { CliFailure } from './cli-errors.ts';
import { t } from './cli-messages.ts';

export const SOCKET_FILE = 'sportello.sock';

/** Unix socket paths are limited to about 107 bytes by the kernel (sun_path). */
const MAX_SOCKET_PATH = 104;

export function socketPath(dataDir: string): string {
  return path.join(dataDir, SOCKET_FILE);
}

export interface LocalSocket {
  path: string;
  close(): Promise<void>;
}

/**
 * Serves the same app on DATA_DIR/sportello.sock for the local command line. Every request that
 * comes in here is marked local (request.local → the system actor), so the socket is created
 * owner-only (mode 0600): only the user who runs the server can connect, as with a database's
 * peer authentication.
 */
export async function serveLocalSocket(app: App, dataDir: string): Promise<LocalSocket> {
  const file = socketPath(dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    throw new CliFailure(t('socket.path_too_long', { file }));
  }
  // a socket file left by a server that was killed: we hold the data directory's lock, so it is stale
  await rm(file, { force: true });
  const server = http.createServer((request, response) => {
    markLocalRequest(request);
    app.routing(request, response);
  });
  // the umask makes the socket owner-only from its creation, with no window before the chmod
  const previous = process.umask(0o177);
  try {
    server.listen(file);
  } finally {
    process.umask(previous);
  }
  await once(server, 'listening');
  await chmod(file, 0o600);
  return {
    path: file,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await rm(file, { force: true });
    },
  };
}
