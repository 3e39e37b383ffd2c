import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type ConfigEnv, defineConfig, type Plugin, type UserConfig } from 'vite';
import type { DomainId } from './src/domain/vocabulary.ts';
import { lineOffset, WHEEL_SIZE, wheelSegments } from './src/domain/wheel/geometry.ts';
import { DOMAIN_COLOURS, GAP_COLOUR, NOT_RELEVANT_SHADE, RATING_SHADES } from './src/domain/wheel/palette.ts';
import { BOOT_DATA, PAGES } from './src/web/pages.ts';

/** The web client's build, not the landing page's server-side render (src/server/web-prerender.ts). */
const clientBuild = (_config: UserConfig, env: ConfigEnv) => env.command === 'build' && !env.isSsrBuild;

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes a `.br` and a `.gz` sibling of every text asset, so the server sends compressed files without
 * compressing on each request (@fastify/static `preCompressed`, src/server/http/web-assets.ts).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'impact-wheel:precompress',
    apply: clientBuild,
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.values(bundle).filter(
        (file) => COMPRESSIBLE.test(file.fileName) && !file.fileName.startsWith('.vite/'),
      );
      await Promise.all(
        files.map(async (file) => {
          const source = Buffer.from(file.type === 'chunk' ? file.code : file.source);
          const target = path.join(outDir, file.fileName);
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            promisify(gzip)(source, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          // Tiny files can grow when compressed; the server then sends the original.
          if (br.length < source.length) await writeFile(`${target}.br`, br);
          if (gz.length < source.length) await writeFile(`${target}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * The default language's strings are fetched by every first visit before anything renders (src/web/i18n);
 * announcing them in index.html lets the browser fetch them beside the main script instead of after it.
 */
function preloadDefaultStrings(): Plugin {
  return {
    name: 'impact-wheel:preload-strings',
    apply: clientBuild,
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const strings = Object.values(context.bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/i18n/nl.json'),
        );
        if (!strings) throw new Error('No chunk for i18n/nl.json: update preloadDefaultStrings.');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${strings.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/** Where the build lists what each page loads as it opens (read by src/server/http/web-assets.ts). */
const PAGE_PRELOADS_FILE = '.vite/page-preloads.json';

type Preload = { href: string; as: 'module' | 'style' | 'fetch' };

/**
 * Lists, per page, everything it loads as it opens, most needed first: the main script, the styles, the
 * default strings, the page's API reads (paths with the pattern's `:params`) and its own chunks. The server
 * announces them with the HTML (Link headers), so the browser fetches them all at once instead of in turns.
 */
function pagePreloads(): Plugin {
  return {
    name: 'impact-wheel:page-preloads',
    apply: clientBuild,
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const closure = (fileName: string, into: Set<string>) => {
        if (into.has(fileName)) return into;
        into.add(fileName);
        for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? [])
          closure(imported, into);
        return into;
      };
      const entry = chunks.find((c) => c.isEntry);
      const strings = chunks.find((c) => c.facadeModuleId?.endsWith('/i18n/nl.json'));
      if (!entry || !strings) throw new Error('No entry chunk or no chunk for i18n/nl.json');
      const initial = closure(entry.fileName, new Set());
      const first: Preload[] = [
        ...[...initial].map((file) => ({ href: `/${file}`, as: 'module' as const })),
        ...[...(entry.viteMetadata?.importedCss ?? [])].map((file) => ({
          href: `/${file}`,
          as: 'style' as const,
        })),
        { href: `/${strings.fileName}`, as: 'module' },
      ];
      const pages = PAGES.map(({ path: pattern, module, data = [] }) => {
        const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/web/routes/${module}.tsx`));
        if (!chunk) throw new Error(`No chunk for src/web/routes/${module}.tsx (src/web/pages.ts)`);
        const own = [...closure(chunk.fileName, new Set())].filter((file) => !initial.has(file));
        const preload: Preload[] = [
          ...first,
          ...[...BOOT_DATA, ...data].map((href) => ({ href, as: 'fetch' as const })),
          ...own.map((file) => ({ href: `/${file}`, as: 'module' as const })),
        ];
        return { path: pattern, preload };
      });
      this.emitFile({
        type: 'asset',
        fileName: PAGE_PRELOADS_FILE,
        source: JSON.stringify({ pages }, null, 1),
      });
    },
  };
}

const PALETTE = 'virtual:palette.css';

/**
 * The wheel's colours (src/domain/wheel/palette.ts, which the PDF draws with too) as CSS custom properties:
 * --vc-1 is the pale shade of value creation, --rs-3 the deep shade of resources, --gap the outline of a gap.
 * Built into the stylesheet, so the static landing page has them without running a script.
 */
function palette(): Plugin {
  const resolved = `\0${PALETTE}`;
  const prefix: Record<DomainId, string> = {
    'value-creation': 'vc',
    resources: 'rs',
    'partnership-processes': 'pp',
  };
  return {
    name: 'impact-wheel:palette',
    resolveId: (id) => (id === PALETTE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const shades = (Object.entries(DOMAIN_COLOURS) as [DomainId, readonly string[]][]).flatMap(
        ([domain, colours]) => colours.map((colour, i) => `--${prefix[domain]}-${i + 1}: ${colour};`),
      );
      const ratings = (Object.entries(RATING_SHADES) as [DomainId, readonly string[]][]).flatMap(
        ([domain, colours]) => colours.map((colour, i) => `--${prefix[domain]}-r${i + 1}: ${colour};`),
      );
      return `:root { ${[...shades, ...ratings, `--nr: ${NOT_RELEVANT_SHADE};`, `--gap: ${GAP_COLOUR};`].join(' ')} }\n`;
    },
  };
}

const WHEEL_PICTURE = 'virtual:wheel-picture';

/**
 * The landing page's wheel, computed at build time: the page then carries 21 paths and labels instead of
 * d3-shape and the instrument definition.
 */
function wheelPicture(): Plugin {
  const resolved = `\0${WHEEL_PICTURE}`;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name: 'impact-wheel:wheel-picture',
    resolveId: (id) => (id === WHEEL_PICTURE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const en = wheelSegments('en');
      const segments = wheelSegments('nl').map((s, i) => ({
        id: s.topic.id,
        domain: s.topic.domain,
        stage: s.topic.stage,
        path: s.path.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(round(Number(n)))),
        label: Object.fromEntries(
          (['nl', 'en'] as const).map((lang) => {
            const l = lang === 'nl' ? s : en[i]!;
            return [
              lang,
              {
                x: round(l.label.x),
                y: round(l.label.y),
                rotation: round(l.rotation),
                size: round(l.label.size),
                lines: l.label.lines.map((line, k) => ({
                  text: line,
                  dy: round(lineOffset(k, l.label.lines.length, l.label.size)),
                })),
              },
            ];
          }),
        ),
      }));
      return `export const size = ${WHEEL_SIZE};\nexport const segments = ${JSON.stringify(segments)};`;
    },
  };
}

export default defineConfig({
  root: '.',
  plugins: [react(), palette(), wheelPicture(), preloadDefaultStrings(), pagePreloads(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // scripts/bundle-budget.ts follows the chunks each page loads through the manifest.
    manifest: true,
    // Every browser the build targets but Safari 16 preloads modules natively; Safari 16 just loads them later.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page runs in one file: fewer requests for the first page.
            { name: 'app', tags: ['$initial'], priority: 2 },
            // The small parts pages share (alerts, fields, the sign-in guard) in one file rather than several.
            {
              name: 'shared',
              test: /[\\/]src[\\/]web[\\/](?:components|routes[\\/]guards)/,
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
