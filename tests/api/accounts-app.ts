import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';
import { captureMail, freshDatabase, UNLIMITED_SIGN_UPS } from './harness.ts';

export type AccountsApp = {
  app: FastifyInstance;
  database: Database;
  mail: { to: string; subject: string; text: string }[];
  close: () => Promise<void>;
};

/**
 * The real app on a fresh database (PGlite, or a new database on TEST_DATABASE_URL's server), with the
 * options the sign-in tests vary: the trusted proxies, the sign-in limits and the clock. Mail is captured.
 */
export async function startAccountsApp(
  options: Pick<AppOptions, 'trustProxy' | 'signIn'> = {},
): Promise<AccountsApp> {
  const { database, drop } = await freshDatabase();
  const mail: AccountsApp['mail'] = [];
  const { app } = await buildApp({
    database,
    logger: createLogger('warn'),
    sessionSecret: 'test-secret-0123456789abcdef',
    publicUrl: 'http://localhost:3000',
    mailer: {
      send: async (message) => {
        mail.push(message);
      },
    },
    // Every test database on a PostgreSQL server would otherwise open a LISTEN connection of its own.
    authCacheMs: 0,
    ...options,
    signIn: { ...options.signIn, limits: { signUp: UNLIMITED_SIGN_UPS, ...options.signIn?.limits } },
  });
  captureMail(app, mail);
  await app.ready();
  return {
    app,
    database,
    mail,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
