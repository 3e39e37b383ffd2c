import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Which proxies may tell the app a client's address in X-Forwarded-For: none, the last N hops, or the proxies
 * at these addresses (IPs or CIDR ranges). Never "everyone": a client could then pick the address that the
 * sign-in limits count (docs/operations.md, "Behind a proxy").
 */
export type TrustProxy = false | number | string[];

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  publicUrl: string;
  logLevel: string;
  smtpUrl: string | undefined;
  trustProxy: TrustProxy;
  /** Days security events are kept in the audit log. */
  auditRetentionDays: number;
  /** New accounts one network address may make per hour before it waits (a workshop behind one router needs more). */
  signUpsPerAddress: number;
  seedDemo: boolean;
  production: boolean;
};

/** Every environment variable the product reads; README's configuration table mirrors this list. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sessionSecret: env.SESSION_SECRET || loadOrCreateSecret(dataDir),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    auditRetentionDays: parseRetention(env.AUDIT_RETENTION_DAYS),
    signUpsPerAddress: parseSignUps(env.SIGN_UPS_PER_ADDRESS),
    seedDemo: !production && env.SEED_DEMO !== 'false',
    production,
  };
}

function parseRetention(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 365;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 3650, got "${value}"`);
  return days;
}

function parseSignUps(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 30;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new Error(`SIGN_UPS_PER_ADDRESS must be a whole number from 1 to 10000, got "${value}"`);
  return n;
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `TRUST_PROXY`: absent or `false`, a number of hops (`1`), or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') {
    // Fastify's `true` takes the left-most X-Forwarded-For, which the client writes itself: rotating it
    // would escape the per-address sign-in limits. Refused rather than guessed, so nobody runs with it unknowingly.
    throw new Error(
      'TRUST_PROXY=true is no longer accepted: it trusted any X-Forwarded-For a client sends, so the sign-in limits ' +
        'could be escaped. Set TRUST_PROXY to the number of proxies in front of the app (TRUST_PROXY=1 for one ' +
        'reverse proxy or load balancer) or to their addresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16). ' +
        'See docs/operations.md, "Behind a proxy".',
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error(`TRUST_PROXY must be a small number of proxy hops, got "${text}"`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry))
      throw new Error(
        `TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses or CIDR ranges; "${entry}" is neither`,
      );
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
