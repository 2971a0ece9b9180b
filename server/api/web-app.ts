import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../platform/errors.ts';
import { languageFrom, translate } from '../platform/i18n.ts';
import type { App } from './app.ts';

/** Where `npm run build:web` (vite) writes the agent app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built web app: hashed files under /assets for a year, and index.html for every other
 * path outside /api, so that a reloaded or bookmarked page (/tickets/42) opens the app there.
 */
export async function webAppRoutes(app: App, distDir = WEB_DIST) {
  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const file = path.join(distDir, 'assets', path.normalize(`/${name}`));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new DomainError('not_found', 'error.not_found.route', { id: request.url });
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream');
    return reply.send(createReadStream(file));
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      throw new DomainError('not_found', 'error.not_found.route', { id: `${request.method} ${request.url}` });
    }
    const index = path.join(distDir, 'index.html');
    reply.header('cache-control', 'no-cache');
    if (!existsSync(index)) {
      const language = languageFrom(request.headers['accept-language']);
      return reply.status(503).type('text/plain; charset=utf-8').send(translate(language, 'error.web_not_built'));
    }
    return reply.type(TYPES['.html'] as string).send(createReadStream(index));
  });
}
