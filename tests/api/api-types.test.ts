import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesFrom, root } from '../../scripts/lib/api-types.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('the committed API types of the web client match the OpenAPI document', async () => {
  const expected = await apiTypesFrom(t.app.swagger());
  const committed = readFileSync(path.join(root, API_TYPES_FILE), 'utf8');
  // A diff of 3,000 lines helps nobody: say what to do instead.
  if (committed !== expected) {
    expect.fail(
      `${API_TYPES_FILE} is stale: a route or contract changed since it was generated. Run \`npm run api:generate\` and commit the result.`,
    );
  }
});
