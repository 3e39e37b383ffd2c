import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';
import { ensureWebBuild } from '../../src/server/web-build.ts';

// The built web client as the real app serves it: precompressed files chosen by Accept-Encoding, caching by
// kind of file, and each page's chunks and API reads announced with its HTML. Builds the client when stale
// (as `npm start` does). Nothing here depends on the database engine, so it runs on PGlite only.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.join(root, 'dist/web');
const ID = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';

let app: FastifyInstance;
let database: Database;
let mainScript: string;
beforeAll(async () => {
  await ensureWebBuild(root, webRoot, () => undefined);
  const manifest = JSON.parse(readFileSync(path.join(webRoot, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  mainScript = `/${manifest['index.html']!.file}`;
  database = await openDatabase({ kind: 'pglite-memory' });
  ({ app } = await buildApp({
    database,
    logger: createLogger('error'),
    sessionSecret: 'test-secret-0123456789abcdef',
    publicUrl: 'http://localhost:3000',
    webRoot,
  }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const onDisk = (url: string) => readFileSync(path.join(webRoot, url));

describe.runIf(!process.env.TEST_DATABASE_URL)('the built web client', () => {
  it('sends a hashed script precompressed by preference, cached for a year', async () => {
    const brotli = await get(mainScript, 'gzip, deflate, br, zstd');
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).equals(onDisk(mainScript))).toBe(true);
    expect(brotli.rawPayload.length).toBeLessThan(onDisk(mainScript).length / 2);

    const gzip = await get(mainScript, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(onDisk(mainScript))).toBe(true);

    const plain = await get(mainScript);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(onDisk(mainScript))).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends index.html for client routes, revalidated every time, under the security policy', async () => {
    for (const url of ['/dashboard', `/collaborations/${ID}`]) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(brotliDecompressSync(response.rawPayload).equals(onDisk('index.html')), url).toBe(true);
    }
    const plain = await get('/organisation/members');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toContain(mainScript);
  });

  it("announces the page's own chunks and API reads with its HTML", async () => {
    const signIn = String((await get('/sign-in')).headers.link);
    expect(signIn).toMatch(/<\/assets\/AuthPages-[\w-]+\.js>; rel=modulepreload/);
    expect(signIn).toContain('</api/v1/me>; rel=preload; as=fetch; crossorigin');

    const workspace = String((await get(`/collaborations/${ID}`)).headers.link);
    expect(workspace).toMatch(/<\/assets\/CollaborationPages-[\w-]+\.js>; rel=modulepreload/);
    expect(workspace).toContain(`</api/v1/collaborations/${ID}>; rel=preload; as=fetch; crossorigin`);
    // The main script comes first, so the page's own files do not hold it up.
    expect(workspace.startsWith(`<${mainScript}>; rel=modulepreload`)).toBe(true);

    // A value from the URL stays inside its Link value.
    const hostile = String((await get('/collaborations/x%3E%2C%20%3Cevil')).headers.link);
    expect(hostile).toContain('</api/v1/collaborations/x%3E%2C%20%3Cevil>');
    expect(hostile).not.toContain('<evil');
  });

  it('compresses the JSON answers of the API for clients that accept it', async () => {
    const compressed = await get('/api/v1/openapi.json', 'gzip, br');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    const document = JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8'));
    expect(document.openapi).toBe('3.1.0');

    const plain = await get('/api/v1/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(document);

    const refused = await get('/api/v1/openapi.json', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('sends a first visitor the static landing page in their language, with one small script and no app', async () => {
    const dutch = await get('/', 'br');
    expect(dutch.statusCode).toBe(200);
    expect(dutch.headers['cache-control']).toBe('no-cache');
    expect(dutch.headers.vary).toMatch(/cookie/i);
    expect(dutch.headers.link).toBeUndefined();
    const html = brotliDecompressSync(dutch.rawPayload).toString('utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Samen meer mensen aan het werk</h1>');
    expect(html).toContain('href="/sign-up"');
    // The app's script is only prefetched for the next page, never run here.
    expect(html).not.toContain(`<script type="module" crossorigin src="${mainScript}"`);
    expect(html).toContain(`<link rel="prefetch" crossorigin href="${mainScript}">`);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(onDisk(scripts[0]!).length).toBeLessThan(2048);

    const english = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'iw_lang=en' } });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<h1>Getting more people into work, together</h1>');
    // Anything but "en" is the default language, never a file name.
    const odd = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'iw_lang=../index' } });
    expect(odd.body).toContain('<html lang="nl">');
  });

  it('sends someone signed in from / to their dashboard', async () => {
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { name: 'Landing Tester', email: 'landing@example.org', password: 'a long enough password' },
    });
    expect(signUp.statusCode).toBe(201);
    const cookie = String(signUp.headers['set-cookie']).split(';')[0]!;
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/dashboard');
    // A session that ended is a first visit again.
    const stale = await app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: 'iw_session=not-a-session' },
    });
    expect(stale.statusCode).toBe(200);
  });
});
