// The architecture as rules (CONTRIBUTING.md, "Module map"): `npm run lint` fails when an import crosses a
// boundary. Paths match anywhere (`(^|/)src/`), so tests/fixtures/boundaries can prove every rule fires.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-server',
      comment:
        'The web client talks to the server over HTTP only; it may share src/contracts and src/domain.',
      severity: 'error',
      from: { path: '(^|/)src/web/' },
      to: { path: '(^|/)src/server/' },
    },
    {
      name: 'components-not-features',
      comment:
        'Shared components know nothing of a capability; features compose components, not the other way.',
      severity: 'error',
      from: { path: '(^|/)src/web/components/' },
      to: { path: '(^|/)src/web/(features|routes)/' },
    },
    {
      name: 'web-loads-one-language',
      comment:
        'The web client loads only the language a visitor reads (src/web/i18n), never both catalogues.',
      severity: 'error',
      from: { path: '(^|/)src/web/' },
      to: { path: '(^|/)src/domain/i18n/catalogues\\.ts$' },
    },
    {
      name: 'module-not-other-repository',
      comment:
        "A module reads another module's data through that module's service or access, never its repository.",
      severity: 'error',
      from: { path: '(^|/)src/server/modules/([^/]+)/' },
      to: { path: '(^|/)src/server/modules/[^/]+/repository\\.ts$', pathNot: '(^|/)src/server/modules/$2/' },
    },
    {
      name: 'sql-only-in-repositories',
      comment:
        'Routes and services hold no queries: tables, Drizzle and read models are reached from a repository.',
      severity: 'error',
      from: { path: '(^|/)src/server/modules/[^/]+/(?!repository\\.ts$)[^/]+$' },
      to: {
        path: [
          '(^|/)src/server/db/schema/',
          '(^|/)src/server/read-models/',
          '(^|/)node_modules/drizzle-orm/',
        ],
      },
    },
    {
      name: 'domain-is-pure',
      comment:
        'src/domain is pure logic and instrument data: no I/O, no framework, nothing outside itself but the arc maths of d3-shape.',
      severity: 'error',
      from: { path: '(^|/)src/domain/' },
      to: {
        pathNot: [
          '(^|/)src/domain/',
          '(^|/)node_modules/(d3-shape|d3-path)/',
          '(^|/)node_modules/@types/d3-shape/',
        ],
      },
    },
    {
      name: 'contracts-only-zod-and-domain',
      comment:
        'Contracts are shared by server and web, so they may build on zod and the domain vocabulary only.',
      severity: 'error',
      from: { path: '(^|/)src/contracts/' },
      to: { pathNot: ['(^|/)src/(contracts|domain)/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'no-circular-modules',
      comment: 'Modules depend on each other in one direction, wired at start-up (src/server/app.ts).',
      severity: 'error',
      from: { path: '(^|/)src/server/modules/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
