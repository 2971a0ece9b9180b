import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { loadDemoData } from '../../server/demo/load-demo.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';

/** Debian's chromium (installed by .ci/run); flags that keep it off the network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Builds the web app as `npm run build:web` does, into a folder of this test file's own (test files
 * run in parallel: one shared web/dist would be emptied by one build while another serves it).
 */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'sportello-web-'));
  await build({
    configFile: path.resolve('web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export interface DemoServer extends TestApp {
  url: string;
}

/** A server on a loopback port, on a fresh database with the demo desk loaded, serving the app built in `webDist`. */
export async function startDemoServer(webDist: string): Promise<DemoServer> {
  const test = await createTestApp({ webDist });
  await loadDemoData(test.ctx);
  const url = await test.app.listen({ host: '127.0.0.1', port: 0 });
  const close = async () => {
    await test.close();
    await rm(webDist, { recursive: true, force: true });
  };
  return { ...test, url, close };
}

export async function logIn(page: Page, url: string, login: string, password: string, labels: LoginLabels) {
  await page.goto(url);
  await page.getByLabel(labels.login).fill(login);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

export interface LoginLabels {
  login: string;
  submit: string;
}

export const SCREENSHOTS = path.resolve('.tmp/screenshots');

export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A test file's demo server (with its own build of the app) and browser, started before and closed after. */
export function demoServerAndBrowser(): { server: DemoServer; browser: Browser } {
  const env = {} as { server: DemoServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startDemoServer(await buildWebApp());
    env.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A fresh browser context (no cookies) in a locale, and its page, failing fast on a missing element. */
export async function openPage(browser: Browser, locale: 'it-IT' | 'en-GB') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  return { context, page };
}
