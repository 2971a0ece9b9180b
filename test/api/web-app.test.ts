import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/api/app.ts';
import { webAppRoutes } from '../../server/api/web-app.ts';
import { DomainError } from '../../server/platform/errors.ts';

/** The web app's files as the server hands them out (a built app of the test's own, and none at all). */
let dist: string;
let app: App;
let empty: App;

async function serve(dir: string): Promise<App> {
  const server = Fastify() as unknown as App;
  server.setErrorHandler((error, _request, reply) =>
    reply.status(error instanceof DomainError ? error.status : 500).send({ code: (error as DomainError).code }),
  );
  await webAppRoutes(server, dir);
  return server;
}

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'sportello-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Sportello</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  app = await serve(dist);
  empty = await serve(path.join(dist, 'missing'));
});
afterAll(async () => {
  await app.close();
  await empty.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('serves index.html at / and at any app address, so a reloaded or bookmarked page opens', async () => {
    for (const url of ['/', '/tickets/42', '/tickets/search?q=caldaia']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<title>Sportello</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache and their type, and no file outside the assets folder', async () => {
    const asset = await app.inject({ url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/..%2Findex.html' })).statusCode).toBe(404);
  });

  it('answers an unknown API address with a JSON 404, not the app', async () => {
    const response = await app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not_found' });
  });

  it('says how to build the app when it has not been built', async () => {
    const response = await empty.inject({ url: '/', headers: { 'accept-language': 'it' } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build:web');
    expect(response.body).toContain("L'applicazione web non è ancora stata compilata");
  });
});
