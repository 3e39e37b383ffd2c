// The lint rules that guard the architecture must fire: each deliberate violation in tests/fixtures is caught,
// and the real tree has none. `npm run lint` runs the same rules on src/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

type Violation = { rule: { name: string }; from: string; to: string };

function cruise(target: string): Violation[] {
  const run = spawnSync(
    bin('depcruise'),
    [target, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

// These run the real linters as child processes: seconds each, more on a busy 2-core machine.
describe('module boundaries (dependency-cruiser)', { timeout: 60_000 }, () => {
  it('catches every kind of deliberate violation in the fixture', () => {
    const rules = new Set(cruise('tests/fixtures/boundaries').map((v) => v.rule.name));
    expect([...rules].sort()).toEqual([
      'components-not-features',
      'contracts-only-zod-and-domain',
      'domain-is-pure',
      'module-not-other-repository',
      'no-circular-modules',
      'sql-only-in-repositories',
      'web-loads-one-language',
      'web-not-server',
    ]);
  });

  it('finds none in src', () => {
    expect(cruise('src').map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});

describe('floating promises (Biome)', { timeout: 60_000 }, () => {
  it('refuses a promise that nobody awaits', () => {
    // The fixture folder is outside the linted tree, so it is linted here with the project's own rules.
    const dir = mkdtempSync(path.join(tmpdir(), 'iw-lint-'));
    try {
      const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      delete config.files;
      config.$schema = path.join(root, 'node_modules/@biomejs/biome/configuration_schema.json');
      writeFileSync(path.join(dir, 'biome.json'), JSON.stringify({ ...config, root: true }));
      copyFileSync(path.join(root, 'tests/fixtures/lint/floating-promise.ts'), path.join(dir, 'fixture.ts'));
      const run = spawnSync(bin('biome'), ['lint', `--config-path=${dir}`, path.join(dir, 'fixture.ts')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toContain('lint/nursery/noFloatingPromises');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
