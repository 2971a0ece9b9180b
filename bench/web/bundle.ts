import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  /** zlib's default level (6), as Vite's own build report */
  gzipBytes: number;
  brotliBytes: number;
}

export interface FirstLoadBundle {
  js: { files: AssetSize[]; bytes: number; gzipBytes: number; brotliBytes: number };
  css: { files: AssetSize[]; bytes: number; gzipBytes: number; brotliBytes: number };
  /** chunks only imported with import(): not part of the first load */
  lazyJs: AssetSize[];
}

function size(distDir: string, file: string): AssetSize {
  const content = readFileSync(path.join(distDir, file));
  return {
    file,
    bytes: content.length,
    gzipBytes: gzipSync(content).length,
    brotliBytes: brotliCompressSync(content).length,
  };
}

function total(files: AssetSize[]) {
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    brotliBytes: files.reduce((sum, f) => sum + f.brotliBytes, 0),
  };
}

/** `/assets/x.js` or `./x.js` relative to `from` (a file under dist), as a path under dist. */
function resolveAsset(from: string, url: string): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null;
  const resolved = url.startsWith('/') ? url.slice(1) : path.posix.join(path.posix.dirname(from), url);
  return path.posix.normalize(resolved);
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/**
 * What index.html makes the browser fetch before the app can run: its module scripts, modulepreloads
 * and the modules they import statically (followed through the built chunks), and its stylesheets.
 * Chunks reached only through import() are listed apart.
 */
export function firstLoadBundle(distDir: string): FirstLoadBundle {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  const pending: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const url = isScript ? attribute(tag, 'src') : attribute(tag, 'href');
    const file = url ? resolveAsset('index.html', url) : null;
    if (!file) continue;
    if (file.endsWith('.css') && rel === 'stylesheet') css.add(file);
    else if (file.endsWith('.js') && (isScript || rel === 'modulepreload')) pending.push(file);
  }
  const lazy = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (js.has(file)) continue;
    js.add(file);
    const code = readFileSync(path.join(distDir, file), 'utf8');
    // minified static imports: import"./a.js"; import{x}from"./a.js"; export{y}from"./a.js"
    for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
      const target = match[1] ? resolveAsset(file, match[1]) : null;
      if (target) pending.push(target);
    }
    for (const match of code.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      const target = match[1] ? resolveAsset(file, match[1]) : null;
      if (target) lazy.add(target);
    }
  }
  return {
    js: total([...js].map((file) => size(distDir, file))),
    css: total([...css].map((file) => size(distDir, file))),
    lazyJs: [...lazy].filter((file) => !js.has(file)).map((file) => size(distDir, file)),
  };
}
