import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';
import { captureMail, UNLIMITED_SIGN_UPS } from './harness.ts';

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
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop = async () => undefined as void;
  if (!serverUrl) {
    database = await openDatabase({ kind: 'pglite-memory' });
  } else {
    const name = `iw_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
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
