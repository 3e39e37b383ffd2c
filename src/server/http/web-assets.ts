import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LANGUAGE_COOKIE } from '../../contracts/values.ts';
import { LOCALES } from '../../domain/vocabulary.ts';
import { matchPattern } from '../../web/pages.ts';
import { landingFile } from '../web-prerender.ts';

/** Vite puts a hash of the content in every name under assets/, so a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so browsers must ask whether it changed before using a copy. */
export const REVALIDATE = 'no-cache';

/** Written by the build (vite.config.ts): per page pattern, what the page loads as it opens, most needed first. */
const PAGE_PRELOADS_FILE = '.vite/page-preloads.json';
type PagePreload = { path: string; preload: { href: string; as: 'module' | 'style' | 'fetch' }[] };

function readPagePreloads(root: string): PagePreload[] {
  const file = path.join(root, PAGE_PRELOADS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pages: PagePreload[] }).pages : [];
}

// Each matches how the page itself asks (module scripts, the stylesheet and fetch() are all CORS requests with
// same-origin credentials), so the page's request finds the preloaded answer instead of asking again.
const LINK = {
  module: 'rel=modulepreload',
  style: 'rel=preload; as=style; crossorigin',
  fetch: 'rel=preload; as=fetch; crossorigin',
};

/**
 * The Link header for a page's URL: the first page whose pattern (`/collaborations/:id`, `*`) matches, in the
 * order the web client ranks them, with the URL's values put into the API paths' `:params`.
 */
export function preloadLink(pages: PagePreload[], url: string): string | undefined {
  const found = pages
    .map((page) => ({ page, params: matchPattern(page.path, url) }))
    .find((candidate) => candidate.params !== undefined);
  if (!found?.params) return undefined;
  const { page, params } = found;
  const values: string[] = [];
  for (const { href, as } of page.preload) {
    try {
      // Decoded as the web client reads it and encoded as it asks for it, so the request finds the preload;
      // encoded also means a URL cannot close the Link value or add one of its own.
      const resolved = href.replace(/:\w+/g, (name) =>
        encodeURIComponent(decodeURIComponent(params.get(name) ?? '')),
      );
      values.push(`<${resolved}>; ${LINK[as]}`);
    } catch {
      // A malformed escape in the URL: the page will say it found nothing, no data worth fetching early.
    }
  }
  return values.join(', ');
}

/**
 * Serves the built web client: the `.br`/`.gz` file the build wrote beside each asset when the browser accepts
 * it (no compressing per request), hashed assets cached for a year, index.html always revalidated. The SPA
 * fallback of `registerErrorHandling` sends index.html through the same `sendFile`, so it gets the same headers.
 */
export async function registerWebAssets(
  app: FastifyInstance,
  root: string,
  options: { signedIn?: (request: FastifyRequest) => Promise<boolean> } = {},
): Promise<void> {
  const assets = path.join(root, 'assets') + path.sep;
  const pages = readPagePreloads(root);
  const landing = LOCALES.every((lang) => existsSync(path.join(root, landingFile(lang))));
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: landing ? false : 'index.html',
    preCompressed: true,
    // The compressed siblings are chosen through Accept-Encoding, never requested by name.
    globIgnore: ['**/*.br', '**/*.gz'],
    // Set below instead: @fastify/send's own header would overwrite what setHeaders writes.
    cacheControl: false,
    setHeaders: (response, file) => {
      response.setHeader('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      // The body depends on Accept-Encoding, so shared caches must keep one copy per encoding.
      const vary = response.getHeader('vary');
      response.setHeader('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    },
  });
  if (landing) {
    // A first visit gets the landing page as static HTML in the visitor's language (src/server/web-prerender.ts);
    // someone signed in goes straight to their dashboard, as the app itself would send them.
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      if (await options.signedIn?.(request)) return reply.redirect('/dashboard');
      reply.raw.setHeader('vary', 'cookie');
      return reply.sendFile(landingFile(request.cookies[LANGUAGE_COOKIE] === 'en' ? 'en' : 'nl'));
    });
  }
  // index.html is the same for every page, so what the page loads as it opens is announced beside it: the
  // browser fetches it together with the main script instead of after running it.
  app.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' || !String(reply.getHeader('content-type')).startsWith('text/html')) return;
    // The static landing page runs none of the app's scripts: nothing to announce.
    if (landing && request.routeOptions.url === '/') return;
    const link = preloadLink(pages, request.url);
    if (link) reply.header('link', link);
  });
}
