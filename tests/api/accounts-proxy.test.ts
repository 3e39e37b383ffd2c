import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { startAccountsApp, type AccountsApp } from './accounts-app.ts';
import { Client, uniqueEmail } from './harness.ts';

// Issue 9, point 6: behind one proxy, the address the sign-in limits count is the one the proxy appended to
// X-Forwarded-For, not the left-most entry the client wrote itself.
const PROXY = '10.20.30.40';
const dataDir = mkdtempSync(path.join(tmpdir(), 'iw-proxy-'));
let t: AccountsApp;
beforeAll(async () => {
  t = await startAccountsApp({ trustProxy: readConfig({ DATA_DIR: dataDir, TRUST_PROXY: '1' }).trustProxy });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A request as the proxy passes it on: the client's own X-Forwarded-For, then the address the proxy saw. */
function viaProxy(clientAddress: string, forged: string) {
  const client = new Client(t.app);
  client.address = PROXY;
  return (email: string) =>
    client.request(
      'POST',
      '/auth/sign-in',
      { email, password: 'a wrong password here' },
      { headers: { 'x-forwarded-for': `${forged}, ${clientAddress}` } },
    );
}

describe('TRUST_PROXY=1', () => {
  it('counts the proxy-appended address, however the client rotates the left-most X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const attempt = viaProxy('203.0.113.7', `198.51.100.${i}`);
      statuses.push((await attempt(uniqueEmail())).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(25);
    const counted = await queryRows<{ address: string }>(
      t.database.db,
      sql`select distinct address from sign_in_attempts`,
    );
    expect(counted.map((row) => row.address)).toEqual(['203.0.113.7']);

    // Another client behind the same proxy is its own address, not caught by the first one's limit.
    const neighbour = viaProxy('203.0.113.8', '198.51.100.1');
    expect((await neighbour(uniqueEmail())).status).toBe(401);
  });
});

describe('TRUST_PROXY in the configuration', () => {
  const read = (value: string | undefined) =>
    readConfig({ DATA_DIR: dataDir, TRUST_PROXY: value }).trustProxy;

  it('takes a number of hops or a list of proxy addresses and ranges', () => {
    expect(read(undefined)).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('1')).toBe(1);
    expect(read('2')).toBe(2);
    expect(read('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses TRUST_PROXY=true at start-up, saying what to set instead', () => {
    expect(() => read('true')).toThrow(/TRUST_PROXY=1/);
    expect(() => read('true')).toThrow(/docs\/operations\.md/);
  });

  it('refuses what is neither a number nor an address', () => {
    expect(() => read('yes')).toThrow(/"yes" is neither/);
    expect(() => read('10.0.0.0/33')).toThrow(/neither/);
    expect(() => read('10.0.0.1,proxy.example.nl')).toThrow(/"proxy.example.nl"/);
  });
});
