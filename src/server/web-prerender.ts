// After the client build: the landing page as static HTML per language (src/web/landing/document.tsx) with
// its one small script (src/web/landing/client.ts), so a first visitor gets words and the wheel without the
// app's JavaScript. The server sends it for "/" (src/server/http/web-assets.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Catalogue } from '../domain/i18n/translate.ts';
import { LOCALES, type Locale } from '../domain/vocabulary.ts';

export const landingFile = (lang: Locale) => `landing.${lang}.html`;

type BuildOutput = { output: { type: string; fileName: string; isEntry?: boolean }[] };

function entryOf(result: unknown): string {
  const outputs = (Array.isArray(result) ? result : [result]) as BuildOutput[];
  const entry = outputs.flatMap((o) => o.output).find((file) => file.type === 'chunk' && file.isEntry);
  if (!entry) throw new Error('The landing build produced no entry script.');
  return entry.fileName;
}

function writeCompressed(file: string, content: string): void {
  const source = Buffer.from(content);
  writeFileSync(file, source);
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
  );
  writeFileSync(`${file}.gz`, gzipSync(source, { level: constants.Z_BEST_COMPRESSION }));
}

/** Builds the landing page's script and writes landing.<lang>.html beside the client's index.html. */
export async function prerenderLanding(root: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  // The script alone, outside the app's build: sharing a chunk with the app would make it load the app.
  const script = entryOf(
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        modulePreload: false,
        rolldownOptions: {
          input: path.join(root, 'src/web/landing/client.ts'),
          output: { entryFileNames: 'assets/landing-[hash].js' },
        },
      },
    }),
  );
  const ssrDir = path.join(root, 'dist/prerender');
  const ssrEntry = entryOf(
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: {
        ssr: path.join(root, 'src/web/landing/document.tsx'),
        outDir: ssrDir,
        emptyOutDir: true,
        manifest: false,
        copyPublicDir: false,
      },
    }),
  );
  const { renderLanding } = (await import(pathToFileURL(path.join(ssrDir, ssrEntry)).href)) as {
    renderLanding: (lang: Locale, strings: Catalogue) => string;
  };
  const template = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const appScript = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(template)?.[1];
  if (!appScript) throw new Error('dist/web/index.html has no module script to replace.');
  for (const lang of LOCALES) {
    const strings = JSON.parse(
      readFileSync(path.join(root, `src/domain/i18n/${lang}.json`), 'utf8'),
    ) as Catalogue;
    const html = template
      .replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`)
      .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
      .replace(
        /<script type="module" crossorigin src="[^"]+"><\/script>/,
        // The app's script is fetched when the browser is idle, for the sign-up page a visitor opens next.
        `<script type="module" crossorigin src="/${script}"></script>\n    <link rel="prefetch" crossorigin href="${appScript}">`,
      )
      .replace('<div id="root"></div>', `<div id="root">${renderLanding(lang, strings)}</div>`);
    writeCompressed(path.join(outDir, landingFile(lang)), html);
  }
  rmSync(ssrDir, { recursive: true, force: true });
}
