import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { databaseOptionsFrom, openDatabase } from './db/client.ts';
import { DataDirectoryLockedError } from './db/lock.ts';
import { DEMO_PASSWORD, demoSignInsPresent, seedDemoIfEmpty } from './db/seed.ts';
import { createLogger } from './logger.ts';
import { SIGN_IN_LIMITS } from './modules/accounts/service.ts';
import { ensureWebBuild } from './web-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const webRoot = path.join(root, 'dist/web');
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuild(root, webRoot, say);

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(databaseOptionsFrom(config));
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(1);
    }
    throw error;
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };

  const { app, services } = await buildApp({
    database,
    logger,
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    webRoot,
    trustProxy: config.trustProxy,
    auditRetentionDays: config.auditRetentionDays,
    signIn: {
      limits: {
        signUp: {
          ...SIGN_IN_LIMITS.signUp,
          address: { ...SIGN_IN_LIMITS.signUp.address, free: config.signUpsPerAddress },
        },
      },
    },
    jobs: { poll: true },
  });
  // Registered before anything slow, so Ctrl+C always closes PGlite cleanly and releases the lock.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.seedDemo && (await seedDemoIfEmpty(database.db)))
    say(
      'Demo data created: the 16 enterprises of the study, a municipality and seven collaborations, one of them walked through the partnering process.',
    );
  await app.listen({ port: config.port, host: config.host });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say('');
  say(`Impact Wheel is running at http://localhost:${port}  (database: ${database.kind})`);
  const demo = config.seedDemo ? await demoSignInsPresent(database.db) : [];
  if (demo.length) {
    say(`Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const d of demo)
      say(`  ${d.role.padEnd(24)} ${d.email}${d.organisation ? `  (${d.organisation})` : ''}`);
  }
  say('Stop with Ctrl+C.');

  // Housekeeping, now and every hour: organisations past their 30-day grace period are erased, and security
  // events older than AUDIT_RETENTION_DAYS are dropped.
  const housekeeping = () => {
    void services.erasure.eraseDue().catch((error: unknown) => logger.error({ err: error }));
    void services.audit.purge().catch((error: unknown) => logger.error({ err: error }));
    void services.jobs.purge().catch((error: unknown) => logger.error({ err: error }));
    // Presence rows of streams whose server stopped without ending them.
    void services.presence
      .purge(new Date(Date.now() - 10 * 60_000))
      .catch((error: unknown) => logger.error({ err: error }));
  };
  housekeeping();
  setInterval(housekeeping, HOUSEKEEPING_INTERVAL_MS).unref();
}

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

main().catch((error: unknown) => {
  process.stderr.write(
    `Impact Wheel could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
